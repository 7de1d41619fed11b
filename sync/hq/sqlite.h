// sync/hq/sqlite.h — the smallest RAII over SQLite's C API that HQ (and the sync tests'
// stand-in kiosk outbox) need: an owned connection, an owned prepared statement with typed
// binds and reads, and errors as values carrying sqlite3_errmsg. Not here: schemas or any
// meaning of rows (sqlite_store.cpp).
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <sqlite3.h>

namespace kiosk_sync::hq {

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;

struct StmtFinalizer {
    void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

// Opens (creating if asked) with WAL, synchronous=FULL and a busy timeout, so a commit that
// returned is on disk and concurrent readers never block the writer.
std::expected<Db, std::string> open_db(const std::filesystem::path& path, bool create);

std::expected<void, std::string> exec(sqlite3* db, std::string_view sql);

class Statement {
public:
    static std::expected<Statement, std::string> prepare(sqlite3* db, std::string_view sql);

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind_null(int index);

    // SQLITE_ROW, SQLITE_DONE or an error code (see error()).
    int step();
    // Runs to completion; for statements that return no rows.
    std::expected<void, std::string> run();
    void reset();

    std::string text(int column) const;
    std::int64_t int64(int column) const;
    bool is_null(int column) const;
    std::string error() const;

private:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt_;
};

// Prepared statements kept for a connection's lifetime. A lease resets its statement when
// it goes away, so a half-read SELECT never keeps a read snapshot (and the WAL) pinned.
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

    std::expected<Lease, std::string> get(sqlite3* db, const std::string& sql);

private:
    std::map<std::string, Statement> statements_;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    static std::expected<Transaction, std::string> begin(sqlite3* db);
    Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    Transaction& operator=(Transaction&&) = delete;
    ~Transaction();
    std::expected<void, std::string> commit();

private:
    explicit Transaction(sqlite3* db) : db_(db) {}
    sqlite3* db_;
};

}  // namespace kiosk_sync::hq
