// Specification of the satisfaction dashboard figures.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kiosk::store {
namespace {

using namespace testing;

constexpr std::int64_t kHour = 3'600'000;
constexpr std::int64_t kDay = 24 * kHour;
// 2025-11-26 01:20 UTC = 04:20 in Riyadh.
constexpr std::int64_t kNow = 1'764'120'000'000;

class Satisfaction : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(tmp_.path(), options_for(HqKeys::generate(), &clock_));
        ASSERT_TRUE(opened);
        store_.emplace(std::move(*opened));
        submit_at(kNow, rating(5, 4, "social_research", 1, "ممتاز"));
        submit_at(kNow - 2 * kHour, rating(3, std::nullopt, "social_research", 2));
        // 22:30 UTC the day before is 01:30 local time today.
        submit_at(kNow - 2 * kHour - 50 * 60'000, rating(4, 2, "food_bank", std::nullopt, "جوالي 0551234567"));
        submit_at(kNow - kDay, rating(1, 1, "food_bank", std::nullopt, "سيء"));
        submit_at(kNow - 10 * kDay, rating(2, std::nullopt, "", std::nullopt));
        ASSERT_TRUE(store_->submit(sample_request()));  // not a rating: must not count
        clock_.now_ms = kNow;
    }
    void submit_at(std::int64_t ms, const domain::ServiceRating& r) {
        clock_.now_ms = ms;
        ASSERT_TRUE(store_->submit(r));
    }

    TempDir tmp_;
    TestClock clock_;
    std::optional<Store> store_;
};

TEST_F(Satisfaction, OverallAndPerAspect) {
    auto all = *store_->satisfaction();
    EXPECT_EQ(all.overall.count, 5);
    EXPECT_DOUBLE_EQ(all.overall.average, 3.0);  // (5+3+4+1+2)/5
    EXPECT_EQ(all.wait.count, 3);
    EXPECT_DOUBLE_EQ(all.wait.average, 7.0 / 3);
    EXPECT_EQ(all.courtesy.count, 0);
    EXPECT_DOUBLE_EQ(all.courtesy.average, 0.0);
    auto recent = *store_->satisfaction(kNow - 3 * kHour);
    EXPECT_EQ(recent.overall.count, 3);
}

TEST_F(Satisfaction, ByLocalDayWithEveryDayPresent) {
    auto days = *store_->satisfaction_by_day(3);
    ASSERT_EQ(days.size(), 3u);
    EXPECT_EQ(days[0].date, "2025-11-24");
    EXPECT_EQ(days[1].date, "2025-11-25");
    EXPECT_EQ(days[2].date, "2025-11-26");
    EXPECT_EQ(days[0].scores.overall.count, 0);
    EXPECT_EQ(days[1].scores.overall.count, 1);
    EXPECT_EQ(days[2].scores.overall.count, 3) << "01:30 local belongs to today, not to yesterday (UTC)";
    EXPECT_DOUBLE_EQ(days[2].scores.overall.average, 4.0);
    EXPECT_EQ(store_->satisfaction_by_day(30)->size(), 30u);
    EXPECT_TRUE(store_->satisfaction_by_day(0)->empty());
}

TEST_F(Satisfaction, ByServiceAndCounter) {
    auto places = *store_->satisfaction_by_place();
    ASSERT_EQ(places.size(), 4u);
    EXPECT_EQ(places[0].service, "");
    EXPECT_EQ(places[1].service, "food_bank");
    EXPECT_FALSE(places[1].counter);
    EXPECT_EQ(places[1].scores.overall.count, 2);
    EXPECT_DOUBLE_EQ(places[1].scores.overall.average, 2.5);
    EXPECT_EQ(places[2].service, "social_research");
    EXPECT_EQ(places[2].counter, 1);
    EXPECT_EQ(places[3].counter, 2);
}

// Only how many: the text of a comment is sealed, read at HQ (codec.h).
TEST_F(Satisfaction, CommentsAreCountedNotListed) {
    EXPECT_EQ(*store_->rating_comment_count(), 3);
    EXPECT_EQ(*store_->rating_comment_count(kNow - 3 * kHour), 2);
    EXPECT_EQ(*store_->rating_comment_count(kNow + 1), 0);
}

}  // namespace
}  // namespace kiosk::store
