// kiosk/config.h — the kiosk's settings: DATA/config.json (written by `kiosk-hq provision`
// and by staff settings), overridden by --config FILE and the command line.
#pragma once

#include <expected>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

struct KioskConfig {
    std::string kiosk_id = "unprovisioned";
    std::string hq_url;
    std::string default_lang = "ar";
    std::string digits = "western";  // or "arabic-indic"
    double idle_seconds = 90.0;
    int utc_offset_minutes = 180;
    // A cap on the database's size: on a small or shared disk the kiosk says "full" early and
    // calmly, before the filesystem does it mid-write. 0: no cap.
    std::int64_t max_db_bytes = 0;
    // Where removable drives appear, for staff's export. A relative entry is read against the
    // data directory (load_config resolves it).
    std::vector<std::filesystem::path> drive_roots = {"/media", "/run/media"};
};

// Missing files give the defaults; a file that exists but cannot be read is an error.
std::expected<KioskConfig, std::string> load_config(const std::filesystem::path& data_dir,
                                                    const std::filesystem::path& extra_file);

// Where the kiosk keeps its data when --data is not given.
std::filesystem::path default_data_dir();

}  // namespace kiosk
