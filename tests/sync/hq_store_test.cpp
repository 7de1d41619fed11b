// HQ's store: answers belong to the kiosk that issued the reference. References are unique
// per kiosk only, so two kiosks may issue the same one; neither may see the other's answer,
// and an HQ from before this rule keeps its answers.
#include <gtest/gtest.h>

#include "sync/hq/sql_store.h"
#include "sync/protocol/record.h"
#include "sync/protocol/sql/sqlite.h"
#include "tests/sync/fixtures.h"

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

std::vector<protocol::RequestStatus> statuses_of(hq::Store& store, const std::string& kiosk) {
    auto page = store.statuses_since(kiosk, 0, 100);
    EXPECT_TRUE(page) << page.error();
    return page ? page->statuses : std::vector<protocol::RequestStatus>{};
}

TEST(SyncHqStore, AnAnswerGoesOnlyToTheKioskThatIssuedTheReference) {
    TempDir dir;
    auto store = hq::SqlStore::open_sqlite(dir.path() / "hq.db", true);
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
    TempDir dir;
    const auto path = dir.path() / "hq.db";
    {
        auto store = hq::SqlStore::open_sqlite(path, true);
        ASSERT_TRUE(store);
        ASSERT_TRUE((*store)->ingest({request_from("kiosk-1", 1, "K7QM-4RDG"), request_from("kiosk-2", 2, "N8CE-2PAX")},
                                     "sync", 1000));
    }
    // Turn the file back into version 1: one status per reference, no kiosk.
    {
        auto db = sql::open_sqlite(path, {});
        ASSERT_TRUE(db) << db.error().message;
        const char* v1 = R"sql(
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

}  // namespace
}  // namespace kiosk_sync
