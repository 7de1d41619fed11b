// sync/hq/console/pages.h — the console's HTML, rendered on the server: mstch templates
// (values HTML-escaped unless a template asks otherwise) inside one layout, with every word
// from the console's catalogues (assets/console/strings, Arabic first, ICU plural rules).
// No script on any page: the Content-Security-Policy forbids it, and nothing needs it.
// Not here: routes, sessions or data (the server fills `data`).
#pragma once

#include <expected>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <mstch/mstch.hpp>

#include "sync/hq/console/roles.h"

namespace kiosk_sync::hq::console {

enum class Lang { ar, en };
std::string_view to_string(Lang lang);
std::optional<Lang> lang_from(std::string_view code);

// Who is looking, for the layout: empty on the login page.
struct Viewer {
    std::string name;
    Role role = Role::viewer;
    std::string csrf;  // the session's CSRF token, put in every form
};

struct PageFrame {
    std::string_view title_key;  // the page's title in the catalogue
    std::string_view active;     // the nav item to mark: "requests", "key", …
    std::string path;            // this page's path, for the language switch
    std::optional<Viewer> viewer;
    bool key_unlocked = false;
};

class Pages {
public:
    // `dir` holds templates/*.mustache and strings/{ar,en}.json.
    static std::expected<Pages, std::string> load(const std::filesystem::path& dir);

    std::string text(Lang lang, std::string_view key) const;
    // ICU MessageFormat with named numeric arguments: {minutes, plural, …}.
    std::string format(Lang lang, std::string_view key, const std::vector<std::pair<std::string, double>>& args) const;
    // `page` (a template name) with `data`, inside the layout.
    std::string render(std::string_view page, Lang lang, const PageFrame& frame, mstch::map data) const;

    const std::map<std::string, std::string>& catalogue(Lang lang) const { return lang == Lang::ar ? ar_ : en_; }

private:
    mstch::map strings_node(Lang lang) const;

    std::map<std::string, std::string> templates_;
    std::map<std::string, std::string> ar_;
    std::map<std::string, std::string> en_;
};

}  // namespace kiosk_sync::hq::console
