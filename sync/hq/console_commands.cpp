// The kiosk-hq subcommands that do what the console does, from the office's shell: users
// (user add, passwd, disable; passwords from standard input), the audit log's check (audit
// verify) and a record's review state (set-status). Every change is appended to the audit log
// as done by "kiosk-hq", without personal data. Not here: the console's pages and rules
// (console/), where the database is (hq_dir.h).
#include <array>
#include <cstdio>
#include <iostream>

#include "sync/hq/cli.h"
#include "sync/hq/console/data.h"
#include "sync/hq/hq_dir.h"

namespace kiosk_sync::hq {

namespace {

using console::Data;

constexpr const char* kActor = "kiosk-hq";
constexpr std::size_t kMaxUserName = 64;
constexpr std::size_t kMaxNote = 2000;
constexpr std::array kLists = {console::ListKind::requests, console::ListKind::feedback, console::ListKind::volunteers};

bool is_user_name(std::string_view name) {
    if (name.empty() || name.size() > kMaxUserName) return false;
    for (const char c : name) {
        const bool letter_or_digit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!letter_or_digit && c != '.' && c != '_' && c != '-') return false;
    }
    return true;
}

std::expected<void, std::string> audit(Data& data, std::string action, std::string subject, std::string detail) {
    auto appended =
        data.append_audit({0, now_ms(), kActor, std::move(action), std::move(subject), std::move(detail), {}, {}});
    if (!appended) return std::unexpected("the change is made but not in the audit log: " + appended.error());
    return {};
}

// The new password: one line of standard input, checked and hashed.
std::expected<std::string, std::string> password_hash_from_stdin() {
    std::string line;
    if (!std::getline(std::cin, line) || line.empty())
        return std::unexpected("give the password on standard input, one line");
    if (line.back() == '\r') line.pop_back();
    if (auto problem = console::password_problem(line)) {
        if (*problem == "console.password.long")
            return std::unexpected("the password is too long: at most " + std::to_string(console::kMaxPassword) +
                                   " bytes");
        return std::unexpected("the password is too short: at least " + std::to_string(console::kMinPassword) +
                               " bytes");
    }
    std::string hash = console::hash_password(line);
    if (hash.empty()) return std::unexpected("cannot hash the password: out of memory");
    return hash;
}

int user_add(Data& data, const std::string& name, const Args& args) {
    const auto* role_name = args.option("--role");
    if (role_name == nullptr) return usage("user add needs --role admin|reviewer|officer|viewer");
    const auto role = console::role_from(*role_name);
    if (!role) return usage("--role must be admin, reviewer, officer or viewer");
    auto hash = password_hash_from_stdin();
    if (!hash) return fail(hash.error());
    auto added = data.add_user({name, *role, std::move(*hash), false, {}, now_ms()});
    if (!added) return fail(added.error());
    if (!*added) return fail("user " + name + " already exists; kiosk-hq user passwd changes its password");
    if (auto logged = audit(data, "user.add", name, "role " + *role_name); !logged) return fail(logged.error());
    std::printf("user %s added as %s\n", name.c_str(), role_name->c_str());
    return 0;
}

// A user's password or disabled flag changed, and every session of theirs ended.
int user_change(Data& data, const std::string& name, bool disable) {
    auto user = data.user(name);
    if (!user) return fail(user.error());
    if (!*user) return fail("no user " + name + "; kiosk-hq user add makes one");
    if (disable) {
        (*user)->disabled = true;
    } else {
        auto hash = password_hash_from_stdin();
        if (!hash) return fail(hash.error());
        (*user)->password_hash = std::move(*hash);
        (*user)->lock = {};  // a new password is a fresh start after a lock-out
    }
    if (auto updated = data.update_user(**user); !updated) return fail(updated.error());
    if (auto dropped = data.drop_sessions_of(name); !dropped) return fail(dropped.error());
    if (auto logged = audit(data, disable ? "user.disable" : "user.passwd", name, ""); !logged)
        return fail(logged.error());
    std::printf(disable ? "user %s disabled; its sessions ended\n" : "password of %s changed; its sessions ended\n",
                name.c_str());
    return 0;
}

// The one record `reference` names among the lists that have `state`; a message naming the
// way out otherwise.
std::expected<console::RecordKey, std::string> record_for(Data& data, const std::string& reference,
                                                          const std::string& state, const std::string* kiosk) {
    std::vector<console::RecordKey> found;
    std::string other_kinds;
    for (const auto list : kLists) {
        auto keys = data.find_reference(list, reference);
        if (!keys) return std::unexpected(keys.error());
        for (const auto& key : *keys) {
            if (kiosk != nullptr && key.kiosk != *kiosk) continue;
            if (console::is_state_of(list, state)) found.push_back(key);
            else other_kinds = std::string(console::record_kind_of(list));
        }
    }
    const std::string from = kiosk != nullptr ? " from kiosk " + *kiosk : "";
    if (found.empty() && !other_kinds.empty())
        return std::unexpected("reference " + reference + from + " is a " + other_kinds + ", which is never " + state);
    if (found.empty()) return std::unexpected("no record with reference " + reference + from);
    if (found.size() > 1) {
        std::string names;
        for (const auto& key : found) names += (names.empty() ? "" : ", ") + key.kiosk;
        return std::unexpected("reference " + reference + " was issued by more than one kiosk (" + names +
                               "); name one with --kiosk");
    }
    return found.front();
}

bool is_review_state(std::string_view state) {
    for (const auto list : kLists)
        if (state != "received" && console::is_state_of(list, state)) return true;
    return false;
}

}  // namespace

int cmd_user(const Args& args) {
    auto dir = hq_dir_of(args);
    const auto* name = args.option("--name");
    if (!dir || name == nullptr || args.positionals.size() != 1)
        return usage("user needs add, passwd or disable, --dir HQDIR and --name NAME");
    const std::string& action = args.positionals[0];
    if (action != "add" && action != "passwd" && action != "disable")
        return usage("user takes add, passwd or disable, not " + action);
    if (!is_user_name(*name)) return usage("a user name is 1-64 letters, digits, '.', '_' or '-'");
    auto store = open_store(*dir);
    if (!store) return fail(store.error());
    if (action == "add") return user_add(**store, *name, args);
    return user_change(**store, *name, action == "disable");
}

int cmd_audit(const Args& args) {
    auto dir = hq_dir_of(args);
    if (!dir || args.positionals.size() != 1 || args.positionals[0] != "verify")
        return usage("audit verify needs --dir HQDIR");
    auto store = open_store(*dir);
    if (!store) return fail(store.error());
    auto chain = (*store)->audit_chain();
    if (!chain) return fail(chain.error());
    const auto broken = console::first_broken(chain->entries, chain->head_seq, chain->head_hash);
    if (!broken) {
        std::printf("audit: %zu entries, chain whole\n", chain->entries.size());
        return 0;
    }
    if (*broken == chain->entries.size())
        return fail("audit: entries after " + std::to_string(chain->entries.size()) + " are missing: the head says " +
                    std::to_string(chain->head_seq));
    return fail("audit: entry " + std::to_string(*broken + 1) +
                " is broken: it, or one before it, was edited, removed or reordered");
}

int cmd_set_status(const Args& args) {
    auto dir = hq_dir_of(args);
    if (!dir || args.positionals.size() != 2) return usage("set-status needs --dir HQDIR, REF and a state");
    const auto& reference = args.positionals[0];
    const auto& state = args.positionals[1];
    if (!is_review_state(state))
        return usage(
            "state must be in-review, needs-info, accepted or rejected (support requests), answered or "
            "closed (feedback), contacted, active or declined (volunteers)");
    // --note is one note for both languages, as before there were two.
    const auto* note = args.option("--note");
    const auto* note_ar = args.option("--note-ar");
    const auto* note_en = args.option("--note-en");
    const console::HistoryEntry change{now_ms(), kActor, state,
                                       note_ar ? *note_ar
                                       : note  ? *note
                                               : "",
                                       note_en ? *note_en
                                       : note  ? *note
                                               : ""};
    if (change.note_ar.size() > kMaxNote || change.note_en.size() > kMaxNote)
        return usage("a note is at most " + std::to_string(kMaxNote) + " bytes");
    auto store = open_store(*dir);
    if (!store) return fail(store.error());
    auto key = record_for(**store, reference, state, args.option("--kiosk"));
    if (!key) return fail(key.error());
    auto changed = (*store)->change_state(*key, change);
    if (!changed) return fail(changed.error());
    if (!*changed) return fail("no record with reference " + reference);
    if (auto logged = audit(**store, "record.state", reference, "kiosk " + key->kiosk + ": " + state); !logged)
        return fail(logged.error());
    std::printf("%s: %s\n", reference.c_str(), state.c_str());
    return 0;
}

}  // namespace kiosk_sync::hq
