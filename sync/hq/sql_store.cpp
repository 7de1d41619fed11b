// The Store on the SQL layer; see sql_store.h. Every public call takes the mutex, so the one
// connection is never used by two threads at once.
#include "sync/hq/sql_store.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <set>
#include <span>

#include "sync/hq/sql_schema.h"
#include "sync/protocol/json_text.h"
#include "sync/protocol/record_schema.h"
#include "sync/protocol/sql/postgresql.h"
#include "sync/protocol/sql/sqlite.h"

namespace kiosk_sync::hq {

namespace {

std::unexpected<std::string> failed(const sql::Error& error) { return std::unexpected(error.message); }

constexpr std::string_view kSelectRecords = R"sql(
SELECT r.id, r.kind, r.reference, r.kiosk, r.created_ms, r.clear, r.sealed, r.received_ms, r.via,
       COALESCE(s.status, 'received'), COALESCE(s.note, '')
FROM records r LEFT JOIN statuses s ON s.kiosk = r.kiosk AND s.reference = r.reference AND r.reference <> ''
)sql";

// The record as HQ keeps it: its clear part without text that is sealed as well
// (record_schema.h, clear_to_keep).
protocol::Record as_kept(protocol::Record record) {
    record.clear = protocol::clear_to_keep(record.kind, std::move(record.clear));
    return record;
}

// The text a record is compared by when its id arrives again.
std::string canonical_text(const protocol::Record& record) { return protocol::dump_json(protocol::to_json(record)); }

// Whether a stored canonical text is the same record as `kept`. Equal text is the common
// case; otherwise both sides are compared as kept JSON values, since a schema migration
// rewrites stored texts with its engine's JSON functions (key order, spacing) and a row
// stored before clear_to_keep existed still holds the older clear part.
bool same_record(std::string_view stored, const protocol::Record& kept, const std::string& kept_text) {
    if (stored == kept_text) return true;
    auto json = protocol::parse_json(stored);
    if (!json) return false;
    auto record = protocol::record_from_json(*json);
    return record && protocol::to_json(as_kept(std::move(*record))) == protocol::to_json(kept);
}

StoredRecord stored_record_from(const sql::Statement& row) {
    StoredRecord stored;
    stored.record = record_head_from(row);
    stored.record.sealed = row.text(6);
    stored.received_ms = row.int64(7);
    stored.via = row.text(8);
    stored.status = row.text(9);
    stored.note = row.text(10);
    return stored;
}

// Whether `text` has an Arabic letter (U+0620–U+064A or U+066E–U+06D3), the rule schema
// version 4 used to split old notes; every such letter is two bytes in UTF-8.
bool has_arabic_letter(std::string_view text) {
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if (lead < 0xD8 || lead > 0xDB || (next & 0xC0) != 0x80) continue;
        const unsigned code = ((lead & 0x1Fu) << 6) | (next & 0x3Fu);
        if ((code >= 0x620 && code <= 0x64A) || (code >= 0x66E && code <= 0x6D3)) return true;
    }
    return false;
}

std::int64_t system_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

protocol::Record record_head_from(const sql::Statement& row) {
    protocol::Record record;
    record.id = row.text(0);
    record.kind = row.text(1);
    record.reference = row.text(2);
    record.kiosk = row.text(3);
    record.created_ms = row.int64(4);
    auto clear = protocol::parse_json(row.text(5), 64);
    if (clear && clear->is_object()) record.clear = std::move(*clear);
    return record;
}

std::expected<std::unique_ptr<SqlStore>, std::string> SqlStore::open(sql::Connection db) {
    if (auto version = sql::migrate(db, hq_migrations(db.engine())); !version)
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

// Records go in by chunks, one multi-row INSERT each: on PostgreSQL every statement is a round
// trip to the server, and a batch of 100 records in one costs about what one record did.
constexpr std::size_t kInsertChunk = 50;

std::expected<std::set<std::pair<std::string, std::string>>, std::string> SqlStore::insert_chunk(
    std::span<const protocol::Record> chunk, std::span<const std::string> canonicals, std::string_view via,
    std::int64_t now_ms) {
    std::string text =
        "INSERT INTO records(id, kiosk, kind, reference, created_ms, received_ms, via, clear, sealed, canonical) "
        "VALUES ";
    for (std::size_t i = 0; i < chunk.size(); ++i) text += i == 0 ? "(?,?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?,?)";
    text += " ON CONFLICT DO NOTHING RETURNING kiosk, id";
    auto insert = cached(text);
    if (!insert) return failed(insert.error());
    auto& rows = **insert;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
        const protocol::Record& record = chunk[i];
        const int n = static_cast<int>(i) * 10;  // ten columns a row
        rows.bind(n + 1, record.id).bind(n + 2, record.kiosk).bind(n + 3, record.kind).bind(n + 4, record.reference);
        rows.bind(n + 5, record.created_ms).bind(n + 6, now_ms).bind(n + 7, via);
        rows.bind(n + 8, protocol::dump_json(record.clear)).bind(n + 9, record.sealed).bind(n + 10, canonicals[i]);
    }
    std::set<std::pair<std::string, std::string>> inserted;
    for (;;) {
        auto row = rows.step();
        if (!row) return failed(row.error());
        if (!*row) return inserted;
        inserted.emplace(std::string(rows.text(0)), std::string(rows.text(1)));
    }
}

// A record whose (kiosk, id) was already there: the same content is a duplicate (a batch sent
// again after a lost reply), other content is rejected.
std::expected<protocol::ItemVerdict, std::string> SqlStore::verdict_on_existing(const protocol::Record& record,
                                                                                const std::string& canonical) {
    auto existing = cached("SELECT canonical FROM records WHERE kiosk = ? AND id = ?");
    if (!existing) return failed(existing.error());
    auto found = (*existing)->bind(1, record.kiosk).bind(2, record.id).step();
    if (!found) return failed(found.error());
    if (!*found) return std::unexpected("record " + record.id + " was neither stored nor found");
    if (same_record((*existing)->text(0), record, canonical))
        return protocol::ItemVerdict{record.id, protocol::Outcome::duplicate, {}};
    // Same key, other content: a kiosk bug or an id collision; keeping the first and saying so
    // lets staff see it instead of silently losing either.
    return protocol::ItemVerdict{record.id, protocol::Outcome::rejected, "id already used by a different record"};
}

std::expected<std::vector<protocol::ItemVerdict>, std::string> SqlStore::ingest(
    const std::vector<protocol::Record>& records, std::string_view via, std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    // What HQ keeps of each record (clear_to_keep), and the text it is compared by.
    std::vector<protocol::Record> kept;
    std::vector<std::string> canonicals;
    kept.reserve(records.size());
    canonicals.reserve(records.size());
    for (const auto& record : records) {
        kept.push_back(as_kept(record));
        canonicals.push_back(canonical_text(kept.back()));
    }
    std::vector<protocol::ItemVerdict> verdicts;
    verdicts.reserve(records.size());
    for (std::size_t start = 0; start < kept.size(); start += kInsertChunk) {
        const std::size_t count = std::min(kInsertChunk, kept.size() - start);
        const std::span<const protocol::Record> chunk(kept.data() + start, count);
        auto inserted =
            insert_chunk(chunk, std::span<const std::string>(canonicals.data() + start, count), via, now_ms);
        if (!inserted) return std::unexpected(inserted.error());
        for (std::size_t i = 0; i < count; ++i) {
            const protocol::Record& record = chunk[i];
            // The first of two equal keys in one batch is the one inserted; the second is judged
            // against it.
            if (inserted->erase({record.kiosk, record.id}) == 1) {
                verdicts.push_back(protocol::ItemVerdict{record.id, protocol::Outcome::accepted, {}});
                continue;
            }
            auto verdict = verdict_on_existing(record, canonicals[start + i]);
            if (!verdict) return std::unexpected(verdict.error());
            verdicts.push_back(std::move(*verdict));
        }
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

std::expected<void, std::string> SqlStore::lock_statuses() {
    // A kiosk reads statuses past the last sequence number it saw, so numbers must be taken
    // in commit order. SQLite's BEGIN IMMEDIATE already is that; PostgreSQL needs the lock.
    if (db_.engine() == sql::Engine::postgresql) {
        if (auto locked = db_.exec("LOCK TABLE statuses IN SHARE ROW EXCLUSIVE MODE"); !locked)
            return failed(locked.error());
    }
    return {};
}

std::expected<void, std::string> SqlStore::put_status(std::string_view kiosk, std::string_view reference,
                                                      const console::HistoryEntry& change) {
    // `note` is what kiosks older than the two languages show: the Arabic one when there is one.
    const std::string& note = change.note_ar.empty() ? change.note_en : change.note_ar;
    auto upsert = cached(R"sql(
INSERT INTO statuses(kiosk, reference, status, note, note_ar, note_en, updated_ms, seq)
VALUES(?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM statuses))
ON CONFLICT(kiosk, reference) DO UPDATE SET status = excluded.status, note = excluded.note,
  note_ar = excluded.note_ar, note_en = excluded.note_en, updated_ms = excluded.updated_ms, seq = excluded.seq)sql");
    if (!upsert) return failed(upsert.error());
    auto& row = **upsert;
    row.bind(1, kiosk).bind(2, reference).bind(3, change.state).bind(4, note);
    row.bind(5, change.note_ar).bind(6, change.note_en).bind(7, change.at_ms);
    if (auto r = row.run(); !r) return failed(r.error());
    return {};
}

std::expected<bool, std::string> SqlStore::change_state_locked(const console::RecordKey& key,
                                                               const console::HistoryEntry& change) {
    std::string reference;
    {
        auto found = cached("SELECT reference FROM records WHERE kiosk = ? AND id = ?");
        if (!found) return failed(found.error());
        auto row = (*found)->bind(1, key.kiosk).bind(2, key.id).step();
        if (!row) return failed(row.error());
        if (!*row) return false;
        reference = (*found)->text(0);
    }
    auto state = cached(R"sql(
INSERT INTO record_states(kiosk, id, state, changed_ms) VALUES(?, ?, ?, ?)
ON CONFLICT(kiosk, id) DO UPDATE SET state = excluded.state, changed_ms = excluded.changed_ms)sql");
    if (!state) return failed(state.error());
    if (auto r = (*state)->bind(1, key.kiosk).bind(2, key.id).bind(3, change.state).bind(4, change.at_ms).run(); !r)
        return failed(r.error());
    auto history = cached(
        "INSERT INTO record_history(kiosk, id, at_ms, actor, state, note_ar, note_en) VALUES(?, ?, ?, ?, ?, ?, ?)");
    if (!history) return failed(history.error());
    auto& entry = **history;
    entry.bind(1, key.kiosk).bind(2, key.id).bind(3, change.at_ms).bind(4, change.actor).bind(5, change.state);
    if (auto r = entry.bind(6, change.note_ar).bind(7, change.note_en).run(); !r) return failed(r.error());
    // Ratings carry no reference: nobody looks their state up at a kiosk.
    if (reference.empty()) return true;
    if (auto put = put_status(key.kiosk, reference, change); !put) return std::unexpected(put.error());
    return true;
}

std::expected<bool, std::string> SqlStore::set_status(std::string_view reference, std::string_view status,
                                                      std::string_view note, std::int64_t now_ms,
                                                      std::optional<std::string_view> kiosk) {
    std::lock_guard lock(mutex_);
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    if (auto locked = lock_statuses(); !locked) return std::unexpected(locked.error());
    auto owner = owner_of(reference, kiosk);
    if (!owner) return std::unexpected(owner.error());
    if (!*owner) return false;
    console::RecordKey key{**owner, {}};
    {
        auto id = cached("SELECT id FROM records WHERE kiosk = ? AND reference = ? ORDER BY seq LIMIT 1");
        if (!id) return failed(id.error());
        auto row = (*id)->bind(1, key.kiosk).bind(2, reference).step();
        if (!row) return failed(row.error());
        if (!*row) return false;
        key.id = (*id)->text(0);
    }
    // One note in an unknown language: it goes where its letters say.
    const bool arabic = has_arabic_letter(note);
    const console::HistoryEntry change{now_ms, "kiosk-hq", std::string(status), arabic ? std::string(note) : "",
                                       arabic ? "" : std::string(note)};
    auto changed = change_state_locked(key, change);
    if (!changed || !*changed) return changed;
    if (auto committed = transaction->commit(); !committed) return failed(committed.error());
    return true;
}

std::expected<protocol::StatusPage, std::string> SqlStore::statuses_since(std::string_view kiosk, std::int64_t cursor,
                                                                          std::size_t limit) {
    std::lock_guard lock(mutex_);
    auto stmt = db_.prepare(
        "SELECT reference, status, note, updated_ms, seq, note_ar, note_en FROM statuses "
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
        status.note_ar = stmt->text(5);
        status.note_en = stmt->text(6);
        status.updated_ms = stmt->int64(3);
        page.statuses.push_back(std::move(status));
        last = stmt->int64(4);
    }
    page.cursor = std::to_string(last);
    return page;
}

}  // namespace kiosk_sync::hq
