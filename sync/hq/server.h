// sync/hq/server.h — `kiosk-hq serve`: the HTTP endpoints of messages.h over a Store.
// Every request is authenticated (auth.h); every reply to an authenticated request is signed
// with the kiosk's secret and bound to its nonce. Bodies over max_body_bytes get 413,
// malformed JSON 400 with a reason. httplib stays inside server.cpp.
// Not here: signals and the command line (main.cpp).
#pragma once

#include <cstddef>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "sync/hq/store.h"

namespace kiosk_sync::hq {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 0;  // 0: any free port
    std::size_t max_body_bytes = 8u << 20;
    std::filesystem::path content_file;    // served at /v1/content when it exists
    std::function<std::int64_t()> now_ms;  // HQ's clock; the system clock when empty
};

class HqServer {
public:
    HqServer(Store& store, ServeOptions options);
    ~HqServer();
    HqServer(const HqServer&) = delete;
    HqServer& operator=(const HqServer&) = delete;

    // Binds the listening socket; returns the real port.
    std::expected<int, std::string> bind();
    // Serves until stop(); requests in flight finish first.
    bool run();
    // From any thread.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk_sync::hq
