// The tests' SQLite outbox; see test_outbox.h. Test code: a failed SQL step fails loudly
// through the returned error, and add() aborts the test process if it cannot commit.
#include "tests/sync/test_outbox.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "sync/protocol/sql/sqlite.h"

namespace kiosk_sync::testkit {

namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
  body TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'queued', reason TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS statuses(reference TEXT PRIMARY KEY, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql";

std::unexpected<std::string> failed(const sql::Error& error) { return std::unexpected(error.message); }

std::expected<void, std::string> set_meta(sql::Connection& db, const std::string& key, const std::string& value) {
    auto stmt = db.prepare(
        "INSERT INTO meta(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt) return failed(stmt.error());
    if (auto r = stmt->bind(1, key).bind(2, value).run(); !r) return failed(r.error());
    return {};
}

// Every string column of a query's rows; empty on any error (assertions read these).
std::vector<std::string> column_of(sql::Connection& db, std::string_view query, const std::string& parameter) {
    std::vector<std::string> out;
    auto stmt = db.prepare(query);
    if (!stmt) return out;
    stmt->bind(1, parameter);
    for (auto row = stmt->step(); row && *row; row = stmt->step()) out.emplace_back(stmt->text(0));
    return out;
}

std::string first_of(sql::Connection& db, std::string_view query, const std::string& parameter) {
    auto column = column_of(db, query, parameter);
    return column.empty() ? std::string() : column.front();
}

}  // namespace

std::unique_ptr<TestOutbox> TestOutbox::open(const std::filesystem::path& path) {
    auto db = sql::open_sqlite(path, {.create = true, .busy_timeout = std::chrono::seconds(10)});
    if (!db) {
        std::fprintf(stderr, "test outbox: %s\n", db.error().message.c_str());
        std::abort();
    }
    if (auto schema = db->exec_script(kSchema); !schema) {
        std::fprintf(stderr, "test outbox: %s\n", schema.error().message.c_str());
        std::abort();
    }
    return std::unique_ptr<TestOutbox>(new TestOutbox(std::move(*db)));
}

client::OutboxFactory TestOutbox::factory(const std::filesystem::path& path) {
    return [path]() -> std::expected<std::unique_ptr<client::Outbox>, std::string> { return open(path); };
}

void TestOutbox::add(const std::string& id, const std::string& record_json) {
    auto stmt = db_.prepare("INSERT INTO outbox(id, body) VALUES(?, ?)");
    auto done = stmt ? stmt->bind(1, id).bind(2, record_json).run() : std::unexpected(stmt.error());
    if (!done) {
        std::fprintf(stderr, "test outbox: cannot add %s: %s\n", id.c_str(), done.error().message.c_str());
        std::abort();
    }
}

std::expected<std::vector<client::OutboxItem>, std::string> TestOutbox::next_batch(std::size_t max_records,
                                                                                   std::size_t max_bytes) {
    auto stmt = db_.prepare("SELECT id, body FROM outbox WHERE state = 'queued' ORDER BY seq");
    if (!stmt) return failed(stmt.error());
    std::vector<client::OutboxItem> items;
    std::size_t bytes = 0;
    while (items.size() < max_records) {
        auto row = stmt->step();
        if (!row) return failed(row.error());
        if (!*row) break;
        std::string body(stmt->text(1));
        if (!items.empty() && bytes + body.size() > max_bytes) break;
        bytes += body.size();
        items.push_back({std::string(stmt->text(0)), std::move(body)});
    }
    return items;
}

std::expected<void, std::string> TestOutbox::mark(const std::vector<protocol::ItemVerdict>& verdicts) {
    // A lost mark only means a resend that HQ answers "duplicate": no flush needed.
    (void)db_.set_durable(false);
    auto result = mark_locked(verdicts);
    (void)db_.set_durable(true);
    return result;
}

std::expected<void, std::string> TestOutbox::mark_locked(const std::vector<protocol::ItemVerdict>& verdicts) {
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    auto stmt = db_.prepare("UPDATE outbox SET state = ?, reason = ? WHERE id = ? AND state = 'queued'");
    if (!stmt) return failed(stmt.error());
    for (const auto& v : verdicts) {
        stmt->reset();
        const char* state = v.outcome == protocol::Outcome::rejected ? "rejected" : "sent";
        if (auto r = stmt->bind(1, state).bind(2, v.reason).bind(3, v.id).run(); !r) return failed(r.error());
    }
    if (auto r = transaction->commit(); !r) return failed(r.error());
    return {};
}

std::expected<client::OutboxCounts, std::string> TestOutbox::counts() {
    auto stmt = db_.prepare(
        "SELECT COALESCE(SUM(state = 'queued'), 0), "
        "COALESCE(SUM(state = 'rejected'), 0) FROM outbox");
    if (!stmt) return failed(stmt.error());
    auto row = stmt->step();
    if (!row) return failed(row.error());
    return client::OutboxCounts{static_cast<std::size_t>(stmt->int64(0)), static_cast<std::size_t>(stmt->int64(1))};
}

std::string TestOutbox::meta(const std::string& key) {
    return first_of(db_, "SELECT value FROM meta WHERE key = ?", key);
}

std::expected<std::optional<std::string>, std::string> TestOutbox::status_cursor() {
    auto cursor = meta("status_cursor");
    return cursor.empty() ? std::nullopt : std::optional<std::string>(cursor);
}

std::expected<void, std::string> TestOutbox::upsert_statuses(const std::vector<protocol::RequestStatus>& statuses,
                                                             const std::string& cursor) {
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    auto stmt = db_.prepare(
        "INSERT INTO statuses(reference, status, note, updated_ms) VALUES(?, ?, ?, ?) "
        "ON CONFLICT(reference) DO UPDATE SET status = excluded.status, "
        "note = excluded.note, updated_ms = excluded.updated_ms");
    if (!stmt) return failed(stmt.error());
    for (const auto& s : statuses) {
        stmt->reset();
        if (auto r = stmt->bind(1, s.reference).bind(2, s.status).bind(3, s.note).bind(4, s.updated_ms).run(); !r)
            return failed(r.error());
    }
    if (auto r = set_meta(db_, "status_cursor", cursor); !r) return r;
    if (auto r = transaction->commit(); !r) return failed(r.error());
    return {};
}

std::expected<std::optional<std::string>, std::string> TestOutbox::content_etag() {
    auto etag = meta("content_etag");
    return etag.empty() ? std::nullopt : std::optional<std::string>(etag);
}

std::expected<void, std::string> TestOutbox::store_content(const std::string& etag, const std::string& body) {
    auto transaction = sql::Transaction::begin(db_);
    if (!transaction) return failed(transaction.error());
    if (auto r = set_meta(db_, "content_etag", etag); !r) return r;
    if (auto r = set_meta(db_, "content_body", body); !r) return r;
    auto writes = meta("content_writes");
    if (auto r = set_meta(db_, "content_writes", std::to_string(writes.empty() ? 1 : std::stoi(writes) + 1)); !r)
        return r;
    if (auto r = transaction->commit(); !r) return failed(r.error());
    return {};
}

std::vector<std::string> TestOutbox::ids_in_state(const std::string& state) {
    return column_of(db_, "SELECT id FROM outbox WHERE state = ? ORDER BY seq", state);
}

std::string TestOutbox::reason_of(const std::string& id) {
    return first_of(db_, "SELECT reason FROM outbox WHERE id = ?", id);
}

std::string TestOutbox::status_of(const std::string& reference) {
    return first_of(db_, "SELECT status FROM statuses WHERE reference = ?", reference);
}

std::string TestOutbox::content_body() { return meta("content_body"); }

int TestOutbox::content_writes() {
    auto writes = meta("content_writes");
    return writes.empty() ? 0 : std::stoi(writes);
}

}  // namespace kiosk_sync::testkit
