// The console's Data on HQ's SQL store (see console/data.h and sql_store.h): users, sessions,
// the lists with their filters and counts, review states, marks and the audit chain. Every
// public call takes the store's mutex and is one transaction. The engines' SQL differs in one
// place only, json_conditions(): reading the clear JSON (SQLite's json_extract / json_each,
// PostgreSQL's jsonb operators). Not here: the kiosk's side of the store (sql_store.cpp).
#include <variant>

#include "sync/hq/sql_store.h"
#include "sync/protocol/json_text.h"

namespace kiosk_sync::hq {

namespace {

using console::AuditEntry;
using console::HistoryEntry;
using console::ListKind;
using console::RecordKey;
using console::RecordView;

std::unexpected<std::string> failed(const sql::Error& error) { return std::unexpected(error.message); }

// A parameter's value, owned, for SQL built from optional parts.
using Value = std::variant<std::string, std::int64_t>;
Value text(std::string_view value) { return std::string(value); }
Value number(std::size_t value) { return static_cast<std::int64_t>(value); }

void bind_all(sql::Statement& statement, const std::vector<Value>& values) {
    int index = 1;
    for (const auto& value : values) {
        if (const auto* s = std::get_if<std::string>(&value)) statement.bind(index++, *s);
        else statement.bind(index++, std::get<std::int64_t>(value));
    }
}

using Prepared = sql::Result<sql::StatementCache::Lease>;

std::expected<void, std::string> run(Prepared statement, const std::vector<Value>& values) {
    if (!statement) return failed(statement.error());
    bind_all(**statement, values);
    if (auto r = (*statement)->run(); !r) return failed(r.error());
    return {};
}

// Every row of a statement, read by `read` before the next is asked for (PostgreSQL has one
// statement in flight per connection).
template <class Row, class Read>
std::expected<std::vector<Row>, std::string> rows_of(sql::Statement& statement, Read read) {
    std::vector<Row> rows;
    for (;;) {
        auto row = statement.step();
        if (!row) return failed(row.error());
        if (!*row) return rows;
        rows.push_back(read(statement));
    }
}

// A consistent view for calls that read more than once (a list's counts and rows, the audit
// chain and its head). Read-only: it always ends in ROLLBACK.
class ReadSnapshot {
public:
    static std::expected<ReadSnapshot, std::string> begin(sql::Connection& db) {
        const char* begin = db.engine() == sql::Engine::postgresql ? "BEGIN ISOLATION LEVEL REPEATABLE READ" : "BEGIN";
        if (auto r = db.exec_script(begin); !r) return failed(r.error());
        return ReadSnapshot(db);
    }
    ReadSnapshot(ReadSnapshot&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(ReadSnapshot&&) = delete;
    ~ReadSnapshot() {
        if (db_ != nullptr && db_->in_transaction()) (void)db_->exec_script("ROLLBACK");
    }

private:
    explicit ReadSnapshot(sql::Connection& db) : db_(&db) {}
    sql::Connection* db_;
};

constexpr std::string_view kUserColumns =
    "SELECT name, role, password_hash, disabled, failures, locks, locked_until_ms, created_ms FROM users";

console::User user_from(const sql::Statement& row) {
    console::User user;
    user.name = row.text(0);
    // A role this program does not know gets the least one, never more.
    user.role = console::role_from(row.text(1)).value_or(console::Role::viewer);
    user.password_hash = row.text(2);
    user.disabled = row.int64(3) != 0;
    user.lock.failures = static_cast<int>(row.int64(4));
    user.lock.locks = static_cast<int>(row.int64(5));
    user.lock.locked_until_ms = row.int64(6);
    user.created_ms = row.int64(7);
    return user;
}

std::vector<Value> user_values(const console::User& user) {
    return {text(console::to_string(user.role)),
            user.password_hash,
            std::int64_t{user.disabled ? 1 : 0},
            std::int64_t{user.lock.failures},
            std::int64_t{user.lock.locks},
            user.lock.locked_until_ms,
            user.name};
}

// A record as lists show it; `sealed` is column 9 when asked for.
constexpr std::string_view kViewColumns =
    "SELECT r.id, r.kind, r.reference, r.kiosk, r.created_ms, r.clear, r.received_ms, "
    "COALESCE(st.state, 'received'), COALESCE(st.changed_ms, 0)";
constexpr std::string_view kViewFrom =
    " FROM records r LEFT JOIN record_states st ON st.kiosk = r.kiosk AND st.id = r.id";

RecordView view_from(const sql::Statement& row, bool with_sealed) {
    RecordView view;
    view.record = record_head_from(row);
    view.received_ms = row.int64(6);
    view.state = row.text(7);
    view.state_changed_ms = row.int64(8);
    if (with_sealed) view.record.sealed = row.text(9);
    return view;
}

RecordView list_view(const sql::Statement& row) { return view_from(row, false); }

RecordKey key_from(const sql::Statement& row) { return {std::string(row.text(0)), std::string(row.text(1))}; }

constexpr std::string_view kAuditColumns =
    "SELECT seq, at_ms, actor, action, subject, detail, prev_hash, hash FROM audit";

AuditEntry audit_from(const sql::Statement& row) {
    AuditEntry entry;
    entry.seq = row.int64(0);
    entry.at_ms = row.int64(1);
    entry.actor = row.text(2);
    entry.action = row.text(3);
    entry.subject = row.text(4);
    entry.detail = row.text(5);
    entry.prev_hash = row.text(6);
    entry.hash = row.text(7);
    return entry;
}

// A list's conditions on a record's clear JSON: its type within its kind, a volunteer's
// availability. The one place where the engines need different SQL.
struct JsonConditions {
    std::string type;
    std::string availability;
};

JsonConditions json_conditions(sql::Engine engine, ListKind list) {
    const bool pg = engine == sql::Engine::postgresql;
    const auto member = [pg](const std::string& name) {
        return pg ? "(r.clear::jsonb ->> '" + name + "') = ?" : "json_extract(r.clear, '$." + name + "') = ?";
    };
    const auto listed = [pg](const std::string& name) {
        return pg ? "(r.clear::jsonb -> '" + name + "') @> jsonb_build_array(?)"
                  : "EXISTS (SELECT 1 FROM json_each(r.clear, '$." + name + "') WHERE value = ?)";
    };
    switch (list) {
    case ListKind::requests: return {member("request_type"), listed("availability")};
    case ListKind::feedback: return {member("category"), listed("availability")};
    case ListKind::volunteers: return {listed("skills"), listed("availability")};
    }
    return {member("request_type"), listed("availability")};
}

// The WHERE clause of a list query with its parameters, every filter but the state.
struct Filter {
    std::string where;
    std::vector<Value> values;

    void add(const std::string& condition, Value value) {
        where += " AND " + condition;
        values.push_back(std::move(value));
    }
};

Filter filter_of(sql::Engine engine, const console::ListQuery& query) {
    Filter filter{" WHERE r.kind = ?", {text(console::record_kind_of(query.list))}};
    const JsonConditions json = json_conditions(engine, query.list);
    if (query.kiosk) filter.add("r.kiosk = ?", *query.kiosk);
    if (query.type) filter.add(json.type, *query.type);
    if (query.availability) filter.add(json.availability, *query.availability);
    if (query.from_ms) filter.add("r.created_ms >= ?", *query.from_ms);
    if (query.to_ms) filter.add("r.created_ms < ?", *query.to_ms);
    if (query.reference) filter.add("r.reference = ?", *query.reference);
    return filter;
}

constexpr std::string_view kStateOf = "COALESCE(st.state, 'received')";

}  // namespace

// ---- users and sessions -------------------------------------------------------------------

std::expected<std::optional<console::User>, std::string> SqlStore::user(std::string_view name) {
    std::lock_guard lock(mutex_);
    auto stmt = cached(std::string(kUserColumns) + " WHERE name = ?");
    if (!stmt) return failed(stmt.error());
    auto row = (*stmt)->bind(1, name).step();
    if (!row) return failed(row.error());
    if (!*row) return std::nullopt;
    return user_from(**stmt);
}

std::expected<std::vector<console::User>, std::string> SqlStore::users() {
    std::lock_guard lock(mutex_);
    auto stmt = cached(std::string(kUserColumns) + " ORDER BY name");
    if (!stmt) return failed(stmt.error());
    return rows_of<console::User>(**stmt, user_from);
}

std::expected<bool, std::string> SqlStore::add_user(const console::User& user) {
    std::lock_guard lock(mutex_);
    // The name is the last value, as update_user() binds them.
    auto added = run(cached("INSERT INTO users(role, password_hash, disabled, failures, locks, locked_until_ms, name, "
                            "created_ms) VALUES(?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                     [&] {
                         auto values = user_values(user);
                         values.emplace_back(user.created_ms);
                         return values;
                     }());
    if (!added) return std::unexpected(added.error());
    return db_.changes() == 1;
}

std::expected<bool, std::string> SqlStore::update_user(const console::User& user) {
    std::lock_guard lock(mutex_);
    auto updated = run(cached("UPDATE users SET role = ?, password_hash = ?, disabled = ?, failures = ?, locks = ?, "
                              "locked_until_ms = ? WHERE name = ?"),
                       user_values(user));
    if (!updated) return std::unexpected(updated.error());
    return db_.changes() == 1;
}

std::expected<void, std::string> SqlStore::put_session(const console::Session& session) {
    std::lock_guard lock(mutex_);
    return run(cached("INSERT INTO sessions(stored, user_name, lang, created_ms, last_seen_ms) VALUES(?, ?, ?, ?, ?) "
                      "ON CONFLICT(stored) DO UPDATE SET user_name = excluded.user_name, lang = excluded.lang, "
                      "created_ms = excluded.created_ms, last_seen_ms = excluded.last_seen_ms"),
               {session.stored, session.user, session.lang, session.created_ms, session.last_seen_ms});
}

std::expected<std::optional<console::Session>, std::string> SqlStore::session(std::string_view stored) {
    std::lock_guard lock(mutex_);
    auto stmt = cached("SELECT stored, user_name, lang, created_ms, last_seen_ms FROM sessions WHERE stored = ?");
    if (!stmt) return failed(stmt.error());
    auto row = (*stmt)->bind(1, stored).step();
    if (!row) return failed(row.error());
    if (!*row) return std::nullopt;
    const auto& s = **stmt;
    return console::Session{std::string(s.text(0)), std::string(s.text(1)), std::string(s.text(2)), s.int64(3),
                            s.int64(4)};
}

std::expected<void, std::string> SqlStore::touch_session(std::string_view stored, std::int64_t now_ms,
                                                         std::string_view lang) {
    std::lock_guard lock(mutex_);
    return run(cached("UPDATE sessions SET last_seen_ms = ?, lang = ? WHERE stored = ?"),
               {now_ms, text(lang), text(stored)});
}

std::expected<void, std::string> SqlStore::drop_session(std::string_view stored) {
    std::lock_guard lock(mutex_);
    return run(cached("DELETE FROM sessions WHERE stored = ?"), {text(stored)});
}

std::expected<void, std::string> SqlStore::drop_sessions_of(std::string_view user) {
    std::lock_guard lock(mutex_);
    return run(cached("DELETE FROM sessions WHERE user_name = ?"), {text(user)});
}

// ---- records ------------------------------------------------------------------------------

std::expected<console::ListPage, std::string> SqlStore::list(const console::ListQuery& query) {
    std::lock_guard lock(mutex_);
    auto snapshot = ReadSnapshot::begin(db_);
    if (!snapshot) return std::unexpected(snapshot.error());
    Filter filter = filter_of(db_.engine(), query);
    console::ListPage page;
    for (auto state : console::states_of(query.list)) page.per_state[std::string(state)] = 0;
    {
        auto counts = db_.prepare("SELECT " + std::string(kStateOf) + ", COUNT(*)" + std::string(kViewFrom) +
                                  filter.where + " GROUP BY " + std::string(kStateOf));
        if (!counts) return failed(counts.error());
        bind_all(*counts, filter.values);
        auto read = rows_of<std::pair<std::string, std::size_t>>(*counts, [](const sql::Statement& row) {
            return std::pair{std::string(row.text(0)), static_cast<std::size_t>(row.int64(1))};
        });
        if (!read) return std::unexpected(read.error());
        for (const auto& [state, count] : *read) page.per_state[state] = count;
    }
    if (query.state) {
        filter.add(std::string(kStateOf) + " = ?", *query.state);
        const auto it = page.per_state.find(*query.state);
        page.matching = it == page.per_state.end() ? 0 : it->second;
    } else {
        for (const auto& [state, count] : page.per_state) page.matching += count;
    }
    auto rows = db_.prepare(std::string(kViewColumns) + (query.with_sealed ? ", r.sealed" : "") +
                            std::string(kViewFrom) + filter.where + " ORDER BY r.created_ms, r.seq LIMIT ? OFFSET ?");
    if (!rows) return failed(rows.error());
    filter.values.push_back(number(query.limit));
    filter.values.push_back(number(query.offset));
    bind_all(*rows, filter.values);
    auto views =
        rows_of<RecordView>(*rows, [&query](const sql::Statement& row) { return view_from(row, query.with_sealed); });
    if (!views) return std::unexpected(views.error());
    page.rows = std::move(*views);
    return page;
}

std::expected<std::optional<RecordView>, std::string> SqlStore::record(const RecordKey& key) {
    std::lock_guard lock(mutex_);
    auto stmt =
        cached(std::string(kViewColumns) + ", r.sealed" + std::string(kViewFrom) + " WHERE r.kiosk = ? AND r.id = ?");
    if (!stmt) return failed(stmt.error());
    auto row = (*stmt)->bind(1, key.kiosk).bind(2, key.id).step();
    if (!row) return failed(row.error());
    if (!*row) return std::nullopt;
    return view_from(**stmt, true);
}

std::expected<std::vector<RecordKey>, std::string> SqlStore::find_reference(ListKind list, std::string_view reference) {
    std::lock_guard lock(mutex_);
    auto stmt = cached(
        "SELECT kiosk, id FROM records WHERE kind = ? AND reference = ? AND reference <> '' ORDER BY kiosk, seq");
    if (!stmt) return failed(stmt.error());
    (*stmt)->bind(1, console::record_kind_of(list)).bind(2, reference);
    return rows_of<RecordKey>(**stmt, key_from);
}

std::expected<std::vector<HistoryEntry>, std::string> SqlStore::history(const RecordKey& key) {
    std::lock_guard lock(mutex_);
    auto stmt = cached(
        "SELECT at_ms, actor, state, note_ar, note_en FROM record_history WHERE kiosk = ? AND id = ? ORDER BY n");
    if (!stmt) return failed(stmt.error());
    (*stmt)->bind(1, key.kiosk).bind(2, key.id);
    return rows_of<HistoryEntry>(**stmt, [](const sql::Statement& row) {
        return HistoryEntry{row.int64(0), std::string(row.text(1)), std::string(row.text(2)), std::string(row.text(3)),
                            std::string(row.text(4))};
    });
}

std::expected<bool, std::string> SqlStore::change_state(const RecordKey& key, const HistoryEntry& change) {
    std::lock_guard lock(mutex_);
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    if (auto locked = lock_statuses(); !locked) return std::unexpected(locked.error());
    auto changed = change_state_locked(key, change);
    if (!changed || !*changed) return changed;
    if (auto committed = transaction->commit(); !committed) return failed(committed.error());
    return true;
}

// ---- marks --------------------------------------------------------------------------------

std::expected<void, std::string> SqlStore::put_marks(const RecordKey& key, const std::vector<std::string>& marks) {
    std::lock_guard lock(mutex_);
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    if (auto r = run(cached("DELETE FROM record_marks WHERE kiosk = ? AND id = ?"), {key.kiosk, key.id}); !r) return r;
    // A record with nothing to mark keeps the empty mark, so unmarked() does not offer it
    // again; sharing_marks() never links by it.
    const std::vector<std::string> none{""};
    for (const auto& mark : marks.empty() ? none : marks) {
        auto put = run(cached("INSERT INTO record_marks(kiosk, id, mark) VALUES(?, ?, ?) ON CONFLICT DO NOTHING"),
                       {key.kiosk, key.id, mark});
        if (!put) return put;
    }
    if (auto committed = transaction->commit(); !committed) return failed(committed.error());
    return {};
}

std::expected<std::vector<RecordKey>, std::string> SqlStore::unmarked(std::size_t limit) {
    std::lock_guard lock(mutex_);
    auto stmt = cached(
        "SELECT r.kiosk, r.id FROM records r WHERE r.sealed <> '' AND NOT EXISTS "
        "(SELECT 1 FROM record_marks m WHERE m.kiosk = r.kiosk AND m.id = r.id) ORDER BY r.created_ms, r.seq LIMIT ?");
    if (!stmt) return failed(stmt.error());
    (*stmt)->bind(1, static_cast<std::int64_t>(limit));
    return rows_of<RecordKey>(**stmt, key_from);
}

std::expected<std::vector<RecordView>, std::string> SqlStore::sharing_marks(const RecordKey& key) {
    std::lock_guard lock(mutex_);
    auto stmt = cached(std::string(kViewColumns) + std::string(kViewFrom) +
                       " WHERE NOT (r.kiosk = ?1 AND r.id = ?2) AND EXISTS (SELECT 1 FROM record_marks o "
                       "JOIN record_marks m ON m.mark = o.mark WHERE o.kiosk = r.kiosk AND o.id = r.id "
                       "AND m.kiosk = ?1 AND m.id = ?2 AND m.mark <> '') ORDER BY r.created_ms, r.seq");
    if (!stmt) return failed(stmt.error());
    (*stmt)->bind(1, key.kiosk).bind(2, key.id);
    return rows_of<RecordView>(**stmt, list_view);
}

// ---- audit --------------------------------------------------------------------------------

std::expected<AuditEntry, std::string> SqlStore::append_audit(AuditEntry entry) {
    std::lock_guard lock(mutex_);
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    // The head row is the lock: a second process appending waits here until this one commits,
    // then links after this entry. SQLite's BEGIN IMMEDIATE already holds the write lock.
    const bool pg = db_.engine() == sql::Engine::postgresql;
    AuditEntry head;
    {
        auto read = cached(pg ? "SELECT seq, hash FROM audit_head WHERE one = 1 FOR UPDATE"
                              : "SELECT seq, hash FROM audit_head WHERE one = 1");
        if (!read) return failed(read.error());
        auto row = (*read)->step();
        if (!row) return failed(row.error());
        if (!*row) return std::unexpected("the audit log's head row is missing; run kiosk-hq audit verify");
        head.seq = (*read)->int64(0);
        head.hash = (*read)->text(1);
    }
    AuditEntry linked = console::link(std::move(entry), head.seq == 0 ? nullptr : &head);
    auto put = run(cached("INSERT INTO audit(seq, at_ms, actor, action, subject, detail, prev_hash, hash) "
                          "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"),
                   {linked.seq, linked.at_ms, linked.actor, linked.action, linked.subject, linked.detail,
                    linked.prev_hash, linked.hash});
    if (!put) return std::unexpected(put.error());
    auto moved = run(cached("UPDATE audit_head SET seq = ?, hash = ? WHERE one = 1"), {linked.seq, linked.hash});
    if (!moved) return std::unexpected(moved.error());
    if (auto committed = transaction->commit(); !committed) return failed(committed.error());
    return linked;
}

std::expected<std::vector<AuditEntry>, std::string> SqlStore::audit_page(std::size_t limit, std::size_t offset) {
    std::lock_guard lock(mutex_);
    auto stmt = cached(std::string(kAuditColumns) + " ORDER BY seq DESC LIMIT ? OFFSET ?");
    if (!stmt) return failed(stmt.error());
    bind_all(**stmt, {number(limit), number(offset)});
    return rows_of<AuditEntry>(**stmt, audit_from);
}

std::expected<std::size_t, std::string> SqlStore::audit_count() {
    std::lock_guard lock(mutex_);
    auto count = db_.query_int("SELECT COUNT(*) FROM audit");
    if (!count) return failed(count.error());
    return static_cast<std::size_t>(*count);
}

std::expected<console::Data::AuditChain, std::string> SqlStore::audit_chain() {
    std::lock_guard lock(mutex_);
    auto snapshot = ReadSnapshot::begin(db_);
    if (!snapshot) return std::unexpected(snapshot.error());
    AuditChain chain;
    {
        auto head = cached("SELECT seq, hash FROM audit_head WHERE one = 1");
        if (!head) return failed(head.error());
        auto row = (*head)->step();
        if (!row) return failed(row.error());
        // No head row at all reads as an empty head, which the entries then contradict.
        if (*row) {
            chain.head_seq = (*head)->int64(0);
            chain.head_hash = (*head)->text(1);
        }
    }
    auto stmt = cached(std::string(kAuditColumns) + " ORDER BY seq");
    if (!stmt) return failed(stmt.error());
    auto entries = rows_of<AuditEntry>(**stmt, audit_from);
    if (!entries) return std::unexpected(entries.error());
    chain.entries = std::move(*entries);
    return chain;
}

}  // namespace kiosk_sync::hq
