// HQ, on the engine of this test binary: what a visitor writes freely — a rating's comment, a
// feedback's text — arrives sealed and is nowhere in HQ's database in the clear: not when
// the kiosk's real store files it, not when a kiosk from before sends a rating's comment in
// the clear (HQ drops it, keeping has_comment), not in an HQ database from before (schema
// version 5 takes it out). A record sent again across either upgrade is still a duplicate.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "kiosk/store/sealing.h"
#include "sync/hq/ingest.h"
#include "sync/hq/sql_schema.h"
#include "sync/hq/sql_store.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/json_text.h"
#include "sync/protocol/record.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/postgres.h"
#include "tests/unit/store/store_fixture.h"

namespace kiosk_sync {
namespace {

using kiosk::store::testing::HqKeys;
using testkit::TempDir;
using testkit::TestDatabase;

constexpr std::string_view kComment = "Ahmed Alharbi 055, 123, 4567";
constexpr std::string_view kFeedbackText = "The clerk Zubaydah Qarnawi at desk 9 kept my papers";
constexpr std::int64_t kNow = 1'764'120'000'000 + 60'000;  // a minute after the kiosk fixture's clock

const std::vector<std::string_view>& secrets() {
    static const std::vector<std::string_view> all = {
        kComment, "Ahmed", "Alharbi", "055, 123", "123, 4567", kFeedbackText, "Zubaydah", "Qarnawi", "kept my papers"};
    return all;
}

// Everything HQ holds of its records as stored: on SQLite every byte of hq.db and its WAL
// (read while the store is open, before any checkpoint), on PostgreSQL every row of the
// records table as text.
std::string hq_bytes(const TempDir& dir, const TestDatabase& database) {
    if (testkit::hq_engine() == testkit::HqEngine::sqlite) {
        std::string all;
        for (const char* name : {"hq.db", "hq.db-wal"})
            if (auto bytes = protocol::read_file(dir.path() / name)) all += *bytes;
        return all;
    }
    auto db = database.raw();
    EXPECT_TRUE(db) << db.error().message;
    if (!db) return {};
    auto rows = db->prepare("SELECT r::text FROM records r");
    EXPECT_TRUE(rows);
    std::string all;
    while (rows && *rows->step()) all += std::string(rows->text(0)) + "\n";
    return all;
}

void expect_nowhere(const std::string& bytes, std::string_view where) {
    for (std::string_view secret : secrets()) EXPECT_EQ(bytes.find(secret), std::string::npos) << secret << where;
}

std::vector<protocol::ItemVerdict> ingest(hq::Store& store, const std::vector<protocol::Record>& records) {
    std::vector<protocol::BatchItem> items;
    for (const auto& record : records) items.push_back({record.id, record});
    auto verdicts = hq::ingest_items(store, records.front().kiosk, items, "sync", kNow);
    EXPECT_TRUE(verdicts) << verdicts.error();
    return verdicts ? *verdicts : std::vector<protocol::ItemVerdict>{};
}

protocol::Outcome outcome_of(hq::Store& store, const protocol::Record& record) {
    auto verdicts = ingest(store, {record});
    EXPECT_EQ(verdicts.size(), 1u);
    if (verdicts.size() != 1u) return protocol::Outcome::rejected;
    EXPECT_EQ(verdicts[0].reason, "");
    return verdicts[0].outcome;
}

nlohmann::json stored_clear(hq::Store& store, const std::string& id) {
    auto found = store.records(id);
    EXPECT_TRUE(found && found->size() == 1u);
    return found && found->size() == 1u ? (*found)[0].record.clear : nlohmann::json();
}

// A rating as a kiosk from before comments were sealed sent it: the comment in the clear too.
protocol::Record old_rating(const HqKeys& keys, std::string id, std::string_view comment) {
    const nlohmann::json personal = comment.empty() ? nlohmann::json::object() : nlohmann::json{{"comment", comment}};
    std::string sealed;
    if (!comment.empty()) sealed = kiosk::store::to_base64(*kiosk::store::seal(personal.dump(), keys.public_key));
    const nlohmann::json clear = {{"overall", 4},    {"wait", nullptr},        {"courtesy", 5}, {"clarity", nullptr},
                                  {"ease", nullptr}, {"service", "reception"}, {"counter", 1},  {"comment", comment}};
    return {std::move(id), "rating", "", "kiosk-1", kNow - 30'000, clear, sealed};
}

// The same record as a kiosk sends it once its own schema dropped the clear comment.
protocol::Record as_upgraded_kiosk_sends(protocol::Record record) {
    const bool had = !record.clear["comment"].get<std::string>().empty();
    record.clear.erase("comment");
    record.clear["has_comment"] = had;
    return record;
}

TEST(SyncHqFreeText, FiledThroughTheKiosksStoreItIsNowhereAtHq) {
    TempDir kiosk_dir;
    TempDir hq_dir;
    const HqKeys keys = HqKeys::generate();
    kiosk::store::testing::TestClock clock;  // kNow is a minute later
    auto kiosk = kiosk::store::Store::open(kiosk_dir.path(), kiosk::store::testing::options_for(keys, &clock));
    ASSERT_TRUE(kiosk) << kiosk.error().detail;
    ASSERT_TRUE(kiosk->submit(kiosk::store::testing::sample_rating(2, std::string(kComment))));
    ASSERT_TRUE(kiosk->submit(kiosk::domain::Feedback{"complaint", std::string(kFeedbackText), "", ""}));
    auto batch = kiosk->outbox_batch(10, 1 << 20);
    ASSERT_TRUE(batch && batch->size() == 2u);
    std::vector<protocol::Record> records;
    for (const auto& item : *batch) records.push_back(*protocol::parse_record(item.wire));

    const TestDatabase database(hq_dir.path());
    auto store = database.open();
    ASSERT_TRUE(store) << store.error();
    for (const auto& verdict : ingest(**store, records))
        EXPECT_EQ(verdict.outcome, protocol::Outcome::accepted) << verdict.reason;
    expect_nowhere(hq_bytes(hq_dir, database), std::string(" at HQ on ") + testkit::hq_engine_name());

    const auto& rating = records[0].kind == "rating" ? records[0] : records[1];
    EXPECT_EQ(stored_clear(**store, rating.id).value("has_comment", false), true);
    EXPECT_EQ((*keys.open_sealed(rating.sealed))["comment"], kComment) << "read at HQ with the key";
    for (const auto& verdict : ingest(**store, records)) EXPECT_EQ(verdict.outcome, protocol::Outcome::duplicate);
}

TEST(SyncHqFreeText, AnOlderKiosksClearCommentIsDroppedAndItsResendIsADuplicate) {
    TempDir dir;
    const HqKeys keys = HqKeys::generate();
    const TestDatabase database(dir.path());
    auto store = database.open();
    ASSERT_TRUE(store) << store.error();
    const auto old = old_rating(keys, "0193b6c2-0000-7000-8000-0000000000a1", kComment);
    ASSERT_EQ(outcome_of(**store, old), protocol::Outcome::accepted);
    expect_nowhere(hq_bytes(dir, database), std::string(" at HQ on ") + testkit::hq_engine_name());
    const auto clear = stored_clear(**store, old.id);
    EXPECT_FALSE(clear.contains("comment"));
    EXPECT_EQ(clear.value("has_comment", false), true);

    EXPECT_EQ(outcome_of(**store, old), protocol::Outcome::duplicate) << "sent again by the same old kiosk";
    EXPECT_EQ(outcome_of(**store, as_upgraded_kiosk_sends(old)), protocol::Outcome::duplicate)
        << "sent again after the kiosk's own upgrade";
    auto changed = as_upgraded_kiosk_sends(old);
    changed.clear["overall"] = 1;
    const auto verdicts = ingest(**store, {changed});
    ASSERT_EQ(verdicts.size(), 1u);
    EXPECT_EQ(verdicts[0].outcome, protocol::Outcome::rejected) << "another record under the same id";
}

// An HQ at schema version 4 stored a rating's clear part, and its canonical text, as an old
// kiosk sent them: with the comment.
void store_as_version_4(sql::Connection& db, const protocol::Record& record) {
    auto s = db.prepare(
        "INSERT INTO records(kiosk, id, kind, reference, created_ms, received_ms, via, clear, sealed, canonical)"
        " VALUES(?, ?, ?, ?, ?, ?, 'sync', ?, ?, ?)");
    ASSERT_TRUE(s) << s.error().message;
    s->bind(1, record.kiosk).bind(2, record.id).bind(3, record.kind).bind(4, record.reference);
    s->bind(5, record.created_ms).bind(6, kNow).bind(7, protocol::dump_json(record.clear)).bind(8, record.sealed);
    auto rc = s->bind(9, protocol::dump_json(protocol::to_json(record))).run();
    ASSERT_TRUE(rc) << rc.error().message;
}

TEST(SyncHqFreeText, AnHqFromBeforeLosesItsClearCommentsOnUpgrade) {
    TempDir dir;
    const HqKeys keys = HqKeys::generate();
    const TestDatabase database(dir.path());
    const auto with = old_rating(keys, "0193b6c2-0000-7000-8000-0000000000b1", kComment);
    const auto without = old_rating(keys, "0193b6c2-0000-7000-8000-0000000000b2", "");
    auto request = with;
    request.id = "0193b6c2-0000-7000-8000-0000000000b3";
    request.kind = "support_request";
    request.reference = "K7QM-4RDG";
    request.clear = {{"request_type", "food"}};
    {
        auto db = database.raw();
        ASSERT_TRUE(db) << db.error().message;
        auto steps = hq::hq_migrations(db->engine());
        const auto step_5 = std::find_if(steps.begin(), steps.end(), [](const auto& s) { return s.version == 5; });
        ASSERT_NE(step_5, steps.end());
        ASSERT_TRUE(sql::migrate(*db, steps.first(static_cast<std::size_t>(step_5 - steps.begin()))));
        ASSERT_EQ(*sql::schema_version(*db), 4);
        store_as_version_4(*db, with);
        store_as_version_4(*db, without);
        store_as_version_4(*db, request);
    }
    ASSERT_NE(hq_bytes(dir, database).find("Alharbi"), std::string::npos) << "version 4 kept it in the clear";

    auto store = database.open();
    ASSERT_TRUE(store) << store.error();
    expect_nowhere(hq_bytes(dir, database), std::string(" after HQ's upgrade on ") + testkit::hq_engine_name());
    auto db = database.raw();
    EXPECT_EQ(*sql::schema_version(*db), hq::hq_migrations(db->engine()).back().version);

    auto clear = stored_clear(**store, with.id);
    EXPECT_EQ(clear, as_upgraded_kiosk_sends(with).clear);
    EXPECT_EQ(stored_clear(**store, without.id), as_upgraded_kiosk_sends(without).clear);
    EXPECT_EQ(stored_clear(**store, request.id), request.clear) << "other kinds are left as they were";

    // The canonical text was migrated too: every way the record may come again is a duplicate.
    EXPECT_EQ(outcome_of(**store, with), protocol::Outcome::duplicate) << "from the old kiosk";
    EXPECT_EQ(outcome_of(**store, as_upgraded_kiosk_sends(with)), protocol::Outcome::duplicate)
        << "from the upgraded kiosk";
    EXPECT_EQ(outcome_of(**store, without), protocol::Outcome::duplicate);
    EXPECT_EQ(outcome_of(**store, request), protocol::Outcome::duplicate);
    auto changed = as_upgraded_kiosk_sends(with);
    changed.clear["has_comment"] = false;
    const auto verdicts = ingest(**store, {changed});
    ASSERT_EQ(verdicts.size(), 1u);
    EXPECT_EQ(verdicts[0].outcome, protocol::Outcome::rejected);
}

}  // namespace
}  // namespace kiosk_sync
