// The tests' throwaway PostgreSQL cluster and engine switch; see postgres.h.
#include "tests/sync/postgres.h"

#include <pwd.h>
#include <unistd.h>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "sync/protocol/sql/postgresql.h"
#include "sync/protocol/sql/sqlite.h"
#include "tests/sync/process.h"

namespace kiosk_sync::testkit {

namespace {

// Debian installs the server's programs per major version; the newest one present wins.
std::filesystem::path server_bin() {
    std::filesystem::path best;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec)) {
        auto bin = entry.path() / "bin";
        if (std::filesystem::exists(bin / "initdb") && (best.empty() || bin > best)) best = bin;
    }
    if (best.empty()) throw std::runtime_error("no PostgreSQL server in /usr/lib/postgresql (scripts/install-deps)");
    return best;
}

// As root the server needs a user of its own: Debian's "postgres" (the package makes it),
// else "nobody".
std::string server_user() {
    if (::geteuid() != 0) return {};
    return ::getpwnam("postgres") != nullptr ? "postgres" : "nobody";
}

void check(const RunResult& result, const std::string& what) {
    if (result.exit_code != 0) throw std::runtime_error(what + " failed: " + result.out + result.err);
}

}  // namespace

RunResult run_command(const std::vector<std::string>& command) {
    return run_program(command.front(), std::vector<std::string>(command.begin() + 1, command.end()));
}

PostgresCluster::PostgresCluster() : bin_(server_bin()), os_user_(server_user()), owner_pid_(::getpid()) {
    std::string pattern = "/tmp/kiosk-pg-XXXXXX";  // short: a socket path has ~100 bytes
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    root_ = pattern;
    if (!os_user_.empty()) {
        const passwd* user = ::getpwnam(os_user_.c_str());
        if (user == nullptr || ::chown(root_.c_str(), user->pw_uid, user->pw_gid) != 0)
            throw std::runtime_error("cannot give " + root_.string() + " to " + os_user_);
    }
    const std::string data = (root_ / "data").string();
    // --no-sync: a test cluster that a crash loses is simply made again.
    check(run_command(
              as_owner("initdb", {"-D", data, "-U", "kiosk", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"})),
          "initdb");
    // No TCP at all: the socket in root_ is the only way in.
    check(run_command(as_owner("pg_ctl", {"-D", data, "-l", (root_ / "server.log").string(), "-w", "-t", "60", "-o",
                                          "-k " + root_.string() + " -c listen_addresses=''", "start"})),
          "pg_ctl start");
}

PostgresCluster::~PostgresCluster() {
    if (::getpid() != owner_pid_) return;
    run_command(as_owner("pg_ctl", {"-D", (root_ / "data").string(), "-m", "immediate", "-w", "stop"}));
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
}

void PostgresCluster::restart() {
    const std::string data = (root_ / "data").string();
    check(run_command(as_owner("pg_ctl", {"-D", data, "-l", (root_ / "server.log").string(), "-m", "fast", "-w", "-t",
                                          "60", "-o", "-k " + root_.string() + " -c listen_addresses=''", "restart"})),
          "pg_ctl restart");
}

PostgresCluster& PostgresCluster::shared() {
    static std::unique_ptr<PostgresCluster> cluster(new PostgresCluster());
    return *cluster;
}

std::vector<std::string> PostgresCluster::as_owner(const std::string& program, std::vector<std::string> args) const {
    std::vector<std::string> command;
    if (!os_user_.empty()) command = {"/usr/sbin/runuser", "-u", os_user_, "--"};
    command.push_back((bin_ / program).string());
    command.insert(command.end(), args.begin(), args.end());
    return command;
}

std::string PostgresCluster::url(const std::string& database) const {
    return "postgresql:///" + database + "?host=" + root_.string() + "&user=kiosk";
}

std::string PostgresCluster::create_database() {
    const std::string name = "hq_" + std::to_string(++databases_);
    auto admin = sql::open_postgresql(url("postgres"), {});
    if (!admin) throw std::runtime_error(admin.error().message);
    if (auto made = admin->exec("CREATE DATABASE " + name); !made) throw std::runtime_error(made.error().message);
    return url(name);
}

namespace {

HqEngine& selected_engine() {
    static HqEngine engine = HqEngine::sqlite;
    return engine;
}

}  // namespace

HqEngine hq_engine() { return selected_engine(); }
void select_hq_engine(HqEngine engine) { selected_engine() = engine; }
const char* hq_engine_name() { return hq_engine() == HqEngine::postgresql ? "postgresql" : "sqlite"; }

std::vector<std::string> hq_database_args(const std::filesystem::path& hq_dir) {
    if (hq_engine() == HqEngine::sqlite) return {};
    static std::map<std::filesystem::path, std::string> databases;
    auto& url = databases[hq_dir.lexically_normal()];
    if (url.empty()) url = PostgresCluster::shared().create_database();
    return {"--db", url};
}

TestDatabase::TestDatabase(const std::filesystem::path& dir) : file_(dir / "hq.db") {
    if (hq_engine() == HqEngine::postgresql) url_ = PostgresCluster::shared().create_database();
}

TestDatabase TestDatabase::for_hq_dir(const std::filesystem::path& hq_dir) {
    const auto args = hq_database_args(hq_dir);
    return TestDatabase(hq_dir / "hq.db", args.size() == 2 ? args[1] : std::string());
}

std::expected<std::unique_ptr<hq::SqlStore>, std::string> TestDatabase::open() const {
    if (!url_.empty()) return hq::SqlStore::open_postgresql(url_);
    return hq::SqlStore::open_sqlite(file_, true);
}

sql::Result<sql::Connection> TestDatabase::raw() const {
    if (!url_.empty()) return sql::open_postgresql(url_, {});
    return sql::open_sqlite(file_, {.create = true});
}

}  // namespace kiosk_sync::testkit
