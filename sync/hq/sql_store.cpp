// The Store on the SQL layer; see sql_store.h. Every public call takes the mutex, so the one
// connection is never used by two threads at once.
#include "sync/hq/sql_store.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "sync/protocol/json_text.h"
#include "sync/protocol/sql/postgresql.h"
#include "sync/protocol/sql/sqlite.h"

namespace kiosk_sync::hq {

namespace {

std::unexpected<std::string> failed(const sql::Error& error) { return std::unexpected(error.message); }

// Version 1: kiosks, records by id, one status per reference, nonces. IF NOT EXISTS: a file
// from before schema versions has these tables at version 0.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE IF NOT EXISTS kiosks(
  id TEXT PRIMARY KEY, secret TEXT NOT NULL, updated_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records(
  id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, kind TEXT NOT NULL, reference TEXT NOT NULL,
  created_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL, via TEXT NOT NULL,
  clear TEXT NOT NULL, sealed TEXT NOT NULL, canonical TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_reference ON records(reference);
CREATE TABLE IF NOT EXISTS statuses(
  reference TEXT PRIMARY KEY, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS nonces(
  kiosk TEXT NOT NULL, nonce TEXT NOT NULL, timestamp_ms INTEGER NOT NULL,
  PRIMARY KEY(kiosk, nonce)) WITHOUT ROWID;
)sql";

// Version 2: references are unique per kiosk only, so an answer belongs to the kiosk that
// issued the reference (and only that kiosk is sent it). Each old answer goes to every kiosk
// that issued its reference.
constexpr std::string_view kVersion2 = R"sql(
ALTER TABLE statuses RENAME TO statuses_v1;
CREATE TABLE statuses(
  kiosk TEXT NOT NULL, reference TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE, PRIMARY KEY(kiosk, reference));
INSERT INTO statuses(kiosk, reference, status, note, updated_ms, seq)
  SELECT k.kiosk, s.reference, s.status, s.note, s.updated_ms,
         s.seq * 1000 + ROW_NUMBER() OVER (PARTITION BY s.reference ORDER BY k.kiosk)
  FROM statuses_v1 s JOIN (SELECT DISTINCT kiosk, reference FROM records) k ON k.reference = s.reference;
DROP TABLE statuses_v1;
)sql";

// Version 3: records are keyed by (kiosk, id), as DESIGN.md's sync section says: one kiosk's
// id can never shadow another's. `seq` keeps the order of arrival (the old rowid).
constexpr std::string_view kVersion3 = R"sql(
ALTER TABLE records RENAME TO records_v2;
CREATE TABLE records(
  seq INTEGER PRIMARY KEY, kiosk TEXT NOT NULL, id TEXT NOT NULL, kind TEXT NOT NULL,
  reference TEXT NOT NULL, created_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL, via TEXT NOT NULL,
  clear TEXT NOT NULL, sealed TEXT NOT NULL, canonical TEXT NOT NULL, UNIQUE(kiosk, id));
INSERT INTO records(seq, kiosk, id, kind, reference, created_ms, received_ms, via, clear, sealed, canonical)
  SELECT rowid, kiosk, id, kind, reference, created_ms, received_ms, via, clear, sealed, canonical FROM records_v2;
DROP TABLE records_v2;
CREATE INDEX records_reference ON records(reference);
)sql";

constexpr std::array kSqliteMigrations = {sql::Migration{1, kVersion1}, sql::Migration{2, kVersion2},
                                          sql::Migration{3, kVersion3}};

// PostgreSQL support begins at version 3: its first step is the schema as of that version,
// the same tables and keys as SQLite's in PostgreSQL's types.
constexpr std::string_view kPostgresqlVersion3 = R"sql(
CREATE TABLE kiosks(
  id TEXT PRIMARY KEY, secret TEXT NOT NULL, updated_ms BIGINT NOT NULL);
CREATE TABLE records(
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kiosk TEXT NOT NULL, id TEXT NOT NULL,
  kind TEXT NOT NULL, reference TEXT NOT NULL, created_ms BIGINT NOT NULL, received_ms BIGINT NOT NULL,
  via TEXT NOT NULL, clear TEXT NOT NULL, sealed TEXT NOT NULL, canonical TEXT NOT NULL, UNIQUE(kiosk, id));
CREATE INDEX records_reference ON records(reference);
CREATE TABLE statuses(
  kiosk TEXT NOT NULL, reference TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms BIGINT NOT NULL, seq BIGINT NOT NULL UNIQUE, PRIMARY KEY(kiosk, reference));
CREATE TABLE nonces(
  kiosk TEXT NOT NULL, nonce TEXT NOT NULL, timestamp_ms BIGINT NOT NULL, PRIMARY KEY(kiosk, nonce));
)sql";

constexpr std::array kPostgresqlMigrations = {sql::Migration{3, kPostgresqlVersion3}};

constexpr std::string_view kSelectRecords = R"sql(
SELECT r.id, r.kind, r.reference, r.kiosk, r.created_ms, r.clear, r.sealed, r.received_ms, r.via,
       COALESCE(s.status, 'received'), COALESCE(s.note, '')
FROM records r LEFT JOIN statuses s ON s.kiosk = r.kiosk AND s.reference = r.reference AND r.reference <> ''
)sql";

// The text a record is compared by when its id arrives again.
std::string canonical_text(const protocol::Record& record) { return protocol::dump_json(protocol::to_json(record)); }

StoredRecord stored_record_from(const sql::Statement& row) {
    StoredRecord stored;
    stored.record.id = row.text(0);
    stored.record.kind = row.text(1);
    stored.record.reference = row.text(2);
    stored.record.kiosk = row.text(3);
    stored.record.created_ms = row.int64(4);
    auto clear = protocol::parse_json(row.text(5), 64);
    if (clear && clear->is_object()) stored.record.clear = std::move(*clear);
    stored.record.sealed = row.text(6);
    stored.received_ms = row.int64(7);
    stored.via = row.text(8);
    stored.status = row.text(9);
    stored.note = row.text(10);
    return stored;
}

std::int64_t system_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

std::expected<std::unique_ptr<SqlStore>, std::string> SqlStore::open(sql::Connection db) {
    const std::span<const sql::Migration> steps = db.engine() == sql::Engine::postgresql
                                                      ? std::span<const sql::Migration>(kPostgresqlMigrations)
                                                      : std::span<const sql::Migration>(kSqliteMigrations);
    if (auto version = sql::migrate(db, steps); !version)
        return std::unexpected("cannot bring the schema up to date: " + version.error().message);
    return std::unique_ptr<SqlStore>(new SqlStore(std::move(db)));
}

std::expected<std::unique_ptr<SqlStore>, std::string> SqlStore::open_sqlite(const std::filesystem::path& path,
                                                                            bool create) {
    auto db = sql::open_sqlite(path, {.create = create, .busy_timeout = std::chrono::seconds(10)});
    if (!db) return failed(db.error());
    return open(std::move(*db));
}

std::expected<std::unique_ptr<SqlStore>, std::string> SqlStore::open_postgresql(const std::string& url) {
    auto db = sql::open_postgresql(url, {.busy_timeout = std::chrono::seconds(10)});
    if (!db) return failed(db.error());
    return open(std::move(*db));
}

std::expected<void, std::string> SqlStore::put_kiosk(std::string_view kiosk, const protocol::Secret& secret) {
    std::lock_guard lock(mutex_);
    auto stmt = db_.prepare(
        "INSERT INTO kiosks(id, secret, updated_ms) VALUES(?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET secret = excluded.secret, updated_ms = excluded.updated_ms");
    if (!stmt) return failed(stmt.error());
    if (auto r = stmt->bind(1, kiosk).bind(2, protocol::to_hex(secret)).bind(3, system_now_ms()).run(); !r)
        return failed(r.error());
    return {};
}

std::expected<std::optional<protocol::Secret>, std::string> SqlStore::kiosk_secret(std::string_view kiosk) {
    std::lock_guard lock(mutex_);
    auto stmt = cached("SELECT secret FROM kiosks WHERE id = ?");
    if (!stmt) return failed(stmt.error());
    auto row = (*stmt)->bind(1, kiosk).step();
    if (!row) return failed(row.error());
    if (!*row) return std::optional<protocol::Secret>();
    auto secret = protocol::secret_from_hex(std::string((*stmt)->text(0)));
    if (!secret) return std::unexpected("stored secret of kiosk is corrupt");
    return secret;
}

std::expected<bool, std::string> SqlStore::remember_nonce(std::string_view kiosk, std::string_view nonce,
                                                          std::int64_t timestamp_ms, std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    // A nonce lost to a power cut only reopens a replay of an idempotent request, so its
    // commit skips the flush (a crash of the process itself loses nothing). Records stay
    // durable.
    if (auto r = db_.set_durable(false); !r) return failed(r.error());
    auto fresh = remember_nonce_locked(kiosk, nonce, timestamp_ms, now_ms);
    if (auto r = db_.set_durable(true); !r) return failed(r.error());
    return fresh;
}

std::expected<bool, std::string> SqlStore::remember_nonce_locked(std::string_view kiosk, std::string_view nonce,
                                                                 std::int64_t timestamp_ms, std::int64_t now_ms) {
    // Pruning once a minute keeps the table at a few minutes of traffic.
    if (now_ms - last_prune_ms_ > 60'000) {
        auto prune = cached("DELETE FROM nonces WHERE timestamp_ms < ?");
        if (!prune) return failed(prune.error());
        if (auto r = (*prune)->bind(1, now_ms - protocol::kSkewWindowMs).run(); !r) return failed(r.error());
        last_prune_ms_ = now_ms;
    }
    // The unique key decides, not this process: another process on the same database sees
    // the same row.
    auto insert = cached("INSERT INTO nonces(kiosk, nonce, timestamp_ms) VALUES(?, ?, ?) ON CONFLICT DO NOTHING");
    if (!insert) return failed(insert.error());
    if (auto r = (*insert)->bind(1, kiosk).bind(2, nonce).bind(3, timestamp_ms).run(); !r) return failed(r.error());
    return db_.changes() == 1;
}

std::expected<protocol::ItemVerdict, std::string> SqlStore::ingest_one(const protocol::Record& record,
                                                                       std::string_view via, std::int64_t now_ms) {
    std::string canonical = canonical_text(record);
    auto insert = cached(R"sql(
INSERT INTO records(id, kiosk, kind, reference, created_ms, received_ms, via, clear, sealed, canonical)
VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING)sql");
    if (!insert) return failed(insert.error());
    auto& row = **insert;
    row.bind(1, record.id).bind(2, record.kiosk).bind(3, record.kind).bind(4, record.reference);
    row.bind(5, record.created_ms).bind(6, now_ms).bind(7, via);
    row.bind(8, protocol::dump_json(record.clear)).bind(9, record.sealed).bind(10, canonical);
    if (auto r = row.run(); !r) return failed(r.error());
    if (db_.changes() == 1) return protocol::ItemVerdict{record.id, protocol::Outcome::accepted, {}};

    auto existing = cached("SELECT canonical FROM records WHERE kiosk = ? AND id = ?");
    if (!existing) return failed(existing.error());
    auto found = (*existing)->bind(1, record.kiosk).bind(2, record.id).step();
    if (!found) return failed(found.error());
    if (!*found) return std::unexpected("record " + record.id + " was neither stored nor found");
    if ((*existing)->text(0) == canonical) return protocol::ItemVerdict{record.id, protocol::Outcome::duplicate, {}};
    // Same key, other content: a kiosk bug or an id collision; keeping the first and saying so
    // lets staff see it instead of silently losing either.
    return protocol::ItemVerdict{record.id, protocol::Outcome::rejected, "id already used by a different record"};
}

std::expected<std::vector<protocol::ItemVerdict>, std::string> SqlStore::ingest(
    const std::vector<protocol::Record>& records, std::string_view via, std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    std::vector<protocol::ItemVerdict> verdicts;
    verdicts.reserve(records.size());
    for (const auto& record : records) {
        auto verdict = ingest_one(record, via, now_ms);
        if (!verdict) return std::unexpected(verdict.error());
        verdicts.push_back(std::move(*verdict));
    }
    if (auto committed = transaction->commit(); !committed) return failed(committed.error());
    return verdicts;
}

std::expected<void, std::string> SqlStore::scan(std::optional<std::string_view> reference_or_id,
                                                const std::function<bool(const StoredRecord&)>& visit) {
    std::string text(kSelectRecords);
    text += reference_or_id ? " WHERE r.reference = ?1 OR r.id = ?1" : "";
    text += " ORDER BY r.created_ms, r.seq";
    auto stmt = db_.prepare(text);
    if (!stmt) return failed(stmt.error());
    if (reference_or_id) stmt->bind(1, *reference_or_id);
    for (;;) {
        auto row = stmt->step();
        if (!row) return failed(row.error());
        if (!*row || !visit(stored_record_from(*stmt))) return {};
    }
}

std::expected<std::vector<StoredRecord>, std::string> SqlStore::records(
    std::optional<std::string_view> reference_or_id) {
    std::lock_guard lock(mutex_);
    std::vector<StoredRecord> out;
    auto scanned = scan(reference_or_id, [&out](const StoredRecord& stored) {
        out.push_back(stored);
        return true;
    });
    if (!scanned) return std::unexpected(scanned.error());
    return out;
}

std::expected<void, std::string> SqlStore::each_record(const std::function<bool(const StoredRecord&)>& visit) {
    std::lock_guard lock(mutex_);
    return scan(std::nullopt, visit);
}

std::expected<std::size_t, std::string> SqlStore::record_count() {
    std::lock_guard lock(mutex_);
    auto count = db_.query_int("SELECT COUNT(*) FROM records");
    if (!count) return failed(count.error());
    return static_cast<std::size_t>(*count);
}

std::expected<std::vector<std::string>, std::string> SqlStore::kiosks_that_issued(std::string_view reference) {
    auto issued =
        db_.prepare("SELECT DISTINCT kiosk FROM records WHERE reference = ? AND reference <> '' ORDER BY kiosk");
    if (!issued) return failed(issued.error());
    issued->bind(1, reference);
    std::vector<std::string> kiosks;
    for (;;) {
        auto row = issued->step();
        if (!row) return failed(row.error());
        if (!*row) return kiosks;
        kiosks.emplace_back(issued->text(0));
    }
}

std::expected<std::optional<std::string>, std::string> SqlStore::owner_of(std::string_view reference,
                                                                          std::optional<std::string_view> kiosk) {
    auto kiosks = kiosks_that_issued(reference);
    if (!kiosks) return std::unexpected(kiosks.error());
    if (kiosk) {
        if (std::find(kiosks->begin(), kiosks->end(), *kiosk) == kiosks->end()) return std::nullopt;
        return std::string(*kiosk);
    }
    if (kiosks->empty()) return std::nullopt;
    if (kiosks->size() > 1) {
        std::string names;
        for (const auto& k : *kiosks) names += (names.empty() ? "" : ", ") + k;
        return std::unexpected("reference " + std::string(reference) + " was issued by more than one kiosk (" + names +
                               "); name one with --kiosk");
    }
    return kiosks->front();
}

std::expected<bool, std::string> SqlStore::set_status(std::string_view reference, std::string_view status,
                                                      std::string_view note, std::int64_t now_ms,
                                                      std::optional<std::string_view> kiosk) {
    std::lock_guard lock(mutex_);
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    // A kiosk reads statuses past the last sequence number it saw, so numbers must be taken
    // in commit order: one writer of statuses at a time, across processes. SQLite's BEGIN
    // IMMEDIATE already is that; PostgreSQL needs the table lock.
    if (db_.engine() == sql::Engine::postgresql) {
        if (auto locked = db_.exec("LOCK TABLE statuses IN SHARE ROW EXCLUSIVE MODE"); !locked)
            return failed(locked.error());
    }
    auto owner = owner_of(reference, kiosk);
    if (!owner) return std::unexpected(owner.error());
    if (!*owner) return false;
    auto upsert = db_.prepare(R"sql(
INSERT INTO statuses(kiosk, reference, status, note, updated_ms, seq)
VALUES(?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM statuses))
ON CONFLICT(kiosk, reference) DO UPDATE SET status = excluded.status, note = excluded.note,
  updated_ms = excluded.updated_ms, seq = excluded.seq)sql");
    if (!upsert) return failed(upsert.error());
    if (auto r = upsert->bind(1, **owner).bind(2, reference).bind(3, status).bind(4, note).bind(5, now_ms).run(); !r)
        return failed(r.error());
    if (auto committed = transaction->commit(); !committed) return failed(committed.error());
    return true;
}

std::expected<protocol::StatusPage, std::string> SqlStore::statuses_since(std::string_view kiosk, std::int64_t cursor,
                                                                          std::size_t limit) {
    std::lock_guard lock(mutex_);
    auto stmt = db_.prepare(
        "SELECT reference, status, note, updated_ms, seq FROM statuses "
        "WHERE kiosk = ? AND seq > ? ORDER BY seq LIMIT ?");
    if (!stmt) return failed(stmt.error());
    // One row more than asked tells whether another page follows.
    stmt->bind(1, kiosk).bind(2, cursor).bind(3, static_cast<std::int64_t>(limit) + 1);
    protocol::StatusPage page;
    std::int64_t last = cursor;
    for (;;) {
        auto row = stmt->step();
        if (!row) return failed(row.error());
        if (!*row) break;
        if (page.statuses.size() == limit) {
            page.more = true;
            break;
        }
        protocol::RequestStatus status;
        status.reference = stmt->text(0);
        status.status = stmt->text(1);
        status.note = stmt->text(2);
        status.note_ar = status.note_en = status.note;
        status.updated_ms = stmt->int64(3);
        page.statuses.push_back(std::move(status));
        last = stmt->int64(4);
    }
    page.cursor = std::to_string(last);
    return page;
}

}  // namespace kiosk_sync::hq
