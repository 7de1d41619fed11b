// sync/hq/hq_dir.h — an HQ directory (docs/DATA.md): hq.db, the X25519 key pair that seals
// visitors' personal data and an optional content.json served to kiosks, and where its
// database is (hq.db, or a PostgreSQL URL).
// The key pair is keys/hq_box.pub (hex) and the secret wrapped by a passphrase in
// keys/hq_box.key.wrapped (key_vault.h), mode 0600; the secret is never written unwrapped.
// A directory made before that keeps it in keys/hq_box.key (hex, mode 0600): it still opens,
// and protect_box_key() wraps it and removes the plain file.
// Not here: what is in the database (sql_store.h), reading the passphrase (passphrase.h).
#pragma once

#include <array>
#include <expected>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "sync/hq/key_vault.h"
#include "sync/hq/passphrase.h"
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
    std::filesystem::path box_wrapped() const { return root / "keys" / "hq_box.key.wrapped"; }
    std::filesystem::path box_secret() const { return root / "keys" / "hq_box.key"; }  // unwrapped: older dirs only
    std::filesystem::path content() const { return root / "content.json"; }
};

// The secret half lives in guarded memory (key_vault.h) and is wiped when the pair goes.
struct BoxKeyPair {
    protocol::BoxPublicKey public_key{};
    GuardedKey secret_key;
};

// Creates the directory, a fresh key pair wrapped by the passphrase `new_passphrase` gives,
// and the database. An existing key pair is never replaced: every record sealed to it would
// become unreadable; then no passphrase is asked for, and the result is false (the database
// schema is still brought up to date). A short passphrase is refused before anything is written.
std::expected<bool, std::string> init_hq_dir(const HqDir& dir, const PassphraseSource& new_passphrase,
                                             KdfLimits limits);

// How the directory keeps the secret. `wrapped` when both files exist (protect_box_key() was
// stopped before it removed the plain one).
enum class SecretForm { missing, wrapped, unwrapped };
SecretForm secret_form(const HqDir& dir);

std::expected<protocol::BoxPublicKey, std::string> load_box_public(const HqDir& dir);
// The key pair, the wrapped secret opened with the passphrase `passphrase` gives (asked only
// for a wrapped secret), or an older directory's unwrapped secret as it is.
std::expected<BoxKeyPair, std::string> load_box_keys(const HqDir& dir, const PassphraseSource& passphrase);

// Wraps an older directory's keys/hq_box.key: the wrapped file is written durably, opened
// again from the disk and compared with the plain secret, and only then is the plain file
// overwritten with zeros and removed. Safe to run again after a crash at any point.
enum class Protection {
    wrapped_now,      // the plain file was wrapped and removed
    already,          // only the wrapped file exists; no passphrase was asked for
    finished_removal  // both existed and held the same secret: the plain one was removed
};
std::expected<Protection, std::string> protect_box_key(const HqDir& dir, const PassphraseSource& passphrase,
                                                       KdfLimits limits);

// Opens the database of an initialised directory: hq.db, or the PostgreSQL database (whose
// schema is brought up to date, so any process may be the first to open it).
std::expected<std::unique_ptr<SqlStore>, std::string> open_store(const HqDir& dir);

// A --db value HQ can open: a postgresql:// or postgres:// URL.
bool is_database_url(std::string_view text);

// crypto_box_seal_open of a record's base64 `sealed` field: the personal JSON text.
std::expected<std::string, std::string> open_sealed(const protocol::BoxPublicKey& public_key,
                                                    std::span<const unsigned char, GuardedKey::kSize> secret,
                                                    std::string_view sealed);
std::expected<std::string, std::string> open_sealed(const BoxKeyPair& keys, std::string_view sealed);

}  // namespace kiosk_sync::hq
