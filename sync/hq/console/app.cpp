// The console's routes, sessions and sign-in; see app.h. Lists and record pages are in
// record_pages.cpp, the key and the audit log in key_audit_pages.cpp, static files in
// static_files.cpp.
#include "sync/hq/console/app.h"

#include <sodium.h>

#include <algorithm>
#include <ctime>

#include "sync/hq/console/visit.h"

namespace kiosk_sync::hq::console {
namespace {

constexpr std::string_view kSecurityPolicy =
    "default-src 'none'; style-src 'self'; font-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

std::string random_hex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    hex.pop_back();
    return hex;
}

// "/console/requests/k1/abc" → {"requests", "k1", "abc"}; parts are plain (no escapes).
std::vector<std::string> parts_of(std::string_view path) {
    std::vector<std::string> parts;
    path.remove_prefix(std::min(path.size(), std::string_view("/console").size()));
    while (!path.empty()) {
        if (path.front() == '/') {
            path.remove_prefix(1);
            continue;
        }
        const auto slash = path.find('/');
        parts.emplace_back(path.substr(0, slash));
        path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
    }
    return parts;
}

std::optional<ListKind> list_named(std::string_view name) {
    if (name == "requests") return ListKind::requests;
    if (name == "feedback") return ListKind::feedback;
    if (name == "volunteers") return ListKind::volunteers;
    return std::nullopt;
}

bool plain_id(std::string_view text) {
    return !text.empty() && text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
}

}  // namespace

std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string format_time(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &utc);
    return text;
}

std::string format_day(std::int64_t ms) { return format_time(ms).substr(0, 10); }

std::optional<std::int64_t> parse_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    std::tm day{};
    int year = 0, month = 0, mday = 0;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    year = std::stoi(std::string(text.substr(0, 4)));
    month = std::stoi(std::string(text.substr(5, 2)));
    mday = std::stoi(std::string(text.substr(8, 2)));
    if (year < 2000 || year > 2200 || month < 1 || month > 12 || mday < 1 || mday > 31) return std::nullopt;
    day.tm_year = year - 1900;
    day.tm_mon = month - 1;
    day.tm_mday = mday;
    return static_cast<std::int64_t>(timegm(&day)) * 1000;
}

Console::Console(Data& data, Keyring& keyring, const Pages& pages, ConsoleSetup setup)
    : data_(data), keyring_(keyring), pages_(pages), setup_(std::move(setup)) {}

WebReply Console::handle(const WebRequest& request) {
    Visit visit{request};
    visit.now_ms = setup_.now_ms();
    if (auto query = parse_form(request.query)) visit.query = std::move(*query);
    if (auto lang = lang_from(cookie_value(request.cookie, kLangCookie))) visit.lang = *lang;
    WebReply reply = route(visit);
    for (auto& header : visit.headers) reply.headers.push_back(std::move(header));
    reply.headers.emplace_back("Content-Security-Policy", std::string(kSecurityPolicy));
    reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
    reply.headers.emplace_back("Referrer-Policy", "no-referrer");
    reply.headers.emplace_back("X-Frame-Options", "DENY");
    if (reply.content_type.starts_with("text/html") || reply.content_type.starts_with("text/csv"))
        reply.headers.emplace_back("Cache-Control", "no-store");
    return reply;
}

WebReply Console::route(Visit& visit) {
    const WebRequest& request = visit.request;
    const auto parts = parts_of(request.path);
    if (request.path != "/console" && !request.path.starts_with("/console/")) return refusal(visit, 404, "not_found");
    if (parts.size() == 2 && parts[0] == "static" && request.method == "GET") return static_file(visit, parts[1]);
    if (request.method == "POST") {
        if (!request.content_type.starts_with("application/x-www-form-urlencoded"))
            return refusal(visit, 400, "bad_form");
        auto form = parse_form(request.body);
        if (!form) return refusal(visit, 400, "bad_form");
        visit.form = std::move(*form);
    } else if (request.method != "GET") {
        return refusal(visit, 405, "not_found");
    }
    const bool signed_in = resolve_session(visit);
    // ?lang= switches the language for this page and remembers it (in the session as well).
    if (auto lang = lang_from(visit.field("lang")); lang && request.method == "GET") {
        visit.lang = *lang;
        visit.headers.emplace_back(
            "Set-Cookie", set_cookie(kLangCookie, std::string(to_string(*lang)), request.secure, 365L * 24 * 3600));
        if (signed_in) (void)data_.touch_session(visit.stored, visit.now_ms, to_string(*lang));
    }
    if (parts.size() == 1 && parts[0] == "login") {
        if (request.method == "POST") return login(visit);
        if (signed_in) return redirect(visit, "/console/");
        return login_page(visit, visit.field("expired") == "1" ? pages_.text(visit.lang, "login.expired") : "", "");
    }
    if (!signed_in) {
        if (!visit.token.empty()) return redirect(visit, "/console/login?expired=1");
        return redirect(visit, "/console/login");
    }
    // Every form of a signed-in user carries the session's token; without it nothing is done.
    if (request.method == "POST" && !csrf_ok(visit.token, visit.field("csrf"))) return refusal(visit, 403, "csrf");
    return route_signed_in(visit);
}

WebReply Console::route_signed_in(Visit& visit) {
    const auto parts = parts_of(visit.request.path);
    const bool post = visit.request.method == "POST";
    if (parts.empty()) return home(visit);
    const std::string& section = parts[0];
    if (parts.size() == 1 && section == "logout" && post) return logout(visit);
    if (section == "key") {
        if (!visit.may(Permission::manage_key)) return refusal(visit, 403, "forbidden");
        if (parts.size() == 1 && !post) return key_page(visit, "", false);
        if (parts.size() == 2 && post && (parts[1] == "unlock" || parts[1] == "lock"))
            return key_action(visit, parts[1] == "unlock");
        return refusal(visit, 404, "not_found");
    }
    if (section == "audit") {
        if (!visit.may(Permission::read_audit)) return refusal(visit, 403, "forbidden");
        if (parts.size() == 1 && !post) return audit_page(visit, "");
        if (parts.size() == 2 && parts[1] == "verify" && post) return audit_verify(visit);
        return refusal(visit, 404, "not_found");
    }
    const std::string base = section.ends_with(".csv") ? section.substr(0, section.size() - 4) : section;
    const auto list = list_named(base);
    if (!list) return refusal(visit, 404, "not_found");
    const Permission read = *list == ListKind::requests   ? Permission::read_requests
                            : *list == ListKind::feedback ? Permission::read_feedback
                                                          : Permission::read_volunteers;
    if (!visit.may(read)) return refusal(visit, 403, "forbidden");
    if (parts.size() == 1 && !post) {
        if (base == section) return list_page(visit, *list);
        if (!visit.may(Permission::export_lists)) return refusal(visit, 403, "forbidden");
        return list_csv(visit, *list);
    }
    if (base != section || parts.size() < 3 || !plain_id(parts[1]) || !plain_id(parts[2]))
        return refusal(visit, 404, "not_found");
    const RecordKey key{parts[1], parts[2]};
    if (parts.size() == 3 && !post) return record_page(visit, *list, key);
    if (parts.size() == 4 && parts[3] == "state" && post) return change_state(visit, *list, key);
    return refusal(visit, 404, "not_found");
}

bool Console::resolve_session(Visit& visit) {
    visit.token = cookie_value(visit.request.cookie, kSessionCookie);
    if (visit.token.empty()) return false;
    visit.stored = stored_form(visit.token);
    auto session = visit.stored.empty() ? std::nullopt : data_.session(visit.stored).value_or(std::nullopt);
    if (!session) return false;
    if (!session_live(session->created_ms, session->last_seen_ms, visit.now_ms, setup_.session_idle_ms)) {
        (void)data_.drop_session(visit.stored);
        return false;
    }
    auto user = data_.user(session->user).value_or(std::nullopt);
    if (!user || user->disabled) return false;
    visit.user = std::move(*user);
    if (auto lang = lang_from(session->lang)) visit.lang = *lang;
    (void)data_.touch_session(visit.stored, visit.now_ms, to_string(visit.lang));
    return true;
}

WebReply Console::redirect(Visit& visit, std::string location) {
    (void)visit;
    WebReply reply;
    reply.status = 303;
    reply.headers.emplace_back("Location", std::move(location));
    return reply;
}

WebReply Console::page(Visit& visit, std::string_view name, std::string_view title_key, std::string_view active,
                       mstch::map data, int status) {
    PageFrame frame{title_key, active, visit.request.path, std::nullopt, keyring_.unlocked()};
    // The language switch keeps the page's own query (its filters), minus the old choice.
    std::string query;
    for (const auto& [k, v] : visit.query)
        if (k != "lang") query += (query.empty() ? "?" : "&") + url_encode(k) + "=" + url_encode(v);
    if (visit.request.method == "GET") frame.path += query;
    if (visit.user) {
        frame.viewer = Viewer{visit.user->name, visit.user->role, visit.csrf()};
        data["csrf"] = frame.viewer->csrf;  // for the page's own forms
    }
    WebReply reply;
    reply.status = status;
    reply.body = pages_.render(name, visit.lang, frame, std::move(data));
    return reply;
}

WebReply Console::refusal(Visit& visit, int status, std::string_view what) {
    const std::string base = "error." + std::string(what);
    mstch::map data{{"heading", pages_.text(visit.lang, base + ".heading")},
                    {"message", pages_.text(visit.lang, base + ".message")}};
    if (status == 403 && visit.user)
        audit(visit, "refused", visit.request.method + " " + visit.request.path.substr(0, 200), std::string(what));
    return page(visit, "error", base + ".heading", "", std::move(data), status);
}

void Console::audit(const Visit& visit, std::string_view action, std::string_view subject, std::string_view detail) {
    AuditEntry entry;
    entry.at_ms = visit.now_ms;
    entry.actor = visit.user ? visit.user->name : std::string("-");
    entry.action = action;
    entry.subject = subject;
    entry.detail = std::string(detail) + (visit.request.peer.empty() ? "" : " from " + visit.request.peer);
    (void)data_.append_audit(std::move(entry));
}

WebReply Console::login_page(Visit& visit, std::string error, std::string name, int status) {
    // The login form's own CSRF token: a random cookie the form must repeat (there is no
    // session yet to derive one from).
    std::string token = cookie_value(visit.request.cookie, kLoginCookie);
    if (token.size() != 64) {
        token = random_hex(32);
        visit.headers.emplace_back("Set-Cookie", set_cookie(kLoginCookie, token, visit.request.secure));
    }
    mstch::map data{{"csrf", token}, {"name", std::move(name)}};
    if (!error.empty()) data["error"] = std::move(error);
    return page(visit, "login", "login.title", "", std::move(data), status);
}

WebReply Console::login(Visit& visit) {
    const std::string expected = cookie_value(visit.request.cookie, kLoginCookie);
    const std::string sent = visit.field("csrf");
    if (expected.size() != 64 || sent.size() != expected.size() ||
        sodium_memcmp(expected.data(), sent.data(), expected.size()) != 0)
        return refusal(visit, 403, "csrf");
    const std::string name = visit.field("name");
    const std::string password = visit.field("password");
    const std::string wrong = pages_.text(visit.lang, "login.wrong");
    if (name.empty() || characters(name) > 64 || password.empty() || password.size() > kMaxPassword)
        return login_page(visit, wrong, name.substr(0, 64), 401);
    auto user = data_.user(name);
    if (!user) return refusal(visit, 500, "storage");
    if (!*user || (*user)->disabled) {
        // The same work as a real check, so a missing name answers as slowly as a wrong password.
        (void)password_matches(hash_password("not a password of anyone"), password);
        audit(visit, "login.failed", name.substr(0, 64), "unknown or disabled");
        return login_page(visit, wrong, name, 401);
    }
    User& account = **user;
    auto locked_message = [&](std::int64_t until) {
        const double minutes = std::max<double>(1.0, static_cast<double>((until - visit.now_ms + 59999) / 60000));
        return pages_.format(visit.lang, "login.locked", {{"minutes", minutes}});
    };
    if (account.lock.locked(visit.now_ms)) {
        audit(visit, "login.locked", account.name, "");
        return login_page(visit, locked_message(account.lock.locked_until_ms), name, 429);
    }
    if (!password_matches(account.password_hash, password)) {
        account.lock = after_failed_login(account.lock, visit.now_ms);
        (void)data_.update_user(account);
        audit(visit, "login.failed", account.name, "wrong password");
        if (account.lock.locked(visit.now_ms))
            return login_page(visit, locked_message(account.lock.locked_until_ms), name, 429);
        return login_page(visit, wrong, name, 401);
    }
    account.lock = LoginLock{};
    (void)data_.update_user(account);
    const SessionToken token = new_session_token();
    if (!data_.put_session(
            Session{token.stored, account.name, std::string(to_string(visit.lang)), visit.now_ms, visit.now_ms}))
        return refusal(visit, 500, "storage");
    visit.user = account;
    audit(visit, "login", account.name, "");
    visit.headers.emplace_back("Set-Cookie", set_cookie(kSessionCookie, token.cookie, visit.request.secure));
    visit.headers.emplace_back("Set-Cookie", set_cookie(kLoginCookie, "", visit.request.secure, 0));
    return redirect(visit, "/console/");
}

WebReply Console::logout(Visit& visit) {
    (void)data_.drop_session(visit.stored);
    audit(visit, "logout", visit.user->name, "");
    visit.headers.emplace_back("Set-Cookie", set_cookie(kSessionCookie, "", visit.request.secure, 0));
    return redirect(visit, "/console/login");
}

}  // namespace kiosk_sync::hq::console
