// sync/hq/http_front.h — one HTTP(S) listener that a few misbehaving sockets cannot take
// down, for the kiosk API (server.h) and, later, the web console on a listener of its own.
//
//   HttpFront front(options, handler, head_check);
//   auto port = front.bind();        // the listening socket; nothing is served yet
//   front.start();                   // serves on its own threads until stop()
//
// What it guarantees, whatever a client sends (FrontLimits has the numbers):
// - headers larger than max_header_bytes are refused (431) before more is read;
// - a body is read only with a Content-Length no larger than max_body_bytes (chunked bodies
//   are refused with 411 before any of it is read), and all bodies buffered at once stay
//   within body_budget_bytes (503 with Retry-After beyond it);
// - headers must arrive within header_timeout of the connection (or of the previous reply on
//   a kept-alive connection, then idle_timeout), a body within body_timeout of its headers;
//   a connection past its deadline is closed;
// - at most per_address_connections connections from one address, max_connections in all.
// The server is event-driven (epoll, a small thread pool), so waiting sockets cost memory,
// not threads. Handlers run on the pool's threads and must be thread-safe.
// Not here: routing, authentication, the kiosk API (server.cpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kiosk_sync::hq {

struct HttpRequest {
    std::string method;
    std::string target;  // path and query exactly as sent (what a kiosk signs)
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string peer;  // the client's address

    // The value of a header (names compare case-insensitively), empty when absent.
    std::string_view header(std::string_view name) const;
    std::string_view path() const;  // target up to '?'
    // A query parameter's raw (undecoded) value; nothing when absent.
    std::optional<std::string_view> query_param(std::string_view name) const;
};

struct HttpReply {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;
};

struct FrontLimits {
    std::size_t max_header_bytes = 16u << 10;
    std::size_t max_body_bytes = 8u << 20;
    std::size_t body_budget_bytes = 64u << 20;
    std::chrono::seconds header_timeout{10};
    std::chrono::seconds body_timeout{30};
    std::chrono::seconds reply_timeout{30};
    std::chrono::seconds idle_timeout{5};
    unsigned per_address_connections = 32;
    unsigned max_connections = 1000;
    unsigned threads = 4;
};

// PEM text of a certificate (chain) and its private key; the listener speaks only TLS then.
struct TlsIdentity {
    std::string certificate_pem;
    std::string key_pem;
};

struct FrontOptions {
    std::string host = "127.0.0.1";
    int port = 0;  // 0: any free port
    FrontLimits limits;
    std::optional<TlsIdentity> tls;
};

class HttpFront {
public:
    using Handler = std::function<HttpReply(const HttpRequest&)>;
    // Sees a request whose body is not read yet (body empty): a reply refuses it before the
    // body is read (and the connection is closed after it); nothing lets the body come.
    using HeadCheck = std::function<std::optional<HttpReply>(const HttpRequest&)>;
    // The reply for a refusal the front makes itself (411, 413, 503), given its status.
    using Refusal = std::function<HttpReply(int status)>;

    HttpFront(FrontOptions options, Handler handler, HeadCheck head_check, Refusal refusal);
    ~HttpFront();  // stops
    HttpFront(const HttpFront&) = delete;
    HttpFront& operator=(const HttpFront&) = delete;

    // Binds and listens; returns the real port.
    std::expected<int, std::string> bind();
    // Serves the bound socket on the front's own threads.
    std::expected<void, std::string> start();
    // Closes the listener and every connection; requests in flight finish first.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk_sync::hq
