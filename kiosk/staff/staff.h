// kiosk/staff/staff.h — staff mode: the PIN screen, then three tabs (queue and sync, the
// satisfaction dashboard, the kiosk's settings). Opened by holding the logo on home for 3 s;
// closed by staff.exit, by "home", or by the idle wipe like any visit.
// Not here: the PIN's storage and lock-out (pin.h), the saved settings (settings_store.h).
#pragma once

#include "kiosk/screens/screen.h"

namespace kiosk::staff {

// A fresh, locked staff mode on staff.pin.
void open_staff(screens::Session& session);

void draw_staff_pin(screens::ScreenContext& ctx);
void draw_staff_queue(screens::ScreenContext& ctx);
void draw_staff_dashboard(screens::ScreenContext& ctx);
void draw_staff_settings(screens::ScreenContext& ctx);

}  // namespace kiosk::staff
