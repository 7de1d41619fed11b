// Specification of the console's rules that need no server: who may do what, passwords and
// the lock-out, session and CSRF tokens, and the audit log's chain finding any edit.
#include <array>
#include <vector>

#include <gtest/gtest.h>

#include "sync/hq/console/accounts.h"
#include "sync/hq/console/audit.h"
#include "sync/hq/console/roles.h"

namespace kiosk_sync::hq::console {
namespace {

TEST(ConsoleRoles, PersonalDataOnlyForTheRolesThatWorkWithIt) {
    EXPECT_TRUE(may(Role::reviewer, Permission::read_personal));
    EXPECT_TRUE(may(Role::officer, Permission::read_personal));
    EXPECT_FALSE(may(Role::viewer, Permission::read_personal));
    EXPECT_FALSE(may(Role::admin, Permission::read_personal));
    // Each role to its own lists.
    EXPECT_TRUE(may(Role::reviewer, Permission::decide_requests));
    EXPECT_FALSE(may(Role::reviewer, Permission::answer_feedback));
    EXPECT_FALSE(may(Role::officer, Permission::read_requests));
    EXPECT_TRUE(may(Role::officer, Permission::update_volunteers));
    // The key, users, kiosks, content and the audit log are the admin's.
    for (auto p : {Permission::manage_key, Permission::manage_users, Permission::manage_kiosks,
                   Permission::manage_content, Permission::read_audit}) {
        EXPECT_TRUE(may(Role::admin, p));
        for (auto r : {Role::reviewer, Role::officer, Role::viewer}) EXPECT_FALSE(may(r, p));
    }
    for (auto r : {Role::admin, Role::reviewer, Role::officer, Role::viewer}) {
        EXPECT_TRUE(may(r, Permission::read_satisfaction));
        EXPECT_EQ(role_from(to_string(r)), r);
    }
    EXPECT_FALSE(role_from("root"));
}

TEST(ConsoleAccounts, PasswordsAreHashedAndCheckedNeverKept) {
    EXPECT_EQ(password_problem("short"), "console.password.short");
    EXPECT_FALSE(password_problem("كلمة مرور طويلة"));
    const std::string hash = hash_password("كلمة مرور طويلة");
    ASSERT_TRUE(hash.starts_with("$argon2id$"));
    EXPECT_EQ(hash.find("كلمة"), std::string::npos);
    EXPECT_TRUE(password_matches(hash, "كلمة مرور طويلة"));
    EXPECT_FALSE(password_matches(hash, "كلمة مرور طويله"));
    EXPECT_FALSE(password_matches("", "anything at all"));
}

TEST(ConsoleAccounts, TheFifthFailureLocksForAMinuteThenEachLockDoubles) {
    LoginLock lock;
    for (int i = 0; i < 4; ++i) lock = after_failed_login(lock, 1000);
    EXPECT_FALSE(lock.locked(1000));
    lock = after_failed_login(lock, 1000);
    EXPECT_TRUE(lock.locked(1000));
    EXPECT_EQ(lock.locked_until_ms, 61'000);
    for (int i = 0; i < 5; ++i) lock = after_failed_login(lock, 61'000);
    EXPECT_EQ(lock.locked_until_ms, 61'000 + 120'000);
}

TEST(ConsoleAccounts, SessionsAreStoredHashedAndCsrfTokensBelongToTheirSession) {
    const SessionToken a = new_session_token();
    const SessionToken b = new_session_token();
    ASSERT_EQ(a.cookie.size(), 64u);
    EXPECT_NE(a.cookie, b.cookie);
    EXPECT_EQ(stored_form(a.cookie), a.stored);
    EXPECT_NE(a.stored, a.cookie);
    EXPECT_EQ(stored_form("../../etc/passwd"), "");
    const std::string token = csrf_token(a.cookie);
    EXPECT_TRUE(csrf_ok(a.cookie, token));
    EXPECT_FALSE(csrf_ok(b.cookie, token));
    EXPECT_FALSE(csrf_ok(a.cookie, ""));
    EXPECT_NE(token, a.stored);
    EXPECT_TRUE(session_live(0, kSessionIdleMs - 1, kSessionIdleMs * 2 - 2));
    EXPECT_FALSE(session_live(0, 0, kSessionIdleMs));
    EXPECT_FALSE(session_live(0, kSessionLongestMs - 1, kSessionLongestMs));
}

std::vector<AuditEntry> some_log() {
    std::vector<AuditEntry> log;
    for (const char* action : {"login", "key.unlock", "record.view", "state.change", "logout"}) {
        AuditEntry e{.at_ms = 1000 * static_cast<std::int64_t>(log.size()),
                     .actor = "huda",
                     .action = action,
                     .subject = "Q7K2-M4"};
        log.push_back(link(e, log.empty() ? nullptr : &log.back()));
    }
    return log;
}

TEST(ConsoleAudit, AWholeLogVerifiesAndAnyEditOrDeletionIsFound) {
    auto log = some_log();
    EXPECT_FALSE(first_broken(log, log.back().seq, log.back().hash));
    auto edited = log;
    edited[2].subject = "Q7K2-M5";
    EXPECT_EQ(first_broken(edited, log.back().seq, log.back().hash), 2u);
    auto removed = log;
    removed.erase(removed.begin() + 1);
    EXPECT_EQ(first_broken(removed, log.back().seq, log.back().hash), 1u);
    auto cut = log;
    cut.pop_back();
    EXPECT_EQ(first_broken(cut, log.back().seq, log.back().hash), cut.size());
    // Rewriting the tail with fresh hashes still disagrees with the head kept apart.
    auto rewritten = log;
    rewritten[4].detail = "nothing to see";
    rewritten[4] = link(rewritten[4], &rewritten[3]);
    EXPECT_EQ(first_broken(rewritten, log.back().seq, log.back().hash), rewritten.size());
    EXPECT_FALSE(first_broken({}, 0, genesis_hash()));
}

}  // namespace
}  // namespace kiosk_sync::hq::console
