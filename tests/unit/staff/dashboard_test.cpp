// Specification of the dashboard's figures: what a seeded store gives the staff screen and
// its CSV.
#include <gtest/gtest.h>

#include "kiosk/staff/dashboard_data.h"
#include "store_fixture.h"

namespace kiosk::staff {
namespace {

using namespace store::testing;

constexpr std::int64_t kDay = 24 * 3'600'000;

class Dashboard : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = store::Store::open(dir_.path(), options_for(HqKeys::generate(), &clock_));
        ASSERT_TRUE(opened);
        store_.emplace(std::move(*opened));
        const std::int64_t now = clock_.now_ms;
        submit_at(now - 2 * kDay, rating(2, 1, "reception", 1, "طويل"));
        submit_at(now - kDay, rating(4, std::nullopt, "reception", 1));
        submit_at(now, rating(5, 5, "support_request", 2, "Great, thanks"));
        submit_at(now - 40 * kDay, rating(1, std::nullopt, "", std::nullopt));  // outside the chart
        ASSERT_TRUE(store_->submit(domain::Record{sample_volunteer()}));        // not a rating
        clock_.now_ms = now;
    }
    void submit_at(std::int64_t ms, const domain::ServiceRating& r) {
        clock_.now_ms = ms;
        ASSERT_TRUE(store_->submit(domain::Record{r}));
    }
    TempDir dir_;
    TestClock clock_;
    std::optional<store::Store> store_;
};

TEST_F(Dashboard, OverallAspectsDaysPlacesAndComments) {
    auto f = load_dashboard(*store_);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->overall.overall.count, 4);
    EXPECT_DOUBLE_EQ(f->overall.overall.average, 3.0);
    EXPECT_EQ(f->overall.wait.count, 2);
    EXPECT_DOUBLE_EQ(f->overall.wait.average, 3.0);
    EXPECT_EQ(score_text(f->overall.overall), "3.0");

    ASSERT_EQ(f->days.size(), 30u);
    EXPECT_EQ(f->days.back().scores.overall.count, 1);
    EXPECT_DOUBLE_EQ(f->days.back().scores.overall.average, 5.0);
    EXPECT_EQ(f->days[28].scores.overall.count, 1);
    EXPECT_EQ(f->days[27].scores.overall.count, 1);
    std::int64_t in_chart = 0;
    for (const auto& d : f->days) in_chart += d.scores.overall.count;
    EXPECT_EQ(in_chart, 3);

    std::int64_t reception = 0;
    for (const auto& p : f->places)
        if (p.service == "reception" && p.counter == 1) reception = p.scores.overall.count;
    EXPECT_EQ(reception, 2);

    EXPECT_EQ(f->comments, 2) << "how many came, never their text";
}

TEST_F(Dashboard, CsvHasEveryFigureAndQuotesCommas) {
    auto f = load_dashboard(*store_);
    ASSERT_TRUE(f);
    const std::string csv = dashboard_csv(*f);
    EXPECT_TRUE(csv.starts_with("section,day,service,counter,aspect,count,average\n"));
    EXPECT_NE(csv.find("all,,,,overall,4,3.00\n"), std::string::npos);
    EXPECT_NE(csv.find("place,,reception,1,overall,2,3.00\n"), std::string::npos);
    EXPECT_NE(csv.find(f->days.back().date + ",,,overall,1,5.00\n"), std::string::npos);
    EXPECT_EQ(csv.find("طويل"), std::string::npos);  // aggregates only, never what visitors wrote
    EXPECT_EQ(dashboard_csv_name("kiosk/1", 1'773'556'200'000, 180), "satisfaction-kiosk_1-2026-03-15.csv");
}

}  // namespace
}  // namespace kiosk::staff
