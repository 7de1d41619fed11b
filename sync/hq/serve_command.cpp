// `kiosk-hq serve`: opens the HQ directory, binds, prints "listening on HOST:PORT" (tests and
// scripts wait for that line) and serves until SIGTERM or SIGINT. Signals are taken by a
// thread in sigwait(), not a handler, so stopping the server happens in ordinary code.
#include <pthread.h>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>

#include "sync/hq/cli.h"
#include "sync/hq/console_listener.h"
#include "sync/hq/hq_dir.h"
#include "sync/hq/server.h"
#include "sync/hq/tls_identity.h"

namespace kiosk_sync::hq {

namespace {

struct Listen {
    std::string host;
    int port = 0;
};

std::optional<Listen> parse_listen(const std::string& text) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0) return std::nullopt;
    std::string port = text.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    int value = std::stoi(port);
    if (value > 65535) return std::nullopt;
    return Listen{text.substr(0, colon), value};
}

sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}

// --tls-cert and --tls-key, both or neither: the identity to serve, or the exit status why not.
int tls_of(const Args& args, std::optional<TlsIdentity>& tls) {
    const auto* certificate = args.option("--tls-cert");
    const auto* key = args.option("--tls-key");
    if ((certificate == nullptr) != (key == nullptr)) {
        std::fprintf(stderr, "kiosk-hq: --tls-cert and --tls-key go together\n");
        return 2;
    }
    if (certificate == nullptr) return 0;
    auto loaded = load_tls_identity(*certificate, *key);
    if (!loaded) {
        std::fprintf(stderr, "kiosk-hq: %s\n", loaded.error().c_str());
        return 1;
    }
    tls = std::move(*loaded);
    return 0;
}

// --console HOST:PORT: the web console on a listener of its own, bound (not yet serving), or
// the exit status why not. `--session-idle-seconds N` shortens a console session's idle limit.
int console_of(const Args& args, const HqDir& dir, SqlStore& store, const std::optional<TlsIdentity>& tls,
               std::unique_ptr<ConsoleListener>& console, Listen& bound_at) {
    const auto* text = args.option("--console");
    if (text == nullptr) return 0;
    auto where = parse_listen(*text);
    if (!where) {
        std::fprintf(stderr, "kiosk-hq: --console must be HOST:PORT, e.g. 127.0.0.1:8788\n");
        return 2;
    }
    auto public_key = load_box_public(dir);
    if (!public_key) {
        std::fprintf(stderr, "kiosk-hq: %s\n", public_key.error().c_str());
        return 1;
    }
    ConsoleOptions options;
    options.host = where->host;
    options.port = where->port;
    options.tls = tls;
    options.share = hq_share_dir();
    options.wrapped_key = dir.box_wrapped();
    options.public_key = *public_key;
    if (const auto* idle = args.option("--session-idle-seconds")) {
        const auto seconds = protocol::parse_timestamp(*idle);
        if (!seconds || *seconds < 1 || *seconds > 24 * 3600) {
            std::fprintf(stderr, "kiosk-hq: --session-idle-seconds takes 1 to 86400\n");
            return 2;
        }
        options.session_idle_ms = *seconds * 1000;
    }
    auto opened = ConsoleListener::open(store, std::move(options));
    if (!opened) {
        std::fprintf(stderr, "kiosk-hq: the console cannot start: %s\n", opened.error().c_str());
        return 1;
    }
    auto bound = (*opened)->bind();
    if (!bound) {
        std::fprintf(stderr, "kiosk-hq: %s\n", bound.error().c_str());
        return 1;
    }
    console = std::move(*opened);
    bound_at = Listen{where->host, *bound};
    return 0;
}

}  // namespace

int cmd_serve(const Args& args) {
    const auto dir = hq_dir_of(args);
    const auto* listen_text = args.option("--listen");
    if (!dir || listen_text == nullptr) {
        std::fprintf(stderr, "kiosk-hq: serve needs --dir HQDIR and --listen HOST:PORT\n");
        return 2;
    }
    auto listen = parse_listen(*listen_text);
    if (!listen) {
        std::fprintf(stderr, "kiosk-hq: --listen must be HOST:PORT, e.g. 127.0.0.1:8787\n");
        return 2;
    }
    std::optional<TlsIdentity> tls;
    if (const int status = tls_of(args, tls); status != 0) return status;
    auto store = open_store(*dir);
    if (!store) {
        std::fprintf(stderr, "kiosk-hq: %s\n", store.error().c_str());
        return 1;
    }
    std::unique_ptr<ConsoleListener> console;
    Listen console_at;
    if (const int status = console_of(args, *dir, **store, tls, console, console_at); status != 0) return status;
    // Blocked before any thread starts, so every server thread inherits the mask and only
    // the waiter below ever sees the signals.
    sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    HqServer server(**store,
                    ServeOptions{listen->host, listen->port, 8u << 20, dir->content(), {}, std::move(tls), {}});
    auto port = server.bind();
    if (!port) {
        std::fprintf(stderr, "kiosk-hq: %s\n", port.error().c_str());
        return 1;
    }
    std::atomic<bool> done{false};
    std::thread waiter([&server, &done, signals] {
        int signal = 0;
        sigwait(&signals, &signal);
        // A stop() before run() begins is kept, so one is enough however early the signal.
        if (!done.load()) server.stop();
    });
    std::printf("listening on %s:%d\n", listen->host.c_str(), *port);
    if (console) {
        if (auto started = console->start(); !started) {
            std::fprintf(stderr, "kiosk-hq: the console cannot start: %s\n", started.error().c_str());
            server.stop();
        } else {
            std::printf("console on %s:%d\n", console_at.host.c_str(), console_at.port);
        }
    }
    std::fflush(stdout);
    bool served = server.run();
    done = true;
    if (console) console->stop();  // and the key is locked and wiped
    // When the server stopped on its own, wake the waiter the same way a signal would.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    std::fprintf(stderr, "kiosk-hq: stopped\n");
    return served ? 0 : 1;
}

}  // namespace kiosk_sync::hq
