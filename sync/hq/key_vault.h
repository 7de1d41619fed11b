// sync/hq/key_vault.h — HQ's private key at rest and in memory.
//
// At rest the X25519 secret that opens visitors' personal data is only ever kept wrapped by a
// passphrase: Argon2id (libsodium's crypto_pwhash) turns the passphrase and a random salt into
// a key for XChaCha20-Poly1305, which seals the secret; the parameters are authenticated with
// it. The file (keys/hq_box.key.wrapped) is three text lines:
//
//   mouj-hq-key 1
//   argon2id <opslimit> <memlimit> <salt, 32 hex>
//   xchacha20poly1305 <nonce, 48 hex> <sealed secret, 96 hex>
//
// In memory the unwrapped secret lives in a GuardedKey: libsodium's guarded heap (guard pages,
// locked so it is never swapped), read-only while held, zeroed when released. KeyVault is what
// a running kiosk-hq holds: locked at start (ingest needs no key), unlocked by an admin's
// passphrase, locked again on request, after an idle limit, and at exit; a wrong passphrase
// costs a wait that doubles with each further wrong one.
// Not here: where the files are (hq_dir.h), the console page (the server), the CLI prompts.
#pragma once

#include <array>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kiosk_sync::hq {

// 32 bytes in guarded memory. Move-only; the bytes are wiped when it goes.
class GuardedKey {
public:
    static std::expected<GuardedKey, std::string> make();
    GuardedKey(GuardedKey&&) noexcept;
    GuardedKey& operator=(GuardedKey&&) noexcept;
    GuardedKey(const GuardedKey&) = delete;
    GuardedKey& operator=(const GuardedKey&) = delete;
    ~GuardedKey();

    static constexpr std::size_t kSize = 32;
    const unsigned char* data() const { return bytes_; }
    // Writes the bytes (the memory is read-only otherwise).
    void fill(std::span<const unsigned char, kSize> bytes);

private:
    explicit GuardedKey(unsigned char* bytes) : bytes_(bytes) {}
    unsigned char* bytes_ = nullptr;
};

// How hard the passphrase is to guess by brute force. standard_limits() is libsodium's "moderate"
// (about a second and 256 MiB here); interactive_limits() is libsodium's "interactive" (about a
// tenth of that and 64 MiB), for small machines and tests of the command line; fast_limits()
// is the least libsodium allows, for unit tests only.
struct KdfLimits {
    std::uint64_t opslimit = 0;
    std::size_t memlimit = 0;
};
KdfLimits standard_limits();
KdfLimits interactive_limits();
KdfLimits fast_limits();

// Passphrases shorter than this are refused when a key is wrapped.
inline constexpr std::size_t kMinPassphrase = 10;

// The wrapped file's text for `secret`. Fails on a short passphrase or out of memory.
std::expected<std::string, std::string> wrap_key(std::span<const unsigned char, GuardedKey::kSize> secret,
                                                 std::string_view passphrase, KdfLimits limits);

enum class UnwrapError { wrong_passphrase, damaged, no_memory };
std::string_view to_string(UnwrapError error);
// The secret, or why not: a wrong passphrase and a changed file look the same to the cipher,
// so "wrong" means "this passphrase does not open this file".
std::expected<GuardedKey, UnwrapError> unwrap_key(std::string_view wrapped, std::string_view passphrase);

// The running server's key: thread-safe; every use of the key goes through with_key().
class KeyVault {
public:
    using Clock = std::function<std::int64_t()>;  // ms, monotonic enough for waits
    // `wrapped`: the file's text. `idle_ms`: locked again after this long without use.
    KeyVault(std::string wrapped, std::int64_t idle_ms, Clock clock);

    enum class Outcome { unlocked, wrong_passphrase, wait, damaged, no_memory };
    struct Attempt {
        Outcome outcome = Outcome::wrong_passphrase;
        std::int64_t wait_ms = 0;  // until another try is heard (wrong_passphrase, wait)
    };
    Attempt unlock(std::string_view passphrase);
    void lock();
    bool unlocked();
    // Runs `use` with the secret while unlocked (and counts as use); false when locked.
    bool with_key(const std::function<void(const unsigned char* secret)>& use);

private:
    void expire_locked();  // mutex held

    std::mutex mutex_;
    std::string wrapped_;
    std::int64_t idle_ms_;
    Clock clock_;
    std::optional<GuardedKey> key_;
    std::int64_t last_use_ms_ = 0;
    int wrong_in_a_row_ = 0;
    std::int64_t next_try_ms_ = 0;
};

}  // namespace kiosk_sync::hq
