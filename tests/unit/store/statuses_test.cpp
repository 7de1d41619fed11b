// Specification of request status look-up: HQ's answer when it has one, otherwise what the
// kiosk itself knows of a reference it issued.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kiosk::store {
namespace {

using namespace testing;

TEST(Status, LocalReferenceIsKnownBeforeHqAnswers) {
    TempDir tmp;
    TestClock clock;
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate(), &clock));
    ASSERT_TRUE(store);
    auto receipt = store->submit(sample_request());
    ASSERT_TRUE(receipt);

    std::string typed = receipt->reference;  // as a visitor might type it: lower case, no dash
    typed.erase(4, 1);
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto found = store->lookup(typed);
    ASSERT_TRUE(found);
    ASSERT_TRUE(found->local);
    EXPECT_EQ(found->local->id, receipt->id);
    EXPECT_EQ(found->local->kind, domain::RecordKind::support_request);
    EXPECT_EQ(found->local->outbox, OutboxState::queued);
    EXPECT_EQ(found->local->created_ms, clock.now_ms);
    EXPECT_FALSE(found->hq);

    ASSERT_TRUE(*store->mark_sent(receipt->id));
    EXPECT_EQ(store->lookup(receipt->reference)->local->outbox, OutboxState::sent);
}

TEST(Status, HqAnswersAndNewerWins) {
    TempDir tmp;
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(store);
    const std::string ref = "K7M4-QX9N";
    const RequestStatus first[] = {{ref, RequestState::in_review, "", 1000}};
    EXPECT_EQ(*store->upsert_statuses(first), 1u);
    auto found = *store->lookup("k7m4qx9n");
    EXPECT_FALSE(found.local) << "issued by another kiosk";
    ASSERT_TRUE(found.hq);
    EXPECT_EQ(found.hq->state, RequestState::in_review);

    const RequestStatus updates[] = {
        {ref, RequestState::accepted, "راجع الجمعية يوم الأحد", 3000},
        {ref, RequestState::rejected, "stale", 2000},     // older: ignored
        {"NOT-A-REF", RequestState::accepted, "", 5000},  // malformed: skipped
    };
    EXPECT_EQ(*store->upsert_statuses(updates), 1u);
    found = *store->lookup(ref);
    EXPECT_EQ(found.hq->state, RequestState::accepted);
    EXPECT_EQ(found.hq->note, "راجع الجمعية يوم الأحد");
    EXPECT_EQ(found.hq->updated_ms, 3000);
}

TEST(Status, UnknownOrMalformedReferenceFindsNothing) {
    TempDir tmp;
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(store);
    for (const char* typed : {"K7M4-QX9N", "garbage", ""}) {
        auto found = store->lookup(typed);
        ASSERT_TRUE(found);
        EXPECT_FALSE(found->local || found->hq) << typed;
    }
}

TEST(Status, StateNamesMatchTheWire) {
    EXPECT_EQ(to_string(RequestState::in_review), "in-review");
    EXPECT_EQ(request_state_from("in-review"), RequestState::in_review);
    EXPECT_EQ(request_state_from("received"), RequestState::received);
    EXPECT_FALSE(request_state_from("in_review"));
}

TEST(Settings, RoundTripAndOverwrite) {
    TempDir tmp;
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(store);
    EXPECT_FALSE(*store->setting("statuses_since"));
    ASSERT_TRUE(store->set_setting("statuses_since", "100"));
    ASSERT_TRUE(store->set_setting("statuses_since", "200"));
    EXPECT_EQ(**store->setting("statuses_since"), "200");
    ASSERT_TRUE(store->set_setting("empty", std::string_view{})) << "an empty view is an empty value, not NULL";
    EXPECT_EQ(**store->setting("empty"), "");
}

}  // namespace
}  // namespace kiosk::store
