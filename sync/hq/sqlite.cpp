// The SQLite RAII wrappers; see sqlite.h.
#include "sync/hq/sqlite.h"

namespace kiosk_sync::hq {

std::expected<Db, std::string> open_db(const std::filesystem::path& path, bool create) {
    sqlite3* raw = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Db db(raw);  // owns the handle even when opening failed
    if (rc != SQLITE_OK)
        return std::unexpected("cannot open " + path.string() + ": " +
                               (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    sqlite3_busy_timeout(db.get(), 10000);
    auto pragmas = exec(db.get(), "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    if (!pragmas) return std::unexpected(pragmas.error());
    return db;
}

std::expected<void, std::string> exec(sqlite3* db, std::string_view sql) {
    char* message = nullptr;
    std::string text(sql);
    if (sqlite3_exec(db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string error = message ? message : sqlite3_errmsg(db);
        sqlite3_free(message);
        return std::unexpected(error);
    }
    return {};
}

std::expected<Statement, std::string> Statement::prepare(sqlite3* db, std::string_view sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
        sqlite3_finalize(raw);
        return std::unexpected(std::string("cannot prepare statement: ") + sqlite3_errmsg(db));
    }
    return Statement(raw);
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text64(stmt_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_.get(), index, value);
    return *this;
}

Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_.get(), index);
    return *this;
}

int Statement::step() { return sqlite3_step(stmt_.get()); }

std::expected<void, std::string> Statement::run() {
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) rc = step();
    if (rc != SQLITE_DONE) return std::unexpected(error());
    return {};
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::string Statement::text(int column) const {
    const auto* bytes = sqlite3_column_text(stmt_.get(), column);
    if (bytes == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(bytes),
                       static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column)));
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_.get(), column); }

bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

std::string Statement::error() const { return sqlite3_errmsg(sqlite3_db_handle(stmt_.get())); }

std::expected<StatementCache::Lease, std::string> StatementCache::get(sqlite3* db, const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        auto prepared = Statement::prepare(db, sql);
        if (!prepared) return std::unexpected(prepared.error());
        it = statements_.emplace(sql, std::move(*prepared)).first;
    }
    return Lease(it->second);
}

std::expected<Transaction, std::string> Transaction::begin(sqlite3* db) {
    if (auto r = exec(db, "BEGIN IMMEDIATE"); !r) return std::unexpected(r.error());
    return Transaction(db);
}

Transaction::~Transaction() {
    if (db_ != nullptr) exec(db_, "ROLLBACK");
}

std::expected<void, std::string> Transaction::commit() {
    auto r = exec(db_, "COMMIT");
    if (r) db_ = nullptr;
    return r;
}

}  // namespace kiosk_sync::hq
