// sync/hq/hq_dir.h — an HQ directory (docs/DATA.md): hq.db, the X25519 key pair that seals
// visitors' personal data (keys/hq_box.pub and keys/hq_box.key, hex, the key mode 0600) and
// an optional content.json served to kiosks. Not here: what is in hq.db (sql_store.h).
#pragma once

#include <array>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "sync/hq/sql_store.h"
#include "sync/protocol/kiosk_files.h"

namespace kiosk_sync::hq {

struct HqDir {
    std::filesystem::path root;
    std::filesystem::path db() const { return root / "hq.db"; }
    std::filesystem::path box_public() const { return root / "keys" / "hq_box.pub"; }
    std::filesystem::path box_secret() const { return root / "keys" / "hq_box.key"; }
    std::filesystem::path content() const { return root / "content.json"; }
};

struct BoxKeyPair {
    protocol::BoxPublicKey public_key{};
    std::array<unsigned char, 32> secret_key{};
};

// Creates the directory, a fresh key pair and the database. An existing key pair is never
// replaced: every record sealed to it would become unreadable. Returns false when the
// directory was already initialised (the database schema is still brought up to date).
std::expected<bool, std::string> init_hq_dir(const HqDir& dir);

std::expected<protocol::BoxPublicKey, std::string> load_box_public(const HqDir& dir);
std::expected<BoxKeyPair, std::string> load_box_keys(const HqDir& dir);

// Opens hq.db of an initialised directory.
std::expected<std::unique_ptr<SqlStore>, std::string> open_store(const HqDir& dir);

// crypto_box_seal_open of a record's base64 `sealed` field: the personal JSON text.
std::expected<std::string, std::string> open_sealed(const BoxKeyPair& keys, std::string_view sealed);

}  // namespace kiosk_sync::hq
