// The PostgreSQL engine on libpq: RAII over PGconn / PGresult, parameters rewritten and sent
// typed, rows read one at a time, SQLSTATEs as sql::Error. See postgresql.h; the
// engine-neutral half is sql.cpp.
#include "sync/protocol/sql/postgresql.h"

#include <charconv>
#include <cstdlib>
#include <map>
#include <optional>
#include <vector>

#include <libpq-fe.h>

#include "sync/protocol/sql/engine.h"

namespace kiosk_sync::sql {
namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); stable across versions.
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;
// Any constant both processes agree on: the key of the migration's advisory lock.
constexpr std::int64_t kMigrationLock = 0x6B696F736B;

struct Finish {
    void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct Clear {
    void operator()(PGresult* result) const { PQclear(result); }
};
using PgResult = std::unique_ptr<PGresult, Clear>;

ErrorKind kind_of(std::string_view state) {
    if (state.empty()) return ErrorKind::io;  // no SQLSTATE: the connection itself failed
    if (state.starts_with("23")) return ErrorKind::constraint;
    if (state == "40001" || state == "40P01" || state == "55P03") return ErrorKind::busy;
    if (state == "53100") return ErrorKind::disk_full;
    if (state == "25006") return ErrorKind::read_only;
    if (state == "XX001" || state == "XX002") return ErrorKind::corrupt;
    if (state.starts_with("08") || state.starts_with("53") || state.starts_with("57P") || state == "58030")
        return ErrorKind::io;
    return ErrorKind::internal;
}

std::string trimmed(const char* text) {
    std::string out = text != nullptr ? text : "";
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

Error error_from(const PGresult* result, PGconn* conn, std::string_view what) {
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string message(what);
    message += ": ";
    message += trimmed(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn));
    if (message.ends_with(": ")) message += trimmed(PQerrorMessage(conn));
    if (state != nullptr) message += std::string(" [SQLSTATE ") + state + "]";
    return {kind_of(state != nullptr ? state : ""), std::move(message), 0};
}

std::int64_t parse_int(std::string_view text) {
    if (text == "t") return 1;  // booleans (EXISTS, comparisons) read as integers, as in SQLite
    if (text == "f") return 0;
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
}

class PgConnection;

class PgStatement final : public detail::StatementEngine {
public:
    PgStatement(PgConnection& conn, std::string sql, int parameters)
        : conn_(conn), sql_(std::move(sql)), values_(static_cast<std::size_t>(parameters)) {}
    ~PgStatement() override;

    void bind_text(int index, std::string_view text) override { set(index, Value{std::string(text), kTextOid}); }
    void bind_int64(int index, std::int64_t value) override { set(index, Value{std::to_string(value), kInt8Oid}); }
    void bind_blob(int index, std::span<const std::uint8_t> bytes) override {
        set(index, Value{std::string(bytes.begin(), bytes.end()), kByteaOid});
    }
    void bind_null(int index) override { set(index, std::nullopt); }

    Result<bool> step() override;
    void reset() override;

    std::string_view text(int column) const override {
        if (!row_) return {};
        return {PQgetvalue(row_.get(), 0, column), static_cast<std::size_t>(PQgetlength(row_.get(), 0, column))};
    }
    std::int64_t int64(int column) const override { return parse_int(text(column)); }
    double real(int column) const override {
        return row_ ? std::strtod(PQgetvalue(row_.get(), 0, column), nullptr) : 0;
    }
    bool is_null(int column) const override { return !row_ || PQgetisnull(row_.get(), 0, column) == 1; }
    std::span<const std::uint8_t> blob(int column) const override;

    // The connection starts another statement: this one's remaining rows are dropped.
    void abandon();

private:
    struct Value {
        std::string bytes;
        Oid type;
    };
    void set(int index, std::optional<Value> value) {
        if (index < 1 || static_cast<std::size_t>(index) > values_.size()) {
            if (!bind_error_) bind_error_ = "bind: no parameter " + std::to_string(index);
            return;
        }
        values_[static_cast<std::size_t>(index - 1)] = std::move(value);
    }
    Result<> start();
    void drain();

    PgConnection& conn_;
    std::string sql_;
    std::vector<std::optional<Value>> values_;  // nullopt: NULL
    std::optional<std::string> bind_error_;
    PgResult row_;
    bool started_ = false;
    bool done_ = false;
    bool abandoned_ = false;
    mutable std::vector<std::uint8_t> blob_;  // a bytea column decoded from its text form
};

class PgConnection final : public detail::ConnectionEngine {
public:
    explicit PgConnection(std::unique_ptr<PGconn, Finish> conn) : conn_(std::move(conn)) {}

    PGconn* handle() const { return conn_.get(); }
    // `statement` is about to run; any other still in flight gives way.
    void claim(PgStatement* statement) {
        if (active_ != nullptr && active_ != statement) active_->abandon();
        active_ = statement;
    }
    void release(const PgStatement* statement) {
        if (active_ == statement) active_ = nullptr;
    }
    void note_changes(PGresult* result) { changes_ = parse_int(PQcmdTuples(result)); }

    Engine engine() const override { return Engine::postgresql; }

    Result<std::unique_ptr<detail::StatementEngine>> prepare(std::string_view sql) override {
        int count = 0;
        std::string text = postgresql_parameters(sql, count);
        return std::make_unique<PgStatement>(*this, std::move(text), count);
    }

    Result<> exec_script(std::string_view sql) override {
        auto result = run(sql);
        if (!result) return std::unexpected(std::move(result.error()));
        return {};
    }

    // A connection that broke (a restarted or failed-over server) is opened again before the
    // next transaction or statement outside one, never inside one: a transaction cut short
    // fails as a whole, and the caller's retry starts a new one.
    Result<> begin() override {
        if (auto connected = reconnect_if_broken(); !connected) return connected;
        if (auto begun = exec_script("BEGIN"); !begun) return begun;
        transaction_ = true;
        return {};
    }

    Result<> commit() override {
        transaction_ = false;
        auto result = run("COMMIT");
        if (!result) return std::unexpected(std::move(result.error()));
        // COMMIT of a failed transaction "succeeds" as a ROLLBACK: that is a lost write.
        if (std::string_view(PQcmdStatus(result->get())) != "COMMIT")
            return std::unexpected(Error{ErrorKind::internal, "commit: the transaction had failed; rolled back", 0});
        return {};
    }

    std::int64_t changes() const override { return changes_; }
    bool in_transaction() const override {
        const PGTransactionStatusType status = PQtransactionStatus(conn_.get());
        return transaction_ || status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
    }

    Result<> set_durable(bool durable) override {
        return setting(durable ? "SET synchronous_commit = on" : "SET synchronous_commit = off");
    }

    // A session setting ("SET name = value"), applied now and again on every new connection;
    // the latest value of each name is kept.
    Result<> setting(std::string sql) {
        if (auto applied = exec_script(sql); !applied) return applied;
        std::string name = sql.substr(0, sql.find(" = "));
        settings_[std::move(name)] = std::move(sql);
        return {};
    }

    // Outside a transaction: a broken connection is reset, with its settings applied again.
    Result<> reconnect_if_broken() {
        if (transaction_ || PQstatus(conn_.get()) == CONNECTION_OK) return {};
        if (active_ != nullptr) active_->abandon();
        active_ = nullptr;
        PQreset(conn_.get());
        if (PQstatus(conn_.get()) != CONNECTION_OK)
            return std::unexpected(
                Error{ErrorKind::io, "PostgreSQL is unreachable: " + trimmed(PQerrorMessage(conn_.get())), 0});
        if (PQsetClientEncoding(conn_.get(), "UTF8") != 0)
            return std::unexpected(Error{ErrorKind::io, "PostgreSQL refused UTF8 as the client encoding", 0});
        for (const auto& [name, sql] : settings_)
            if (auto applied = exec_script(sql); !applied) return applied;
        return {};
    }

    Result<> lock_schema() override {
        if (auto locked = exec_script("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")"); !locked)
            return locked;
        return exec_script("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    }

    Result<int> schema_version() override {
        // Two queries: a query naming a table that does not exist fails when planned.
        auto exists = run("SELECT to_regclass('schema_version') IS NOT NULL");
        if (!exists) return std::unexpected(std::move(exists.error()));
        if (parse_int(PQgetvalue(exists->get(), 0, 0)) == 0) return 0;
        auto result = run("SELECT COALESCE(MAX(version), 0) FROM schema_version");
        if (!result) return std::unexpected(std::move(result.error()));
        return static_cast<int>(parse_int(PQgetvalue(result->get(), 0, 0)));
    }

    Result<> set_schema_version(int version) override {
        return exec_script("DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (" +
                           std::to_string(version) + ")");
    }

private:
    // Runs parameterless SQL to completion with nothing else in flight.
    Result<PgResult> run(std::string_view sql) {
        if (sql == "ROLLBACK") transaction_ = false;  // whether or not the server hears it
        else if (auto connected = reconnect_if_broken(); !connected)
            return std::unexpected(std::move(connected.error()));
        claim(nullptr);
        const std::string text(sql);
        PgResult result(PQexec(conn_.get(), text.c_str()));
        const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
            return std::unexpected(error_from(result.get(), conn_.get(), "exec"));
        note_changes(result.get());
        return result;
    }

    std::unique_ptr<PGconn, Finish> conn_;
    PgStatement* active_ = nullptr;
    std::int64_t changes_ = 0;
    bool transaction_ = false;                     // between begin() and commit() or ROLLBACK
    std::map<std::string, std::string> settings_;  // SET statements to apply again after a reset, by name
};

PgStatement::~PgStatement() {
    if (started_ && !done_) drain();
}

Result<> PgStatement::start() {
    if (auto connected = conn_.reconnect_if_broken(); !connected) return connected;
    conn_.claim(this);
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
    std::vector<Oid> types;
    for (const auto& value : values_) {
        values.push_back(value ? value->bytes.c_str() : nullptr);
        lengths.push_back(value ? static_cast<int>(value->bytes.size()) : 0);
        formats.push_back(value && value->type == kByteaOid ? 1 : 0);  // blobs as bytes, the rest as text
        types.push_back(value ? value->type : 0);
    }
    PGconn* conn = conn_.handle();
    if (PQsendQueryParams(conn, sql_.c_str(), static_cast<int>(values.size()), types.data(), values.data(),
                          lengths.data(), formats.data(), 0) != 1) {
        conn_.release(this);
        return std::unexpected(error_from(nullptr, conn, "send"));
    }
    PQsetSingleRowMode(conn);
    started_ = true;
    return {};
}

Result<bool> PgStatement::step() {
    if (bind_error_) return std::unexpected(Error{ErrorKind::internal, *bind_error_, 0});
    if (abandoned_)
        return std::unexpected(Error{ErrorKind::internal, "step: another statement ran before this one's rows", 0});
    if (!started_) {
        if (auto sent = start(); !sent) return std::unexpected(std::move(sent.error()));
    }
    row_.reset();
    if (done_) return false;
    PgResult result(PQgetResult(conn_.handle()));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_COMMAND_OK;
    if (status == PGRES_SINGLE_TUPLE) {
        row_ = std::move(result);
        return true;
    }
    std::optional<Error> error;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        if (result) conn_.note_changes(result.get());
    } else {
        error = error_from(result.get(), conn_.handle(), "step");
    }
    drain();
    if (error) return std::unexpected(std::move(*error));
    return false;
}

void PgStatement::drain() {
    while (PgResult rest{PQgetResult(conn_.handle())}) {}
    done_ = true;
    conn_.release(this);
}

void PgStatement::abandon() {
    drain();
    abandoned_ = true;
}

void PgStatement::reset() {
    if (started_ && !done_) drain();
    row_.reset();
    started_ = done_ = abandoned_ = false;
    bind_error_.reset();
    for (auto& value : values_) value.reset();
}

std::span<const std::uint8_t> PgStatement::blob(int column) const {
    // bytea's text form is "\x" and two hex digits per byte.
    const std::string_view hex = text(column);
    blob_.clear();
    for (std::size_t i = 2; i + 1 < hex.size(); i += 2)
        blob_.push_back(static_cast<std::uint8_t>(hex_digit(hex[i]) * 16 + hex_digit(hex[i + 1])));
    return blob_;
}

// libpq prints NOTICEs (e.g. "relation already exists, skipping") on stderr by default.
void ignore_notice(void*, const char*) {}

}  // namespace

std::string postgresql_parameters(std::string_view sql, int& count) {
    std::string out;
    out.reserve(sql.size() + 8);
    count = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        const std::string_view rest = sql.substr(i);
        std::size_t skip = 0;  // length of a quoted string or comment starting here
        if (c == '\'' || c == '"') {
            const std::size_t close = sql.find(c, i + 1);
            skip = (close == std::string_view::npos ? sql.size() : close + 1) - i;
        } else if (rest.starts_with("--")) {
            const std::size_t end = sql.find('\n', i);
            skip = (end == std::string_view::npos ? sql.size() : end) - i;
        } else if (rest.starts_with("/*")) {
            const std::size_t end = sql.find("*/", i + 2);
            skip = (end == std::string_view::npos ? sql.size() : end + 2) - i;
        }
        if (skip > 0) {  // a doubled quote inside a string is two strings back to back: same text
            out.append(sql.substr(i, skip));
            i += skip - 1;
            continue;
        }
        if (c != '?') {
            out.push_back(c);
            continue;
        }
        std::size_t digits = i + 1;
        while (digits < sql.size() && sql[digits] >= '0' && sql[digits] <= '9') ++digits;
        // "?N" is the N-th parameter; a bare "?" is one more than the highest so far (SQLite's rule).
        const int number =
            digits > i + 1 ? std::atoi(std::string(sql.substr(i + 1, digits - i - 1)).c_str()) : count + 1;
        count = std::max(count, number);
        out += "$" + std::to_string(number);
        i = digits - 1;
    }
    return out;
}

Result<Connection> open_postgresql(const std::string& url, const PostgresqlOptions& options) {
    std::unique_ptr<PGconn, Finish> conn(PQconnectdb(url.c_str()));  // owned even when connecting failed
    if (!conn) return std::unexpected(Error{ErrorKind::io, "cannot connect to PostgreSQL: out of memory", 0});
    if (PQstatus(conn.get()) != CONNECTION_OK)
        return std::unexpected(
            Error{ErrorKind::io, "cannot connect to PostgreSQL: " + trimmed(PQerrorMessage(conn.get())), 0});
    PQsetNoticeProcessor(conn.get(), ignore_notice, nullptr);
    if (PQsetClientEncoding(conn.get(), "UTF8") != 0)
        return std::unexpected(Error{ErrorKind::io, "PostgreSQL refused UTF8 as the client encoding", 0});
    auto engine = std::make_unique<PgConnection>(std::move(conn));
    if (auto timeout = engine->setting("SET lock_timeout = " + std::to_string(options.busy_timeout.count())); !timeout)
        return std::unexpected(std::move(timeout.error()));
    return Connection(std::move(engine));
}

}  // namespace kiosk_sync::sql
