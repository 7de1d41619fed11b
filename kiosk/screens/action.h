// kiosk/screens/action.h — what a screen asks for. Screens decide, the app acts: a screen
// draws from the session and returns at most one Action per frame (as an ImGui widget returns
// a bool); kiosk/app.cpp performs it against the store, the sync worker or the export, then
// hands the outcome back to the screen's own state (outcomes.h, staff/outcomes.h). So no
// screen includes the store or the sync client, and a test can drive a screen without either.
#pragma once

#include <string>
#include <variant>

#include "kiosk/domain/records.h"
#include "kiosk/session/session.h"

namespace kiosk::screens {

// The flows whose forms end in a committed record.
enum class FormKind { Rating, Feedback, Volunteer, Request };

// Commit a validated record; on success the visitor goes to the flow's done screen.
struct Submit {
    domain::Record record;
    FormKind form;
};
// Look up a request's status by its canonical reference.
struct LookUp {
    std::string reference;
};
// Staff: check the PIN typed on staff.pin.
struct TryPin {
    std::string pin;
};
// Staff: change the PIN (the old one is checked like a PIN try).
struct ChangePin {
    std::string old_pin;
    std::string new_pin;
};
// Staff: save the settings tab's choices; they apply to every visit from now on.
struct SaveSettings {
    session::KioskSettings settings;
};
// Staff: wake the sync worker now.
struct SyncNow {};
// Staff: write the queue as a sealed bundle into a folder (beside the screen).
struct StartExport {
    std::string dir;
};
// Staff: write the dashboard's figures as CSV into a folder.
struct ExportDashboard {
    std::string dir;
};

using Action = std::variant<std::monostate, Submit, LookUp, TryPin, ChangePin, SaveSettings, SyncNow, StartExport,
                            ExportDashboard>;

inline bool none(const Action& action) { return std::holds_alternative<std::monostate>(action); }

}  // namespace kiosk::screens
