// kiosk/session/staff_flow.h — what staff mode remembers between frames: the PIN being
// typed, each tab's messages and choices, and the figures the tabs draw from (a snapshot the
// app refreshes, so that drawing a tab runs no SQL). Kept in the visit's Session, so the idle
// wipe, which resets the Session, also closes staff mode and forgets every PIN digit typed.
// Plain data: the app fills the snapshot (kiosk/staff/snapshot.h), staff screens read it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/store/types.h"
#include "ui/widgets/scroll.h"

namespace kiosk::session {

// A message shown on a staff screen: a string key and the one number it may count.
struct StaffMessage {
    std::string key;  // empty: none
    std::int64_t n = 0;
    std::string detail;  // a path or a file name, shown as it is
    bool good = false;   // a confirmation rather than a problem
};

// The kiosk-wide choices staff make on the settings tab; the app applies them to every visit.
struct KioskSettings {
    bool arabic_digits = false;
    int idle_seconds = 90;
    bool english_default = false;
    bool bigger_text = false;
    bool high_contrast = false;

    bool operator==(const KioskSettings&) const = default;
};

// The satisfaction dashboard's figures, read from the store in one go (staff/dashboard_data.h).
struct DashboardFigures {
    store::Satisfaction overall;                   // every rating ever stored on this kiosk
    std::vector<store::DaySatisfaction> days;      // the last 30 local days, oldest first
    std::vector<store::PlaceSatisfaction> places;  // by service and counter
    std::int64_t comments = 0;                     // ratings with a comment (the text is sealed)
};

// How syncing goes, as staff read it (copied from the sync worker's state by the app).
struct SyncFigures {
    bool online = false;
    std::optional<std::int64_t> last_success_ms;  // unix ms of the last complete cycle
    std::string error_key;                        // "sync.error.<name>", "sync.error.none" when fine
    std::uint64_t delivered = 0;

    bool operator==(const SyncFigures&) const = default;
};

// What the staff tabs show of the store and of sync, as of `taken_ms`. Empty until the app
// first fills it (when staff mode opens).
struct StaffSnapshot {
    bool taken = false;
    double taken_ms = 0;  // the screen clock when it was read
    bool store_ok = false;
    bool pin_set = false;
    std::int64_t pin_locked_until_ms = 0;  // wall clock: wrong tries locked the PIN until then
    std::vector<store::StateCount> counts;
    std::vector<store::OutboxEntry> queued;  // the newest few, as the queue tab lists them
    std::vector<store::OutboxEntry> rejected;
    std::optional<DashboardFigures> dashboard;  // empty: the store could not be read
    std::optional<SyncFigures> sync;            // empty: not provisioned for sync
};

struct StaffFlow {
    bool unlocked = false;  // the PIN was accepted in this visit
    std::string pin;        // digits being typed on staff.pin; cleared after each try
    StaffMessage pin_message;
    std::int64_t pin_locked_until_ms = 0;  // wall clock, from the last try (the snapshot has the stored one)

    ui::widgets::ScrollState scroll;  // the tab's content
    StaffMessage queue_message;       // after "sync now" or an export
    std::string export_drive;         // a mounted drive chosen from the list (staff.drive.<n>)
    std::string export_path;          // or a folder typed on staff.export_path; typing unchooses the drive
    // Where an export or the dashboard's CSV goes: the typed folder, else the chosen drive.
    const std::string& export_dir() const { return export_path.empty() ? export_drive : export_path; }

    StaffMessage dashboard_message;  // after the CSV export

    KioskSettings settings;  // the settings tab's choices before "save"
    bool settings_loaded = false;
    std::string old_pin;  // the PIN change on the settings tab
    std::string new_pin;
    StaffMessage settings_message;

    StaffSnapshot snapshot;
};

}  // namespace kiosk::session
