// Locating the share directory; see resources.h.
#include "ui/platform/resources.h"

#include <cstdlib>
#include <filesystem>

namespace ui::platform {

std::string share_dir() {
    if (const char* env = std::getenv("KIOSK_SHARE_DIR"); env && *env) return env;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
            auto candidate = dir / "share" / "mouj-kiosk";
            if (std::filesystem::exists(candidate / "fonts", ec)) return candidate.string();
        }
    }
    return "/usr/local/share/mouj-kiosk";
}

}  // namespace ui::platform
