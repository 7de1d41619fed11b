// Request and reply signing with libsodium; see signing.h for the contract.
#include "sync/protocol/signing.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <mutex>

#include <sodium.h>

namespace kiosk_sync::protocol {

namespace {

constexpr std::string_view kRequestDomain = "mouj-sync-v1-request";
constexpr std::string_view kReplyDomain = "mouj-sync-v1-reply";

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view trim(std::string_view text) {
    constexpr std::string_view space = " \t\r\n";
    auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(space);
    return text.substr(first, last - first + 1);
}

const unsigned char* bytes_of(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

}  // namespace

void ensure_sodium() {
    static std::once_flag once;
    // sodium_init() only fails when the system has no randomness source at all; nothing
    // secure can happen then, so stopping is the honest answer.
    std::call_once(once, [] {
        if (sodium_init() < 0) std::abort();
    });
}

std::string to_hex(std::span<const unsigned char> bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0x0f]);
    }
    return out;
}

std::optional<std::vector<unsigned char>> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0) return std::nullopt;
    std::vector<unsigned char> out(hex.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i) {
        int hi = hex_value(hex[2 * i]);
        int lo = hex_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out[i] = static_cast<unsigned char>(hi * 16 + lo);
    }
    return out;
}

std::optional<Secret> secret_from_hex(std::string_view text) {
    auto bytes = from_hex(trim(text));
    if (!bytes || bytes->size() != kSecretBytes) return std::nullopt;
    Secret secret{};
    std::copy(bytes->begin(), bytes->end(), secret.begin());
    return secret;
}

std::string sha256_hex(std::string_view data) {
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), bytes_of(data), data.size());
    return to_hex(digest);
}

std::string hmac_hex(const Secret& secret, std::string_view message) {
    static_assert(kSecretBytes == crypto_auth_hmacsha256_KEYBYTES);
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256(mac.data(), bytes_of(message), message.size(), secret.data());
    return to_hex(mac);
}

bool hmac_verify_hex(const Secret& secret, std::string_view message, std::string_view mac_hex) {
    auto mac = from_hex(mac_hex);
    if (!mac || mac->size() != crypto_auth_hmacsha256_BYTES) return false;
    // libsodium compares in constant time, so the answer leaks nothing about the right MAC.
    return crypto_auth_hmacsha256_verify(mac->data(), bytes_of(message), message.size(), secret.data()) == 0;
}

Secret random_secret() {
    ensure_sodium();
    Secret secret{};
    randombytes_buf(secret.data(), secret.size());
    return secret;
}

std::string random_nonce() {
    ensure_sodium();
    std::array<unsigned char, 16> nonce{};
    randombytes_buf(nonce.data(), nonce.size());
    return to_hex(nonce);
}

std::string request_canonical(std::string_view method, std::string_view target, std::string_view kiosk,
                              std::int64_t timestamp_ms, std::string_view nonce, std::string_view body) {
    std::string text;
    text.reserve(256);
    text.append(kRequestDomain).append("\n");
    text.append(method).append("\n");
    text.append(target).append("\n");
    text.append(std::to_string(timestamp_ms)).append("\n");
    text.append(nonce).append("\n");
    text.append(kiosk).append("\n");
    text.append(sha256_hex(body));
    return text;
}

RequestAuth sign_request(const Secret& secret, std::string_view kiosk, std::string_view method, std::string_view target,
                         std::string_view body, std::int64_t now_ms) {
    RequestAuth auth{std::string(kiosk), now_ms, random_nonce(), {}};
    auth.signature = hmac_hex(secret, request_canonical(method, target, kiosk, now_ms, auth.nonce, body));
    return auth;
}

bool verify_request(const Secret& secret, const RequestAuth& auth, std::string_view method, std::string_view target,
                    std::string_view body) {
    return hmac_verify_hex(secret, request_canonical(method, target, auth.kiosk, auth.timestamp_ms, auth.nonce, body),
                           auth.signature);
}

namespace {

std::string reply_canonical(std::string_view nonce, int status, std::string_view body) {
    std::string text;
    text.append(kReplyDomain).append("\n");
    text.append(nonce).append("\n");
    text.append(std::to_string(status)).append("\n");
    text.append(sha256_hex(body));
    return text;
}

}  // namespace

std::string sign_reply(const Secret& secret, std::string_view request_nonce, int status, std::string_view body) {
    return hmac_hex(secret, reply_canonical(request_nonce, status, body));
}

bool verify_reply(const Secret& secret, std::string_view request_nonce, int status, std::string_view body,
                  std::string_view signature_hex) {
    return hmac_verify_hex(secret, reply_canonical(request_nonce, status, body), signature_hex);
}

std::optional<std::int64_t> parse_timestamp(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    std::int64_t value = 0;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace kiosk_sync::protocol
