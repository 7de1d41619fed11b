// kiosk/staff/staff.h — staff mode: the PIN screen, then three tabs (queue and sync, the
// satisfaction dashboard, the kiosk's settings). Opened by holding the logo on home for 3 s;
// closed by staff.exit, by "home", or by the idle wipe like any visit.
// The tabs draw from the session's snapshot (StaffFlow::snapshot), which the app refreshes;
// what needs the store, sync or a drive they return as an Action, and the app reports back
// through the *_done functions below.
// Not here: the PIN's storage and lock-out (pin.h), the saved settings (settings_store.h).
#pragma once

#include "kiosk/screens/screen.h"
#include "kiosk/staff/staff_state.h"

namespace kiosk::staff {

// A fresh, locked staff mode on staff.pin.
void open_staff(screens::Session& session);

screens::Action draw_staff_pin(screens::ScreenContext& ctx);
screens::Action draw_staff_queue(screens::ScreenContext& ctx, const StaffServices& services);
screens::Action draw_staff_dashboard(screens::ScreenContext& ctx);
screens::Action draw_staff_settings(screens::ScreenContext& ctx, const StaffServices& services);

// After TryPin: the message to show, and until when (unix ms) the pad is locked (0: it is
// not); an accepted PIN opens the queue tab.
void pin_tried(screens::Session& session, bool accepted, StaffMessage message, std::int64_t locked_until_ms = 0);
// After ChangePin.
void pin_change_done(screens::Session& session, StaffMessage message);
// After SaveSettings.
void settings_save_done(screens::Session& session, bool saved);
// After SyncNow or StartExport: the queue tab's message (none when `message` is empty),
// scrolled into view when `to_top`.
void queue_action_done(screens::Session& session, StaffMessage message, bool to_top);
// After ExportDashboard.
void dashboard_export_done(screens::Session& session, StaffMessage message);

}  // namespace kiosk::staff
