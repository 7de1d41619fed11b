// Reading the kiosk's configuration; see config.h.
#include "kiosk/config.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

std::expected<void, std::string> merge(const std::filesystem::path& file, KioskConfig& config) {
    std::error_code ec;
    if (file.empty() || !std::filesystem::exists(file, ec)) return {};
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (!in || json.is_discarded() || !json.is_object())
        return std::unexpected(file.string() + " is not a JSON object");
    try {
        config.kiosk_id = json.value("kiosk_id", config.kiosk_id);
        config.hq_url = json.value("hq_url", config.hq_url);
        config.default_lang = json.value("default_lang", config.default_lang);
        config.digits = json.value("digits", config.digits);
        config.idle_seconds = json.value("idle_seconds", config.idle_seconds);
        config.utc_offset_minutes = json.value("utc_offset_minutes", config.utc_offset_minutes);
        config.max_db_bytes = json.value("max_db_bytes", config.max_db_bytes);
        if (json.contains("drive_roots")) {
            config.drive_roots.clear();
            for (const auto& root : json.at("drive_roots")) config.drive_roots.emplace_back(root.get<std::string>());
        }
    } catch (const nlohmann::json::exception& e) {
        return std::unexpected(file.string() + ": " + e.what());
    }
    return {};
}

}  // namespace

std::expected<KioskConfig, std::string> load_config(const std::filesystem::path& data_dir,
                                                    const std::filesystem::path& extra_file) {
    KioskConfig config;
    if (auto ok = merge(data_dir / "config.json", config); !ok) return std::unexpected(ok.error());
    if (auto ok = merge(extra_file, config); !ok) return std::unexpected(ok.error());
    for (auto& root : config.drive_roots)
        if (root.is_relative()) root = data_dir / root;
    return config;
}

std::filesystem::path default_data_dir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::filesystem::path(xdg) / "mouj-kiosk";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".local" / "share" / "mouj-kiosk";
    return "kiosk-data";
}

}  // namespace kiosk
