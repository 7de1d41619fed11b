// sync/hq/console_listener.h — the web console on a listener of its own (`kiosk-hq serve
// --console ADDR`): the console (console/app.h) behind an HTTP front with a form-sized body
// limit, over HQ's store and a keyring around the key vault.
//
// The key: the console never sees its bytes. VaultKeyring opens one record's sealed data, or
// computes a mark, inside KeyVault::with_key; marks use a key derived from HQ's secret
// (BLAKE2b keyed by the secret, over a fixed label), so they are worthless without it.
// Not here: the kiosk API (server.h), the console's routes and pages (console/).
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "sync/hq/console/data.h"
#include "sync/hq/http_front.h"
#include "sync/protocol/kiosk_files.h"

namespace kiosk_sync::hq {

struct ConsoleOptions {
    std::string host = "127.0.0.1";
    int port = 0;
    std::optional<TlsIdentity> tls;
    std::filesystem::path share;          // templates, strings, styles and fonts
    std::filesystem::path wrapped_key;    // keys/hq_box.key.wrapped
    protocol::BoxPublicKey public_key{};  // for opening sealed boxes
    std::int64_t key_idle_ms = 15 * 60 * 1000;
    std::int64_t session_idle_ms = 30 * 60 * 1000;
    std::function<std::int64_t()> now_ms;  // the system clock when empty
};

// The share directory: $KIOSK_SHARE_DIR, else share/mouj-kiosk beside the executable's
// folder or above it (a build tree), else /usr/share/mouj-kiosk.
std::filesystem::path hq_share_dir();

class ConsoleListener {
public:
    static std::expected<std::unique_ptr<ConsoleListener>, std::string> open(console::Data& data,
                                                                             ConsoleOptions options);
    ~ConsoleListener();
    std::expected<int, std::string> bind();
    std::expected<void, std::string> start();
    void stop();  // also locks the key

private:
    struct Impl;
    explicit ConsoleListener(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk_sync::hq
