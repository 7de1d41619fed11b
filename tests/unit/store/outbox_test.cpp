// Specification of the outbox as the sync worker and the staff queue see it.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kiosk::store {
namespace {

using namespace testing;

class Outbox : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Store::open(tmp_.path(), options_for(keys_, &clock_));
        ASSERT_TRUE(opened) << opened.error().detail;
        store_.emplace(std::move(*opened));
        for (int i = 0; i < 6; ++i) {
            clock_.now_ms += 1000;
            auto receipt = i % 2 == 0 ? store_->submit(sample_request(i)) : store_->submit(sample_rating(3));
            ASSERT_TRUE(receipt);
            ids_.push_back(receipt->id);
        }
    }
    std::vector<std::string> ids_of(const std::vector<OutboxItem>& items) {
        std::vector<std::string> out;
        for (const auto& item : items) out.push_back(item.id);
        return out;
    }

    TempDir tmp_;
    HqKeys keys_ = HqKeys::generate();
    TestClock clock_;
    std::optional<Store> store_;
    std::vector<std::string> ids_;
};

TEST_F(Outbox, BatchIsOldestFirstAndLimitedByCount) {
    auto batch = store_->outbox_batch(4, 1 << 20);
    ASSERT_TRUE(batch);
    EXPECT_EQ(ids_of(*batch), std::vector<std::string>(ids_.begin(), ids_.begin() + 4));
    EXPECT_TRUE(store_->outbox_batch(0, 1 << 20)->empty());
}

TEST_F(Outbox, BatchIsLimitedByBytesButNeverEmpty) {
    auto all = *store_->outbox_batch(100, 1 << 20);
    const std::size_t first_two = all[0].wire.size() + all[1].wire.size();
    EXPECT_EQ(store_->outbox_batch(100, first_two)->size(), 2u);
    EXPECT_EQ(store_->outbox_batch(100, first_two - 1)->size(), 1u);
    EXPECT_EQ(store_->outbox_batch(100, 1)->size(), 1u) << "a record larger than the limit still goes, alone";
}

TEST_F(Outbox, MarkingRemovesFromTheQueueAndOnlyQueuedRowsChange) {
    const OutboxOutcome outcomes[] = {
        {ids_[0], OutboxState::sent, ""},
        {ids_[1], OutboxState::duplicate, ""},
        {ids_[2], OutboxState::rejected, "schema: unknown field"},
        {"00000000-0000-7000-8000-000000000000", OutboxState::sent, ""},  // unknown id: ignored
    };
    EXPECT_EQ(*store_->mark(outcomes), 3u);
    EXPECT_EQ(ids_of(*store_->outbox_batch(100, 1 << 20)), std::vector<std::string>(ids_.begin() + 3, ids_.end()));
    EXPECT_FALSE(*store_->mark_sent(ids_[2])) << "a late reply cannot flip a rejected row";
    auto rejected = *store_->list_outbox(OutboxState::rejected, 10);
    ASSERT_EQ(rejected.size(), 1u);
    EXPECT_EQ(rejected[0].id, ids_[2]);
    EXPECT_EQ(rejected[0].reason, "schema: unknown field");
    EXPECT_EQ(rejected[0].kind, domain::RecordKind::support_request);
    EXPECT_FALSE(rejected[0].reference.empty());
    EXPECT_GT(rejected[0].bytes, 500);
}

TEST_F(Outbox, RejectedRowsReturnOnlyByStaffRequeue) {
    ASSERT_TRUE(*store_->mark_rejected(ids_[0], "bad"));
    EXPECT_FALSE(*store_->requeue(ids_[1])) << "only rejected rows can be requeued";
    EXPECT_TRUE(*store_->requeue(ids_[0]));
    auto queued = *store_->list_outbox(OutboxState::queued, 10);
    EXPECT_EQ(queued.size(), 6u);
    EXPECT_EQ(queued[0].reason, "");
}

TEST_F(Outbox, QueuedCannotBeAnOutcome) {
    const OutboxOutcome bad[] = {{ids_[0], OutboxState::queued, ""}};
    auto result = store_->mark(bad);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().kind, StoreErrorKind::internal);
}

TEST_F(Outbox, CountsByKindAndState) {
    ASSERT_TRUE(*store_->mark_sent(ids_[0]));
    ASSERT_TRUE(*store_->mark_rejected(ids_[1], "x"));
    auto counts = *store_->counts();
    auto count = [&counts](domain::RecordKind kind, OutboxState state) -> std::int64_t {
        for (const auto& c : counts) {
            if (c.kind == kind && c.state == state) return c.count;
        }
        return 0;
    };
    EXPECT_EQ(count(domain::RecordKind::support_request, OutboxState::sent), 1);
    EXPECT_EQ(count(domain::RecordKind::support_request, OutboxState::queued), 2);
    EXPECT_EQ(count(domain::RecordKind::rating, OutboxState::rejected), 1);
    EXPECT_EQ(count(domain::RecordKind::rating, OutboxState::queued), 2);
    EXPECT_EQ(count(domain::RecordKind::feedback, OutboxState::queued), 0);
}

TEST_F(Outbox, StaffListCarriesNoPersonalData) {
    const auto queued = *store_->list_outbox(OutboxState::queued, 10);
    for (const auto& entry : queued) {
        EXPECT_EQ(entry.id.size(), 36u);
        EXPECT_EQ(entry.reason, "");
    }
    EXPECT_EQ(store_->list_outbox(OutboxState::queued, 2)->size(), 2u);
}

}  // namespace
}  // namespace kiosk::store
