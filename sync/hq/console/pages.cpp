// Server-rendered console pages; see pages.h.
#include "sync/hq/console/pages.h"

#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include <nlohmann/json.hpp>

#include "sync/protocol/file_io.h"

namespace kiosk_sync::hq::console {
namespace {

std::expected<std::map<std::string, std::string>, std::string> load_strings(const std::filesystem::path& file) {
    auto text = protocol::read_file(file);
    if (!text) return std::unexpected("cannot read " + file.string());
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object()) return std::unexpected(file.string() + " is not a JSON object");
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : json.items()) {
        if (!value.is_string()) return std::unexpected(file.string() + ": " + key + " is not a string");
        out[key] = value.get<std::string>();
    }
    return out;
}

// "a.b.c" → t["a"]["b"]["c"], so templates write {{t.login.title}}.
void put(mstch::map& root, std::string_view key, const std::string& value) {
    const auto dot = key.find('.');
    if (dot == std::string_view::npos) {
        root[std::string(key)] = value;
        return;
    }
    auto& child = root[std::string(key.substr(0, dot))];
    if (boost::get<mstch::map>(&child) == nullptr) child = mstch::map{};
    put(*boost::get<mstch::map>(&child), key.substr(dot + 1), value);
}

struct NavItem {
    std::string_view id;
    Permission permission;
    bool served;  // false: a section this version of the console does not have yet
};
constexpr std::array kNav = {
    NavItem{"requests", Permission::read_requests, true},
    NavItem{"feedback", Permission::read_feedback, true},
    NavItem{"volunteers", Permission::read_volunteers, true},
    NavItem{"satisfaction", Permission::read_satisfaction, false},
    NavItem{"kiosks", Permission::read_kiosks, false},
    NavItem{"content", Permission::manage_content, false},
    NavItem{"audit", Permission::read_audit, true},
    NavItem{"users", Permission::manage_users, false},
    NavItem{"key", Permission::manage_key, true},
};

}  // namespace

std::string_view to_string(Lang lang) { return lang == Lang::ar ? "ar" : "en"; }

std::optional<Lang> lang_from(std::string_view code) {
    if (code == "ar") return Lang::ar;
    if (code == "en") return Lang::en;
    return std::nullopt;
}

std::expected<Pages, std::string> Pages::load(const std::filesystem::path& dir) {
    Pages pages;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "templates", ec)) {
        if (entry.path().extension() != ".mustache") continue;
        auto text = protocol::read_file(entry.path());
        if (!text) return std::unexpected("cannot read " + entry.path().string());
        pages.templates_[entry.path().stem().string()] = std::move(*text);
    }
    if (ec || !pages.templates_.contains("layout"))
        return std::unexpected("no console templates in " + (dir / "templates").string());
    auto ar = load_strings(dir / "strings" / "ar.json");
    if (!ar) return std::unexpected(ar.error());
    auto en = load_strings(dir / "strings" / "en.json");
    if (!en) return std::unexpected(en.error());
    pages.ar_ = std::move(*ar);
    pages.en_ = std::move(*en);
    return pages;
}

std::string Pages::text(Lang lang, std::string_view key) const {
    const auto& strings = catalogue(lang);
    const auto it = strings.find(std::string(key));
    return it != strings.end() ? it->second : std::string(key);  // a missing key shows itself; a test forbids it
}

std::string Pages::format(Lang lang, std::string_view key,
                          const std::vector<std::pair<std::string, double>>& args) const {
    const std::string pattern = text(lang, key);
    UErrorCode status = U_ZERO_ERROR;
    // Western digits in both languages, as the dates, references and IDs beside them.
    icu::MessageFormat format(icu::UnicodeString::fromUTF8(pattern),
                              icu::Locale::createFromName(lang == Lang::ar ? "ar@numbers=latn" : "en"), status);
    if (U_FAILURE(status)) return pattern;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    for (const auto& [name, value] : args) {
        names.push_back(icu::UnicodeString::fromUTF8(name));
        values.emplace_back(value);
    }
    icu::UnicodeString out;
    format.format(names.data(), values.data(), static_cast<int32_t>(values.size()), out, status);
    if (U_FAILURE(status)) return pattern;
    std::string result;
    out.toUTF8String(result);
    return result;
}

mstch::map Pages::strings_node(Lang lang) const {
    mstch::map t;
    for (const auto& [key, value] : catalogue(lang)) put(t, key, value);
    return t;
}

std::string Pages::render(std::string_view page, Lang lang, const PageFrame& frame, mstch::map data) const {
    const auto body = templates_.find(std::string(page));
    const mstch::map t = strings_node(lang);
    data["t"] = t;
    const std::string html = body != templates_.end() ? mstch::render(body->second, data) : std::string();
    const Lang other = lang == Lang::ar ? Lang::en : Lang::ar;
    mstch::map layout{{"t", t},
                      {"lang", std::string(to_string(lang))},
                      {"dir", std::string(lang == Lang::ar ? "rtl" : "ltr")},
                      {"other_lang", std::string(to_string(other))},
                      {"lang_href", frame.path + (frame.path.find('?') == std::string::npos ? "?" : "&") +
                                        "lang=" + std::string(to_string(other))},
                      {"title", text(lang, frame.title_key)},
                      {"body", html}};
    if (frame.viewer) {
        mstch::array nav;
        // Every section is named on every page; those the role may not open, and those not in
        // this version yet, are shown as such (and refused by the server all the same).
        for (const auto& item : kNav) {
            nav.push_back(mstch::map{{"id", std::string(item.id)},
                                     {"allowed", item.served && may(frame.viewer->role, item.permission)},
                                     {"href", "/console/" + std::string(item.id)},
                                     {"label", text(lang, "nav." + std::string(item.id))},
                                     {"active", item.id == frame.active}});
        }
        const std::string state = frame.key_unlocked ? "unlocked" : "locked";
        layout["user"] = frame.viewer->name;
        layout["role_label"] = text(lang, "role." + std::string(to_string(frame.viewer->role)));
        layout["csrf"] = frame.viewer->csrf;
        layout["nav"] = nav;
        layout["key_state"] = state;
        layout["key_label"] = text(lang, "key." + state);
    }
    return mstch::render(templates_.at("layout"), layout);
}

}  // namespace kiosk_sync::hq::console
