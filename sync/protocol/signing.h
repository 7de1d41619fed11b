// sync/protocol/signing.h — how a kiosk proves a request is its own and fresh, and how HQ
// proves a reply answers that very request. HMAC-SHA256 (libsodium) with the kiosk's 32-byte
// secret over a canonical text: method, target (path and query), timestamp, nonce, kiosk id
// and the SHA-256 of the body. Not here: remembering nonces or judging clocks (that is HQ's
// job, sync/hq/auth.h); transport (sync/client/http.h).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk_sync::protocol {

inline constexpr std::size_t kSecretBytes = 32;
using Secret = std::array<unsigned char, kSecretBytes>;

// Request headers. The reply to a signed request carries X-Signature too (see sign_reply).
inline constexpr const char* kHeaderKiosk = "X-Kiosk-Id";
inline constexpr const char* kHeaderTimestamp = "X-Timestamp";  // ms since the Unix epoch
inline constexpr const char* kHeaderNonce = "X-Nonce";          // 32 lowercase hex characters
inline constexpr const char* kHeaderSignature = "X-Signature";  // 64 lowercase hex characters

// HQ refuses timestamps further than this from its own clock, and remembers nonces this long.
inline constexpr std::int64_t kSkewWindowMs = 5 * 60 * 1000;

// Calls sodium_init() once; every function below does it for you.
void ensure_sodium();

std::string to_hex(std::span<const unsigned char> bytes);
std::optional<std::vector<unsigned char>> from_hex(std::string_view hex);
// A secret or key file's text: exactly 64 hex characters, surrounding whitespace ignored.
std::optional<Secret> secret_from_hex(std::string_view text);

std::string sha256_hex(std::string_view data);
std::string hmac_hex(const Secret& secret, std::string_view message);
bool hmac_verify_hex(const Secret& secret, std::string_view message, std::string_view mac_hex);

Secret random_secret();
std::string random_nonce();

struct RequestAuth {
    std::string kiosk;
    std::int64_t timestamp_ms = 0;
    std::string nonce;
    std::string signature;  // hex
};

// The text that is signed; exposed so tests and the fuzz target can look at it.
std::string request_canonical(std::string_view method, std::string_view target, std::string_view kiosk,
                              std::int64_t timestamp_ms, std::string_view nonce, std::string_view body);

// Signs with a fresh nonce.
RequestAuth sign_request(const Secret& secret, std::string_view kiosk, std::string_view method, std::string_view target,
                         std::string_view body, std::int64_t now_ms);
bool verify_request(const Secret& secret, const RequestAuth& auth, std::string_view method, std::string_view target,
                    std::string_view body);

// A reply is bound to the request's nonce, so an old or forged "accepted" cannot make a kiosk
// drop records it still has to deliver.
std::string sign_reply(const Secret& secret, std::string_view request_nonce, int status, std::string_view body);
bool verify_reply(const Secret& secret, std::string_view request_nonce, int status, std::string_view body,
                  std::string_view signature_hex);

// Parses X-Timestamp: decimal digits only, no sign, no overflow.
std::optional<std::int64_t> parse_timestamp(std::string_view text);

}  // namespace kiosk_sync::protocol
