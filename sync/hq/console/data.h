// sync/hq/console/data.h — what the console needs from HQ's database, declared here so the
// console depends on an interface and HQ's store (sync/hq/sql_store.h) implements it on both
// engines; tests may fake it. Every call is one transaction; implementations are thread-safe.
//
// Records are named by (kiosk, id) inside the console, never by personal data; a reference
// names one in the visitor's words (unique per kiosk). Review states are DESIGN.md's:
//   support_request  received → in-review → needs-info → accepted | rejected
//   feedback         received → answered → closed
//   volunteer        received → contacted → active | declined
// A state change also becomes the status the kiosk that issued the reference fetches next.
// Not here: who may call what (roles.h), sessions' and passwords' rules (accounts.h), the
// audit chain's hashing (audit.h), decrypting sealed data (the server holds the key).
#pragma once

#include <cstdint>
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/hq/console/accounts.h"
#include "sync/hq/console/audit.h"
#include "sync/hq/console/roles.h"
#include "sync/protocol/record.h"

namespace kiosk_sync::hq::console {

// The three lists of the console and the record kinds they hold.
enum class ListKind { requests, feedback, volunteers };
std::string_view record_kind_of(ListKind list);  // "support_request", "feedback", "volunteer"
// The states of a list's records, in the order they are shown (the first is "received").
const std::vector<std::string_view>& states_of(ListKind list);
bool is_state_of(ListKind list, std::string_view state);

struct User {
    std::string name;
    Role role = Role::viewer;
    std::string password_hash;  // hash_password()'s encoding
    bool disabled = false;
    LoginLock lock;
    std::int64_t created_ms = 0;
};

struct Session {
    std::string stored;  // stored_form() of the cookie's token
    std::string user;
    std::string lang;  // "ar" or "en", the language the user last chose
    std::int64_t created_ms = 0;
    std::int64_t last_seen_ms = 0;
};

// A list's filters; unset members do not filter. Dates are ms since the epoch, [from, to).
struct ListQuery {
    ListKind list = ListKind::requests;
    std::optional<std::string> state;
    std::optional<std::string> kiosk;
    // The record's type within its kind: a support request's request_type, a feedback's
    // category; for volunteers, a skill the record lists.
    std::optional<std::string> type;
    // Volunteers only: an availability the record lists.
    std::optional<std::string> availability;
    std::optional<std::int64_t> from_ms;
    std::optional<std::int64_t> to_ms;
    std::optional<std::string> reference;  // exact match
    std::size_t limit = 50;
    std::size_t offset = 0;
    // Fill each row's sealed part too (a page or an export that decrypts its rows).
    bool with_sealed = false;
};

// One record as a list or a record page shows it. `record.sealed` is filled by record(), and
// by list() when the query asks for it.
struct RecordView {
    protocol::Record record;
    std::int64_t received_ms = 0;
    std::string state;                  // "received" until someone changes it
    std::int64_t state_changed_ms = 0;  // 0 while "received"
};

struct ListPage {
    std::vector<RecordView> rows;  // oldest filing first
    std::size_t matching = 0;      // all rows the query matches, ignoring limit and offset
    // Records of the list per state, with every filter but the state applied.
    std::map<std::string, std::size_t> per_state;
};

struct HistoryEntry {
    std::int64_t at_ms = 0;
    std::string actor;  // a user's name, or "kiosk-hq" for the command line
    std::string state;
    std::string note_ar;
    std::string note_en;
};

struct RecordKey {
    std::string kiosk;
    std::string id;
    bool operator==(const RecordKey&) const = default;
};

class Data {
public:
    virtual ~Data() = default;

    // --- users ---------------------------------------------------------------------------
    virtual std::expected<std::optional<User>, std::string> user(std::string_view name) = 0;
    virtual std::expected<std::vector<User>, std::string> users() = 0;
    // Adds a user; false when the name is taken.
    virtual std::expected<bool, std::string> add_user(const User& user) = 0;
    // Replaces role, hash, disabled and lock of an existing user; false when there is none.
    virtual std::expected<bool, std::string> update_user(const User& user) = 0;

    // --- sessions ------------------------------------------------------------------------
    virtual std::expected<void, std::string> put_session(const Session& session) = 0;
    virtual std::expected<std::optional<Session>, std::string> session(std::string_view stored) = 0;
    // Sets last_seen_ms and lang of a session.
    virtual std::expected<void, std::string> touch_session(std::string_view stored, std::int64_t now_ms,
                                                           std::string_view lang) = 0;
    virtual std::expected<void, std::string> drop_session(std::string_view stored) = 0;
    // Ends every session of a user (a password change, a disabled account).
    virtual std::expected<void, std::string> drop_sessions_of(std::string_view user) = 0;

    // --- records -------------------------------------------------------------------------
    virtual std::expected<ListPage, std::string> list(const ListQuery& query) = 0;
    // One record with its sealed part; none when there is no such record.
    virtual std::expected<std::optional<RecordView>, std::string> record(const RecordKey& key) = 0;
    // Records of a kind whose reference is `reference` (several kiosks may have issued it).
    virtual std::expected<std::vector<RecordKey>, std::string> find_reference(ListKind list,
                                                                              std::string_view reference) = 0;
    virtual std::expected<std::vector<HistoryEntry>, std::string> history(const RecordKey& key) = 0;
    // Moves a record to `state` (already checked against its list) with the notes, appends
    // the history entry and makes it the status its kiosk fetches for the reference; false
    // when there is no such record.
    virtual std::expected<bool, std::string> change_state(const RecordKey& key, const HistoryEntry& change) = 0;

    // Keyed hashes of a record's identifying values (national ID, mobile), which HQ computes
    // with a key derived from its private key while it is unlocked: records sharing one are
    // linked without the database ever holding a plain hash of an ID.
    virtual std::expected<void, std::string> put_marks(const RecordKey& key, const std::vector<std::string>& marks) = 0;
    // Records with sealed data and no marks yet, oldest first, at most `limit`.
    virtual std::expected<std::vector<RecordKey>, std::string> unmarked(std::size_t limit) = 0;
    // Other records carrying any of these marks.
    virtual std::expected<std::vector<RecordView>, std::string> sharing_marks(const RecordKey& key) = 0;

    // --- audit ---------------------------------------------------------------------------
    // Links `entry` after the current head and stores it with the new head, atomically
    // (two processes appending at once each get their own sequence number).
    virtual std::expected<AuditEntry, std::string> append_audit(AuditEntry entry) = 0;
    // Entries newest first, for the audit page.
    virtual std::expected<std::vector<AuditEntry>, std::string> audit_page(std::size_t limit, std::size_t offset) = 0;
    virtual std::expected<std::size_t, std::string> audit_count() = 0;
    // Every entry oldest first and the head as kept, for first_broken().
    struct AuditChain {
        std::vector<AuditEntry> entries;
        std::int64_t head_seq = 0;
        std::string head_hash;
    };
    virtual std::expected<AuditChain, std::string> audit_chain() = 0;
};

}  // namespace kiosk_sync::hq::console
