// libsodium sealed boxes and key loading; see sealing.h.
#include "kiosk/store/sealing.h"

#include <fstream>
#include <sstream>

#include <sodium.h>

namespace kiosk::store {
namespace {

static_assert(std::tuple_size_v<PublicKey> == crypto_box_PUBLICKEYBYTES);

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return s;
}

}  // namespace

std::optional<PublicKey> parse_public_key_hex(std::string_view text) {
    const std::string_view hex = trimmed(text);
    PublicKey key{};
    std::size_t written = 0;
    if (hex.size() != 2 * key.size() ||
        sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &written, nullptr) != 0 ||
        written != key.size()) {
        return std::nullopt;
    }
    return key;
}

std::expected<PublicKey, StoreError> load_public_key(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return std::unexpected(StoreError{StoreErrorKind::not_provisioned, "missing " + file.string(), 0});
    std::ostringstream text;
    text << in.rdbuf();
    std::optional<PublicKey> key = parse_public_key_hex(text.str());
    if (!key) return std::unexpected(StoreError{StoreErrorKind::not_provisioned, "malformed " + file.string(), 0});
    return *key;
}

std::expected<std::vector<std::uint8_t>, StoreError> seal(std::string_view plaintext, const PublicKey& key) {
    if (!sodium_ready()) return std::unexpected(StoreError{StoreErrorKind::internal, "sodium_init failed", 0});
    std::vector<std::uint8_t> box(plaintext.size() + crypto_box_SEALBYTES);
    if (crypto_box_seal(box.data(), reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        key.data()) != 0) {
        return std::unexpected(
            StoreError{StoreErrorKind::not_provisioned, "HQ public key refused by crypto_box_seal", 0});
    }
    return box;
}

std::string to_base64(std::span<const std::uint8_t> bytes) {
    constexpr int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_encoded_len(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), variant);
    out.resize(out.size() - 1);  // the encoder writes a terminating NUL
    return out;
}

}  // namespace kiosk::store
