// Passwords, lock-out, sessions and CSRF tokens; see accounts.h.
#include "sync/hq/console/accounts.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "sync/protocol/signing.h"

namespace kiosk_sync::hq::console {
namespace {

constexpr std::int64_t kFirstLockMs = 60'000;
constexpr std::int64_t kLongestLockMs = 3'600'000;
constexpr std::size_t kTokenBytes = 32;

// A keyed BLAKE2b of the cookie under a fixed context: `purpose` separates the stored form
// from the CSRF token, so neither can be computed from the other.
std::string keyed_hash(std::string_view cookie, std::string_view purpose) {
    std::array<unsigned char, kTokenBytes> token{};
    std::size_t written = 0;
    if (cookie.size() != kTokenBytes * 2 ||
        sodium_hex2bin(token.data(), token.size(), cookie.data(), cookie.size(), nullptr, &written, nullptr) != 0 ||
        written != token.size())
        return {};
    std::array<unsigned char, 32> out{};
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(purpose.data()), purpose.size(),
                       token.data(), token.size());
    sodium_memzero(token.data(), token.size());
    return protocol::to_hex(out);
}

}  // namespace

std::optional<std::string_view> password_problem(std::string_view password) {
    if (password.size() < kMinPassword) return "console.password.short";
    if (password.size() > kMaxPassword) return "console.password.long";
    return std::nullopt;
}

std::string hash_password(std::string_view password) {
    if (sodium_init() < 0) return {};
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return {};
    return std::string(out.data());
}

bool password_matches(std::string_view encoded_hash, std::string_view password) {
    if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
    const std::string hash(encoded_hash);  // crypto_pwhash_str_verify wants it NUL-terminated
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

LoginLock after_failed_login(LoginLock lock, std::int64_t now_ms) {
    ++lock.failures;
    if (lock.failures < kFailuresBeforeLock) return lock;
    const std::int64_t wait = std::min(kLongestLockMs, kFirstLockMs << std::min(lock.locks, 10));
    ++lock.locks;
    lock.failures = 0;
    lock.locked_until_ms = now_ms + wait;
    return lock;
}

SessionToken new_session_token() {
    if (sodium_init() < 0) return {};
    std::array<unsigned char, kTokenBytes> token{};
    randombytes_buf(token.data(), token.size());
    SessionToken t;
    t.cookie = protocol::to_hex(token);
    sodium_memzero(token.data(), token.size());
    t.stored = stored_form(t.cookie);
    return t;
}

std::string stored_form(std::string_view cookie) { return keyed_hash(cookie, "mouj-hq-session"); }

bool session_live(std::int64_t created_ms, std::int64_t last_seen_ms, std::int64_t now_ms, std::int64_t idle_ms) {
    return now_ms - last_seen_ms < idle_ms && now_ms - created_ms < kSessionLongestMs;
}

std::string csrf_token(std::string_view cookie) { return keyed_hash(cookie, "mouj-hq-csrf"); }

bool csrf_ok(std::string_view cookie, std::string_view form_token) {
    const std::string expected = csrf_token(cookie);
    return !expected.empty() && form_token.size() == expected.size() &&
           sodium_memcmp(expected.data(), form_token.data(), expected.size()) == 0;
}

}  // namespace kiosk_sync::hq::console
