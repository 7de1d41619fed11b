// The console's listener and the keyring over the key vault; see console_listener.h.
#include "sync/hq/console_listener.h"

#include <sodium.h>

#include <chrono>
#include <cstdlib>

#include "sync/hq/console/app.h"
#include "sync/hq/key_vault.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/record.h"

namespace kiosk_sync::hq {
namespace {

std::int64_t steady_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The console's forms are small; anything larger is refused before it is read.
constexpr std::size_t kMaxFormBytes = 64u << 10;

class VaultKeyring final : public console::Keyring {
public:
    VaultKeyring(std::optional<std::string> wrapped, protocol::BoxPublicKey public_key, std::int64_t idle_ms)
        : has_key_(wrapped.has_value()), vault_(wrapped.value_or(""), idle_ms, steady_ms), public_key_(public_key) {}

    Attempt unlock(std::string_view passphrase) override {
        if (!has_key_) return {Outcome::no_key, 0};
        const auto attempt = vault_.unlock(passphrase);
        switch (attempt.outcome) {
        case KeyVault::Outcome::unlocked: return {Outcome::unlocked, 0};
        case KeyVault::Outcome::wrong_passphrase: return {Outcome::wrong_passphrase, attempt.wait_ms};
        case KeyVault::Outcome::wait: return {Outcome::wait, attempt.wait_ms};
        case KeyVault::Outcome::damaged: return {Outcome::damaged, 0};
        case KeyVault::Outcome::no_memory: return {Outcome::no_memory, 0};
        }
        return {Outcome::damaged, 0};
    }
    void lock() override { vault_.lock(); }
    bool unlocked() override { return vault_.unlocked(); }

    std::optional<std::string> open(std::string_view sealed) override {
        auto box = protocol::from_base64(sealed);
        if (!box || box->size() < crypto_box_SEALBYTES) return std::nullopt;
        std::string plain(box->size() - crypto_box_SEALBYTES, '\0');
        bool opened = false;
        vault_.with_key([&](const unsigned char* secret) {
            opened = crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                                          reinterpret_cast<const unsigned char*>(box->data()), box->size(),
                                          public_key_.data(), secret) == 0;
        });
        if (!opened) {
            sodium_memzero(plain.data(), plain.size());
            return std::nullopt;
        }
        return plain;
    }

    std::optional<std::string> mark(std::string_view label, std::string_view value) override {
        std::optional<std::string> out;
        vault_.with_key([&](const unsigned char* secret) {
            unsigned char mark_key[32];
            static constexpr std::string_view kLabel = "mouj-hq-marks-1";
            crypto_generichash(mark_key, sizeof mark_key, reinterpret_cast<const unsigned char*>(kLabel.data()),
                               kLabel.size(), secret, 32);
            crypto_generichash_state state;
            crypto_generichash_init(&state, mark_key, sizeof mark_key, 32);
            sodium_memzero(mark_key, sizeof mark_key);
            const std::string prefix = std::string(label) + ":";
            crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(prefix.data()), prefix.size());
            crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(value.data()), value.size());
            unsigned char hash[32];
            crypto_generichash_final(&state, hash, sizeof hash);
            char hex[65];
            sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
            out = std::string(hex);
        });
        return out;
    }

private:
    bool has_key_;
    KeyVault vault_;
    protocol::BoxPublicKey public_key_;
};

console::WebRequest web_request(const HttpRequest& request, bool secure) {
    console::WebRequest out;
    out.method = request.method;
    out.path = std::string(request.path());
    const auto question = request.target.find('?');
    if (question != std::string::npos) out.query = request.target.substr(question + 1);
    out.cookie = std::string(request.header("Cookie"));
    out.content_type = std::string(request.header("Content-Type"));
    out.accept_encoding = std::string(request.header("Accept-Encoding"));
    out.body = request.body;
    out.peer = request.peer;
    out.secure = secure;
    return out;
}

// The wrapped key's text; none when there is no such file (a directory whose key is not
// wrapped yet: the key page says to run protect-key).
std::optional<std::string> read_wrapped(const std::filesystem::path& path) {
    auto text = protocol::read_file(path, 4096);
    return text ? std::optional<std::string>(std::move(*text)) : std::nullopt;
}

}  // namespace

std::filesystem::path hq_share_dir() {
    if (const char* env = std::getenv("KIOSK_SHARE_DIR"); env != nullptr && *env != '\0') return env;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec)
        for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path())
            if (std::filesystem::exists(dir / "share" / "mouj-kiosk" / "assets", ec))
                return dir / "share" / "mouj-kiosk";
    return "/usr/share/mouj-kiosk";
}

struct ConsoleListener::Impl {
    console::Pages pages;
    VaultKeyring keyring;
    console::Console console;
    std::unique_ptr<HttpFront> front;

    Impl(console::Data& data, console::Pages p, std::optional<std::string> wrapped, const ConsoleOptions& options,
         console::ConsoleSetup setup)
        : pages(std::move(p)),
          keyring(std::move(wrapped), options.public_key, options.key_idle_ms),
          console(data, keyring, pages, std::move(setup)) {}
};

ConsoleListener::ConsoleListener(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ConsoleListener::~ConsoleListener() { stop(); }

std::expected<std::unique_ptr<ConsoleListener>, std::string> ConsoleListener::open(console::Data& data,
                                                                                   ConsoleOptions options) {
    auto pages = console::Pages::load(options.share / "assets" / "console");
    if (!pages) return std::unexpected(pages.error());
    auto files = console::load_static_files(options.share);
    if (!files) return std::unexpected(files.error());
    console::ConsoleSetup setup{std::move(*files), options.now_ms ? options.now_ms : wall_ms, options.session_idle_ms};
    auto impl =
        std::make_unique<Impl>(data, std::move(*pages), read_wrapped(options.wrapped_key), options, std::move(setup));
    FrontOptions front{options.host, options.port, {}, options.tls};
    front.limits.max_body_bytes = kMaxFormBytes;
    front.limits.body_budget_bytes = 8u << 20;
    const bool secure = options.tls.has_value();
    auto* console = &impl->console;
    auto handler = [console, secure](const HttpRequest& request) {
        console::WebReply reply = console->handle(web_request(request, secure));
        return HttpReply{reply.status, std::move(reply.body), std::move(reply.content_type), std::move(reply.headers)};
    };
    auto refusal = [](int status) {
        return HttpReply{
            status, "<!doctype html><title>" + std::to_string(status) + "</title>", "text/html; charset=utf-8", {}};
    };
    impl->front = std::make_unique<HttpFront>(std::move(front), handler, nullptr, refusal);
    return std::unique_ptr<ConsoleListener>(new ConsoleListener(std::move(impl)));
}

std::expected<int, std::string> ConsoleListener::bind() { return impl_->front->bind(); }
std::expected<void, std::string> ConsoleListener::start() { return impl_->front->start(); }

void ConsoleListener::stop() {
    if (!impl_) return;
    impl_->front->stop();
    impl_->keyring.lock();
}

}  // namespace kiosk_sync::hq
