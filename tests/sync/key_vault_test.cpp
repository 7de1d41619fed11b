// Specification of HQ's key custody (sync/hq/key_vault.h): wrapped at rest, opened only by
// its passphrase, held in guarded memory while unlocked, locked again on request or when idle,
// and a wrong passphrase costs a wait that grows.
#include <sodium.h>

#include <array>
#include <string>

#include <gtest/gtest.h>

#include "sync/hq/key_vault.h"

namespace kiosk_sync::hq {
namespace {

constexpr std::string_view kPassphrase = "نخلة البحر 2026";

std::array<unsigned char, 32> some_secret() {
    std::array<unsigned char, 32> s{};
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<unsigned char>(i * 7 + 3);
    return s;
}

std::string wrapped() {
    const auto secret = some_secret();
    auto text = wrap_key(secret, kPassphrase, fast_limits());
    EXPECT_TRUE(text) << text.error();
    return text.value_or("");
}

TEST(KeyWrap, OpensWithItsPassphraseOnly) {
    const std::string text = wrapped();
    const auto secret = some_secret();
    // The file holds no byte of the secret in any spelling a grep would find.
    EXPECT_EQ(text.find(std::string(reinterpret_cast<const char*>(secret.data()), 8)), std::string::npos);
    auto key = unwrap_key(text, kPassphrase);
    ASSERT_TRUE(key);
    EXPECT_EQ(sodium_memcmp(key->data(), secret.data(), secret.size()), 0);
    auto wrong = unwrap_key(text, "نخلة البحر 2025");
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error(), UnwrapError::wrong_passphrase);
}

TEST(KeyWrap, TwoWrapsOfOneKeyDifferAndAChangedFileDoesNotOpen) {
    EXPECT_NE(wrapped(), wrapped());  // a fresh salt and nonce each time
    std::string text = wrapped();
    // Raising the cost parameters is caught: the cipher authenticates the Argon2id line.
    const auto at = text.find("argon2id ") + 9;
    text[at] = text[at] == '9' ? '8' : static_cast<char>(text[at] + 1);
    auto key = unwrap_key(text, kPassphrase);
    ASSERT_FALSE(key);
    EXPECT_NE(key.error(), UnwrapError::no_memory);
    EXPECT_EQ(unwrap_key("mouj-hq-key 1\nargon2id 1 99999999999999 00\n", kPassphrase).error(), UnwrapError::damaged);
    EXPECT_EQ(unwrap_key("", kPassphrase).error(), UnwrapError::damaged);
}

TEST(KeyWrap, AShortPassphraseIsRefused) {
    const auto secret = some_secret();
    EXPECT_FALSE(wrap_key(secret, "short", fast_limits()));
}

struct FakeClock {
    std::int64_t ms = 1'000'000;
};

TEST(KeyVault, LockedAtStartUnlockedByThePassphraseLockedAgainWhenIdle) {
    FakeClock clock;
    KeyVault vault(wrapped(), 15 * 60 * 1000, [&clock] { return clock.ms; });
    EXPECT_FALSE(vault.unlocked());
    EXPECT_FALSE(vault.with_key([](const unsigned char*) { FAIL() << "no key while locked"; }));
    EXPECT_EQ(vault.unlock(kPassphrase).outcome, KeyVault::Outcome::unlocked);
    bool used = false;
    EXPECT_TRUE(vault.with_key([&](const unsigned char* secret) { used = secret[0] == some_secret()[0]; }));
    EXPECT_TRUE(used);
    clock.ms += 14 * 60 * 1000;  // used within the limit: still open, and the limit starts again
    EXPECT_TRUE(vault.with_key([](const unsigned char*) {}));
    clock.ms += 15 * 60 * 1000;
    EXPECT_FALSE(vault.unlocked());
    EXPECT_EQ(vault.unlock(kPassphrase).outcome, KeyVault::Outcome::unlocked);
    vault.lock();
    EXPECT_FALSE(vault.unlocked());
}

TEST(KeyVault, EachWrongPassphraseDoublesTheWait) {
    FakeClock clock;
    KeyVault vault(wrapped(), 60'000, [&clock] { return clock.ms; });
    auto first = vault.unlock("not the passphrase");
    EXPECT_EQ(first.outcome, KeyVault::Outcome::wrong_passphrase);
    EXPECT_EQ(first.wait_ms, 1000);
    // Before the wait is over not even the right passphrase is tried.
    clock.ms += 500;
    auto early = vault.unlock(kPassphrase);
    EXPECT_EQ(early.outcome, KeyVault::Outcome::wait);
    EXPECT_EQ(early.wait_ms, 500);
    clock.ms += 500;
    EXPECT_EQ(vault.unlock("still not it").wait_ms, 2000);
    clock.ms += 2000;
    EXPECT_EQ(vault.unlock("nor this").wait_ms, 4000);
    clock.ms += 4000;
    EXPECT_EQ(vault.unlock(kPassphrase).outcome, KeyVault::Outcome::unlocked);
    vault.lock();
    EXPECT_EQ(vault.unlock("wrong again").wait_ms, 1000);  // a success starts the count afresh
}

}  // namespace
}  // namespace kiosk_sync::hq
