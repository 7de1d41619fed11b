// sync/hq/console/app.h — the HQ console as a function of requests: routes, sessions, the
// CSRF check, roles, the audit trail and the pages, over the Data and Keyring interfaces.
//
//   Console console(data, keyring, pages, setup);
//   WebReply reply = console.handle(request);   // thread-safe
//
// Every route checks the session and the role on the server (roles.h), every POST its CSRF
// token, before anything is read or changed; a refusal is a page in the user's language with
// 403. Personal data is decrypted per page view through the Keyring and never leaves the
// reply (not in URLs, logs or the audit detail). Every reply carries a Content-Security-Policy
// that allows no script and no inline style, and pages are never cached.
// Not here: sockets (console_listener.cpp), storage (data.h), the key's bytes (keyring.h).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "sync/hq/console/data.h"
#include "sync/hq/console/keyring.h"
#include "sync/hq/console/pages.h"
#include "sync/hq/console/web.h"

namespace kiosk_sync::hq::console {

struct StaticFile {
    std::string content_type;
    std::string body;
    std::string gzipped;  // the body gzip-compressed, for browsers that accept it
    std::string etag;
};

struct ConsoleSetup {
    // /console/static/<name> → the file, read once at start.
    std::map<std::string, StaticFile, std::less<>> static_files;
    std::function<std::int64_t()> now_ms;  // wall clock, ms since the epoch
    std::int64_t session_idle_ms = kSessionIdleMs;
};

// The console's static files: Bootstrap's two builds, console.css and the Arabic web font.
// `share` is the share directory (console-static/, fonts/, assets/console/).
std::expected<std::map<std::string, StaticFile, std::less<>>, std::string> load_static_files(
    const std::filesystem::path& share);

class Console {
public:
    Console(Data& data, Keyring& keyring, const Pages& pages, ConsoleSetup setup);
    WebReply handle(const WebRequest& request);

    // One request as the console sees it: who asks, in which language, with which token.
    struct Visit;

private:
    WebReply route(Visit& visit);
    WebReply route_signed_in(Visit& visit);
    bool resolve_session(Visit& visit);
    WebReply redirect(Visit& visit, std::string location);
    WebReply page(Visit& visit, std::string_view name, std::string_view title_key, std::string_view active,
                  mstch::map data, int status = 200);
    WebReply refusal(Visit& visit, int status, std::string_view what);  // "forbidden", "csrf", …
    void audit(const Visit& visit, std::string_view action, std::string_view subject, std::string_view detail);

    WebReply login_page(Visit& visit, std::string error, std::string name, int status = 200);
    WebReply login(Visit& visit);
    WebReply logout(Visit& visit);
    WebReply home(Visit& visit);
    WebReply key_page(Visit& visit, std::string message, bool error, int status = 200);
    WebReply key_action(Visit& visit, bool unlock);
    void mark_unmarked();
    WebReply list_page(Visit& visit, ListKind list);
    WebReply list_csv(Visit& visit, ListKind list);
    WebReply record_page(Visit& visit, ListKind list, const RecordKey& key, mstch::map form = {}, int status = 200);
    WebReply change_state(Visit& visit, ListKind list, const RecordKey& key);
    WebReply audit_page(Visit& visit, std::string verdict);
    WebReply audit_verify(Visit& visit);
    WebReply static_file(const Visit& visit, std::string_view name) const;

    Data& data_;
    Keyring& keyring_;
    const Pages& pages_;
    ConsoleSetup setup_;
};

}  // namespace kiosk_sync::hq::console
