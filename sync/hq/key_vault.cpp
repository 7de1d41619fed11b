// HQ's key wrapped at rest and guarded in memory; see key_vault.h.
#include "sync/hq/key_vault.h"

#include <sodium.h>

#include <algorithm>
#include <sstream>
#include <utility>
#include <vector>

#include "sync/protocol/signing.h"

namespace kiosk_sync::hq {
namespace {

constexpr std::string_view kMagic = "mouj-hq-key 1";
constexpr std::size_t kSaltSize = crypto_pwhash_SALTBYTES;
constexpr std::size_t kNonceSize = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kSealedSize = GuardedKey::kSize + crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::int64_t kFirstWaitMs = 1000;
constexpr std::int64_t kLongestWaitMs = 5 * 60 * 1000;

using protocol::to_hex;

// Exactly out.size() bytes of hex (the salt, the nonce, the sealed secret: none of them secret).
bool unhex(std::string_view text, std::span<unsigned char> out) {
    const auto bytes = protocol::from_hex(text);
    if (!bytes || bytes->size() != out.size()) return false;
    std::copy(bytes->begin(), bytes->end(), out.begin());
    return true;
}

// The Argon2id line, which the cipher authenticates with the sealed secret.
std::string kdf_line(KdfLimits limits, std::span<const unsigned char> salt) {
    return "argon2id " + std::to_string(limits.opslimit) + " " + std::to_string(limits.memlimit) + " " + to_hex(salt);
}

// The key-encryption key from the passphrase, in guarded memory.
std::expected<GuardedKey, UnwrapError> derive(std::string_view passphrase, KdfLimits limits,
                                              std::span<const unsigned char> salt) {
    auto kek = GuardedKey::make();
    if (!kek) return std::unexpected(UnwrapError::no_memory);
    std::array<unsigned char, GuardedKey::kSize> derived{};
    const int rc = crypto_pwhash(derived.data(), derived.size(), passphrase.data(), passphrase.size(), salt.data(),
                                 limits.opslimit, limits.memlimit, crypto_pwhash_ALG_ARGON2ID13);
    if (rc == 0) kek->fill(derived);
    sodium_memzero(derived.data(), derived.size());
    if (rc != 0) return std::unexpected(UnwrapError::no_memory);
    return std::move(*kek);
}

struct Parsed {
    KdfLimits limits;
    std::array<unsigned char, kSaltSize> salt{};
    std::array<unsigned char, kNonceSize> nonce{};
    std::array<unsigned char, kSealedSize> sealed{};
    std::string kdf;  // the line as written, the cipher's additional data
};

std::optional<Parsed> parse(std::string_view wrapped) {
    std::istringstream in{std::string(wrapped)};
    std::string magic, kdf, cipher;
    if (!std::getline(in, magic) || magic != kMagic || !std::getline(in, kdf) || !std::getline(in, cipher))
        return std::nullopt;
    Parsed p;
    p.kdf = kdf;
    std::istringstream k(kdf), c(cipher);
    std::string alg, salt, aead, nonce, sealed;
    if (!(k >> alg >> p.limits.opslimit >> p.limits.memlimit >> salt) || alg != "argon2id") return std::nullopt;
    if (!(c >> aead >> nonce >> sealed) || aead != "xchacha20poly1305") return std::nullopt;
    // Limits outside libsodium's range are a damaged file, not a reason to allocate terabytes.
    if (p.limits.opslimit < crypto_pwhash_OPSLIMIT_MIN || p.limits.opslimit > crypto_pwhash_OPSLIMIT_SENSITIVE * 4 ||
        p.limits.memlimit < crypto_pwhash_MEMLIMIT_MIN || p.limits.memlimit > crypto_pwhash_MEMLIMIT_SENSITIVE)
        return std::nullopt;
    if (!unhex(salt, p.salt) || !unhex(nonce, p.nonce) || !unhex(sealed, p.sealed)) return std::nullopt;
    return p;
}

}  // namespace

std::expected<GuardedKey, std::string> GuardedKey::make() {
    if (sodium_init() < 0) return std::unexpected("libsodium could not start");
    auto* bytes = static_cast<unsigned char*>(sodium_malloc(kSize));
    if (bytes == nullptr) return std::unexpected("no guarded memory for the key");
    sodium_memzero(bytes, kSize);
    sodium_mprotect_readonly(bytes);
    return GuardedKey(bytes);
}

GuardedKey::GuardedKey(GuardedKey&& other) noexcept : bytes_(std::exchange(other.bytes_, nullptr)) {}

GuardedKey& GuardedKey::operator=(GuardedKey&& other) noexcept {
    if (this != &other) {
        if (bytes_ != nullptr) sodium_free(bytes_);
        bytes_ = std::exchange(other.bytes_, nullptr);
    }
    return *this;
}

// sodium_free zeroes the bytes before it gives the pages back.
GuardedKey::~GuardedKey() {
    if (bytes_ != nullptr) sodium_free(bytes_);
}

void GuardedKey::fill(std::span<const unsigned char, kSize> bytes) {
    sodium_mprotect_readwrite(bytes_);
    std::copy(bytes.begin(), bytes.end(), bytes_);
    sodium_mprotect_readonly(bytes_);
}

KdfLimits standard_limits() { return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE}; }
KdfLimits interactive_limits() { return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE}; }
KdfLimits fast_limits() { return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN}; }

std::expected<std::string, std::string> wrap_key(std::span<const unsigned char, GuardedKey::kSize> secret,
                                                 std::string_view passphrase, KdfLimits limits) {
    if (passphrase.size() < kMinPassphrase)
        return std::unexpected("the passphrase must be at least " + std::to_string(kMinPassphrase) + " characters");
    if (sodium_init() < 0) return std::unexpected("libsodium could not start");
    std::array<unsigned char, kSaltSize> salt{};
    std::array<unsigned char, kNonceSize> nonce{};
    randombytes_buf(salt.data(), salt.size());
    randombytes_buf(nonce.data(), nonce.size());
    auto kek = derive(passphrase, limits, salt);
    if (!kek) return std::unexpected("not enough memory to wrap the key");
    const std::string kdf = kdf_line(limits, salt);
    std::array<unsigned char, kSealedSize> sealed{};
    unsigned long long sealed_size = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), &sealed_size, secret.data(), secret.size(),
                                               reinterpret_cast<const unsigned char*>(kdf.data()), kdf.size(), nullptr,
                                               nonce.data(), kek->data());
    return std::string(kMagic) + "\n" + kdf + "\nxchacha20poly1305 " + to_hex(nonce) + " " + to_hex(sealed) + "\n";
}

std::string_view to_string(UnwrapError error) {
    switch (error) {
    case UnwrapError::wrong_passphrase: return "the passphrase does not open the key";
    case UnwrapError::damaged: return "the wrapped key file is damaged";
    case UnwrapError::no_memory: return "not enough memory to open the key";
    }
    return "the key could not be opened";
}

std::expected<GuardedKey, UnwrapError> unwrap_key(std::string_view wrapped, std::string_view passphrase) {
    const auto parsed = parse(wrapped);
    if (!parsed) return std::unexpected(UnwrapError::damaged);
    auto kek = derive(passphrase, parsed->limits, parsed->salt);
    if (!kek) return std::unexpected(kek.error());
    auto key = GuardedKey::make();
    if (!key) return std::unexpected(UnwrapError::no_memory);
    std::array<unsigned char, GuardedKey::kSize> secret{};
    unsigned long long size = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        secret.data(), &size, nullptr, parsed->sealed.data(), parsed->sealed.size(),
        reinterpret_cast<const unsigned char*>(parsed->kdf.data()), parsed->kdf.size(), parsed->nonce.data(),
        kek->data());
    if (rc == 0) key->fill(secret);
    sodium_memzero(secret.data(), secret.size());
    if (rc != 0) return std::unexpected(UnwrapError::wrong_passphrase);
    return std::move(*key);
}

KeyVault::KeyVault(std::string wrapped, std::int64_t idle_ms, Clock clock)
    : wrapped_(std::move(wrapped)), idle_ms_(idle_ms), clock_(std::move(clock)) {}

KeyVault::Attempt KeyVault::unlock(std::string_view passphrase) {
    std::lock_guard lock(mutex_);
    const std::int64_t now = clock_();
    if (now < next_try_ms_) return {Outcome::wait, next_try_ms_ - now};
    auto key = unwrap_key(wrapped_, passphrase);
    if (!key) {
        if (key.error() == UnwrapError::damaged) return {Outcome::damaged, 0};
        if (key.error() == UnwrapError::no_memory) return {Outcome::no_memory, 0};
        ++wrong_in_a_row_;
        const std::int64_t wait = std::min(kLongestWaitMs, kFirstWaitMs << std::min(wrong_in_a_row_ - 1, 20));
        next_try_ms_ = now + wait;
        return {Outcome::wrong_passphrase, wait};
    }
    wrong_in_a_row_ = 0;
    next_try_ms_ = 0;
    key_ = std::move(*key);
    last_use_ms_ = now;
    return {Outcome::unlocked, 0};
}

void KeyVault::lock() {
    std::lock_guard lock(mutex_);
    key_.reset();
}

void KeyVault::expire_locked() {
    if (key_ && clock_() - last_use_ms_ >= idle_ms_) key_.reset();
}

bool KeyVault::unlocked() {
    std::lock_guard lock(mutex_);
    expire_locked();
    return key_.has_value();
}

bool KeyVault::with_key(const std::function<void(const unsigned char* secret)>& use) {
    std::lock_guard lock(mutex_);
    expire_locked();
    if (!key_) return false;
    last_use_ms_ = clock_();
    use(key_->data());
    return true;
}

}  // namespace kiosk_sync::hq
