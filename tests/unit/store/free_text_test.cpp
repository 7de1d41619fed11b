// Specification: what a visitor writes freely — a rating's comment, a feedback's text — is
// sealed and nowhere in the clear on the kiosk: not in kiosk.db, not in its WAL before a
// checkpoint, not in the queued wire. A kiosk.db from before (schema version 2, which kept a
// masked copy of each comment that missed names and separated digits) loses that copy on
// upgrade, and its queued records are rewritten as today's kiosk would write them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <vector>

#include "kiosk/domain/text.h"
#include "kiosk/store/schema.h"
#include "store_fixture.h"
#include "sync/protocol/record.h"
#include "sync/protocol/sql/sqlite.h"

namespace kiosk::store {
namespace {

using namespace testing;

// No mask catches this: a name, and a mobile number written in groups.
constexpr std::string_view kComment = "Ahmed Alharbi 055, 123, 4567";
constexpr std::string_view kFeedbackText = "The clerk Zubaydah Qarnawi at desk 9 kept my papers";

// The comment, the feedback text and each distinctive part of them.
const std::vector<std::string_view>& secrets() {
    static const std::vector<std::string_view> all = {
        kComment, "Ahmed", "Alharbi", "055, 123", "123, 4567", kFeedbackText, "Zubaydah", "Qarnawi", "kept my papers"};
    return all;
}

void expect_nowhere(const std::string& bytes, std::string_view where) {
    for (std::string_view secret : secrets()) EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << where;
}

domain::Feedback feedback_with_text() { return {"complaint", std::string(kFeedbackText), "سلمى", "0567654321"}; }

TEST(SealedFreeText, IsSealedAndNowhereInTheDatabaseOrItsWal) {
    TempDir tmp;
    const HqKeys keys = HqKeys::generate();
    auto opened = Store::open(tmp.path(), options_for(keys));
    ASSERT_TRUE(opened) << opened.error().detail;
    std::optional<Store> store(std::move(*opened));
    auto rated = store->submit(sample_rating(2, std::string(kComment)));
    auto filed = store->submit(feedback_with_text());
    ASSERT_TRUE(rated && filed);

    // Still open: the records are in the WAL, not yet checkpointed into kiosk.db.
    ASSERT_GT(std::filesystem::file_size(tmp.path() / "kiosk.db-wal"), 0u);
    expect_nowhere(raw_database_bytes(tmp.path()), " (open, WAL not checkpointed)");

    auto rating_wire = kiosk_sync::protocol::parse_record((*store->outbox_record(rated->id))->wire);
    ASSERT_TRUE(rating_wire);
    EXPECT_EQ(rating_wire->clear.value("has_comment", false), true);
    EXPECT_FALSE(rating_wire->clear.contains("comment"));
    EXPECT_EQ((*keys.open_sealed(rating_wire->sealed))["comment"], kComment) << "HQ can still read it";
    auto feedback_wire = kiosk_sync::protocol::parse_record((*store->outbox_record(filed->id))->wire);
    ASSERT_TRUE(feedback_wire);
    EXPECT_EQ((*keys.open_sealed(feedback_wire->sealed))["text"], kFeedbackText);
    EXPECT_EQ(*store->rating_comment_count(), 1);

    store.reset();  // the last connection checkpoints and removes the WAL
    expect_nowhere(raw_database_bytes(tmp.path()), " (closed)");
}

// A kiosk at schema version 2: a rating stored as it was then, with the masked comment in
// the ratings table, in the clear part and in the queued wire.
struct OldRating {
    std::string id;
    std::string comment;  // as typed; the old kiosk kept redact_contact_details() of it
};

void store_as_version_2(sql::Connection& db, const OldRating& old, std::int64_t created_ms) {
    const std::string masked = domain::text::redact_contact_details(old.comment);
    const nlohmann::json clear = {
        {"overall", 2},        {"service", "social_research"}, {"comment", masked}, {"wait", 3},
        {"courtesy", nullptr}, {"clarity", nullptr},           {"ease", nullptr},   {"counter", 2}};
    const kiosk_sync::protocol::Record wire{
        old.id, "rating", "", "test-kiosk", created_ms, clear, old.comment.empty() ? "" : "c2VhbGVk"};
    const std::string text = kiosk_sync::protocol::serialize(wire);
    auto s = db.prepare(
        "INSERT INTO submissions (id, kind, reference, created_ms, clear_json) VALUES (?, 'rating', NULL, ?, ?)");
    ASSERT_TRUE(s && s->bind(1, old.id).bind(2, created_ms).bind(3, clear.dump()).run());
    s = db.prepare("INSERT INTO outbox (submission_id, wire, bytes, updated_ms) VALUES (?, ?, ?, ?)");
    ASSERT_TRUE(
        s &&
        s->bind(1, old.id).bind(2, text).bind(3, static_cast<std::int64_t>(text.size())).bind(4, created_ms).run());
    s = db.prepare(
        "INSERT INTO ratings (submission_id, created_ms, overall, wait, service, counter, comment)"
        " VALUES (?, ?, 2, 3, 'social_research', 2, ?)");
    ASSERT_TRUE(s && s->bind(1, old.id).bind(2, created_ms).bind(3, masked).run());
}

TEST(SealedFreeText, AnOlderDatabaseLosesItsClearCommentsOnUpgrade) {
    TempDir tmp;
    const OldRating with{"0193b6c2-0000-7000-8000-000000000001", std::string(kComment)};
    const OldRating without{"0193b6c2-0000-7000-8000-000000000002", ""};
    {
        auto db = sql::open_sqlite(tmp.path() / "kiosk.db", {.create = true});
        ASSERT_TRUE(db);
        ASSERT_EQ(*migrate(*db, migrations().first(2)), 2);
        store_as_version_2(*db, with, 1'764'120'000'000);
        store_as_version_2(*db, without, 1'764'120'060'000);
    }
    ASSERT_NE(raw_database_bytes(tmp.path()).find("Alharbi"), std::string::npos)
        << "the old mask let the name through, which is what this upgrade repairs";

    auto opened = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(opened) << opened.error().detail;
    std::optional<Store> store(std::move(*opened));
    expect_nowhere(raw_database_bytes(tmp.path()), " (after the upgrade)");
    EXPECT_TRUE(*store->integrity_ok());
    EXPECT_EQ(*store->rating_comment_count(), 1);
    EXPECT_EQ(store->satisfaction()->overall.count, 2);

    auto batch = store->outbox_batch(10, 1 << 20);
    ASSERT_TRUE(batch);
    ASSERT_EQ(batch->size(), 2u);
    for (const OutboxItem& item : *batch) {
        auto wire = kiosk_sync::protocol::parse_record(item.wire);
        ASSERT_TRUE(wire) << wire.error();
        EXPECT_EQ(kiosk_sync::protocol::serialize(*wire), item.wire) << "byte for byte as today's kiosk writes it";
        EXPECT_EQ(wire->clear, (nlohmann::json{{"overall", 2},
                                               {"service", "social_research"},
                                               {"has_comment", item.id == with.id},
                                               {"wait", 3},
                                               {"courtesy", nullptr},
                                               {"clarity", nullptr},
                                               {"ease", nullptr},
                                               {"counter", 2}}));
    }
    auto queued = store->list_outbox(OutboxState::queued, 10);
    ASSERT_TRUE(queued);
    for (const OutboxEntry& entry : *queued) {
        const auto item = std::find_if(batch->begin(), batch->end(), [&](const auto& i) { return i.id == entry.id; });
        ASSERT_NE(item, batch->end());
        EXPECT_EQ(entry.bytes, static_cast<std::int64_t>(item->wire.size()));
    }
    store.reset();
    expect_nowhere(raw_database_bytes(tmp.path()), " (closed after the upgrade)");
}

}  // namespace
}  // namespace kiosk::store
