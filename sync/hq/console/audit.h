// sync/hq/console/audit.h — the audit log as a hash chain: each entry's hash covers its own
// fields and the hash of the entry before, so editing, removing or reordering any entry
// breaks every link after it. The newest link (the head) is kept apart from the entries, so
// cutting entries off the end is found too. Not here: where entries are stored (the store)
// or which actions are logged (the server: logins, key unlock and lock, personal data shown,
// state changes, exports, user and kiosk changes).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace kiosk_sync::hq::console {

struct AuditEntry {
    std::int64_t seq = 0;  // 1, 2, 3 … without gaps
    std::int64_t at_ms = 0;
    std::string actor;      // a user's name, or "kiosk-hq" for the command line
    std::string action;     // "login", "login.failed", "key.unlock", "record.view", …
    std::string subject;    // what it was done to: a reference, a user, a kiosk; may be empty
    std::string detail;     // a note, a new state; never personal data
    std::string prev_hash;  // 64 hex; all zeros before the first entry
    std::string hash;       // 64 hex, entry_hash()
};

std::string genesis_hash();
std::string entry_hash(const AuditEntry& entry);
// `entry` as the next link after `head` (seq and hashes filled in).
AuditEntry link(AuditEntry entry, const AuditEntry* head);

// The first entry (by position) whose link does not hold, given the head as it was kept; the
// number of entries when only the head disagrees (entries cut off the end); none when whole.
std::optional<std::size_t> first_broken(std::span<const AuditEntry> entries, std::int64_t head_seq,
                                        const std::string& head_hash);

}  // namespace kiosk_sync::hq::console
