// kiosk/store/sqlite.h — the thin RAII layer over SQLite's C API that the store is built on.
// For: owning sqlite3 and sqlite3_stmt handles, binding and reading with string_view and
// spans, mapping result codes to StoreError, and a transaction guard that rolls back unless
// committed. Not for: SQL of the kiosk's schema (schema.cpp, store*.cpp) or callers outside
// kiosk/store. Every statement is prepared; values are only ever bound, never spliced.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "kiosk/store/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::store::sql {

template <class T = void>
using Result = std::expected<T, StoreError>;

// StoreError for a SQLite result code; `what` says which operation failed.
StoreError error_from(int code, std::string_view what, sqlite3* db = nullptr);

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, sqlite3_stmt* stmt);

    // 1-based parameter indexes, as in SQLite.
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind_blob(int index, std::span<const std::uint8_t> bytes);
    Statement& bind_null(int index);

    // true: a row is ready; false: done.
    Result<bool> step();
    // Runs to completion; for INSERT/UPDATE/DELETE.
    Result<> run();
    // Ready to run again with new bindings.
    void reset();

    std::string_view text(int column) const;  // valid until the next step
    std::int64_t int64(int column) const;
    double real(int column) const;
    bool is_null(int column) const;
    std::span<const std::uint8_t> blob(int column) const;

private:
    struct Finalize {
        void operator()(sqlite3_stmt* stmt) const;
    };
    sqlite3* db_ = nullptr;
    std::unique_ptr<sqlite3_stmt, Finalize> stmt_;
    int bind_error_ = 0;  // first failed bind, reported by step()
};

class Database {
public:
    enum class Mode { read_write_create, read_write };
    static Result<Database> open(const std::filesystem::path& file, Mode mode);

    Result<Statement> prepare(std::string_view sql);
    // Statements without parameters only: pragmas and schema.
    Result<> exec(std::string_view sql);
    // Several parameterless statements separated by ';' (migrations).
    Result<> exec_script(const std::string& sql);
    // A single integer from a pragma or query.
    Result<std::int64_t> query_int(std::string_view sql);

    std::int64_t changes() const;
    bool in_transaction() const;
    sqlite3* handle() const { return db_.get(); }

private:
    struct Close {
        void operator()(sqlite3* db) const;
    };
    std::unique_ptr<sqlite3, Close> db_;
};

// BEGIN IMMEDIATE on creation (takes the write lock up front, so two writers never deadlock
// upgrading a read lock); ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    Result<> commit();

private:
    explicit Transaction(Database& db) : db_(&db) {}
    Database* db_;
};

}  // namespace kiosk::store::sql
