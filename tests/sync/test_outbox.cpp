// The tests' SQLite outbox; see test_outbox.h. Test code: a failed SQL step fails loudly
// through the returned error, and add() aborts the test process if it cannot commit.
#include "tests/sync/test_outbox.h"

#include <cstdio>
#include <cstdlib>

namespace kiosk_sync::testkit {

namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE NOT NULL,
  body TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'queued', reason TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS statuses(reference TEXT PRIMARY KEY, status TEXT NOT NULL, note TEXT NOT NULL,
  updated_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
)sql";

std::expected<void, std::string> set_meta(sqlite3* db, const std::string& key, const std::string& value) {
    auto stmt = hq::Statement::prepare(db,
                                       "INSERT INTO meta(key, value) VALUES(?, ?) "
                                       "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt) return std::unexpected(stmt.error());
    return stmt->bind(1, key).bind(2, value).run();
}

}  // namespace

std::unique_ptr<TestOutbox> TestOutbox::open(const std::filesystem::path& path) {
    auto db = hq::open_db(path, true);
    if (!db) {
        std::fprintf(stderr, "test outbox: %s\n", db.error().c_str());
        std::abort();
    }
    if (auto schema = hq::exec(db->get(), kSchema); !schema) {
        std::fprintf(stderr, "test outbox: %s\n", schema.error().c_str());
        std::abort();
    }
    return std::unique_ptr<TestOutbox>(new TestOutbox(std::move(*db)));
}

client::OutboxFactory TestOutbox::factory(const std::filesystem::path& path) {
    return [path]() -> std::expected<std::unique_ptr<client::Outbox>, std::string> { return open(path); };
}

void TestOutbox::add(const std::string& id, const std::string& record_json) {
    auto stmt = hq::Statement::prepare(db_.get(), "INSERT INTO outbox(id, body) VALUES(?, ?)");
    if (!stmt || !stmt->bind(1, id).bind(2, record_json).run()) {
        std::fprintf(stderr, "test outbox: cannot add %s: %s\n", id.c_str(), sqlite3_errmsg(db_.get()));
        std::abort();
    }
}

std::expected<std::vector<client::OutboxItem>, std::string> TestOutbox::next_batch(std::size_t max_records,
                                                                                   std::size_t max_bytes) {
    auto stmt = hq::Statement::prepare(db_.get(), "SELECT id, body FROM outbox WHERE state = 'queued' ORDER BY seq");
    if (!stmt) return std::unexpected(stmt.error());
    std::vector<client::OutboxItem> items;
    std::size_t bytes = 0;
    int rc = SQLITE_ROW;
    while (items.size() < max_records && (rc = stmt->step()) == SQLITE_ROW) {
        auto body = stmt->text(1);
        if (!items.empty() && bytes + body.size() > max_bytes) break;
        bytes += body.size();
        items.push_back({stmt->text(0), std::move(body)});
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return std::unexpected(stmt->error());
    return items;
}

std::expected<void, std::string> TestOutbox::mark(const std::vector<protocol::ItemVerdict>& verdicts) {
    // A lost mark only means a resend that HQ answers "duplicate": no fsync needed.
    hq::exec(db_.get(), "PRAGMA synchronous=NORMAL");
    auto result = mark_locked(verdicts);
    hq::exec(db_.get(), "PRAGMA synchronous=FULL");
    return result;
}

std::expected<void, std::string> TestOutbox::mark_locked(const std::vector<protocol::ItemVerdict>& verdicts) {
    auto transaction = hq::Transaction::begin(db_.get());
    if (!transaction) return std::unexpected(transaction.error());
    auto stmt =
        hq::Statement::prepare(db_.get(), "UPDATE outbox SET state = ?, reason = ? WHERE id = ? AND state = 'queued'");
    if (!stmt) return std::unexpected(stmt.error());
    for (const auto& v : verdicts) {
        stmt->reset();
        const char* state = v.outcome == protocol::Outcome::rejected ? "rejected" : "sent";
        if (auto r = stmt->bind(1, state).bind(2, v.reason).bind(3, v.id).run(); !r) return r;
    }
    return transaction->commit();
}

std::expected<client::OutboxCounts, std::string> TestOutbox::counts() {
    auto stmt = hq::Statement::prepare(db_.get(),
                                       "SELECT COALESCE(SUM(state = 'queued'), 0), "
                                       "COALESCE(SUM(state = 'rejected'), 0) FROM outbox");
    if (!stmt) return std::unexpected(stmt.error());
    if (stmt->step() != SQLITE_ROW) return std::unexpected(stmt->error());
    return client::OutboxCounts{static_cast<std::size_t>(stmt->int64(0)), static_cast<std::size_t>(stmt->int64(1))};
}

std::string TestOutbox::meta(const std::string& key) {
    auto stmt = hq::Statement::prepare(db_.get(), "SELECT value FROM meta WHERE key = ?");
    if (!stmt) return {};
    stmt->bind(1, key);
    return stmt->step() == SQLITE_ROW ? stmt->text(0) : std::string();
}

std::expected<std::optional<std::string>, std::string> TestOutbox::status_cursor() {
    auto cursor = meta("status_cursor");
    return cursor.empty() ? std::nullopt : std::optional<std::string>(cursor);
}

std::expected<void, std::string> TestOutbox::upsert_statuses(const std::vector<protocol::RequestStatus>& statuses,
                                                             const std::string& cursor) {
    auto transaction = hq::Transaction::begin(db_.get());
    if (!transaction) return std::unexpected(transaction.error());
    auto stmt = hq::Statement::prepare(db_.get(),
                                       "INSERT INTO statuses(reference, status, note, updated_ms) VALUES(?, ?, ?, ?) "
                                       "ON CONFLICT(reference) DO UPDATE SET status = excluded.status, "
                                       "note = excluded.note, updated_ms = excluded.updated_ms");
    if (!stmt) return std::unexpected(stmt.error());
    for (const auto& s : statuses) {
        stmt->reset();
        if (auto r = stmt->bind(1, s.reference).bind(2, s.status).bind(3, s.note).bind(4, s.updated_ms).run(); !r)
            return r;
    }
    if (auto r = set_meta(db_.get(), "status_cursor", cursor); !r) return r;
    return transaction->commit();
}

std::expected<std::optional<std::string>, std::string> TestOutbox::content_etag() {
    auto etag = meta("content_etag");
    return etag.empty() ? std::nullopt : std::optional<std::string>(etag);
}

std::expected<void, std::string> TestOutbox::store_content(const std::string& etag, const std::string& body) {
    auto transaction = hq::Transaction::begin(db_.get());
    if (!transaction) return std::unexpected(transaction.error());
    if (auto r = set_meta(db_.get(), "content_etag", etag); !r) return r;
    if (auto r = set_meta(db_.get(), "content_body", body); !r) return r;
    auto writes = meta("content_writes");
    if (auto r = set_meta(db_.get(), "content_writes", std::to_string(writes.empty() ? 1 : std::stoi(writes) + 1)); !r)
        return r;
    return transaction->commit();
}

std::vector<std::string> TestOutbox::ids_in_state(const std::string& state) {
    std::vector<std::string> ids;
    auto stmt = hq::Statement::prepare(db_.get(), "SELECT id FROM outbox WHERE state = ? ORDER BY seq");
    if (!stmt) return ids;
    stmt->bind(1, state);
    while (stmt->step() == SQLITE_ROW) ids.push_back(stmt->text(0));
    return ids;
}

std::string TestOutbox::reason_of(const std::string& id) {
    auto stmt = hq::Statement::prepare(db_.get(), "SELECT reason FROM outbox WHERE id = ?");
    if (!stmt) return {};
    stmt->bind(1, id);
    return stmt->step() == SQLITE_ROW ? stmt->text(0) : std::string();
}

std::string TestOutbox::status_of(const std::string& reference) {
    auto stmt = hq::Statement::prepare(db_.get(), "SELECT status FROM statuses WHERE reference = ?");
    if (!stmt) return {};
    stmt->bind(1, reference);
    return stmt->step() == SQLITE_ROW ? stmt->text(0) : std::string();
}

std::string TestOutbox::content_body() { return meta("content_body"); }

int TestOutbox::content_writes() {
    auto writes = meta("content_writes");
    return writes.empty() ? 0 : std::stoi(writes);
}

}  // namespace kiosk_sync::testkit
