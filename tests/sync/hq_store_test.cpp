// HQ's store, on the engine of this test binary (SQLite or PostgreSQL, postgres.h): answers
// belong to the kiosk that issued the reference (references are unique per kiosk only, so
// two kiosks may issue the same one; neither may see the other's answer); records are keyed
// by (kiosk, id); an HQ from before either rule keeps what it had.
#include <gtest/gtest.h>

#include <algorithm>

#include "sync/hq/sql_schema.h"
#include "sync/hq/sql_store.h"
#include "sync/protocol/record.h"
#include "sync/protocol/sql/sqlite.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/postgres.h"

namespace kiosk_sync {
namespace {

using testkit::RecordMaker;
using testkit::TempDir;

protocol::Record request_from(const std::string& kiosk, std::uint32_t seed, const std::string& reference) {
    protocol::BoxPublicKey hq_key{};
    hq_key[0] = 7;
    RecordMaker maker(kiosk, hq_key, seed);
    auto record = protocol::parse_record(maker.with_kind("support_request").json);
    EXPECT_TRUE(record) << record.error();
    record->reference = reference;
    return *record;
}

std::expected<std::unique_ptr<hq::SqlStore>, std::string> fresh_store(const TempDir& dir) {
    return testkit::TestDatabase(dir.path()).open();
}

std::vector<protocol::RequestStatus> statuses_of(hq::Store& store, const std::string& kiosk) {
    auto page = store.statuses_since(kiosk, 0, 100);
    EXPECT_TRUE(page) << page.error();
    return page ? page->statuses : std::vector<protocol::RequestStatus>{};
}

TEST(SyncHqStore, AnAnswerGoesOnlyToTheKioskThatIssuedTheReference) {
    TempDir dir;
    auto store = fresh_store(dir);
    ASSERT_TRUE(store) << store.error();
    const std::string shared = "K7QM-4RDG";
    ASSERT_TRUE((*store)->ingest({request_from("kiosk-1", 1, shared), request_from("kiosk-2", 2, shared),
                                  request_from("kiosk-2", 3, "T3HX-9WBY")},
                                 "sync", 1000));

    // One reference, two kiosks: HQ must be told whose request it answers.
    auto ambiguous = (*store)->set_status(shared, "accepted", "", 2000, std::nullopt);
    ASSERT_FALSE(ambiguous);
    EXPECT_NE(ambiguous.error().find("kiosk-1, kiosk-2"), std::string::npos) << ambiguous.error();
    EXPECT_TRUE(statuses_of(**store, "kiosk-1").empty());

    ASSERT_TRUE(*(*store)->set_status(shared, "accepted", "تمت الموافقة", 2000, "kiosk-1"));
    ASSERT_TRUE(*(*store)->set_status("T3HX-9WBY", "rejected", "", 3000, std::nullopt));  // only kiosk-2 issued it
    EXPECT_FALSE(*(*store)->set_status("T3HX-9WBY", "accepted", "", 3000, "kiosk-1"));    // not kiosk-1's
    EXPECT_FALSE(*(*store)->set_status("NOPE-0000", "accepted", "", 3000, std::nullopt));

    const auto first = statuses_of(**store, "kiosk-1");
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].reference, shared);
    EXPECT_EQ(first[0].status, "accepted");
    EXPECT_EQ(first[0].note, "تمت الموافقة");
    const auto second = statuses_of(**store, "kiosk-2");
    ASSERT_EQ(second.size(), 1u);  // not kiosk-1's answer to the same reference
    EXPECT_EQ(second[0].reference, "T3HX-9WBY");
    EXPECT_EQ(second[0].status, "rejected");

    // Listing joins each record with its own kiosk's answer.
    auto listed = (*store)->records(shared);
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), 2u);
    for (const auto& r : *listed)
        EXPECT_EQ(r.status, r.record.kiosk == "kiosk-1" ? "accepted" : "received") << r.record.kiosk;
}

TEST(SyncHqStore, AnHqFromBeforeKeepsItsAnswersForEveryKioskThatIssuedTheReference) {
    if (testkit::hq_engine() != testkit::HqEngine::sqlite) GTEST_SKIP() << "PostgreSQL support begins at schema 3";
    TempDir dir;
    const auto path = dir.path() / "hq.db";
    {
        auto store = hq::SqlStore::open_sqlite(path, true);
        ASSERT_TRUE(store);
        ASSERT_TRUE((*store)->ingest({request_from("kiosk-1", 1, "K7QM-4RDG"), request_from("kiosk-2", 2, "N8CE-2PAX")},
                                     "sync", 1000));
    }
    // Turn the file back into version 1: one status per reference, no kiosk, none of the
    // console's tables.
    {
        auto db = sql::open_sqlite(path, {});
        ASSERT_TRUE(db) << db.error().message;
        const char* v1 = R"sql(
DROP TABLE users; DROP TABLE sessions; DROP TABLE audit; DROP TABLE audit_head;
DROP TABLE record_history; DROP TABLE record_states; DROP TABLE record_marks; DROP INDEX records_kind_created;
DROP TABLE statuses;
CREATE TABLE statuses(reference TEXT PRIMARY KEY, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE);
INSERT INTO statuses VALUES ('K7QM-4RDG', 'accepted', 'note one', 5000, 1), ('N8CE-2PAX', 'in-review', '', 6000, 2);
PRAGMA user_version = 1;
)sql";
        ASSERT_TRUE(db->exec_script(v1));
    }

    auto store = hq::SqlStore::open_sqlite(path, false);
    ASSERT_TRUE(store) << store.error();
    const auto first = statuses_of(**store, "kiosk-1");
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].reference, "K7QM-4RDG");
    EXPECT_EQ(first[0].note, "note one");
    const auto second = statuses_of(**store, "kiosk-2");
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].reference, "N8CE-2PAX");
    // A new answer replaces the migrated one.
    ASSERT_TRUE(*(*store)->set_status("K7QM-4RDG", "rejected", "", 7000, std::nullopt));
    auto page = (*store)->statuses_since("kiosk-1", 0, 100);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->statuses.size(), 1u);
    EXPECT_EQ(page->statuses[0].status, "rejected");
}

TEST(SyncHqStore, RecordsAreKeyedByKioskAndId) {
    TempDir dir;
    auto store = fresh_store(dir);
    ASSERT_TRUE(store) << store.error();
    auto mine = request_from("kiosk-1", 1, "K7QM-4RDG");
    auto theirs = request_from("kiosk-2", 2, "N8CE-2PAX");
    theirs.id = mine.id;  // another kiosk's id cannot shadow this one's
    auto verdicts = (*store)->ingest({mine, theirs}, "sync", 1000);
    ASSERT_TRUE(verdicts) << verdicts.error();
    EXPECT_EQ((*verdicts)[0].outcome, protocol::Outcome::accepted);
    EXPECT_EQ((*verdicts)[1].outcome, protocol::Outcome::accepted);
    auto again = (*store)->ingest({mine}, "sync", 2000);
    ASSERT_TRUE(again);
    EXPECT_EQ((*again)[0].outcome, protocol::Outcome::duplicate);
    auto changed = mine;
    changed.created_ms += 1;
    auto conflicting = (*store)->ingest({changed}, "sync", 3000);
    ASSERT_TRUE(conflicting);
    EXPECT_EQ((*conflicting)[0].outcome, protocol::Outcome::rejected);
    EXPECT_EQ(*(*store)->record_count(), 2u);
    auto both = (*store)->records(mine.id);
    ASSERT_TRUE(both);
    ASSERT_EQ(both->size(), 2u);
    EXPECT_EQ((*both)[0].record.kiosk, "kiosk-1");  // oldest first
    EXPECT_EQ((*both)[0].received_ms, 1000);
}

// A batch goes in by multi-row statements of a few dozen records: every record still gets its
// own verdict, in order, across chunk boundaries and with one key twice in the same batch.
TEST(SyncHqStore, ALargeBatchGetsOneVerdictPerRecordInOrder) {
    TempDir dir;
    auto store = fresh_store(dir);
    ASSERT_TRUE(store) << store.error();
    std::vector<protocol::Record> batch;
    for (std::uint32_t i = 0; i < 130; ++i) batch.push_back(request_from("kiosk-1", 100 + i, "R" + std::to_string(i)));
    auto first = (*store)->ingest({batch[7], batch[64]}, "sync", 500);  // already there before
    ASSERT_TRUE(first) << first.error();
    batch.push_back(batch[3]);  // the same record twice in one batch
    auto changed = batch[120];
    changed.created_ms += 1;
    batch.push_back(changed);  // the same key with other content
    auto verdicts = (*store)->ingest(batch, "sync", 1000);
    ASSERT_TRUE(verdicts) << verdicts.error();
    ASSERT_EQ(verdicts->size(), batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        EXPECT_EQ((*verdicts)[i].id, batch[i].id) << i;
        const auto expected = i == 7 || i == 64 || i == 130 ? protocol::Outcome::duplicate
                              : i == 131                    ? protocol::Outcome::rejected
                                                            : protocol::Outcome::accepted;
        EXPECT_EQ((*verdicts)[i].outcome, expected) << i;
    }
    EXPECT_EQ(*(*store)->record_count(), 130u);
}

TEST(SyncHqStore, EveryCallWorksAndEachRecordStreamsOldestFirst) {
    TempDir dir;
    auto store = fresh_store(dir);
    ASSERT_TRUE(store) << store.error();
    protocol::Secret secret{};
    secret[0] = 42;
    ASSERT_TRUE((*store)->put_kiosk("kiosk-1", secret));
    secret[0] = 43;  // re-provisioning rotates the secret
    ASSERT_TRUE((*store)->put_kiosk("kiosk-1", secret));
    EXPECT_EQ((*(*store)->kiosk_secret("kiosk-1"))->at(0), 43);
    EXPECT_FALSE(*(*store)->kiosk_secret("kiosk-9"));
    EXPECT_TRUE(*(*store)->remember_nonce("kiosk-1", "n1", 1000, 1000));
    EXPECT_FALSE(*(*store)->remember_nonce("kiosk-1", "n1", 1000, 1001));
    EXPECT_TRUE(*(*store)->remember_nonce("kiosk-2", "n1", 1000, 1002));  // nonces are per kiosk

    std::vector<protocol::Record> records;
    for (std::uint32_t i = 0; i < 30; ++i) {
        records.push_back(request_from("kiosk-1", 100 + i, "R" + std::to_string(i)));
        records.back().created_ms = 5000 - i;  // sent newest first
        records.back().clear = {{"request_type", "food"}, {"note", "ملاحظة " + std::to_string(i)}};
    }
    ASSERT_TRUE((*store)->ingest(records, "bundle", 9000));
    std::vector<std::int64_t> seen;
    auto streamed = (*store)->each_record([&](const hq::StoredRecord& stored) {
        seen.push_back(stored.record.created_ms);
        EXPECT_EQ(stored.via, "bundle");
        EXPECT_EQ(stored.record.clear.value("request_type", ""), "food");
        return seen.size() < 25;  // stopping early is allowed
    });
    ASSERT_TRUE(streamed) << streamed.error();
    ASSERT_EQ(seen.size(), 25u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
    EXPECT_EQ(seen.front(), 5000 - 29);

    ASSERT_TRUE(*(*store)->set_status("R3", "in-review", "", 10000, std::nullopt));
    ASSERT_TRUE(*(*store)->set_status("R4", "accepted", "", 10001, std::nullopt));
    ASSERT_TRUE(*(*store)->set_status("R3", "accepted", "", 10002, std::nullopt));
    auto page = (*store)->statuses_since("kiosk-1", 0, 1);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->statuses.size(), 1u);
    EXPECT_TRUE(page->more);
    EXPECT_EQ(page->statuses[0].reference, "R4");  // R3's newer answer moved it to the end
    auto rest = (*store)->statuses_since("kiosk-1", std::stoll(page->cursor), 10);
    ASSERT_TRUE(rest);
    ASSERT_EQ(rest->statuses.size(), 1u);
    EXPECT_EQ(rest->statuses[0].reference, "R3");
    EXPECT_FALSE(rest->more);
}

TEST(SyncHqStore, TwoConnectionsShareNoncesAndRecordsThroughTheDatabase) {
    TempDir dir;
    const testkit::TestDatabase database(dir.path());
    auto one = database.open();
    ASSERT_TRUE(one) << one.error();
    auto other = database.open();  // the schema is already there: opening again migrates nothing
    ASSERT_TRUE(other) << other.error();
    EXPECT_TRUE(*(*one)->remember_nonce("kiosk-1", "n", 1000, 1000));
    EXPECT_FALSE(*(*other)->remember_nonce("kiosk-1", "n", 1000, 1000));
    const auto record = request_from("kiosk-1", 1, "K7QM-4RDG");
    EXPECT_EQ((*(*one)->ingest({record}, "sync", 1000))[0].outcome, protocol::Outcome::accepted);
    EXPECT_EQ((*(*other)->ingest({record}, "sync", 1000))[0].outcome, protocol::Outcome::duplicate);
}

TEST(SyncHqStore, AnHqKeyedByIdAloneMigratesToKioskAndId) {
    if (testkit::hq_engine() != testkit::HqEngine::sqlite) GTEST_SKIP() << "PostgreSQL support begins at schema 3";
    TempDir dir;
    const auto path = dir.path() / "hq.db";
    {
        // An HQ database as version 2 left it: records keyed by id alone.
        auto db = sql::open_sqlite(path, {.create = true});
        ASSERT_TRUE(db) << db.error().message;
        ASSERT_TRUE(db->exec_script(R"sql(
CREATE TABLE kiosks(id TEXT PRIMARY KEY, secret TEXT NOT NULL, updated_ms INTEGER NOT NULL);
CREATE TABLE records(
  id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, kind TEXT NOT NULL, reference TEXT NOT NULL,
  created_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL, via TEXT NOT NULL,
  clear TEXT NOT NULL, sealed TEXT NOT NULL, canonical TEXT NOT NULL);
CREATE INDEX records_reference ON records(reference);
CREATE TABLE statuses(
  kiosk TEXT NOT NULL, reference TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE, PRIMARY KEY(kiosk, reference));
CREATE TABLE nonces(
  kiosk TEXT NOT NULL, nonce TEXT NOT NULL, timestamp_ms INTEGER NOT NULL,
  PRIMARY KEY(kiosk, nonce)) WITHOUT ROWID;
INSERT INTO records VALUES ('rec-b', 'kiosk-1', 'support_request', 'K7QM-4RDG', 20, 100, 'sync', '{}', '', 'b');
INSERT INTO records VALUES ('rec-a', 'kiosk-2', 'rating', '', 10, 101, 'bundle', '{"overall":5}', '', 'a');
INSERT INTO statuses VALUES ('kiosk-1', 'K7QM-4RDG', 'accepted', 'ok', 500, 1);
PRAGMA user_version = 2;
)sql"));
    }
    auto store = hq::SqlStore::open_sqlite(path, false);
    ASSERT_TRUE(store) << store.error();
    auto listed = (*store)->records(std::nullopt);
    ASSERT_TRUE(listed) << listed.error();
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_EQ((*listed)[0].record.id, "rec-a");
    EXPECT_EQ((*listed)[0].record.clear.value("overall", 0), 5);
    EXPECT_EQ((*listed)[1].record.id, "rec-b");
    EXPECT_EQ((*listed)[1].status, "accepted");
    // The old key let one kiosk's id shadow another's; now the same id from another kiosk is new.
    auto other = request_from("kiosk-2", 9, "N8CE-2PAX");
    other.id = "rec-b";
    EXPECT_EQ((*(*store)->ingest({other}, "sync", 2000))[0].outcome, protocol::Outcome::accepted);
    auto db = sql::open_sqlite(path, {});
    EXPECT_EQ(*sql::schema_version(*db), hq::hq_migrations(sql::Engine::sqlite).back().version);
}

}  // namespace
}  // namespace kiosk_sync
