// sync/hq/sql_store.h — the Store on the SQL layer (sync/protocol/sql), on either engine:
// one SQLite file (HQDIR/hq.db, the default) or a PostgreSQL database that several `serve`
// processes share. The SQL is written once; only the schema's first steps differ per engine.
// One connection per store behind a mutex: a process's load is a few kiosks. Between
// processes, the database's unique keys and locks decide (a nonce is fresh, a record is new,
// a status gets the next sequence number), never this process's memory.
// Not here: the schema's meaning beyond store.h's contract.
#pragma once

#include <filesystem>
#include <mutex>

#include "sync/hq/store.h"
#include "sync/protocol/sql/sql.h"

namespace kiosk_sync::hq {

class SqlStore final : public Store {
public:
    // Brings the schema up to date (numbered migrations, in one transaction) and keeps the
    // connection.
    static std::expected<std::unique_ptr<SqlStore>, std::string> open(sql::Connection db);
    // The SQLite file; created when create is true, otherwise it must exist.
    static std::expected<std::unique_ptr<SqlStore>, std::string> open_sqlite(const std::filesystem::path& path,
                                                                             bool create);
    // A PostgreSQL database by libpq URL (postgresql://…); several processes may share it.
    static std::expected<std::unique_ptr<SqlStore>, std::string> open_postgresql(const std::string& url);

    std::expected<void, std::string> put_kiosk(std::string_view kiosk, const protocol::Secret& secret) override;
    std::expected<std::optional<protocol::Secret>, std::string> kiosk_secret(std::string_view kiosk) override;
    std::expected<bool, std::string> remember_nonce(std::string_view kiosk, std::string_view nonce,
                                                    std::int64_t timestamp_ms, std::int64_t now_ms) override;
    std::expected<std::vector<protocol::ItemVerdict>, std::string> ingest(const std::vector<protocol::Record>& records,
                                                                          std::string_view via,
                                                                          std::int64_t now_ms) override;
    std::expected<std::vector<StoredRecord>, std::string> records(
        std::optional<std::string_view> reference_or_id) override;
    std::expected<void, std::string> each_record(const std::function<bool(const StoredRecord&)>& visit) override;
    std::expected<std::size_t, std::string> record_count() override;
    std::expected<bool, std::string> set_status(std::string_view reference, std::string_view status,
                                                std::string_view note, std::int64_t now_ms,
                                                std::optional<std::string_view> kiosk) override;
    std::expected<protocol::StatusPage, std::string> statuses_since(std::string_view kiosk, std::int64_t cursor,
                                                                    std::size_t limit) override;

private:
    explicit SqlStore(sql::Connection db) : db_(std::move(db)) {}
    std::expected<protocol::ItemVerdict, std::string> ingest_one(const protocol::Record& record, std::string_view via,
                                                                 std::int64_t now_ms);
    std::expected<bool, std::string> remember_nonce_locked(std::string_view kiosk, std::string_view nonce,
                                                           std::int64_t timestamp_ms, std::int64_t now_ms);
    std::expected<void, std::string> scan(std::optional<std::string_view> reference_or_id,
                                          const std::function<bool(const StoredRecord&)>& visit);
    std::expected<std::vector<std::string>, std::string> kiosks_that_issued(std::string_view reference);
    // The kiosk whose request `reference` answers; nothing when none (or not `kiosk`) issued it.
    std::expected<std::optional<std::string>, std::string> owner_of(std::string_view reference,
                                                                    std::optional<std::string_view> kiosk);
    sql::Result<sql::StatementCache::Lease> cached(const std::string& sql) { return statements_.get(db_, sql); }

    std::mutex mutex_;
    sql::Connection db_;
    sql::StatementCache statements_;  // declared after db_: its statements go first
    std::int64_t last_prune_ms_ = 0;
};

}  // namespace kiosk_sync::hq
