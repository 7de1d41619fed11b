// sync/hq/hq_dir.h — an HQ directory (docs/DATA.md): hq.db, the X25519 key pair that seals
// visitors' personal data (keys/hq_box.pub and keys/hq_box.key, hex, the key mode 0600) and
// an optional content.json served to kiosks, and where its database is (hq.db, or a
// PostgreSQL URL). Not here: what is in the database (sql_store.h).
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
    // `--db postgresql://…`: the records, statuses, kiosks and nonces live in that database
    // instead of hq.db; the keys and content stay in root.
    std::string database_url;
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

// Opens the database of an initialised directory: hq.db, or the PostgreSQL database (whose
// schema is brought up to date, so any process may be the first to open it).
std::expected<std::unique_ptr<SqlStore>, std::string> open_store(const HqDir& dir);

// A --db value HQ can open: a postgresql:// or postgres:// URL.
bool is_database_url(std::string_view text);

// crypto_box_seal_open of a record's base64 `sealed` field: the personal JSON text.
std::expected<std::string, std::string> open_sealed(const BoxKeyPair& keys, std::string_view sealed);

}  // namespace kiosk_sync::hq
