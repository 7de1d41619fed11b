// kiosk/staff/export_panel.h — the queue tab's "export to a drive": the mounted drives to
// choose from, a typed path (staff.export_path), and staff.export, which writes the sealed
// bundle and reports what the read-back verified. Records stay queued.
#pragma once

#include <filesystem>
#include <vector>

#include "kiosk/screens/screen.h"
#include "kiosk/staff/staff_state.h"

namespace kiosk::staff {

// Directories one level under each root (/media/usb0) and two under /run/media (user/label).
std::vector<std::filesystem::path> mounted_drives(const std::vector<std::filesystem::path>& roots);

// Returns the height used; "export" sets `action` to StartExport.
float export_panel(screens::ScreenContext& ctx, const StaffServices& services, screens::Action& action, float x,
                   float y, float w);

}  // namespace kiosk::staff
