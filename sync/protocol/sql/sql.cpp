// What every engine does alike: forwarding, run(), transactions, migrations, the statement
// cache. See sql.h; the engines are sqlite.cpp and postgresql.cpp.
#include "sync/protocol/sql/sql.h"

#include "sync/protocol/sql/engine.h"

namespace kiosk_sync::sql {

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::disk_full: return "disk_full";
    case ErrorKind::read_only: return "read_only";
    case ErrorKind::corrupt: return "corrupt";
    case ErrorKind::busy: return "busy";
    case ErrorKind::constraint: return "constraint";
    case ErrorKind::io: return "io";
    case ErrorKind::schema_too_new: return "schema_too_new";
    case ErrorKind::internal: return "internal";
    }
    return "internal";
}

// ---- Statement ---------------------------------------------------------------------

Statement::Statement() = default;
Statement::Statement(std::unique_ptr<detail::StatementEngine> engine) : engine_(std::move(engine)) {}
Statement::Statement(Statement&&) noexcept = default;
Statement& Statement::operator=(Statement&&) noexcept = default;
Statement::~Statement() = default;

Statement& Statement::bind(int index, std::string_view text) {
    engine_->bind_text(index, text);
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    engine_->bind_int64(index, value);
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::uint8_t> bytes) {
    engine_->bind_blob(index, bytes);
    return *this;
}

Statement& Statement::bind_null(int index) {
    engine_->bind_null(index);
    return *this;
}

Result<bool> Statement::step() { return engine_->step(); }

Result<> Statement::run() {
    for (;;) {
        Result<bool> row = step();
        if (!row) return std::unexpected(std::move(row.error()));
        if (!*row) return {};
    }
}

void Statement::reset() { engine_->reset(); }
std::string_view Statement::text(int column) const { return engine_->text(column); }
std::int64_t Statement::int64(int column) const { return engine_->int64(column); }
double Statement::real(int column) const { return engine_->real(column); }
bool Statement::is_null(int column) const { return engine_->is_null(column); }
std::span<const std::uint8_t> Statement::blob(int column) const { return engine_->blob(column); }

// ---- Connection --------------------------------------------------------------------

Connection::Connection(std::unique_ptr<detail::ConnectionEngine> engine) : engine_(std::move(engine)) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Engine Connection::engine() const { return engine_->engine(); }

Result<Statement> Connection::prepare(std::string_view sql) {
    auto prepared = engine_->prepare(sql);
    if (!prepared) return std::unexpected(std::move(prepared.error()));
    return Statement(std::move(*prepared));
}

Result<> Connection::exec(std::string_view sql) {
    Result<Statement> statement = prepare(sql);
    if (!statement) return std::unexpected(std::move(statement.error()));
    return statement->run();
}

Result<> Connection::exec_script(std::string_view sql) { return engine_->exec_script(sql); }

Result<std::int64_t> Connection::query_int(std::string_view sql) {
    Result<Statement> statement = prepare(sql);
    if (!statement) return std::unexpected(std::move(statement.error()));
    Result<bool> row = statement->step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::unexpected(Error{ErrorKind::internal, "no row: " + std::string(sql), 0});
    return statement->int64(0);
}

std::int64_t Connection::changes() const { return engine_->changes(); }
bool Connection::in_transaction() const { return engine_->in_transaction(); }
Result<> Connection::set_durable(bool durable) { return engine_->set_durable(durable); }

// ---- Transaction -------------------------------------------------------------------

Result<Transaction> Transaction::begin(Connection& db) {
    if (Result<> rc = db.engine_impl().begin(); !rc) return std::unexpected(std::move(rc.error()));
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }

Transaction::~Transaction() {
    // Engines roll some failures back by themselves (SQLite on SQLITE_FULL, SQLITE_IOERR…):
    // only roll back what is still open.
    if (db_ != nullptr && db_->in_transaction()) (void)db_->exec_script("ROLLBACK");
}

Result<> Transaction::commit() {
    if (Result<> rc = db_->engine_impl().commit(); !rc) return rc;
    db_ = nullptr;
    return {};
}

// ---- StatementCache ----------------------------------------------------------------

Result<StatementCache::Lease> StatementCache::get(Connection& db, const std::string& sql) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) {
        auto prepared = db.prepare(sql);
        if (!prepared) return std::unexpected(std::move(prepared.error()));
        it = statements_.emplace(sql, std::move(*prepared)).first;
    }
    return Lease(it->second);
}

// ---- migrations --------------------------------------------------------------------

Result<int> schema_version(Connection& db) { return db.engine_impl().schema_version(); }

namespace {

Error too_new(int version, int latest) {
    return Error{
        ErrorKind::schema_too_new,
        "database schema " + std::to_string(version) + " is newer than this program's " + std::to_string(latest), 0};
}

}  // namespace

Result<int> migrate(Connection& db, std::span<const Migration> steps) {
    detail::ConnectionEngine& engine = db.engine_impl();
    const int latest = steps.empty() ? 0 : steps.back().version;
    Result<int> version = engine.schema_version();
    if (!version) return std::unexpected(std::move(version.error()));
    if (*version > latest) return std::unexpected(too_new(*version, latest));
    if (*version == latest) return latest;
    Result<Transaction> tx = Transaction::begin(db);
    if (!tx) return std::unexpected(std::move(tx.error()));
    if (Result<> rc = engine.lock_schema(); !rc) return std::unexpected(std::move(rc.error()));
    // Another connection may have migrated while we waited for the lock.
    version = engine.schema_version();
    if (!version) return std::unexpected(std::move(version.error()));
    if (*version > latest) return std::unexpected(too_new(*version, latest));
    for (const Migration& step : steps) {
        if (step.version <= *version) continue;
        if (Result<> rc = engine.exec_script(step.sql); !rc) return std::unexpected(std::move(rc.error()));
        if (Result<> rc = engine.set_schema_version(step.version); !rc) return std::unexpected(std::move(rc.error()));
    }
    if (Result<> rc = tx->commit(); !rc) return std::unexpected(std::move(rc.error()));
    // A step may take text out of the clear. SQLite zeroes what it overwrites (secure_delete),
    // but the old page images stay in the main file until a checkpoint and old frames in the
    // WAL until it is truncated. Best effort: a reader holding the WAL only delays this.
    if (db.engine() == Engine::sqlite) {
        if (Result<> rc = engine.exec_script("PRAGMA wal_checkpoint(TRUNCATE)"); !rc)
            return std::unexpected(std::move(rc.error()));
    }
    return latest;
}

}  // namespace kiosk_sync::sql
