// HQ directory set-up and key handling; see hq_dir.h.
#include "sync/hq/hq_dir.h"

#include <algorithm>
#include <system_error>

#include <sodium.h>

#include "sync/protocol/file_io.h"

namespace kiosk_sync::hq {

namespace {

std::expected<std::array<unsigned char, 32>, std::string> load_key32(const std::filesystem::path& path) {
    auto text = protocol::read_file(path, 4096);
    if (!text) return std::unexpected(text.error());
    auto key = protocol::secret_from_hex(*text);  // any 32-byte key in hex has this shape
    if (!key) return std::unexpected(path.string() + " is not 64 hex characters");
    std::array<unsigned char, 32> out{};
    std::copy(key->begin(), key->end(), out.begin());
    return out;
}

}  // namespace

std::expected<bool, std::string> init_hq_dir(const HqDir& dir) {
    protocol::ensure_sodium();
    std::error_code ec;
    std::filesystem::create_directories(dir.root / "keys", ec);
    if (ec) return std::unexpected("cannot create " + (dir.root / "keys").string() + ": " + ec.message());
    bool have_public = std::filesystem::exists(dir.box_public());
    bool have_secret = std::filesystem::exists(dir.box_secret());
    if (have_public != have_secret)
        return std::unexpected("only half of the HQ key pair exists in " + (dir.root / "keys").string() +
                               "; restore the other half from a backup");
    bool created = !have_public;
    if (created) {
        BoxKeyPair keys;
        crypto_box_keypair(keys.public_key.data(), keys.secret_key.data());
        // The secret first: a crash between the two writes leaves no public key to seal to.
        if (auto r = protocol::write_file_atomic(dir.box_secret(), protocol::key_file_text(keys.secret_key), 0600); !r)
            return std::unexpected(r.error());
        if (auto r = protocol::write_file_atomic(dir.box_public(), protocol::key_file_text(keys.public_key), 0644); !r)
            return std::unexpected(r.error());
        sodium_memzero(keys.secret_key.data(), keys.secret_key.size());
    }
    if (!dir.database_url.empty()) {
        auto store = open_store(dir);
        if (!store) return std::unexpected(store.error());
        std::filesystem::permissions(dir.root / "keys", std::filesystem::perms::owner_all, ec);
        if (ec)
            return std::unexpected("cannot restrict access to " + (dir.root / "keys").string() + ": " + ec.message());
        return created;
    }
    auto store = SqlStore::open_sqlite(dir.db(), true);
    if (!store) return std::unexpected(store.error());
    // hq.db holds every kiosk's secret; SQLite gives its -wal and -shm files the same mode.
    std::filesystem::permissions(dir.db(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 ec);
    std::filesystem::permissions(dir.root / "keys", std::filesystem::perms::owner_all, ec);
    if (ec) return std::unexpected("cannot restrict access to " + dir.db().string() + ": " + ec.message());
    return created;
}

std::expected<protocol::BoxPublicKey, std::string> load_box_public(const HqDir& dir) {
    return load_key32(dir.box_public());
}

std::expected<BoxKeyPair, std::string> load_box_keys(const HqDir& dir) {
    auto public_key = load_key32(dir.box_public());
    if (!public_key) return std::unexpected(public_key.error());
    auto secret_key = load_key32(dir.box_secret());
    if (!secret_key) return std::unexpected(secret_key.error());
    return BoxKeyPair{*public_key, *secret_key};
}

bool is_database_url(std::string_view text) {
    return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

std::expected<std::unique_ptr<SqlStore>, std::string> open_store(const HqDir& dir) {
    if (!dir.database_url.empty()) {
        if (!is_database_url(dir.database_url))
            return std::unexpected("--db must be a postgresql:// URL; without --db HQ uses " + dir.db().string());
        return SqlStore::open_postgresql(dir.database_url);
    }
    if (!std::filesystem::exists(dir.db()))
        return std::unexpected(dir.db().string() + " does not exist; run kiosk-hq init --dir " + dir.root.string() +
                               " first");
    return SqlStore::open_sqlite(dir.db(), false);
}

std::expected<std::string, std::string> open_sealed(const BoxKeyPair& keys, std::string_view sealed) {
    auto box = protocol::from_base64(sealed);
    if (!box) return std::unexpected("sealed is not base64");
    if (box->size() < crypto_box_SEALBYTES) return std::unexpected("sealed is too short");
    std::string plain(box->size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                             reinterpret_cast<const unsigned char*>(box->data()), box->size(), keys.public_key.data(),
                             keys.secret_key.data()) != 0)
        return std::unexpected("cannot open: sealed to another key, or changed");
    return plain;
}

}  // namespace kiosk_sync::hq
