// The console's Data (sync/hq/console/data.h) on HQ's store, on the engine of this test binary
// (SQLite or PostgreSQL, postgres.h): users and sessions; each list filter and the counts per
// state, worked out in SQL; a state change's history and the status only the issuing kiosk
// fetches; marks linking records; the audit chain, appended from two connections at once and
// found broken after a row is edited; and a version-3 database's notes migrated.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "sync/hq/console/data.h"
#include "sync/hq/sql_schema.h"
#include "sync/hq/sql_store.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/postgres.h"

namespace kiosk_sync {
namespace {

using hq::console::HistoryEntry;
using hq::console::ListKind;
using hq::console::ListQuery;
using hq::console::RecordKey;
using testkit::TempDir;
using testkit::TestDatabase;

protocol::Record record(const std::string& kiosk, const std::string& kind, const std::string& reference,
                        std::int64_t created_ms, nlohmann::json clear, std::string sealed = "c2VhbGVk") {
    static int count = 0;
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", ++count);
    if (clear.is_null()) clear = nlohmann::json::object();
    return protocol::Record{id, kind, reference, kiosk, created_ms, std::move(clear), std::move(sealed)};
}

RecordKey key_of(const protocol::Record& r) { return {r.kiosk, r.id}; }

std::vector<std::string> references(const hq::console::ListPage& page) {
    std::vector<std::string> out;
    for (const auto& row : page.rows) out.push_back(row.record.reference);
    return out;
}

class SyncHqConsoleStore : public ::testing::Test {
protected:
    TempDir dir;
    TestDatabase database{dir.path()};
    std::unique_ptr<hq::SqlStore> store = [this] {
        auto opened = database.open();
        EXPECT_TRUE(opened) << opened.error();
        return opened ? std::move(*opened) : nullptr;
    }();

    void ingest(const std::vector<protocol::Record>& records) {
        auto verdicts = store->ingest(records, "sync", 100);
        ASSERT_TRUE(verdicts) << verdicts.error();
    }
    hq::console::ListPage list(ListQuery query) {
        auto page = store->list(query);
        EXPECT_TRUE(page) << page.error();
        return page ? *page : hq::console::ListPage{};
    }
};

TEST_F(SyncHqConsoleStore, UsersAreAddedOnceAndUpdated) {
    hq::console::User alice{"alice", hq::console::Role::reviewer, "hash-1", false, {}, 1000};
    ASSERT_TRUE(*store->add_user(alice));
    EXPECT_FALSE(*store->add_user({"alice", hq::console::Role::admin, "hash-2", false, {}, 2000}));
    ASSERT_TRUE(*store->add_user({"bob", hq::console::Role::viewer, "hash-3", false, {}, 3000}));

    auto found = store->user("alice");
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->role, hq::console::Role::reviewer);
    EXPECT_EQ((*found)->password_hash, "hash-1");  // the duplicate changed nothing
    EXPECT_EQ((*found)->created_ms, 1000);

    alice.role = hq::console::Role::officer;
    alice.password_hash = "hash-4";
    alice.disabled = true;
    alice.lock = {5, 2, 99'000};
    ASSERT_TRUE(*store->update_user(alice));
    EXPECT_FALSE(*store->update_user({"carol", hq::console::Role::admin, "h", false, {}, 0}));
    found = store->user("alice");
    ASSERT_TRUE(found && *found);
    EXPECT_EQ((*found)->role, hq::console::Role::officer);
    EXPECT_EQ((*found)->password_hash, "hash-4");
    EXPECT_TRUE((*found)->disabled);
    EXPECT_EQ((*found)->lock, (hq::console::LoginLock{5, 2, 99'000}));
    EXPECT_FALSE(*store->user("carol"));

    auto all = store->users();
    ASSERT_TRUE(all) << all.error();
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ((*all)[0].name, "alice");
    EXPECT_EQ((*all)[1].name, "bob");
}

TEST_F(SyncHqConsoleStore, SessionsLiveUntilDropped) {
    ASSERT_TRUE(store->put_session({"s1", "alice", "ar", 1000, 1000}));
    ASSERT_TRUE(store->put_session({"s2", "alice", "ar", 1100, 1100}));
    ASSERT_TRUE(store->put_session({"s3", "bob", "en", 1200, 1200}));
    ASSERT_TRUE(store->touch_session("s1", 5000, "en"));
    auto s1 = store->session("s1");
    ASSERT_TRUE(s1 && *s1);
    EXPECT_EQ((*s1)->user, "alice");
    EXPECT_EQ((*s1)->lang, "en");
    EXPECT_EQ((*s1)->created_ms, 1000);
    EXPECT_EQ((*s1)->last_seen_ms, 5000);

    ASSERT_TRUE(store->drop_session("s2"));
    EXPECT_FALSE(*store->session("s2"));
    EXPECT_TRUE(*store->session("s1"));
    ASSERT_TRUE(store->drop_sessions_of("alice"));
    EXPECT_FALSE(*store->session("s1"));
    EXPECT_TRUE(*store->session("s3"));  // another user's session stays
    EXPECT_FALSE(*store->session("nope"));
}

TEST_F(SyncHqConsoleStore, EveryListFilterAndTheCountsPerStateAreWorkedOutInSql) {
    const auto r1 = record("kiosk-1", "support_request", "R1", 1000, {{"request_type", "food"}});
    const auto r2 = record("kiosk-1", "support_request", "R2", 2000, {{"request_type", "rent"}});
    const auto r3 = record("kiosk-2", "support_request", "R3", 3000, {{"request_type", "food"}});
    const auto r4 = record("kiosk-2", "support_request", "R4", 4000, {{"request_type", "medical"}});
    const auto f1 = record("kiosk-1", "feedback", "F1", 1500, {{"category", "complaint"}});
    const auto f2 = record("kiosk-1", "feedback", "F2", 2500, {{"category", "inquiry"}});
    const auto v1 = record("kiosk-1", "volunteer", "V1", 1600,
                           {{"skills", nlohmann::json::array({"teaching", "driving"})},
                            {"availability", nlohmann::json::array({"weekends"})}});
    const auto v2 =
        record("kiosk-2", "volunteer", "V2", 1700,
               {{"skills", nlohmann::json::array({"driving"})}, {"availability", nlohmann::json::array({"evenings"})}});
    const auto rating = record("kiosk-1", "rating", "", 1800, {{"overall", 5}}, "");
    ingest({r4, r2, r1, r3, f1, f2, v1, v2, rating});  // filed in another order than created
    ASSERT_TRUE(*store->change_state(key_of(r2), {5000, "rania", "in-review", "", ""}));
    ASSERT_TRUE(*store->change_state(key_of(r3), {6000, "rania", "accepted", "", ""}));

    auto all = list({});
    EXPECT_EQ(references(all), (std::vector<std::string>{"R1", "R2", "R3", "R4"}));  // oldest first
    EXPECT_EQ(all.matching, 4u);
    EXPECT_EQ(all.per_state,
              (std::map<std::string, std::size_t>{
                  {"received", 2}, {"in-review", 1}, {"needs-info", 0}, {"accepted", 1}, {"rejected", 0}}));
    EXPECT_EQ(all.rows[0].state, "received");
    EXPECT_EQ(all.rows[0].state_changed_ms, 0);
    EXPECT_EQ(all.rows[2].state, "accepted");
    EXPECT_EQ(all.rows[2].state_changed_ms, 6000);
    EXPECT_EQ(all.rows[0].record.clear.value("request_type", ""), "food");
    EXPECT_TRUE(all.rows[0].record.sealed.empty());  // only record() reads it

    auto received = list({.state = "received"});
    EXPECT_EQ(references(received), (std::vector<std::string>{"R1", "R4"}));
    EXPECT_EQ(received.matching, 2u);
    EXPECT_EQ(received.per_state, all.per_state);  // every filter but the state

    auto kiosk2 = list({.kiosk = "kiosk-2"});
    EXPECT_EQ(references(kiosk2), (std::vector<std::string>{"R3", "R4"}));
    EXPECT_EQ(kiosk2.per_state["accepted"], 1u);
    EXPECT_EQ(kiosk2.per_state["in-review"], 0u);
    EXPECT_EQ(references(list({.type = "food"})), (std::vector<std::string>{"R1", "R3"}));
    EXPECT_EQ(references(list({.state = "accepted", .type = "food"})), (std::vector<std::string>{"R3"}));
    EXPECT_EQ(references(list({.state = "in-review", .type = "food"})).size(), 0u);
    EXPECT_EQ(references(list({.from_ms = 2000, .to_ms = 4000})), (std::vector<std::string>{"R2", "R3"}));
    EXPECT_EQ(references(list({.reference = "R4"})), (std::vector<std::string>{"R4"}));

    auto page = list({.limit = 2, .offset = 1});
    EXPECT_EQ(references(page), (std::vector<std::string>{"R2", "R3"}));
    EXPECT_EQ(page.matching, 4u);

    auto feedback = list({.list = ListKind::feedback, .type = "complaint"});
    EXPECT_EQ(references(feedback), (std::vector<std::string>{"F1"}));
    EXPECT_EQ(feedback.per_state,
              (std::map<std::string, std::size_t>{{"received", 1}, {"answered", 0}, {"closed", 0}}));
    EXPECT_EQ(references(list({.list = ListKind::volunteers, .type = "driving"})),
              (std::vector<std::string>{"V1", "V2"}));
    EXPECT_EQ(references(list({.list = ListKind::volunteers, .type = "teaching"})), (std::vector<std::string>{"V1"}));
    EXPECT_EQ(references(list({.list = ListKind::volunteers, .availability = "evenings"})),
              (std::vector<std::string>{"V2"}));
    EXPECT_EQ(references(list({.list = ListKind::volunteers, .type = "driv"})).size(), 0u);  // whole skills only
}

TEST_F(SyncHqConsoleStore, AStateChangeKeepsItsHistoryAndAnswersOnlyTheIssuingKiosk) {
    const auto mine = record("kiosk-1", "support_request", "K7QM-4RDG", 1000, {{"request_type", "food"}});
    const auto theirs = record("kiosk-2", "support_request", "K7QM-4RDG", 1100, {{"request_type", "rent"}});
    const auto feedback = record("kiosk-2", "feedback", "F8QX-1ABC", 1200, {{"category", "inquiry"}});
    ingest({mine, theirs, feedback});

    auto keys = store->find_reference(ListKind::requests, "K7QM-4RDG");
    ASSERT_TRUE(keys) << keys.error();
    EXPECT_EQ(*keys, (std::vector<RecordKey>{key_of(mine), key_of(theirs)}));
    EXPECT_TRUE(store->find_reference(ListKind::feedback, "K7QM-4RDG")->empty());

    ASSERT_TRUE(*store->change_state(key_of(mine), {2000, "rania", "in-review", "قيد الدراسة", ""}));
    ASSERT_TRUE(*store->change_state(key_of(mine), {3000, "rania", "accepted", "تمت الموافقة", "Approved"}));
    ASSERT_TRUE(*store->change_state(key_of(feedback), {3500, "omar", "answered", "", "We called you"}));
    EXPECT_FALSE(
        *store->change_state({"kiosk-1", "00000000-0000-4000-8000-999999999999"}, {1, "x", "accepted", "", ""}));

    auto history = store->history(key_of(mine));
    ASSERT_TRUE(history) << history.error();
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ((*history)[0].state, "in-review");
    EXPECT_EQ((*history)[0].actor, "rania");
    EXPECT_EQ((*history)[0].note_ar, "قيد الدراسة");
    EXPECT_EQ((*history)[1].state, "accepted");
    EXPECT_EQ((*history)[1].at_ms, 3000);
    EXPECT_EQ((*history)[1].note_en, "Approved");
    EXPECT_TRUE(store->history(key_of(theirs))->empty());

    auto one = store->statuses_since("kiosk-1", 0, 10);
    ASSERT_TRUE(one) << one.error();
    ASSERT_EQ(one->statuses.size(), 1u);
    EXPECT_EQ(one->statuses[0].status, "accepted");
    EXPECT_EQ(one->statuses[0].note_ar, "تمت الموافقة");
    EXPECT_EQ(one->statuses[0].note_en, "Approved");
    EXPECT_EQ(one->statuses[0].note, "تمت الموافقة");  // older kiosks: Arabic first
    auto two = store->statuses_since("kiosk-2", 0, 10);
    ASSERT_EQ(two->statuses.size(), 1u);  // only its feedback; not kiosk-1's answer
    EXPECT_EQ(two->statuses[0].reference, "F8QX-1ABC");
    EXPECT_EQ(two->statuses[0].note, "We called you");

    auto page = store->record(key_of(mine));
    ASSERT_TRUE(page && *page);
    EXPECT_EQ((*page)->state, "accepted");
    EXPECT_EQ((*page)->record.sealed, "c2VhbGVk");
    EXPECT_FALSE(*store->record({"kiosk-9", mine.id}));

    // The kiosk API's set_status takes the same path: a history entry by "kiosk-hq", its one
    // note where its letters say.
    ASSERT_TRUE(*store->set_status("K7QM-4RDG", "rejected", "Incomplete", 4000, "kiosk-2"));
    history = store->history(key_of(theirs));
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].actor, "kiosk-hq");
    EXPECT_EQ((*history)[0].note_en, "Incomplete");
    EXPECT_EQ((*history)[0].note_ar, "");
    EXPECT_EQ((*store->record(key_of(theirs)))->state, "rejected");
}

TEST_F(SyncHqConsoleStore, MarksLinkRecordsOfOnePerson) {
    const auto a = record("kiosk-1", "support_request", "A", 1000, {});
    const auto b = record("kiosk-2", "volunteer", "B", 2000, {});
    const auto c = record("kiosk-1", "feedback", "C", 3000, {});
    const auto d = record("kiosk-1", "rating", "", 4000, {}, "");  // nothing sealed, nothing to mark
    ingest({d, c, b, a});
    auto pending = store->unmarked(10);
    ASSERT_TRUE(pending) << pending.error();
    EXPECT_EQ(*pending, (std::vector<RecordKey>{key_of(a), key_of(b), key_of(c)}));
    EXPECT_EQ(*store->unmarked(1), (std::vector<RecordKey>{key_of(a)}));

    ASSERT_TRUE(store->put_marks(key_of(a), {"m-id", "m-mobile"}));
    ASSERT_TRUE(store->put_marks(key_of(b), {"m-mobile"}));
    ASSERT_TRUE(store->put_marks(key_of(c), {}));  // looked at, nothing identifying
    EXPECT_TRUE(store->unmarked(10)->empty());

    auto linked = store->sharing_marks(key_of(a));
    ASSERT_TRUE(linked) << linked.error();
    ASSERT_EQ(linked->size(), 1u);
    EXPECT_EQ((*linked)[0].record.reference, "B");
    EXPECT_EQ((*store->sharing_marks(key_of(b)))[0].record.reference, "A");
    EXPECT_TRUE(store->sharing_marks(key_of(c))->empty());  // the empty mark links nobody

    ASSERT_TRUE(store->put_marks(key_of(b), {"m-other"}));  // marks are replaced, not added
    EXPECT_TRUE(store->sharing_marks(key_of(a))->empty());
}

hq::console::AuditEntry action(const std::string& what, std::int64_t at_ms) {
    return {0, at_ms, "alice", what, "K7QM-4RDG", "accepted", {}, {}};
}

TEST_F(SyncHqConsoleStore, TheAuditChainHoldsUntilARowIsEdited) {
    for (int i = 0; i < 5; ++i) {
        auto entry = store->append_audit(action("record.state", 1000 + i));
        ASSERT_TRUE(entry) << entry.error();
        EXPECT_EQ(entry->seq, i + 1);
        EXPECT_EQ(entry->hash, hq::console::entry_hash(*entry));
    }
    EXPECT_EQ(*store->audit_count(), 5u);
    auto newest = store->audit_page(2, 0);
    ASSERT_TRUE(newest) << newest.error();
    ASSERT_EQ(newest->size(), 2u);
    EXPECT_EQ((*newest)[0].seq, 5);
    EXPECT_EQ((*newest)[1].seq, 4);
    EXPECT_EQ((*store->audit_page(10, 4))[0].seq, 1);

    auto chain = store->audit_chain();
    ASSERT_TRUE(chain) << chain.error();
    ASSERT_EQ(chain->entries.size(), 5u);
    EXPECT_EQ(chain->head_seq, 5);
    EXPECT_FALSE(hq::console::first_broken(chain->entries, chain->head_seq, chain->head_hash));

    auto raw = database.raw();
    ASSERT_TRUE(raw) << raw.error().message;
    ASSERT_TRUE(raw->exec("UPDATE audit SET detail = 'rejected' WHERE seq = 3"));
    chain = store->audit_chain();
    EXPECT_EQ(hq::console::first_broken(chain->entries, chain->head_seq, chain->head_hash), 2u);

    ASSERT_TRUE(raw->exec("UPDATE audit SET detail = 'accepted' WHERE seq = 3"));
    ASSERT_TRUE(raw->exec("DELETE FROM audit WHERE seq = 5"));  // cut off the end: the head still says 5
    chain = store->audit_chain();
    EXPECT_EQ(hq::console::first_broken(chain->entries, chain->head_seq, chain->head_hash), 4u);
}

TEST_F(SyncHqConsoleStore, TwoConnectionsAppendingAtOnceEachGetTheirOwnLink) {
    auto other = database.open();
    ASSERT_TRUE(other) << other.error();
    auto append = [](hq::SqlStore& s, int n) {
        for (int i = 0; i < n; ++i) EXPECT_TRUE(s.append_audit(action("login", i)));
    };
    std::thread one(append, std::ref(*store), 25);
    std::thread two(append, std::ref(**other), 25);
    one.join();
    two.join();
    auto chain = store->audit_chain();
    ASSERT_TRUE(chain) << chain.error();
    EXPECT_EQ(chain->entries.size(), 50u);
    EXPECT_FALSE(hq::console::first_broken(chain->entries, chain->head_seq, chain->head_hash));
}

TEST(SyncHqConsoleMigration, AVersion3DatabaseKeepsItsAnswersWithTheirNotesInTheRightLanguage) {
    TempDir dir;
    const TestDatabase database(dir.path());
    {
        auto db = database.raw();
        ASSERT_TRUE(db) << db.error().message;
        auto steps = hq::hq_migrations(db->engine());
        const auto step_4 = std::find_if(steps.begin(), steps.end(), [](const auto& s) { return s.version == 4; });
        ASSERT_NE(step_4, steps.end());
        ASSERT_TRUE(sql::migrate(*db, steps.first(static_cast<std::size_t>(step_4 - steps.begin()))));
        ASSERT_EQ(*sql::schema_version(*db), 3);
        ASSERT_TRUE(db->exec_script(R"sql(
INSERT INTO records(kiosk, id, kind, reference, created_ms, received_ms, via, clear, sealed, canonical) VALUES
  ('kiosk-1', 'id-a', 'support_request', 'AAAA-1111', 10, 100, 'sync', '{}', 's', 'a'),
  ('kiosk-1', 'id-b', 'support_request', 'BBBB-2222', 20, 100, 'sync', '{}', 's', 'b'),
  ('kiosk-2', 'id-c', 'feedback', 'CCCC-3333', 30, 100, 'sync', '{}', 's', 'c');
INSERT INTO statuses(kiosk, reference, status, note, updated_ms, seq) VALUES
  ('kiosk-1', 'AAAA-1111', 'accepted', 'تمت الموافقة 12', 500, 1),
  ('kiosk-1', 'BBBB-2222', 'rejected', 'Missing papers', 600, 2),
  ('kiosk-2', 'CCCC-3333', 'answered', '', 700, 3);
)sql"));
    }
    auto opened = database.open();
    ASSERT_TRUE(opened) << opened.error();
    auto& store = **opened;
    auto page = store.statuses_since("kiosk-1", 0, 10);
    ASSERT_TRUE(page) << page.error();
    ASSERT_EQ(page->statuses.size(), 2u);
    EXPECT_EQ(page->statuses[0].note_ar, "تمت الموافقة 12");
    EXPECT_EQ(page->statuses[0].note_en, "");
    EXPECT_EQ(page->statuses[0].note, "تمت الموافقة 12");
    EXPECT_EQ(page->statuses[1].note_ar, "");
    EXPECT_EQ(page->statuses[1].note_en, "Missing papers");
    EXPECT_EQ(page->statuses[1].note, "Missing papers");

    // The old answers are the records' states, each with one history entry.
    auto requests = store.list({});
    ASSERT_TRUE(requests) << requests.error();
    EXPECT_EQ(requests->per_state["accepted"], 1u);
    EXPECT_EQ(requests->per_state["rejected"], 1u);
    EXPECT_EQ(requests->rows[0].state_changed_ms, 500);
    auto history = store.history({"kiosk-2", "id-c"});
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].actor, "kiosk-hq");
    EXPECT_EQ((*history)[0].state, "answered");
    auto db = database.raw();
    EXPECT_EQ(*sql::schema_version(*db), hq::hq_migrations(db->engine()).back().version);
    // The audit log starts empty and whole.
    auto chain = store.audit_chain();
    ASSERT_TRUE(chain);
    EXPECT_FALSE(hq::console::first_broken(chain->entries, chain->head_seq, chain->head_hash));
}

}  // namespace
}  // namespace kiosk_sync
