// sync/protocol/sql/sql.h — the one SQL layer under the kiosk's store and HQ's store.
// For: a connection, prepared statements with positional parameters and typed reads, a
// transaction guard, numbered migrations, and errors as values that read the same whatever
// the engine. Engines: SQLite (sqlite.h, library sync_sql) and PostgreSQL (postgresql.h,
// library sync_sql_pg, linked by HQ only). Not for: any schema or meaning of rows, or
// choosing an engine (whoever opens a Connection chooses).
//
// Types
//   Error, Result<T>   what failed as a kind both engines map to, the engine's message and code
//   Connection         one session with one database, used by one thread at a time
//   Statement          prepared on a Connection; must not outlive it
//   Transaction        BEGIN on creation, ROLLBACK on destruction unless commit() succeeded
//   StatementCache     statements kept prepared for a connection's lifetime, leased per use
//   Migration, migrate numbered schema steps; every pending step applied in ONE transaction
//
// SQL text is written once for both engines where the dialects agree: parameters are `?`
// (the next one) or `?N` (the N-th, 1-based), as SQLite reads them; the PostgreSQL engine
// rewrites them to `$N` outside quotes and comments. A parameter has the type of what was
// bound (text, integer, blob): compare it with a column of that type, as PostgreSQL will not
// compare text with an integer. Where dialects differ (pragmas, types in DDL) the caller asks
// engine() and writes both.
#pragma once

#include <cstdint>
#include <expected>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace kiosk_sync::sql {

enum class Engine { sqlite, postgresql };

enum class ErrorKind {
    disk_full,       // the disk, a quota or a configured size cap is full
    read_only,       // the database or its directory cannot be written
    corrupt,         // not a database, or damaged
    busy,            // a lock held by another connection past the busy timeout
    constraint,      // a unique key, check or foreign key refused the change
    io,              // any other operating-system, disk or network failure
    schema_too_new,  // migrate(): the database is ahead of the steps this program knows
    internal,        // misuse of the engine: bad SQL, a wrong column, a bug
};

struct Error {
    ErrorKind kind = ErrorKind::internal;
    std::string message;  // English, for logs and operators: what was done and the engine's words
    int code = 0;         // SQLite's extended result code; 0 for PostgreSQL (its SQLSTATE is in message)
};

template <class T = void>
using Result = std::expected<T, Error>;

std::string_view to_string(ErrorKind kind);

namespace detail {
class StatementEngine;
class ConnectionEngine;
}  // namespace detail

class Statement {
public:
    Statement();
    explicit Statement(std::unique_ptr<detail::StatementEngine> engine);
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    ~Statement();

    // 1-based parameter indexes. A parameter never bound is NULL. A failed bind is reported
    // by the next step().
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind_blob(int index, std::span<const std::uint8_t> bytes);
    Statement& bind_null(int index);

    // true: a row is ready; false: no more rows.
    Result<bool> step();
    // Runs to completion; for statements that return no rows.
    Result<> run();
    // Ready to run again; bindings are cleared.
    void reset();

    // Reads of the current row; 0-based columns. Views are valid until the next step or reset.
    std::string_view text(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    bool is_null(int column) const;
    std::span<const std::uint8_t> blob(int column) const;

private:
    std::unique_ptr<detail::StatementEngine> engine_;
};

class Connection {
public:
    explicit Connection(std::unique_ptr<detail::ConnectionEngine> engine);
    Connection(Connection&&) noexcept;
    Connection& operator=(Connection&&) noexcept;
    ~Connection();

    Engine engine() const;
    Result<Statement> prepare(std::string_view sql);
    // One statement without parameters.
    Result<> exec(std::string_view sql);
    // Several parameterless statements separated by ';' (schemas, migrations).
    Result<> exec_script(std::string_view sql);
    // The first column of the first row, as an integer.
    Result<std::int64_t> query_int(std::string_view sql);
    // Rows changed by the last INSERT, UPDATE or DELETE run on this connection.
    std::int64_t changes() const;
    bool in_transaction() const;
    // Whether a commit waits until the disk has it (the default). Off only for writes whose
    // loss in a power cut costs nothing but a resend; a crash of the process loses nothing.
    Result<> set_durable(bool durable);

    detail::ConnectionEngine& engine_impl() { return *engine_; }

private:
    std::unique_ptr<detail::ConnectionEngine> engine_;
};

// Takes the write lock at BEGIN on SQLite (BEGIN IMMEDIATE: two writers never deadlock
// upgrading a read lock). Rolls back on destruction unless commit() succeeded; a commit that
// fails (the engine already rolled back) is an error, never a silent loss.
class Transaction {
public:
    static Result<Transaction> begin(Connection& db);
    Transaction(Transaction&& other) noexcept;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Result<> commit();

private:
    explicit Transaction(Connection& db) : db_(&db) {}
    Connection* db_;
};

// Prepared statements kept for a connection's lifetime. A lease resets its statement when it
// goes away, so a half-read SELECT never keeps a read snapshot (SQLite's WAL) pinned or a
// result (PostgreSQL) in flight.
class StatementCache {
public:
    class Lease {
    public:
        explicit Lease(Statement& statement) : statement_(&statement) {}
        Lease(Lease&& other) noexcept : statement_(other.statement_) { other.statement_ = nullptr; }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;
        ~Lease() {
            if (statement_ != nullptr) statement_->reset();
        }
        Statement* operator->() const { return statement_; }
        Statement& operator*() const { return *statement_; }

    private:
        Statement* statement_;
    };

    Result<Lease> get(Connection& db, const std::string& sql);
    void clear() { statements_.clear(); }

private:
    std::map<std::string, Statement> statements_;
};

struct Migration {
    int version;           // the schema version after this step; steps ascend
    std::string_view sql;  // parameterless statements
};

// Applies every step newer than the database's schema version in one transaction (a failure
// leaves the database as it was) and records the version. Returns the resulting version;
// schema_too_new when the database is ahead of `steps`. Where the version lives is the
// engine's business (SQLite: PRAGMA user_version; PostgreSQL: a one-row table). Safe when
// several processes open the same database at once: one migrates, the others wait and see.
// On SQLite an upgrade ends with a checkpoint that empties the WAL, so no copy of what a step
// removed is left in an old page or frame.
Result<int> migrate(Connection& db, std::span<const Migration> steps);
// The database's schema version (0: never migrated).
Result<int> schema_version(Connection& db);

}  // namespace kiosk_sync::sql
