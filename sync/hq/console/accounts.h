// sync/hq/console/accounts.h — the console's people, as far as no database is needed:
// password hashes, the lock-out after failed logins, session tokens and the CSRF token of a
// session. The store keeps what these return; the server calls them on every request.
//
// Sessions: the cookie carries 32 random bytes; the database keeps only their keyed BLAKE2b
// hash, so a copy of the database opens no session. The CSRF token of a form is derived from
// the cookie, so it needs no storage and dies with the session. Not here: users' rows (the
// store), cookies' attributes and routes (the server).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk_sync::hq::console {

inline constexpr std::size_t kMinPassword = 10;
inline constexpr std::size_t kMaxPassword = 256;

// A message key when `password` will not do ("console.password.short", ".long"), else none.
std::optional<std::string_view> password_problem(std::string_view password);
// Argon2id with libsodium's interactive limits, as crypto_pwhash_str encodes it; empty when
// out of memory.
std::string hash_password(std::string_view password);
bool password_matches(std::string_view encoded_hash, std::string_view password);

// Failed logins in a row, and until when the account is locked: the fifth failure locks it
// for a minute, each later lock twice as long, at most an hour. A success clears it.
struct LoginLock {
    int failures = 0;
    int locks = 0;
    std::int64_t locked_until_ms = 0;

    bool locked(std::int64_t now_ms) const { return now_ms < locked_until_ms; }
    bool operator==(const LoginLock&) const = default;
};
inline constexpr int kFailuresBeforeLock = 5;
LoginLock after_failed_login(LoginLock lock, std::int64_t now_ms);

struct SessionToken {
    std::string cookie;  // 64 hex characters, for the browser
    std::string stored;  // its hash, for the database
};
SessionToken new_session_token();
// The stored form of a cookie's token; empty when the cookie is not a token at all.
std::string stored_form(std::string_view cookie);

// Idle and absolute limits of a session.
inline constexpr std::int64_t kSessionIdleMs = 30 * 60 * 1000;
inline constexpr std::int64_t kSessionLongestMs = 12 * 60 * 60 * 1000;
bool session_live(std::int64_t created_ms, std::int64_t last_seen_ms, std::int64_t now_ms,
                  std::int64_t idle_ms = kSessionIdleMs);

// The token every form of this session carries, and its check (constant time).
std::string csrf_token(std::string_view cookie);
bool csrf_ok(std::string_view cookie, std::string_view form_token);

}  // namespace kiosk_sync::hq::console
