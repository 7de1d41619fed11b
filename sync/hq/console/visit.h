// sync/hq/console/visit.h — what the console's handlers share about one request (app.h's
// Console::Visit) and small helpers they all use. Internal to the console.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/hq/console/app.h"

namespace kiosk_sync::hq::console {

struct Console::Visit {
    const WebRequest& request;
    std::map<std::string, std::string> query;  // the decoded query; empty when malformed
    std::map<std::string, std::string> form;   // a POST's decoded body
    Lang lang = Lang::ar;
    std::optional<User> user;
    std::string token;   // the session cookie as sent
    std::string stored;  // its stored form
    std::int64_t now_ms = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie and the like

    bool may(Permission permission) const { return user && console::may(user->role, permission); }
    std::string csrf() const { return csrf_token(token); }
    // A form or query value; empty when absent.
    std::string field(const std::string& name) const {
        const auto& source = request.method == "POST" ? form : query;
        const auto it = source.find(name);
        return it == source.end() ? std::string() : it->second;
    }
};

inline constexpr std::string_view kSessionCookie = "mouj_session";
inline constexpr std::string_view kLoginCookie = "mouj_login";  // the login form's CSRF token
inline constexpr std::string_view kLangCookie = "mouj_lang";

// Length in characters (code points) of UTF-8 text that parse_form already checked.
std::size_t characters(std::string_view text);
// "2026-12-03 14:05" (UTC) for ms since the epoch, in Western digits for either language.
std::string format_time(std::int64_t ms);
std::string format_day(std::int64_t ms);
// "2026-12-03" (an <input type=date> value) → ms at that day's start, UTC; none when malformed.
std::optional<std::int64_t> parse_day(std::string_view text);

// --- what the list and record pages share (record_pages.cpp) -----------------------------

inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

std::string_view list_name(ListKind list);  // "requests", "feedback", "volunteers"
Permission read_permission(ListKind list);
Permission change_permission(ListKind list);
// The filterable "type" of each list: the clear field and the values the kiosks send.
struct TypeFilter {
    std::string_view field;  // in the record's clear part
    std::vector<std::string_view> values;
};
const TypeFilter& type_filter(ListKind list);
// The personal fields of each kind in the order a reader wants them.
const std::vector<std::string_view>& personal_fields(ListKind list);
// The label of a clear value, "value.<field>.<value>", or the value itself when unknown.
std::string value_label(const Pages& pages, Lang lang, std::string_view field, std::string_view value);
// The list's type field of a record's clear part, labelled.
std::string clear_summary(const Pages& pages, Lang lang, ListKind list, const nlohmann::json& clear);
// A JSON value as text for a page or a cell.
std::string json_text(const nlohmann::json& value);

}  // namespace kiosk_sync::hq::console
