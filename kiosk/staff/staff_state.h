// kiosk/staff/staff_state.h — what staff mode remembers between frames, kept in the visit's
// Session (screens/screen.h) so that the idle wipe, which resets the Session, also closes
// staff mode and forgets every PIN digit typed. Header only: screen.h includes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "ui/widgets/scroll.h"

namespace kiosk::staff {

class ExportJob;

// Where an export is: reading the queue, writing to the drive, reading it back to verify.
enum class ExportStage { reading_queue, writing, verifying };

// What a written export bundle came to.
struct ExportedBundle {
    std::filesystem::path file;
    std::size_t records = 0;
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

// What the app tells staff mode about the kiosk it runs on.
struct StaffServices {
    std::string kiosk_id;
    std::string hq_url;
    // Writes every queued record as one sealed, signed bundle into a directory and reads it
    // back (sync/client/export.h); the records stay queued. Empty on an unprovisioned kiosk.
    // It reports its progress as it goes (called from the export's own thread).
    using Progress = std::function<void(ExportStage stage, double fraction)>;
    // now_ms names the bundle: the screen's clock, so a replay's bundle has the same name on
    // every run.
    using Writer = std::function<std::expected<ExportedBundle, std::string>(
        const std::filesystem::path& dir, std::int64_t now_ms, const Progress& progress)>;
    Writer write_bundle;
    std::shared_ptr<ExportJob> export_job;           // runs write_bundle beside the screen
    std::vector<std::filesystem::path> drive_roots;  // where removable drives are mounted
    KioskSettings settings;                          // as they apply now
};

// A message shown on a staff screen: a string key and the one number it may count.
struct StaffMessage {
    std::string key;  // empty: none
    std::int64_t n = 0;
    std::string detail;  // a path or a file name, shown as it is
    bool good = false;   // a confirmation rather than a problem
};

// Where staff send a file (an export, the dashboard's CSV): why the folder will not do, as a
// message (`missing_key` when none was chosen), or nothing when it will.
inline std::optional<StaffMessage> check_target_dir(const std::string& dir, std::string_view missing_key) {
    if (dir.empty()) return StaffMessage{std::string(missing_key)};
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return StaffMessage{.key = "staff.export.no_dir", .detail = dir};
    return std::nullopt;
}

// A written file as staff look for it on the stick: the drive's (or folder's) name and its own.
inline std::string drive_and_file(const std::filesystem::path& file) {
    return (file.parent_path().filename() / file.filename()).string();
}

struct StaffFlow {
    bool unlocked = false;  // the PIN was accepted in this visit
    std::string pin;        // digits being typed on staff.pin; cleared after each try
    StaffMessage pin_message;

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
    bool settings_changed = false;  // the app re-reads the kiosk's settings, then clears this
};

}  // namespace kiosk::staff
