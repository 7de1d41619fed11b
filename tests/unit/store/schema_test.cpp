// Specification of schema versioning: older databases are upgraded in one transaction,
// newer ones are refused with a clear error, a failed upgrade changes nothing.
#include <gtest/gtest.h>

#include "kiosk/store/schema.h"
#include "store_fixture.h"
#include "sync/protocol/sql/sqlite.h"

namespace kiosk::store {
namespace {

using namespace testing;

sql::Connection raw_open(const std::filesystem::path& file) {
    return std::move(*sql::open_sqlite(file, {.create = true}));
}

TEST(Schema, FreshDatabaseIsAtTheLatestVersion) {
    TempDir tmp;
    ASSERT_TRUE(Store::open(tmp.path(), options_for(HqKeys::generate())));
    sql::Connection db = raw_open(tmp.path() / "kiosk.db");
    EXPECT_EQ(*db.query_int("PRAGMA user_version"), latest_schema_version());
}

TEST(Schema, PragmasAreInForceOnTheStoresConnection) {
    TempDir tmp;
    ASSERT_TRUE(Store::open(tmp.path(), options_for(HqKeys::generate())));
    sql::Connection db = raw_open(tmp.path() / "kiosk.db");
    auto mode = db.prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode && *mode->step());
    EXPECT_EQ(mode->text(0), "wal");  // WAL is a property of the file: it persists
}

TEST(Schema, OlderDatabaseIsUpgradedAndKeepsItsData) {
    TempDir tmp;
    {
        // An "old kiosk": version 0 with a settings table of its own making.
        sql::Connection db = raw_open(tmp.path() / "kiosk.db");
        ASSERT_TRUE(db.exec("CREATE TABLE legacy (x INTEGER)"));
        ASSERT_TRUE(db.exec("INSERT INTO legacy VALUES (42)"));
    }
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(store) << store.error().detail;
    ASSERT_TRUE(store->submit(testing::sample_request()));
    sql::Connection db = raw_open(tmp.path() / "kiosk.db");
    EXPECT_EQ(*db.query_int("PRAGMA user_version"), latest_schema_version());
    EXPECT_EQ(*db.query_int("SELECT x FROM legacy"), 42);
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM submissions"), 1);
}

// Version 1 kept one note per status in whichever language the reviewer wrote, and only a
// support request's states. Upgraded, each note is the note in both languages, and every
// review state of the three kinds HQ answers is accepted.
TEST(Schema, Version2KeepsEachOldNoteAsBothLanguages) {
    TempDir tmp;
    {
        sql::Connection db = raw_open(tmp.path() / "kiosk.db");
        ASSERT_EQ(*migrate(db, migrations().first(1)), 1);
        ASSERT_TRUE(
            db.exec_script("INSERT INTO statuses (reference, status, note, updated_ms) VALUES"
                           " ('K7QM-4RDG', 'accepted', 'راجع مكتب الجمعية يوم الأحد', 1000),"
                           " ('T3HX-9WBY', 'rejected', 'The income stated is above the limit.', 2000),"
                           " ('N8CE-2PAX', 'in-review', '', 3000)"));
    }
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_TRUE(store) << store.error().detail;
    const auto arabic = *store->lookup("K7QM-4RDG");
    ASSERT_TRUE(arabic.hq);
    EXPECT_EQ(arabic.hq->state, ReviewState::accepted);
    EXPECT_EQ(arabic.hq->note_ar, "راجع مكتب الجمعية يوم الأحد");
    EXPECT_EQ(arabic.hq->note_en, "راجع مكتب الجمعية يوم الأحد");
    EXPECT_EQ(arabic.hq->updated_ms, 1000);
    const auto english = *store->lookup("T3HX-9WBY");
    EXPECT_EQ(english.hq->state, ReviewState::rejected);
    EXPECT_EQ(english.hq->note_ar, "The income stated is above the limit.");
    EXPECT_EQ(english.hq->note_en, "The income stated is above the limit.");
    const auto none = *store->lookup("N8CE-2PAX");
    EXPECT_EQ(none.hq->state, ReviewState::in_review);
    EXPECT_EQ(none.hq->note_ar, "");
    EXPECT_EQ(none.hq->note_en, "");

    sql::Connection db = raw_open(tmp.path() / "kiosk.db");
    EXPECT_EQ(*db.query_int("PRAGMA user_version"), latest_schema_version());
    EXPECT_TRUE(db.exec("INSERT INTO statuses (reference, status, updated_ms) VALUES ('K7M4-QX9N', 'needs-info', 1)"));
    EXPECT_FALSE(db.exec("INSERT INTO statuses (reference, status, updated_ms) VALUES ('5AA3-97Z7', 'lost', 1)"))
        << "the CHECK still refuses a state nobody defined";
}

// The size cap is for visitors' records: a kiosk whose database already fills its cap still
// opens after an update whose migration rebuilds a table (and so briefly needs more pages).
TEST(Schema, UpgradeIsNotRefusedByTheSizeCap) {
    TempDir tmp;
    std::int64_t bytes = 0;
    {
        sql::Connection db = raw_open(tmp.path() / "kiosk.db");
        ASSERT_EQ(*migrate(db, migrations().first(1)), 1);
        bytes = *db.query_int("PRAGMA page_count") * *db.query_int("PRAGMA page_size");
    }
    StoreOptions options = options_for(HqKeys::generate());
    options.max_db_bytes = bytes;
    auto store = Store::open(tmp.path(), options);
    ASSERT_TRUE(store) << store.error().detail;
    sql::Connection db = raw_open(tmp.path() / "kiosk.db");
    EXPECT_EQ(*db.query_int("PRAGMA user_version"), latest_schema_version());
}

TEST(Schema, NewerDatabaseIsRefusedAndLeftAlone) {
    TempDir tmp;
    {
        sql::Connection db = raw_open(tmp.path() / "kiosk.db");
        ASSERT_TRUE(db.exec("PRAGMA user_version = 999"));
    }
    auto store = Store::open(tmp.path(), options_for(HqKeys::generate()));
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().kind, StoreErrorKind::newer_schema);
    EXPECT_EQ(message_key(store.error().kind), "store.error.newer_schema");
    sql::Connection db = raw_open(tmp.path() / "kiosk.db");
    EXPECT_EQ(*db.query_int("PRAGMA user_version"), 999);
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM sqlite_schema"), 0);
}

TEST(Schema, FailedMigrationRollsEverythingBack) {
    TempDir tmp;
    sql::Connection db = raw_open(tmp.path() / "test.db");
    const Migration steps[] = {
        {1, "CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);"},
        {2, "CREATE TABLE b (y INTEGER); INSERT INTO no_such_table VALUES (2);"},
    };
    auto version = migrate(db, steps);
    ASSERT_FALSE(version);
    EXPECT_EQ(*db.query_int("PRAGMA user_version"), 0);
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM sqlite_schema"), 0) << "step 1 must be rolled back too";
    EXPECT_FALSE(db.in_transaction());
    // Fixed, it applies from the start.
    const Migration fixed[] = {steps[0], {2, "CREATE TABLE b (y INTEGER);"}};
    EXPECT_EQ(*migrate(db, fixed), 2);
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM a"), 1);
    EXPECT_EQ(*migrate(db, fixed), 2);  // idempotent
}

TEST(Schema, UpgradeAppliesOnlyMissingSteps) {
    TempDir tmp;
    sql::Connection db = raw_open(tmp.path() / "test.db");
    const Migration v1[] = {{1, "CREATE TABLE a (x INTEGER);"}};
    ASSERT_EQ(*migrate(db, v1), 1);
    const Migration v2[] = {v1[0], {2, "ALTER TABLE a ADD COLUMN y INTEGER DEFAULT 7; INSERT INTO a (x) VALUES (1);"}};
    ASSERT_EQ(*migrate(db, v2), 2);
    EXPECT_EQ(*db.query_int("SELECT y FROM a"), 7);
}

}  // namespace
}  // namespace kiosk::store
