// kiosk/store/sealing.h — sealing personal data to HQ's public key.
// For: crypto_box_seal (anonymous sender, X25519 + XSalsa20-Poly1305): the kiosk can seal but
// never open, so a stolen kiosk reveals no visitor. Reading DIR/keys/hq_box.pub (64 hex
// characters and a newline, docs/DATA.md). Not for: request signing (sync/protocol).
#pragma once

#include <array>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/store/error.h"

namespace kiosk::store {

using PublicKey = std::array<std::uint8_t, 32>;

// 64 hex characters, surrounding white space ignored.
std::optional<PublicKey> parse_public_key_hex(std::string_view text);
// not_provisioned when the file is missing or malformed.
std::expected<PublicKey, StoreError> load_public_key(const std::filesystem::path& file);

// crypto_box_seal of `plaintext`: 48 bytes longer than it.
std::expected<std::vector<std::uint8_t>, StoreError> seal(std::string_view plaintext, const PublicKey& key);

// Standard base64 with padding (what `sealed` holds on the wire).
std::string to_base64(std::span<const std::uint8_t> bytes);

}  // namespace kiosk::store
