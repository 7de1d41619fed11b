// Reading content.json; see content.h. A missing field is an error with its name, so a bad
// content update from HQ is refused rather than shown half-empty.
#include "kiosk/session/content.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace kiosk::session {
namespace {

using nlohmann::json;

std::expected<AboutText, std::string> parse_about(const json& j, const char* lang) {
    if (!j.is_object()) return std::unexpected(std::string("about.") + lang + " is missing");
    try {
        return AboutText{j.at("title").get<std::string>(),          j.at("intro").get<std::string>(),
                         j.at("services_title").get<std::string>(), j.at("services").get<std::vector<std::string>>(),
                         j.at("channels_title").get<std::string>(), j.at("channels").get<std::vector<std::string>>(),
                         j.at("qr_web").get<std::string>(),         j.at("qr_mail").get<std::string>()};
    } catch (const json::exception& e) {
        return std::unexpected(std::string("about.") + lang + ": " + e.what());
    }
}

}  // namespace

std::expected<Content, std::string> load_content(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::unexpected("cannot open " + path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    json j = json::parse(buffer.str(), nullptr, false);
    if (j.is_discarded() || !j.contains("about")) return std::unexpected(path + " is not valid content");
    const json& about = j["about"];
    auto ar = parse_about(about.value("ar", json()), "ar");
    if (!ar) return std::unexpected(ar.error());
    auto en = parse_about(about.value("en", json()), "en");
    if (!en) return std::unexpected(en.error());
    return Content{std::move(*ar), std::move(*en), about.value("website", ""), about.value("email", "")};
}

}  // namespace kiosk::session
