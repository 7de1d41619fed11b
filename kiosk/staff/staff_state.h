// kiosk/staff/staff_state.h — what the app gives staff mode about the kiosk it runs on (its
// id, HQ's address, the export to a drive) and small helpers the tabs share. What staff mode
// remembers between frames is in the visit's Session (kiosk/session/staff_flow.h).
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

#include "kiosk/session/staff_flow.h"

namespace kiosk::staff {

class ExportJob;

// Where an export is: reading the queue, writing to the drive, reading it back to verify.
enum class ExportStage { reading_queue, writing, verifying };

// What a written export bundle came to.
struct ExportedBundle {
    std::filesystem::path file;
    std::size_t records = 0;
};

using session::KioskSettings;

// The idle pauses staff may choose, in seconds.
inline constexpr int kIdleChoices[] = {60, 90, 120, 180, 300};
using session::StaffFlow;
using session::StaffMessage;

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

}  // namespace kiosk::staff
