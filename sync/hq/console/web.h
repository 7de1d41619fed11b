// sync/hq/console/web.h — the console's view of HTTP: a request and a reply as plain values,
// and the decoding every handler needs (form bodies, query strings, cookies). The listener
// (sync/hq/console_listener.cpp) turns its HTTP front's requests into these, so the console
// never sees sockets and tests call it directly.
// Everything decoded here is hostile: percent-escapes that are malformed or decode to invalid
// UTF-8 or control characters make the whole form invalid rather than half-read.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk_sync::hq::console {

struct WebRequest {
    std::string method;  // "GET", "POST", …
    std::string path;    // without the query
    std::string query;   // after '?', undecoded
    std::string cookie;  // the Cookie header
    std::string content_type;
    std::string accept_encoding;  // the Accept-Encoding header
    std::string body;
    std::string peer;     // the client's address
    bool secure = false;  // arrived over TLS: cookies get Secure
};

struct WebReply {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

// name → value of an application/x-www-form-urlencoded text (a body or a query). None when
// any part is malformed, not UTF-8, holds a control character other than tab and newline, or
// a name repeats.
std::optional<std::map<std::string, std::string>> parse_form(std::string_view text);

// A cookie's value from a Cookie header; empty when absent.
std::string cookie_value(std::string_view header, std::string_view name);

// Percent-encoding for a query value.
std::string url_encode(std::string_view text);

// A Set-Cookie value: HttpOnly, SameSite=Strict, Path=/console, Secure when `secure`;
// max_age_s < 0 makes a session cookie, 0 deletes it.
std::string set_cookie(std::string_view name, std::string_view value, bool secure, long max_age_s = -1);

}  // namespace kiosk_sync::hq::console
