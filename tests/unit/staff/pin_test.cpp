// Specification of the staff PIN: Argon2id hashing, five tries, a growing lock that a
// restart does not reset.
#include <chrono>

#include <gtest/gtest.h>
#include <sodium.h>

#include "kiosk/staff/pin.h"
#include "store_fixture.h"

namespace kiosk::staff {
namespace {

using store::testing::HqKeys;
using store::testing::TempDir;
using store::testing::TestClock;

constexpr std::int64_t kNow = 1'773'556'200'000;

TEST(PinFormat, FourToTwelveDigits) {
    EXPECT_TRUE(pin_format_ok("1234"));
    EXPECT_TRUE(pin_format_ok("123456789012"));
    EXPECT_FALSE(pin_format_ok("123"));
    EXPECT_FALSE(pin_format_ok("1234567890123"));
    EXPECT_FALSE(pin_format_ok("12a4"));
    EXPECT_FALSE(pin_format_ok("١٢٣٤"));  // the keyboard gives ASCII digits; anything else is a typo
    EXPECT_FALSE(pin_format_ok(""));
}

TEST(PinHash, IsArgon2idWithASaltAndVerifies) {
    const std::string a = hash_pin("2468");
    const std::string b = hash_pin("2468");
    ASSERT_FALSE(a.empty());
    EXPECT_TRUE(a.starts_with("$argon2id$"));
    EXPECT_NE(a, b);  // a fresh salt each time
    EXPECT_EQ(a.find("2468"), std::string::npos);
    EXPECT_TRUE(pin_matches(a, "2468"));
    EXPECT_FALSE(pin_matches(a, "2469"));
    EXPECT_FALSE(pin_matches("", "2468"));
    EXPECT_FALSE(pin_matches("not a hash", "2468"));
}

TEST(PinHash, TakesInteractiveTime) {
    const auto start = std::chrono::steady_clock::now();
    const std::string hash = hash_pin("13579");
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    ASSERT_FALSE(hash.empty());
    RecordProperty("hash_ms", static_cast<int>(ms));
    EXPECT_LT(ms, 2000);  // a staff member waits for this on every try
}

TEST(LockOut, FifthWrongTryLocksAndEachLockDoubles) {
    LockState s;
    for (int i = 0; i < 4; ++i) s = after_wrong_pin(s, kNow);
    EXPECT_EQ(s.failures, 4);
    EXPECT_FALSE(s.locked(kNow));
    s = after_wrong_pin(s, kNow);
    EXPECT_TRUE(s.locked(kNow));
    EXPECT_EQ(s.locked_until_ms, kNow + 60'000);
    EXPECT_EQ(s.failures, 0);
    for (int i = 0; i < 5; ++i) s = after_wrong_pin(s, kNow + 60'000);
    EXPECT_EQ(s.locked_until_ms, kNow + 60'000 + 120'000);
    EXPECT_EQ(lock_duration_ms(3), 240'000);
    EXPECT_EQ(lock_duration_ms(40), kLongestLockMs);
}

TEST(LockOut, EncodesAndRejectsDamage) {
    const LockState s{3, 2, kNow};
    const LockState back = decode_lock(encode_lock(s));
    EXPECT_EQ(back.failures, 3);
    EXPECT_EQ(back.locks, 2);
    EXPECT_EQ(back.locked_until_ms, kNow);
    EXPECT_EQ(decode_lock("garbage").failures, 0);
    EXPECT_EQ(decode_lock("").locked_until_ms, 0);
}

class PinStore : public ::testing::Test {
protected:
    void SetUp() override { reopen(); }
    void reopen() {
        store_.reset();
        auto opened = store::Store::open(dir_.path(), store::testing::options_for(keys_, &clock_));
        ASSERT_TRUE(opened);
        store_.emplace(std::move(*opened));
    }
    TempDir dir_;
    HqKeys keys_ = HqKeys::generate();
    TestClock clock_;
    std::optional<store::Store> store_;
};

TEST_F(PinStore, NotSetRefusesEveryPin) {
    EXPECT_FALSE(pin_is_set(*store_));
    EXPECT_EQ(try_pin(*store_, "1234", kNow).outcome, PinOutcome::not_set);
}

TEST_F(PinStore, StoresOnlyTheHash) {
    ASSERT_TRUE(set_pin(*store_, "80516"));
    EXPECT_TRUE(pin_is_set(*store_));
    auto stored = store_->setting(kPinHashKey);
    ASSERT_TRUE(stored && *stored);
    EXPECT_TRUE((*stored)->starts_with("$argon2id$"));
    EXPECT_EQ(set_pin(*store_, "12").error(), SetPinError::bad_format);
    EXPECT_EQ(try_pin(*store_, "80516", kNow).outcome, PinOutcome::accepted);
}

TEST_F(PinStore, FiveWrongTriesLockEvenTheRightPinAndSurviveARestart) {
    ASSERT_TRUE(set_pin(*store_, "2468"));
    for (int left = 4; left >= 1; --left) {
        const auto a = try_pin(*store_, "1111", kNow);
        EXPECT_EQ(a.outcome, PinOutcome::wrong);
        EXPECT_EQ(a.tries_left, left);
    }
    const auto fifth = try_pin(*store_, "1111", kNow);
    EXPECT_EQ(fifth.outcome, PinOutcome::locked);
    EXPECT_EQ(fifth.wait_ms, 60'000);
    reopen();  // the kiosk is switched off and on
    const auto after = try_pin(*store_, "2468", kNow + 30'000);
    EXPECT_EQ(after.outcome, PinOutcome::locked);
    EXPECT_EQ(after.wait_ms, 30'000);
    EXPECT_EQ(try_pin(*store_, "2468", kNow + 60'000).outcome, PinOutcome::accepted);
}

TEST_F(PinStore, TheSecondLockIsLongerAndSuccessForgetsThem) {
    ASSERT_TRUE(set_pin(*store_, "2468"));
    for (int i = 0; i < 5; ++i) try_pin(*store_, "0000", kNow);
    for (int i = 0; i < 5; ++i) try_pin(*store_, "0000", kNow + 60'000);
    EXPECT_EQ(try_pin(*store_, "2468", kNow + 60'000 + 119'000).outcome, PinOutcome::locked);
    EXPECT_EQ(try_pin(*store_, "2468", kNow + 60'000 + 120'000).outcome, PinOutcome::accepted);
    for (int i = 0; i < 4; ++i) try_pin(*store_, "0000", kNow + 200'000);
    EXPECT_EQ(try_pin(*store_, "0000", kNow + 200'000).wait_ms, 60'000);  // back to the first delay
}

TEST_F(PinStore, SettingAPinClearsALock) {
    ASSERT_TRUE(set_pin(*store_, "2468"));
    for (int i = 0; i < 5; ++i) try_pin(*store_, "0000", kNow);
    ASSERT_TRUE(set_pin(*store_, "97531"));
    EXPECT_EQ(try_pin(*store_, "97531", kNow).outcome, PinOutcome::accepted);
}

}  // namespace
}  // namespace kiosk::staff
