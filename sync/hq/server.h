// sync/hq/server.h — `kiosk-hq serve`: the HTTP endpoints of messages.h over a Store.
// Every request is authenticated (auth.h); every reply to an authenticated request is signed
// with the kiosk's secret and bound to its nonce. Bodies over max_body_bytes get 413,
// malformed JSON 400 with a reason; an unsigned request or an unknown path is refused before
// its body is read. The listener's own defences (sizes, deadlines, connection limits, TLS)
// are http_front.h's. Not here: signals and the command line (serve_command.cpp).
#pragma once

#include <cstddef>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "sync/hq/http_front.h"
#include "sync/hq/store.h"

namespace kiosk_sync::hq {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 0;  // 0: any free port
    std::size_t max_body_bytes = 8u << 20;
    std::filesystem::path content_file;    // served at /v1/content when it exists
    std::function<std::int64_t()> now_ms;  // HQ's clock; the system clock when empty
    std::optional<TlsIdentity> tls;        // HTTPS only, when set
    FrontLimits limits;                    // its max_body_bytes is the one above
};

class HqServer {
public:
    HqServer(Store& store, ServeOptions options);
    ~HqServer();
    HqServer(const HqServer&) = delete;
    HqServer& operator=(const HqServer&) = delete;

    // Binds the listening socket; returns the real port.
    std::expected<int, std::string> bind();
    // Serves until stop(); requests in flight finish first. False when serving could not
    // start (a broken TLS certificate or key, say), with the reason on stderr.
    bool run();
    // From any thread, before or during run().
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk_sync::hq
