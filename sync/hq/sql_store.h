// sync/hq/sql_store.h — the Store and the console's Data (console/data.h) on the SQL layer
// (sync/protocol/sql), on either engine: one SQLite file (HQDIR/hq.db, the default) or a
// PostgreSQL database that several `serve` processes share. The SQL is written once; the
// schema's types (sql_schema.cpp) and the list's JSON filters (sql_console.cpp) differ per
// engine. The kiosk's part is in sql_store.cpp, the console's in sql_console.cpp; a state
// change from either (set_status, change_state) takes one path.
// One connection per store behind a mutex: a process's load is a few kiosks. Between
// processes, the database's unique keys and locks decide (a nonce is fresh, a record is new,
// a status gets the next sequence number), never this process's memory.
// Not here: the schema's meaning beyond store.h's contract.
#pragma once

#include <filesystem>
#include <mutex>

#include "sync/hq/console/data.h"
#include "sync/hq/store.h"
#include "sync/protocol/sql/sql.h"

namespace kiosk_sync::hq {

class SqlStore final : public Store, public console::Data {
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

    // --- console::Data (sql_console.cpp) ---------------------------------------------------
    std::expected<std::optional<console::User>, std::string> user(std::string_view name) override;
    std::expected<std::vector<console::User>, std::string> users() override;
    std::expected<bool, std::string> add_user(const console::User& user) override;
    std::expected<bool, std::string> update_user(const console::User& user) override;
    std::expected<void, std::string> put_session(const console::Session& session) override;
    std::expected<std::optional<console::Session>, std::string> session(std::string_view stored) override;
    std::expected<void, std::string> touch_session(std::string_view stored, std::int64_t now_ms,
                                                   std::string_view lang) override;
    std::expected<void, std::string> drop_session(std::string_view stored) override;
    std::expected<void, std::string> drop_sessions_of(std::string_view user) override;
    std::expected<console::ListPage, std::string> list(const console::ListQuery& query) override;
    std::expected<std::optional<console::RecordView>, std::string> record(const console::RecordKey& key) override;
    std::expected<std::vector<console::RecordKey>, std::string> find_reference(console::ListKind list,
                                                                               std::string_view reference) override;
    std::expected<std::vector<console::HistoryEntry>, std::string> history(const console::RecordKey& key) override;
    std::expected<bool, std::string> change_state(const console::RecordKey& key,
                                                  const console::HistoryEntry& change) override;
    std::expected<void, std::string> put_marks(const console::RecordKey& key,
                                               const std::vector<std::string>& marks) override;
    std::expected<std::vector<console::RecordKey>, std::string> unmarked(std::size_t limit) override;
    std::expected<std::vector<console::RecordView>, std::string> sharing_marks(const console::RecordKey& key) override;
    std::expected<console::AuditEntry, std::string> append_audit(console::AuditEntry entry) override;
    std::expected<std::vector<console::AuditEntry>, std::string> audit_page(std::size_t limit,
                                                                            std::size_t offset) override;
    std::expected<std::size_t, std::string> audit_count() override;
    std::expected<AuditChain, std::string> audit_chain() override;

private:
    explicit SqlStore(sql::Connection db) : db_(std::move(db)) {}
    std::expected<protocol::ItemVerdict, std::string> ingest_one(const protocol::Record& incoming, std::string_view via,
                                                                 std::int64_t now_ms);
    std::expected<bool, std::string> remember_nonce_locked(std::string_view kiosk, std::string_view nonce,
                                                           std::int64_t timestamp_ms, std::int64_t now_ms);
    std::expected<void, std::string> scan(std::optional<std::string_view> reference_or_id,
                                          const std::function<bool(const StoredRecord&)>& visit);
    std::expected<std::vector<std::string>, std::string> kiosks_that_issued(std::string_view reference);
    // The kiosk whose request `reference` answers; nothing when none (or not `kiosk`) issued it.
    std::expected<std::optional<std::string>, std::string> owner_of(std::string_view reference,
                                                                    std::optional<std::string_view> kiosk);
    // Inside a transaction: one writer of statuses at a time, across processes, so sequence
    // numbers are taken in commit order.
    std::expected<void, std::string> lock_statuses();
    // Inside a transaction after lock_statuses(): the state, its history entry and the status
    // the record's kiosk fetches for its reference. False when there is no such record.
    std::expected<bool, std::string> change_state_locked(const console::RecordKey& key,
                                                         const console::HistoryEntry& change);
    std::expected<void, std::string> put_status(std::string_view kiosk, std::string_view reference,
                                                const console::HistoryEntry& change);
    sql::Result<sql::StatementCache::Lease> cached(const std::string& sql) { return statements_.get(db_, sql); }

    std::mutex mutex_;
    sql::Connection db_;
    sql::StatementCache statements_;  // declared after db_: its statements go first
    std::int64_t last_prune_ms_ = 0;
};

}  // namespace kiosk_sync::hq
