// HQ directory set-up and key custody; see hq_dir.h.
#include "sync/hq/hq_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
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

// An older directory's unwrapped secret, straight into guarded memory; the copies that
// reading it needed are wiped.
std::expected<GuardedKey, std::string> load_plain_secret(const std::filesystem::path& path) {
    auto text = protocol::read_file(path, 4096);
    if (!text) return std::unexpected(text.error());
    auto bytes = protocol::secret_from_hex(*text);
    sodium_memzero(text->data(), text->size());
    if (!bytes) return std::unexpected(path.string() + " is not 64 hex characters");
    auto key = GuardedKey::make();
    if (key) key->fill(*bytes);
    sodium_memzero(bytes->data(), bytes->size());
    if (!key) return std::unexpected(key.error());
    return std::move(*key);
}

std::expected<GuardedKey, std::string> unwrap_file(const std::filesystem::path& path, std::string_view passphrase) {
    auto wrapped = protocol::read_file(path, 4096);
    if (!wrapped) return std::unexpected(wrapped.error());
    auto key = unwrap_key(*wrapped, passphrase);
    if (!key) return std::unexpected(path.string() + ": " + std::string(to_string(key.error())));
    return std::move(*key);
}

bool same_secret(const GuardedKey& a, const GuardedKey& b) {
    return sodium_memcmp(a.data(), b.data(), GuardedKey::kSize) == 0;
}

std::string errno_text(const std::string& what, const std::filesystem::path& path) {
    return what + " " + path.string() + ": " + std::strerror(errno);
}

// Overwrites the file's bytes with zeros on the medium, then removes it and makes the removal
// durable. On a journalling or copy-on-write file system or an SSD the old blocks may survive
// the overwrite; the wrapped key is the protection, this only shortens the plain one's life.
std::expected<void, std::string> scrub_and_remove(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return std::unexpected(errno_text("cannot open", path));
    struct stat info {};
    bool ok = ::fstat(fd, &info) == 0;
    const std::string zeros(4096, '\0');
    for (off_t done = 0; ok && done < info.st_size;) {
        const auto n = ::pwrite(fd, zeros.data(), std::min<off_t>(zeros.size(), info.st_size - done), done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        done += n > 0 ? n : 0;
    }
    ok = ok && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok) return std::unexpected(errno_text("cannot overwrite", path));
    if (::unlink(path.c_str()) != 0) return std::unexpected(errno_text("cannot remove", path));
    const int dir_fd = ::open(path.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool synced = dir_fd >= 0 && ::fsync(dir_fd) == 0;
    if (dir_fd >= 0) ::close(dir_fd);
    if (!synced) return std::unexpected(errno_text("cannot sync", path.parent_path()));
    return {};
}

// A fresh key pair: the public key and the secret's wrapped file text, nothing on disk yet.
struct FreshKeys {
    protocol::BoxPublicKey public_key{};
    std::string wrapped;
};

std::expected<FreshKeys, std::string> fresh_keys(std::string_view passphrase, KdfLimits limits) {
    protocol::ensure_sodium();
    FreshKeys fresh;
    std::array<unsigned char, GuardedKey::kSize> secret{};
    crypto_box_keypair(fresh.public_key.data(), secret.data());
    auto wrapped = wrap_key(secret, passphrase, limits);
    sodium_memzero(secret.data(), secret.size());
    if (!wrapped) return std::unexpected(wrapped.error());
    fresh.wrapped = std::move(*wrapped);
    return fresh;
}

}  // namespace

SecretForm secret_form(const HqDir& dir) {
    if (std::filesystem::exists(dir.box_wrapped())) return SecretForm::wrapped;
    if (std::filesystem::exists(dir.box_secret())) return SecretForm::unwrapped;
    return SecretForm::missing;
}

std::expected<bool, std::string> init_hq_dir(const HqDir& dir, const PassphraseSource& new_passphrase,
                                             KdfLimits limits) {
    const bool have_public = std::filesystem::exists(dir.box_public());
    const bool have_secret = secret_form(dir) != SecretForm::missing;
    if (have_public != have_secret)
        return std::unexpected("only half of the HQ key pair exists in " + (dir.root / "keys").string() +
                               "; restore the other half from a backup");
    const bool created = !have_public;
    // The passphrase is asked and checked, and the key wrapped, before anything is written.
    std::optional<FreshKeys> fresh;
    if (created) {
        auto passphrase = new_passphrase();
        if (!passphrase) return std::unexpected(passphrase.error());
        auto made = fresh_keys(passphrase->view(), limits);
        if (!made) return std::unexpected(made.error());
        fresh = std::move(*made);
    }
    std::error_code ec;
    std::filesystem::create_directories(dir.root / "keys", ec);
    if (ec) return std::unexpected("cannot create " + (dir.root / "keys").string() + ": " + ec.message());
    if (fresh) {
        // The secret first: a crash between the two writes leaves no public key to seal to.
        if (auto r = protocol::write_file_atomic(dir.box_wrapped(), fresh->wrapped, 0600); !r)
            return std::unexpected(r.error());
        if (auto r = protocol::write_file_atomic(dir.box_public(), protocol::key_file_text(fresh->public_key), 0644);
            !r)
            return std::unexpected(r.error());
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

std::expected<BoxKeyPair, std::string> load_box_keys(const HqDir& dir, const PassphraseSource& passphrase) {
    auto public_key = load_key32(dir.box_public());
    if (!public_key) return std::unexpected(public_key.error());
    switch (secret_form(dir)) {
    case SecretForm::missing:
        return std::unexpected("HQ's private key is not in " + (dir.root / "keys").string() +
                               "; restore keys/hq_box.key.wrapped from a backup");
    case SecretForm::unwrapped: {
        auto secret = load_plain_secret(dir.box_secret());
        if (!secret) return std::unexpected(secret.error());
        return BoxKeyPair{*public_key, std::move(*secret)};
    }
    case SecretForm::wrapped: break;
    }
    auto given = passphrase();
    if (!given) return std::unexpected(given.error());
    auto secret = unwrap_file(dir.box_wrapped(), given->view());
    if (!secret) return std::unexpected(secret.error());
    return BoxKeyPair{*public_key, std::move(*secret)};
}

std::expected<Protection, std::string> protect_box_key(const HqDir& dir, const PassphraseSource& passphrase,
                                                       KdfLimits limits) {
    const bool have_wrapped = std::filesystem::exists(dir.box_wrapped());
    const bool have_plain = std::filesystem::exists(dir.box_secret());
    if (!have_plain) {
        if (have_wrapped) return Protection::already;
        return std::unexpected("there is no HQ private key in " + (dir.root / "keys").string() +
                               "; kiosk-hq init --dir " + dir.root.string() + " makes one");
    }
    auto plain = load_plain_secret(dir.box_secret());
    if (!plain) return std::unexpected(plain.error());
    auto given = passphrase();
    if (!given) return std::unexpected(given.error());
    if (have_wrapped) {
        // A run stopped before the removal, or a plain backup restored beside the wrapped key.
        auto wrapped = unwrap_file(dir.box_wrapped(), given->view());
        if (!wrapped)
            return std::unexpected(wrapped.error() + "; it exists beside " + dir.box_secret().string() +
                                   ", and nothing was changed");
        if (!same_secret(*wrapped, *plain))
            return std::unexpected(dir.box_wrapped().string() + " and " + dir.box_secret().string() +
                                   " hold different keys; nothing was changed: find out which one " +
                                   dir.box_public().string() + " belongs to and move the other away");
        if (auto removed = scrub_and_remove(dir.box_secret()); !removed) return std::unexpected(removed.error());
        return Protection::finished_removal;
    }
    auto text = wrap_key(std::span<const unsigned char, GuardedKey::kSize>(plain->data(), GuardedKey::kSize),
                         given->view(), limits);
    if (!text) return std::unexpected(text.error());
    if (auto written = protocol::write_file_atomic(dir.box_wrapped(), *text, 0600); !written)
        return std::unexpected(written.error());
    // Read back from the disk: the plain file goes only once the wrapped one is known to open.
    auto reopened = unwrap_file(dir.box_wrapped(), given->view());
    if (!reopened || !same_secret(*reopened, *plain)) {
        std::error_code ec;
        std::filesystem::remove(dir.box_wrapped(), ec);
        return std::unexpected(dir.box_wrapped().string() +
                               " did not open to the same key when read back, so it was removed and " +
                               dir.box_secret().string() + " kept; check the disk and try again");
    }
    if (auto removed = scrub_and_remove(dir.box_secret()); !removed)
        return std::unexpected("the key is wrapped, but " + removed.error() + "; remove it by hand");
    return Protection::wrapped_now;
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

std::expected<std::string, std::string> open_sealed(const protocol::BoxPublicKey& public_key,
                                                    std::span<const unsigned char, GuardedKey::kSize> secret,
                                                    std::string_view sealed) {
    auto box = protocol::from_base64(sealed);
    if (!box) return std::unexpected("sealed is not base64");
    if (box->size() < crypto_box_SEALBYTES) return std::unexpected("sealed is too short");
    std::string plain(box->size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                             reinterpret_cast<const unsigned char*>(box->data()), box->size(), public_key.data(),
                             secret.data()) != 0)
        return std::unexpected("cannot open: sealed to another key, or changed");
    return plain;
}

std::expected<std::string, std::string> open_sealed(const BoxKeyPair& keys, std::string_view sealed) {
    return open_sealed(keys.public_key,
                       std::span<const unsigned char, GuardedKey::kSize>(keys.secret_key.data(), GuardedKey::kSize),
                       sealed);
}

}  // namespace kiosk_sync::hq
