// tests/sync/postgres.h — a real, throwaway PostgreSQL for the tests, and the switch that puts
// a test binary's HQ on it. The cluster lives in a fresh directory under /tmp, listens only on
// a unix socket there (no TCP port), runs as an unprivileged user when the tests run as root
// (PostgreSQL refuses root), and is stopped and removed when the test process exits.
// Not here: what the tests check (hq_store_test.cpp, hq_test.cpp, …).
#pragma once

#include <expected>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sync/hq/sql_store.h"

namespace kiosk_sync::testkit {

class PostgresCluster {
public:
    // This process's cluster, started on first use (initdb + pg_ctl start: about a second).
    static PostgresCluster& shared();
    ~PostgresCluster();
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    // A new empty database; its libpq URL.
    std::string create_database();
    // Stops the server (closing every connection) and starts it again, as an operator's
    // restart or a fail-over does.
    void restart();

private:
    PostgresCluster();
    std::vector<std::string> as_owner(const std::string& program, std::vector<std::string> args) const;
    std::string url(const std::string& database) const;

    std::filesystem::path root_;  // data/, the socket, the server's log
    std::filesystem::path bin_;   // initdb, pg_ctl
    std::string os_user_;         // who runs the server; empty: this process's user
    int owner_pid_ = 0;           // a forked child must not stop its parent's cluster
    int databases_ = 0;
};

// Which engine `kiosk-hq` runs on in this test binary. SQLite unless the binary links
// on_postgresql.cpp (the ctest label says which).
enum class HqEngine { sqlite, postgresql };
HqEngine hq_engine();
void select_hq_engine(HqEngine engine);
const char* hq_engine_name();

// The arguments that put the HQ of `hq_dir` on this binary's engine: nothing for SQLite
// (hq.db in the directory), {"--db", URL} of a database made for that directory otherwise.
std::vector<std::string> hq_database_args(const std::filesystem::path& hq_dir);

// A database on this binary's engine, for tests that open HQ's store themselves: hq.db in a
// directory, or a fresh PostgreSQL database; for_hq_dir() is the one run_hq() gives kiosk-hq
// for that HQ directory.
class TestDatabase {
public:
    explicit TestDatabase(const std::filesystem::path& dir);
    static TestDatabase for_hq_dir(const std::filesystem::path& hq_dir);
    // A store (another connection each time) on the database.
    std::expected<std::unique_ptr<hq::SqlStore>, std::string> open() const;
    // A plain connection, for what no store does: an old schema, a row tampered with.
    sql::Result<sql::Connection> raw() const;

private:
    TestDatabase(std::filesystem::path file, std::string url) : file_(std::move(file)), url_(std::move(url)) {}
    std::filesystem::path file_;
    std::string url_;
};

}  // namespace kiosk_sync::testkit
