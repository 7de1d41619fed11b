// The SQLite engine: RAII over sqlite3 / sqlite3_stmt and result codes as sql::Error.
// See sqlite.h; the engine-neutral half is sql.cpp.
#include "sync/protocol/sql/sqlite.h"

#include <cerrno>

#include <sqlite3.h>

#include "sync/protocol/sql/engine.h"

namespace kiosk_sync::sql {
namespace {

ErrorKind kind_of(int code, int system_errno) {
    if (system_errno == ENOSPC || system_errno == EDQUOT) return ErrorKind::disk_full;
    if (system_errno == EROFS) return ErrorKind::read_only;
    switch (code & 0xFF) {
    case SQLITE_FULL: return ErrorKind::disk_full;
    case SQLITE_READONLY: return ErrorKind::read_only;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return ErrorKind::corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorKind::busy;
    case SQLITE_CONSTRAINT: return ErrorKind::constraint;
    case SQLITE_CANTOPEN: return system_errno == EACCES || system_errno == EPERM ? ErrorKind::read_only : ErrorKind::io;
    case SQLITE_IOERR:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
    case SQLITE_NOLFS:
    case SQLITE_PERM:
    case SQLITE_AUTH: return ErrorKind::io;
    default: return ErrorKind::internal;
    }
}

// `what` says which operation failed.
Error error_from(int code, std::string_view what, sqlite3* db) {
    const int system_errno = db != nullptr ? sqlite3_system_errno(db) : 0;
    std::string message(what);
    message += ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    // SQLite only records errno for I/O failures; a stale one must not recolour a constraint.
    const int primary = code & 0xFF;
    const bool io_like = primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_FULL;
    return {kind_of(code, io_like ? system_errno : 0), std::move(message), code};
}

struct Finalize {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

struct Close {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

class SqliteStatement final : public detail::StatementEngine {
public:
    SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

    void bind_text(int index, std::string_view text) override {
        // SQLITE_TRANSIENT: SQLite copies, so the caller's string may go away before step().
        // A default string_view has no data pointer, which SQLite would bind as NULL: bind "".
        const char* data = text.data() != nullptr ? text.data() : "";
        note(sqlite3_bind_text64(stmt_.get(), index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
    }
    void bind_int64(int index, std::int64_t value) override { note(sqlite3_bind_int64(stmt_.get(), index, value)); }
    void bind_blob(int index, std::span<const std::uint8_t> bytes) override {
        note(sqlite3_bind_blob64(stmt_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
    }
    void bind_null(int index) override { note(sqlite3_bind_null(stmt_.get(), index)); }

    Result<bool> step() override {
        if (bind_error_ != 0) return std::unexpected(error_from(bind_error_, "bind", db_));
        const int rc = sqlite3_step(stmt_.get());
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        return std::unexpected(error_from(rc, "step", db_));
    }

    void reset() override {
        sqlite3_reset(stmt_.get());
        sqlite3_clear_bindings(stmt_.get());
        bind_error_ = 0;
    }

    std::string_view text(int column) const override {
        const auto* data = sqlite3_column_text(stmt_.get(), column);
        const int size = sqlite3_column_bytes(stmt_.get(), column);
        if (data == nullptr) return {};
        return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
    }
    std::int64_t int64(int column) const override { return sqlite3_column_int64(stmt_.get(), column); }
    double real(int column) const override { return sqlite3_column_double(stmt_.get(), column); }
    bool is_null(int column) const override { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
    std::span<const std::uint8_t> blob(int column) const override {
        const void* data = sqlite3_column_blob(stmt_.get(), column);
        const int size = sqlite3_column_bytes(stmt_.get(), column);
        if (data == nullptr) return {};
        return {static_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)};
    }

private:
    void note(int rc) {
        if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
    }

    sqlite3* db_;
    std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
    int bind_error_ = 0;  // first failed bind, reported by step()
};

class SqliteConnection final : public detail::ConnectionEngine {
public:
    explicit SqliteConnection(std::unique_ptr<sqlite3, Close> db) : db_(std::move(db)) {}

    Engine engine() const override { return Engine::sqlite; }

    Result<std::unique_ptr<SqliteStatement>> prepare_sqlite(std::string_view sql) {
        sqlite3_stmt* stmt = nullptr;
        const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), 0, &stmt, nullptr);
        auto statement = std::make_unique<SqliteStatement>(db_.get(), stmt);  // owns stmt even on failure
        if (rc != SQLITE_OK) return std::unexpected(error_from(rc, "prepare", db_.get()));
        if (stmt == nullptr) return std::unexpected(Error{ErrorKind::internal, "prepare: no statement in the text", 0});
        return statement;
    }

    Result<std::unique_ptr<detail::StatementEngine>> prepare(std::string_view sql) override {
        auto statement = prepare_sqlite(sql);
        if (!statement) return std::unexpected(std::move(statement.error()));
        return std::move(*statement);
    }

    Result<> exec_script(std::string_view sql) override {
        const std::string text(sql);
        const int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) return std::unexpected(error_from(rc, "script", db_.get()));
        return {};
    }

    Result<> begin() override { return exec_script("BEGIN IMMEDIATE"); }
    Result<> commit() override { return exec_script("COMMIT"); }
    std::int64_t changes() const override { return sqlite3_changes64(db_.get()); }
    bool in_transaction() const override { return sqlite3_get_autocommit(db_.get()) == 0; }

    Result<> set_durable(bool durable) override {
        // FULL: in WAL mode, NORMAL would let a power cut take back a reported commit.
        return exec_script(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    }

    Result<> lock_schema() override { return {}; }  // BEGIN IMMEDIATE already holds the write lock

    Result<int> schema_version() override {
        auto statement = prepare_sqlite("PRAGMA user_version");
        if (!statement) return std::unexpected(std::move(statement.error()));
        Result<bool> row = (*statement)->step();
        if (!row) return std::unexpected(std::move(row.error()));
        return *row ? static_cast<int>((*statement)->int64(0)) : 0;
    }

    Result<> set_schema_version(int version) override {
        // user_version cannot be bound as a parameter; it is our own integer, not input.
        return exec_script("PRAGMA user_version = " + std::to_string(version));
    }

    sqlite3* handle() const { return db_.get(); }

private:
    std::unique_ptr<sqlite3, Close> db_;
};

Result<> configure(SqliteConnection& db, const SqliteOptions& options) {
    // The busy timeout first, so switching to WAL waits for a connection that is migrating.
    sqlite3_busy_timeout(db.handle(), static_cast<int>(options.busy_timeout.count()));
    auto wal = db.prepare_sqlite("PRAGMA journal_mode = WAL");
    if (!wal) return std::unexpected(std::move(wal.error()));
    Result<bool> row = (*wal)->step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row || (*wal)->text(0) != "wal")
        return std::unexpected(Error{ErrorKind::io, "the file system refused WAL journaling", 0});
    (*wal)->reset();
    if (auto done = db.set_durable(true); !done) return done;
    // secure_delete: what a statement deletes or overwrites is zeroed in the page, not left in
    // free space, so text taken out of the clear (a migration's scrub) is really gone.
    return db.exec_script("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON");
}

}  // namespace

Result<Connection> open_sqlite(const std::filesystem::path& file, const SqliteOptions& options) {
    // NOMUTEX: a connection belongs to one thread at a time (sql.h); EXRESCODE: extended codes.
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (options.create) flags |= SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    auto engine = std::make_unique<SqliteConnection>(std::unique_ptr<sqlite3, Close>(raw));  // owned even on failure
    if (rc != SQLITE_OK) return std::unexpected(error_from(rc, "open " + file.string(), raw));
    sqlite3_extended_result_codes(raw, 1);
    // SQLite falls back to read-only when the file is not writable: say so now, not at the
    // first commit.
    if (sqlite3_db_readonly(raw, "main") == 1)
        return std::unexpected(Error{ErrorKind::read_only, file.string() + " is read-only", 0});
    if (auto configured = configure(*engine, options); !configured) return std::unexpected(configured.error());
    return Connection(std::move(engine));
}

}  // namespace kiosk_sync::sql
