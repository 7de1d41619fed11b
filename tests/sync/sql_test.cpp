// The SQL layer (sync/protocol/sql) on this binary's engine: the same SQL text, the same
// typed reads, the same transactions and the same error kinds on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include "sync/protocol/sql/postgresql.h"
#include "sync/protocol/sql/sqlite.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/postgres.h"

namespace kiosk_sync {
namespace {

using testkit::TempDir;

sql::Connection connect(const TempDir& dir) {
    auto db = testkit::hq_engine() == testkit::HqEngine::postgresql
                  ? sql::open_postgresql(testkit::PostgresCluster::shared().create_database(), {})
                  : sql::open_sqlite(dir.path() / "t.db", {.create = true});
    EXPECT_TRUE(db) << db.error().message;
    return std::move(*db);
}

// Only the column types differ between the engines.
std::string schema_for(const sql::Connection& db) {
    const bool pg = db.engine() == sql::Engine::postgresql;
    return std::string("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, data ") +
           (pg ? "BYTEA" : "BLOB") + ", n " + (pg ? "BIGINT" : "INTEGER") + ")";
}

TEST(SqlLayer, ParametersAreRewrittenOutsideQuotesAndComments) {
    int count = 0;
    EXPECT_EQ(sql::postgresql_parameters("SELECT ? , ?1, ? -- ?\n", count), "SELECT $1 , $1, $2 -- ?\n");
    EXPECT_EQ(count, 2);
    EXPECT_EQ(sql::postgresql_parameters("SELECT '?', \"a?\", ?3 /* ? */ WHERE x = 'it''s ?'", count),
              "SELECT '?', \"a?\", $3 /* ? */ WHERE x = 'it''s ?'");
    EXPECT_EQ(count, 3);
    EXPECT_EQ(sql::postgresql_parameters("SELECT ?2, ?", count), "SELECT $2, $3");  // SQLite's numbering
}

TEST(SqlLayer, TypedValuesGoInAndComeBackTheSame) {
    TempDir dir;
    sql::Connection db = connect(dir);
    ASSERT_TRUE(db.exec(schema_for(db)));
    const std::vector<std::uint8_t> bytes = {0, 1, 0xFE, 0xFF, '\\', 'x'};
    auto insert = db.prepare("INSERT INTO t (id, name, score, data, n) VALUES (?, ?, ?, ?, ?)");
    ASSERT_TRUE(insert);
    ASSERT_TRUE(insert->bind(1, 1)
                    .bind(2, "سلام 'quoted' ?")
                    .bind_null(3)
                    .bind_blob(4, bytes)
                    .bind(5, std::int64_t{1} << 40)
                    .run());
    EXPECT_EQ(db.changes(), 1);
    insert->reset();
    ASSERT_TRUE(insert->bind(1, 2).bind(2, "").run());  // unbound parameters are NULL
    auto query = db.prepare("SELECT name, score, data, n, id FROM t WHERE name = ?1 OR name || '!' = ?1 ORDER BY id");
    ASSERT_TRUE(query);
    auto row = query->bind(1, "سلام 'quoted' ?").step();
    ASSERT_TRUE(row && *row) << (row ? "no row" : row.error().message);
    EXPECT_EQ(query->text(0), "سلام 'quoted' ?");
    EXPECT_TRUE(query->is_null(1));
    auto data = query->blob(2);
    EXPECT_EQ(std::vector<std::uint8_t>(data.begin(), data.end()), bytes);
    EXPECT_EQ(query->int64(3), std::int64_t{1} << 40);
    EXPECT_FALSE(*query->step());
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM t WHERE name = ''"), 1);
}

TEST(SqlLayer, ATransactionNotCommittedLeavesNothing) {
    TempDir dir;
    sql::Connection db = connect(dir);
    ASSERT_TRUE(db.exec(schema_for(db)));
    {
        auto tx = sql::Transaction::begin(db);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(db.exec("INSERT INTO t (id, name) VALUES (1, 'a')"));
        EXPECT_TRUE(db.in_transaction());
    }
    EXPECT_FALSE(db.in_transaction());
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM t"), 0);
    auto tx = sql::Transaction::begin(db);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(db.exec("INSERT INTO t (id, name) VALUES (1, 'a')"));
    ASSERT_TRUE(tx->commit());
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM t"), 1);
}

// A server restart cuts every connection. The transaction it cut fails as a whole; the next one
// opens the connection again, with its settings, and nothing of the cut one is left.
TEST(SqlLayer, AConnectionCutByAServerRestartIsOpenedAgain) {
    if (testkit::hq_engine() != testkit::HqEngine::postgresql)
        GTEST_SKIP() << "an SQLite file has no server to restart; its twin runs on PostgreSQL";
    TempDir dir;
    sql::Connection db = connect(dir);
    ASSERT_TRUE(db.exec(schema_for(db)));
    ASSERT_TRUE(db.set_durable(true));
    ASSERT_TRUE(db.exec("INSERT INTO t (id, name) VALUES (1, 'before')"));
    {
        auto tx = sql::Transaction::begin(db);
        ASSERT_TRUE(tx);
        ASSERT_TRUE(db.exec("INSERT INTO t (id, name) VALUES (2, 'cut')"));
        testkit::PostgresCluster::shared().restart();
        EXPECT_FALSE(db.exec("INSERT INTO t (id, name) VALUES (3, 'cut')") && tx->commit());
    }
    EXPECT_FALSE(db.in_transaction());
    auto tx = sql::Transaction::begin(db);
    ASSERT_TRUE(tx) << tx.error().message;
    ASSERT_TRUE(db.exec("INSERT INTO t (id, name) VALUES (4, 'after')"));
    ASSERT_TRUE(tx->commit());
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM t"), 2);
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM t WHERE name = 'cut'"), 0);
    // A statement outside a transaction reconnects too.
    testkit::PostgresCluster::shared().restart();
    (void)db.query_int("SELECT 1");  // may see the cut; the next one must not
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM t"), 2);
}

TEST(SqlLayer, ErrorsAreTheSameKindOnEitherEngine) {
    TempDir dir;
    sql::Connection db = connect(dir);
    ASSERT_TRUE(db.exec(schema_for(db)));
    ASSERT_TRUE(db.exec("INSERT INTO t (id, name) VALUES (1, 'a')"));
    auto duplicate = db.exec("INSERT INTO t (id, name) VALUES (2, 'a')");
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().kind, sql::ErrorKind::constraint) << duplicate.error().message;
    auto bad = db.exec("SELECT no_such_column FROM t");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, sql::ErrorKind::internal) << bad.error().message;
    // A failed statement inside a transaction: PostgreSQL has aborted the whole transaction
    // (SQLite only the statement), and the commit must not pretend it stored anything.
    auto tx = sql::Transaction::begin(db);
    ASSERT_TRUE(tx);
    ASSERT_TRUE(db.exec("INSERT INTO t (id, name) VALUES (3, 'c')"));
    EXPECT_FALSE(db.exec("INSERT INTO t (id, name) VALUES (4, 'a')"));
    if (db.engine() == sql::Engine::postgresql) {
        EXPECT_FALSE(tx->commit());
        EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM t"), 1);
    }
}

TEST(SqlLayer, MigrationsApplyOnceInOneTransactionAndRefuseANewerDatabase) {
    TempDir dir;
    sql::Connection db = connect(dir);
    const sql::Migration broken[] = {{1, "CREATE TABLE a (x INTEGER)"}, {2, "CREATE TABLE b (y INTEGER); NONSENSE"}};
    EXPECT_FALSE(sql::migrate(db, broken));
    EXPECT_EQ(*sql::schema_version(db), 0);
    EXPECT_FALSE(db.exec("SELECT COUNT(*) FROM a")) << "step 1 is rolled back with step 2";
    const sql::Migration fixed[] = {broken[0], {2, "CREATE TABLE b (y INTEGER)"}};
    EXPECT_EQ(*sql::migrate(db, fixed), 2);
    EXPECT_EQ(*sql::migrate(db, fixed), 2);  // nothing left to do
    EXPECT_EQ(*sql::schema_version(db), 2);
    auto older = sql::migrate(db, std::span(fixed, 1));
    ASSERT_FALSE(older);
    EXPECT_EQ(older.error().kind, sql::ErrorKind::schema_too_new);
}

TEST(SqlLayer, ALargeResultIsReadOneRowAtATime) {
    TempDir dir;
    sql::Connection db = connect(dir);
    ASSERT_TRUE(db.exec(schema_for(db)));
    auto tx = sql::Transaction::begin(db);
    auto insert = db.prepare("INSERT INTO t (id, name) VALUES (?, ?)");
    for (int i = 1; i <= 2000; ++i) {
        insert->reset();
        ASSERT_TRUE(insert->bind(1, i).bind(2, std::to_string(i)).run());
    }
    ASSERT_TRUE(tx->commit());
    auto query = db.prepare("SELECT id FROM t ORDER BY id");
    int seen = 0;
    for (auto row = query->step(); row && *row; row = query->step()) EXPECT_EQ(query->int64(0), ++seen);
    EXPECT_EQ(seen, 2000);
    // Half-read, then reset: the connection is free for the next statement.
    query->reset();
    ASSERT_TRUE(*query->step());
    query->reset();
    EXPECT_EQ(*db.query_int("SELECT COUNT(*) FROM t"), 2000);
}

}  // namespace
}  // namespace kiosk_sync
