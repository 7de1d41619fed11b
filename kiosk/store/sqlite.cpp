// RAII over sqlite3 / sqlite3_stmt and result-code mapping; see sqlite.h.
#include "kiosk/store/sqlite.h"

#include <cerrno>

#include <sqlite3.h>

namespace kiosk::store::sql {
namespace {

StoreErrorKind kind_of(int code, int system_errno) {
    if (system_errno == ENOSPC || system_errno == EDQUOT) return StoreErrorKind::disk_full;
    if (system_errno == EROFS) return StoreErrorKind::read_only;
    switch (code & 0xFF) {
    case SQLITE_FULL: return StoreErrorKind::disk_full;
    case SQLITE_READONLY: return StoreErrorKind::read_only;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return StoreErrorKind::corrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreErrorKind::busy;
    case SQLITE_CANTOPEN:
        return system_errno == EACCES || system_errno == EPERM ? StoreErrorKind::read_only : StoreErrorKind::io;
    case SQLITE_IOERR:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
    case SQLITE_NOLFS:
    case SQLITE_PERM:
    case SQLITE_AUTH: return StoreErrorKind::io;
    default: return StoreErrorKind::internal;
    }
}

}  // namespace

StoreError error_from(int code, std::string_view what, sqlite3* db) {
    const int system_errno = db != nullptr ? sqlite3_system_errno(db) : 0;
    std::string detail(what);
    detail += ": ";
    detail += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    // SQLite only records errno for I/O failures; a stale one must not recolour a constraint.
    const int primary = code & 0xFF;
    const bool io_like = primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_FULL;
    return {kind_of(code, io_like ? system_errno : 0), std::move(detail), code};
}

// ---- Statement ---------------------------------------------------------------------

void Statement::Finalize::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

Statement& Statement::bind(int index, std::string_view text) {
    // SQLITE_TRANSIENT: SQLite copies, so the caller's string may go away before step().
    // A default string_view has no data pointer, which SQLite would bind as NULL: bind "".
    const char* data = text.data() != nullptr ? text.data() : "";
    const int rc = sqlite3_bind_text64(stmt_.get(), index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_.get(), index, value);
    if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> bytes) {
    const int rc = sqlite3_bind_blob64(stmt_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
    return *this;
}

Statement& Statement::bind_null(int index) {
    const int rc = sqlite3_bind_null(stmt_.get(), index);
    if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
    return *this;
}

Result<bool> Statement::step() {
    if (bind_error_ != 0) return std::unexpected(error_from(bind_error_, "bind", db_));
    const int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return std::unexpected(error_from(rc, "step", db_));
}

Result<> Statement::run() {
    for (;;) {
        Result<bool> row = step();
        if (!row) return std::unexpected(std::move(row.error()));
        if (!*row) return {};
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
    bind_error_ = 0;
}

std::string_view Statement::text(int column) const {
    const auto* data = sqlite3_column_text(stmt_.get(), column);
    const int size = sqlite3_column_bytes(stmt_.get(), column);
    if (data == nullptr) return {};
    return {reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)};
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_.get(), column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

std::span<const std::uint8_t> Statement::blob(int column) const {
    const void* data = sqlite3_column_blob(stmt_.get(), column);
    const int size = sqlite3_column_bytes(stmt_.get(), column);
    if (data == nullptr) return {};
    return {static_cast<const std::uint8_t*>(data), static_cast<std::size_t>(size)};
}

// ---- Database ----------------------------------------------------------------------

void Database::Close::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

Result<Database> Database::open(const std::filesystem::path& file, Mode mode) {
    // NOMUTEX: a connection belongs to one thread at a time (store.h); EXRESCODE: extended codes.
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (mode == Mode::read_write_create) flags |= SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    Database db;
    db.db_.reset(raw);  // owned even on failure: sqlite3_open_v2 may allocate a handle
    if (rc != SQLITE_OK) return std::unexpected(error_from(rc, "open " + file.string(), raw));
    sqlite3_extended_result_codes(raw, 1);
    return db;
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), 0, &stmt, nullptr);
    Statement statement(db_.get(), stmt);
    if (rc != SQLITE_OK) return std::unexpected(error_from(rc, "prepare", db_.get()));
    return statement;
}

Result<> Database::exec(std::string_view sql) {
    Result<Statement> statement = prepare(sql);
    if (!statement) return std::unexpected(std::move(statement.error()));
    return statement->run();
}

Result<> Database::exec_script(const std::string& sql) {
    const int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return std::unexpected(error_from(rc, "script", db_.get()));
    return {};
}

Result<std::int64_t> Database::query_int(std::string_view sql) {
    Result<Statement> statement = prepare(sql);
    if (!statement) return std::unexpected(std::move(statement.error()));
    Result<bool> row = statement->step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::unexpected(StoreError{StoreErrorKind::internal, "no row: " + std::string(sql), 0});
    return statement->int64(0);
}

std::int64_t Database::changes() const { return sqlite3_changes64(db_.get()); }
bool Database::in_transaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

// ---- Transaction -------------------------------------------------------------------

Result<Transaction> Transaction::begin(Database& db) {
    if (Result<> rc = db.exec("BEGIN IMMEDIATE"); !rc) return std::unexpected(std::move(rc.error()));
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

Transaction::~Transaction() {
    // SQLite rolls some failures back by itself (SQLITE_FULL, SQLITE_IOERR…): only roll back
    // what is still open.
    if (db_ != nullptr && db_->in_transaction()) (void)db_->exec("ROLLBACK");
}

Result<> Transaction::commit() {
    if (Result<> rc = db_->exec("COMMIT"); !rc) return rc;
    db_ = nullptr;
    return {};
}

}  // namespace kiosk::store::sql
