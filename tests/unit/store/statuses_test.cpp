// Specification of request status look-up: HQ's answer when it has one, otherwise what the
// kiosk itself knows of a reference it issued.
#include <gtest/gtest.h>

#include "store_fixture.h"
#include "sync/protocol/messages.h"

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

TEST(Status, AFeedbackIsKnownByItsCategory) {
    TempDir tmp;
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(store);
    auto feedback = sample_feedback();
    feedback.kind = "suggestion";
    auto receipt = store->submit(feedback);
    ASSERT_TRUE(receipt) << receipt.error().detail;
    auto found = store->lookup(receipt->reference);
    ASSERT_TRUE(found && found->local);
    EXPECT_EQ(found->local->kind, domain::RecordKind::feedback);
    EXPECT_EQ(found->local->category, "suggestion");
    auto request = store->submit(sample_request());
    ASSERT_TRUE(request);
    EXPECT_EQ(store->lookup(request->reference)->local->category, "");
}

TEST(Status, HqAnswersAndNewerWins) {
    TempDir tmp;
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(store);
    const std::string ref = "K7M4-QX9N";
    const RequestStatus first[] = {{ref, ReviewState::in_review, "", "", 1000}};
    EXPECT_EQ(*store->upsert_statuses(first), 1u);
    auto found = *store->lookup("k7m4qx9n");
    EXPECT_FALSE(found.local) << "issued by another kiosk";
    ASSERT_TRUE(found.hq);
    EXPECT_EQ(found.hq->state, ReviewState::in_review);

    const RequestStatus updates[] = {
        {ref, ReviewState::accepted, "راجع الجمعية يوم الأحد", "Please visit on Sunday", 3000},
        {ref, ReviewState::rejected, "stale", "stale", 2000},  // older: ignored
        {"NOT-A-REF", ReviewState::accepted, "", "", 5000},    // malformed: skipped
    };
    EXPECT_EQ(*store->upsert_statuses(updates), 1u);
    found = *store->lookup(ref);
    EXPECT_EQ(found.hq->state, ReviewState::accepted);
    EXPECT_EQ(found.hq->note_ar, "راجع الجمعية يوم الأحد");
    EXPECT_EQ(found.hq->note_en, "Please visit on Sunday");
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
    EXPECT_EQ(to_string(ReviewState::in_review), "in-review");
    EXPECT_EQ(review_state_from("in-review"), ReviewState::in_review);
    EXPECT_EQ(review_state_from("received"), ReviewState::received);
    EXPECT_FALSE(review_state_from("in_review"));
    EXPECT_FALSE(review_state_from(""));
}

// Every state HQ may send (the protocol's list) has a name here, and back again.
TEST(Status, EveryReviewStateOfTheProtocolRoundTrips) {
    for (std::string_view name : {"received", "in-review", "needs-info", "accepted", "rejected", "answered", "closed",
                                  "contacted", "active", "declined"}) {
        ASSERT_TRUE(kiosk_sync::protocol::is_review_state(name)) << name;
        const auto state = review_state_from(name);
        ASSERT_TRUE(state) << name;
        EXPECT_EQ(to_string(*state), name);
    }
}

// Each state of each kind, with notes in one, the other or both languages, is stored and read
// back exactly (the schema's CHECK takes every state).
TEST(Status, EveryStateAndBothNotesRoundTripThroughTheStore) {
    TempDir tmp;
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(store);
    const std::pair<ReviewState, std::string_view> states[] = {
        {ReviewState::received, "K7QM-4RDG"},   {ReviewState::in_review, "T3HX-9WBY"},
        {ReviewState::needs_info, "N8CE-2PAX"}, {ReviewState::accepted, "K7M4-QX9N"},
        {ReviewState::rejected, "5AA3-97Z7"},   {ReviewState::answered, "K7QM-4RDG"},
        {ReviewState::closed, "T3HX-9WBY"},     {ReviewState::contacted, "N8CE-2PAX"},
        {ReviewState::active, "K7M4-QX9N"},     {ReviewState::declined, "5AA3-97Z7"},
    };
    std::int64_t updated = 1000;
    int i = 0;
    for (const auto& [state, ref] : states) {
        // Arabic only, English only, both, in turn.
        const int which = i++ % 3;
        const std::string ar = which == 1 ? "" : "يُرجى إحضار صورة الهوية (رقم الطلب " + std::string(ref) + ")";
        const std::string en = which == 0 ? "" : "Bring a copy of your ID, ref " + std::string(ref) + ".";
        const RequestStatus one[] = {{std::string(ref), state, ar, en, ++updated}};
        ASSERT_EQ(*store->upsert_statuses(one), 1u) << to_string(state);
        const auto found = store->lookup(ref);
        ASSERT_TRUE(found && found->hq) << to_string(state);
        EXPECT_EQ(found->hq->reference, ref);
        EXPECT_EQ(found->hq->state, state);
        EXPECT_EQ(found->hq->note_ar, ar);
        EXPECT_EQ(found->hq->note_en, en);
        EXPECT_EQ(found->hq->updated_ms, updated);
    }
}

// Notes are text from outside: what could reorder or hide text is dropped before it is kept,
// a blank note is no note, and an overlong one is cut at a character with an ellipsis.
TEST(Status, NotesAreCleanedAndCappedBeforeTheyAreKept) {
    TempDir tmp;
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(store);
    std::string long_ar;
    while (long_ar.size() < kMaxNoteBytes + 100) long_ar += "ملاحظة ";
    const RequestStatus statuses[] = {
        {"K7QM-4RDG", ReviewState::needs_info, "\u202Eأحضر\u202C الهوية\r\n\x01 ", "  \n\t\u00A0 ", 1000},
        {"T3HX-9WBY", ReviewState::answered, long_ar, "bad \xC3( byte", 1000},
    };
    ASSERT_EQ(*store->upsert_statuses(statuses), 2u);
    const auto first = *store->lookup("K7QM-4RDG");
    EXPECT_EQ(first.hq->note_ar, "أحضر الهوية");
    EXPECT_EQ(first.hq->note_en, "") << "white space only is no note";
    const auto second = *store->lookup("T3HX-9WBY");
    EXPECT_LE(second.hq->note_ar.size(), kMaxNoteBytes);
    EXPECT_TRUE(second.hq->note_ar.ends_with("\u2026"));
    EXPECT_TRUE(long_ar.starts_with(second.hq->note_ar.substr(0, second.hq->note_ar.size() - 3)))
        << "cut between characters, never inside one";
    EXPECT_EQ(second.hq->note_en, "bad ( byte");
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
