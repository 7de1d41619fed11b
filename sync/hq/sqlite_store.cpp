// The SQLite Store; see sqlite_store.h. Every public call takes the mutex, so the one
// connection is never used by two threads at once.
#include "sync/hq/sqlite_store.h"

#include <algorithm>

#include "sync/protocol/json_text.h"

namespace kiosk_sync::hq {

namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS kiosks(
  id TEXT PRIMARY KEY, secret TEXT NOT NULL, updated_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS records(
  id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, kind TEXT NOT NULL, reference TEXT NOT NULL,
  created_ms INTEGER NOT NULL, received_ms INTEGER NOT NULL, via TEXT NOT NULL,
  clear TEXT NOT NULL, sealed TEXT NOT NULL, canonical TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS records_reference ON records(reference);
CREATE TABLE IF NOT EXISTS statuses(
  kiosk TEXT NOT NULL, reference TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE, PRIMARY KEY(kiosk, reference));
CREATE TABLE IF NOT EXISTS nonces(
  kiosk TEXT NOT NULL, nonce TEXT NOT NULL, timestamp_ms INTEGER NOT NULL,
  PRIMARY KEY(kiosk, nonce)) WITHOUT ROWID;
PRAGMA user_version = 2;
)sql";

// Version 1 kept one status per reference, for every kiosk alike. References are unique per
// kiosk only, so an answer now belongs to the kiosk that issued the reference (and only that
// kiosk is sent it). Each old answer goes to every kiosk that issued its reference.
constexpr std::string_view kFromVersion1 = R"sql(
ALTER TABLE statuses RENAME TO statuses_v1;
CREATE TABLE statuses(
  kiosk TEXT NOT NULL, reference TEXT NOT NULL, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE, PRIMARY KEY(kiosk, reference));
INSERT INTO statuses(kiosk, reference, status, note, updated_ms, seq)
  SELECT k.kiosk, s.reference, s.status, s.note, s.updated_ms,
         s.seq * 1000 + ROW_NUMBER() OVER (PARTITION BY s.reference ORDER BY k.kiosk)
  FROM statuses_v1 s JOIN (SELECT DISTINCT kiosk, reference FROM records) k ON k.reference = s.reference;
DROP TABLE statuses_v1;
PRAGMA user_version = 2;
)sql";

constexpr std::string_view kSelectRecords = R"sql(
SELECT r.id, r.kind, r.reference, r.kiosk, r.created_ms, r.clear, r.sealed, r.received_ms, r.via,
       COALESCE(s.status, 'received'), COALESCE(s.note, '')
FROM records r LEFT JOIN statuses s ON s.kiosk = r.kiosk AND s.reference = r.reference AND r.reference <> ''
)sql";

// The text a record is compared by when its id arrives again.
std::string canonical_text(const protocol::Record& record) { return protocol::dump_json(protocol::to_json(record)); }

StoredRecord stored_record_from(const Statement& row) {
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

}  // namespace

std::expected<std::unique_ptr<SqliteStore>, std::string> SqliteStore::open(const std::filesystem::path& path,
                                                                           bool create) {
    auto db = open_db(path, create);
    if (!db) return std::unexpected(db.error());
    int version = 0;
    if (auto stmt = Statement::prepare(db->get(), "PRAGMA user_version"); stmt && stmt->step() == SQLITE_ROW)
        version = static_cast<int>(stmt->int64(0));
    if (version == 1) {
        auto tx = Transaction::begin(db->get());
        if (!tx) return std::unexpected("cannot migrate: " + tx.error());
        if (auto migrated = exec(db->get(), kFromVersion1); !migrated)
            return std::unexpected("cannot migrate the statuses: " + migrated.error());
        if (auto done = tx->commit(); !done) return std::unexpected("cannot migrate: " + done.error());
    }
    if (auto schema = exec(db->get(), kSchema); !schema)
        return std::unexpected("cannot create schema: " + schema.error());
    return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db)));
}

std::expected<void, std::string> SqliteStore::put_kiosk(std::string_view kiosk, const protocol::Secret& secret) {
    std::lock_guard lock(mutex_);
    auto stmt = Statement::prepare(db_.get(),
                                   "INSERT INTO kiosks(id, secret, updated_ms) VALUES(?, ?, "
                                   "CAST(strftime('%s','now') AS INTEGER) * 1000) "
                                   "ON CONFLICT(id) DO UPDATE SET secret = excluded.secret, "
                                   "updated_ms = excluded.updated_ms");
    if (!stmt) return std::unexpected(stmt.error());
    return stmt->bind(1, kiosk).bind(2, protocol::to_hex(secret)).run();
}

std::expected<std::optional<protocol::Secret>, std::string> SqliteStore::kiosk_secret(std::string_view kiosk) {
    std::lock_guard lock(mutex_);
    auto stmt = cached("SELECT secret FROM kiosks WHERE id = ?");
    if (!stmt) return std::unexpected(stmt.error());
    (*stmt)->bind(1, kiosk);
    int rc = (*stmt)->step();
    if (rc == SQLITE_DONE) return std::optional<protocol::Secret>();
    if (rc != SQLITE_ROW) return std::unexpected((*stmt)->error());
    auto secret = protocol::secret_from_hex((*stmt)->text(0));
    if (!secret) return std::unexpected("stored secret of kiosk is corrupt");
    return secret;
}

std::expected<bool, std::string> SqliteStore::remember_nonce(std::string_view kiosk, std::string_view nonce,
                                                             std::int64_t timestamp_ms, std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    // A nonce lost to a power cut only reopens a replay of an idempotent request, so its
    // commit skips the fsync (WAL keeps it across a crash of the process itself). Records
    // keep synchronous=FULL.
    if (auto r = exec(db_.get(), "PRAGMA synchronous=NORMAL"); !r) return std::unexpected(r.error());
    auto fresh = remember_nonce_locked(kiosk, nonce, timestamp_ms, now_ms);
    if (auto r = exec(db_.get(), "PRAGMA synchronous=FULL"); !r) return std::unexpected(r.error());
    return fresh;
}

std::expected<bool, std::string> SqliteStore::remember_nonce_locked(std::string_view kiosk, std::string_view nonce,
                                                                    std::int64_t timestamp_ms, std::int64_t now_ms) {
    // Pruning once a minute keeps the table at a few minutes of traffic.
    if (now_ms - last_prune_ms_ > 60'000) {
        auto prune = cached("DELETE FROM nonces WHERE timestamp_ms < ?");
        if (!prune) return std::unexpected(prune.error());
        if (auto r = (*prune)->bind(1, now_ms - protocol::kSkewWindowMs).run(); !r) return std::unexpected(r.error());
        last_prune_ms_ = now_ms;
    }
    auto insert = cached("INSERT OR IGNORE INTO nonces(kiosk, nonce, timestamp_ms) VALUES(?, ?, ?)");
    if (!insert) return std::unexpected(insert.error());
    if (auto r = (*insert)->bind(1, kiosk).bind(2, nonce).bind(3, timestamp_ms).run(); !r)
        return std::unexpected(r.error());
    return sqlite3_changes(db_.get()) == 1;
}

std::expected<protocol::ItemVerdict, std::string> SqliteStore::ingest_one(const protocol::Record& record,
                                                                          std::string_view via, std::int64_t now_ms) {
    std::string canonical = canonical_text(record);
    auto insert = cached(R"sql(
INSERT OR IGNORE INTO records(id, kiosk, kind, reference, created_ms, received_ms, via, clear, sealed, canonical)
VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
    if (!insert) return std::unexpected(insert.error());
    auto& row = **insert;
    row.bind(1, record.id).bind(2, record.kiosk).bind(3, record.kind).bind(4, record.reference);
    row.bind(5, record.created_ms).bind(6, now_ms).bind(7, via);
    row.bind(8, protocol::dump_json(record.clear)).bind(9, record.sealed).bind(10, canonical);
    if (auto r = row.run(); !r) return std::unexpected(r.error());
    if (sqlite3_changes(db_.get()) == 1) return protocol::ItemVerdict{record.id, protocol::Outcome::accepted, {}};

    auto existing = cached("SELECT canonical FROM records WHERE id = ?");
    if (!existing) return std::unexpected(existing.error());
    (*existing)->bind(1, record.id);
    if ((*existing)->step() != SQLITE_ROW) return std::unexpected((*existing)->error());
    if ((*existing)->text(0) == canonical) return protocol::ItemVerdict{record.id, protocol::Outcome::duplicate, {}};
    // Same key, other content: a kiosk bug or an id collision; keeping the first and saying so
    // lets staff see it instead of silently losing either.
    return protocol::ItemVerdict{record.id, protocol::Outcome::rejected, "id already used by a different record"};
}

std::expected<std::vector<protocol::ItemVerdict>, std::string> SqliteStore::ingest(
    const std::vector<protocol::Record>& records, std::string_view via, std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    auto transaction = Transaction::begin(db_.get());
    if (!transaction) return std::unexpected(transaction.error());
    std::vector<protocol::ItemVerdict> verdicts;
    verdicts.reserve(records.size());
    for (const auto& record : records) {
        auto verdict = ingest_one(record, via, now_ms);
        if (!verdict) return std::unexpected(verdict.error());
        verdicts.push_back(std::move(*verdict));
    }
    if (auto committed = transaction->commit(); !committed) return std::unexpected(committed.error());
    return verdicts;
}

std::expected<std::vector<StoredRecord>, std::string> SqliteStore::records(
    std::optional<std::string_view> reference_or_id) {
    std::lock_guard lock(mutex_);
    std::string sql(kSelectRecords);
    sql += reference_or_id ? " WHERE r.reference = ?1 OR r.id = ?1" : "";
    sql += " ORDER BY r.created_ms, r.rowid";
    auto stmt = Statement::prepare(db_.get(), sql);
    if (!stmt) return std::unexpected(stmt.error());
    if (reference_or_id) stmt->bind(1, *reference_or_id);
    std::vector<StoredRecord> out;
    int rc = SQLITE_ROW;
    while ((rc = stmt->step()) == SQLITE_ROW) out.push_back(stored_record_from(*stmt));
    if (rc != SQLITE_DONE) return std::unexpected(stmt->error());
    return out;
}

std::expected<std::size_t, std::string> SqliteStore::record_count() {
    std::lock_guard lock(mutex_);
    auto stmt = Statement::prepare(db_.get(), "SELECT COUNT(*) FROM records");
    if (!stmt) return std::unexpected(stmt.error());
    if (stmt->step() != SQLITE_ROW) return std::unexpected(stmt->error());
    return static_cast<std::size_t>(stmt->int64(0));
}

std::expected<bool, std::string> SqliteStore::set_status(std::string_view reference, std::string_view status,
                                                         std::string_view note, std::int64_t now_ms,
                                                         std::optional<std::string_view> kiosk) {
    std::lock_guard lock(mutex_);
    auto issued = Statement::prepare(
        db_.get(), "SELECT DISTINCT kiosk FROM records WHERE reference = ? AND reference <> '' ORDER BY kiosk");
    if (!issued) return std::unexpected(issued.error());
    issued->bind(1, reference);
    std::vector<std::string> kiosks;
    int rc = SQLITE_ROW;
    while ((rc = issued->step()) == SQLITE_ROW) kiosks.push_back(issued->text(0));
    if (rc != SQLITE_DONE) return std::unexpected(issued->error());
    std::string owner;
    if (kiosk) {
        if (std::find(kiosks.begin(), kiosks.end(), *kiosk) == kiosks.end()) return false;
        owner = *kiosk;
    } else {
        if (kiosks.empty()) return false;
        if (kiosks.size() > 1) {
            std::string names;
            for (const auto& k : kiosks) names += (names.empty() ? "" : ", ") + k;
            return std::unexpected("reference " + std::string(reference) + " was issued by more than one kiosk (" +
                                   names + "); name one with --kiosk");
        }
        owner = kiosks.front();
    }
    auto upsert = Statement::prepare(db_.get(), R"sql(
INSERT INTO statuses(kiosk, reference, status, note, updated_ms, seq)
VALUES(?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM statuses))
ON CONFLICT(kiosk, reference) DO UPDATE SET status = excluded.status, note = excluded.note,
  updated_ms = excluded.updated_ms, seq = excluded.seq)sql");
    if (!upsert) return std::unexpected(upsert.error());
    if (auto r = upsert->bind(1, owner).bind(2, reference).bind(3, status).bind(4, note).bind(5, now_ms).run(); !r)
        return std::unexpected(r.error());
    return true;
}

std::expected<protocol::StatusPage, std::string> SqliteStore::statuses_since(std::string_view kiosk,
                                                                             std::int64_t cursor, std::size_t limit) {
    std::lock_guard lock(mutex_);
    auto stmt = Statement::prepare(db_.get(),
                                   "SELECT reference, status, note, updated_ms, seq FROM statuses "
                                   "WHERE kiosk = ? AND seq > ? ORDER BY seq LIMIT ?");
    if (!stmt) return std::unexpected(stmt.error());
    // One row more than asked tells whether another page follows.
    stmt->bind(1, kiosk).bind(2, cursor).bind(3, static_cast<std::int64_t>(limit) + 1);
    protocol::StatusPage page;
    std::int64_t last = cursor;
    int rc = SQLITE_ROW;
    while ((rc = stmt->step()) == SQLITE_ROW) {
        if (page.statuses.size() == limit) {
            page.more = true;
            break;
        }
        page.statuses.push_back({stmt->text(0), stmt->text(1), stmt->text(2), stmt->int64(3)});
        last = stmt->int64(4);
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return std::unexpected(stmt->error());
    page.cursor = std::to_string(last);
    return page;
}

}  // namespace kiosk_sync::hq
