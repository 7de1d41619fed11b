// kiosk-hq's console commands as real processes on a real HQ directory: user add, passwd and
// disable with the password on standard input, audit verify before and after a row is edited,
// and set-status with a note per language (and --note, one note for both) that only the
// issuing kiosk fetches. Each change must land in the audit log.
#include <gtest/gtest.h>

#include "sync/hq/console/accounts.h"
#include "sync/hq/sql_store.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/postgres.h"
#include "tests/sync/process.h"

namespace kiosk_sync::testkit {
namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

class SyncHqConsoleCli : public ::testing::Test {
protected:
    TempDir temp;
    HqSetup setup{temp.path()};
    std::string dir = setup.hq_dir.string();
    TestDatabase database = TestDatabase::for_hq_dir(setup.hq_dir);

    std::unique_ptr<hq::SqlStore> store() {
        auto opened = database.open();
        EXPECT_TRUE(opened) << opened.error();
        return opened ? std::move(*opened) : nullptr;
    }
    std::vector<hq::console::AuditEntry> audit_entries() {
        auto chain = store()->audit_chain();
        EXPECT_TRUE(chain) << chain.error();
        return chain ? chain->entries : std::vector<hq::console::AuditEntry>{};
    }
};

TEST_F(SyncHqConsoleCli, UsersAreAddedWithAPasswordFromStandardInputChangedAndDisabled) {
    auto added = run_hq({"user", "add", "--dir", dir, "--name", "rania.q", "--role", "reviewer"}, "first password 1\n");
    ASSERT_EQ(added.exit_code, 0) << added.err;
    auto again = run_hq({"user", "add", "--dir", dir, "--name", "rania.q", "--role", "admin"}, "another password\n");
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_TRUE(has(again.err, "already exists")) << again.err;
    auto short_one = run_hq({"user", "add", "--dir", dir, "--name", "omar", "--role", "officer"}, "short\n");
    EXPECT_EQ(short_one.exit_code, 1);
    EXPECT_TRUE(has(short_one.err, "too short")) << short_one.err;
    EXPECT_EQ(run_hq({"user", "add", "--dir", dir, "--name", "omar", "--role", "boss"}, "long enough pw\n").exit_code,
              2);
    EXPECT_EQ(
        run_hq({"user", "add", "--dir", dir, "--name", "omar hd", "--role", "viewer"}, "long enough pw\n").exit_code,
        2);
    EXPECT_EQ(run_hq({"user", "add", "--dir", dir, "--name", std::string(65, 'a'), "--role", "viewer"}, "long enough\n")
                  .exit_code,
              2);
    EXPECT_EQ(run_hq({"user", "remove", "--dir", dir, "--name", "omar"}).exit_code, 2);
    EXPECT_EQ(run_hq({"user", "passwd", "--dir", dir, "--name", "nobody"}, "long enough pw\n").exit_code, 1);

    auto user = store()->user("rania.q");
    ASSERT_TRUE(user && *user);
    EXPECT_EQ((*user)->role, hq::console::Role::reviewer);
    EXPECT_TRUE(hq::console::password_matches((*user)->password_hash, "first password 1"));
    EXPECT_FALSE(*store()->user("omar"));

    // A new password clears a lock-out and ends the user's sessions.
    (*user)->lock = {5, 1, 9'999'999'999'999};
    ASSERT_TRUE(store()->update_user(**user));
    ASSERT_TRUE(store()->put_session({"s1", "rania.q", "ar", 1, 1}));
    auto changed = run_hq({"user", "passwd", "--dir", dir, "--name", "rania.q"}, "second password 2\r\n");
    ASSERT_EQ(changed.exit_code, 0) << changed.err;
    user = store()->user("rania.q");
    EXPECT_TRUE(hq::console::password_matches((*user)->password_hash, "second password 2"));
    EXPECT_EQ((*user)->lock, hq::console::LoginLock{});
    EXPECT_FALSE(*store()->session("s1"));

    ASSERT_TRUE(store()->put_session({"s2", "rania.q", "ar", 1, 1}));
    auto disabled = run_hq({"user", "disable", "--dir", dir, "--name", "rania.q"});
    ASSERT_EQ(disabled.exit_code, 0) << disabled.err;
    EXPECT_TRUE((*store()->user("rania.q"))->disabled);
    EXPECT_FALSE(*store()->session("s2"));

    auto entries = audit_entries();
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].action, "user.add");
    EXPECT_EQ(entries[1].action, "user.passwd");
    EXPECT_EQ(entries[2].action, "user.disable");
    for (const auto& e : entries) {
        EXPECT_EQ(e.actor, "kiosk-hq");
        EXPECT_EQ(e.subject, "rania.q");
        EXPECT_FALSE(has(e.detail, "password"));
    }
}

TEST_F(SyncHqConsoleCli, AuditVerifyFindsTheFirstEditedEntry) {
    auto empty = run_hq({"audit", "verify", "--dir", dir});
    EXPECT_EQ(empty.exit_code, 0) << empty.err;
    EXPECT_TRUE(has(empty.out, "audit: 0 entries, chain whole")) << empty.out;
    for (const char* name : {"a1", "a2", "a3"})
        ASSERT_EQ(
            run_hq({"user", "add", "--dir", dir, "--name", name, "--role", "viewer"}, "long enough pw\n").exit_code, 0);
    auto whole = run_hq({"audit", "verify", "--dir", dir});
    EXPECT_EQ(whole.exit_code, 0) << whole.err;
    EXPECT_TRUE(has(whole.out, "audit: 3 entries, chain whole")) << whole.out;
    EXPECT_EQ(run_hq({"audit", "--dir", dir}).exit_code, 2);

    auto raw = database.raw();
    ASSERT_TRUE(raw) << raw.error().message;
    ASSERT_TRUE(raw->exec("UPDATE audit SET subject = 'someone-else' WHERE seq = 2"));
    auto broken = run_hq({"audit", "verify", "--dir", dir});
    EXPECT_EQ(broken.exit_code, 1);
    EXPECT_TRUE(has(broken.err, "entry 2 is broken")) << broken.err;
    ASSERT_TRUE(raw->exec("UPDATE audit SET subject = 'a2' WHERE seq = 2"));
    ASSERT_EQ(run_hq({"audit", "verify", "--dir", dir}).exit_code, 0);
    ASSERT_TRUE(raw->exec("DELETE FROM audit WHERE seq = 3"));
    auto cut = run_hq({"audit", "verify", "--dir", dir});
    EXPECT_EQ(cut.exit_code, 1);
    EXPECT_TRUE(has(cut.err, "missing")) << cut.err;
}

protocol::Record filed(const std::string& kiosk, const std::string& kind, const std::string& id,
                       const std::string& reference) {
    return protocol::Record{
        "00000000-0000-4000-8000-00000000000" + id, kind, reference, kiosk, 1000, nlohmann::json::object(), ""};
}

TEST_F(SyncHqConsoleCli, SetStatusKeepsANotePerLanguageForTheIssuingKiosk) {
    ASSERT_TRUE(store()->ingest(
        {filed("kiosk-1", "support_request", "1", "K7QM-4RDG"), filed("kiosk-2", "support_request", "2", "K7QM-4RDG"),
         filed("kiosk-2", "feedback", "3", "F8QX-1ABC")},
        "sync", 1000));
    auto ambiguous = run_hq({"set-status", "--dir", dir, "K7QM-4RDG", "accepted"});
    EXPECT_EQ(ambiguous.exit_code, 1);
    EXPECT_TRUE(has(ambiguous.err, "kiosk-1, kiosk-2")) << ambiguous.err;
    auto done = run_hq({"set-status", "--dir", dir, "K7QM-4RDG", "accepted", "--note-ar", "تمت الموافقة", "--note-en",
                        "Approved", "--kiosk", "kiosk-1"});
    ASSERT_EQ(done.exit_code, 0) << done.err;
    auto wrong_kind = run_hq({"set-status", "--dir", dir, "F8QX-1ABC", "accepted"});
    EXPECT_EQ(wrong_kind.exit_code, 1);
    EXPECT_TRUE(has(wrong_kind.err, "feedback")) << wrong_kind.err;
    EXPECT_EQ(run_hq({"set-status", "--dir", dir, "F8QX-1ABC", "answered", "--note", "Call us"}).exit_code, 0);
    EXPECT_EQ(run_hq({"set-status", "--dir", dir, "F8QX-1ABC", "maybe"}).exit_code, 2);

    auto one = store()->statuses_since("kiosk-1", 0, 10);
    ASSERT_TRUE(one) << one.error();
    ASSERT_EQ(one->statuses.size(), 1u);
    EXPECT_EQ(one->statuses[0].status, "accepted");
    EXPECT_EQ(one->statuses[0].note_ar, "تمت الموافقة");
    EXPECT_EQ(one->statuses[0].note_en, "Approved");
    auto two = store()->statuses_since("kiosk-2", 0, 10);
    ASSERT_EQ(two->statuses.size(), 1u);  // its feedback's answer, never kiosk-1's
    EXPECT_EQ(two->statuses[0].reference, "F8QX-1ABC");
    EXPECT_EQ(two->statuses[0].note_ar, "Call us");  // --note: one note for both languages
    EXPECT_EQ(two->statuses[0].note_en, "Call us");

    auto history = store()->history({"kiosk-1", "00000000-0000-4000-8000-000000000001"});
    ASSERT_TRUE(history) << history.error();
    ASSERT_EQ(history->size(), 1u);
    EXPECT_EQ((*history)[0].actor, "kiosk-hq");
    auto entries = audit_entries();
    ASSERT_EQ(entries.size(), 2u);
    EXPECT_EQ(entries[0].action, "record.state");
    EXPECT_EQ(entries[0].subject, "K7QM-4RDG");
    EXPECT_FALSE(has(entries[0].detail, "Approved"));  // notes may name people: never in the log
    auto list = run_hq({"list", "--dir", dir, "--json"});
    EXPECT_TRUE(has(list.out, "\"accepted\"")) << list.out;
}

}  // namespace
}  // namespace kiosk_sync::testkit
