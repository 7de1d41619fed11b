// sync/hq/sqlite_store.h — the Store in one SQLite file (HQDIR/hq.db), the default for an
// association with one office. One connection behind a mutex: HQ's load is a few kiosks, and
// a single writer keeps every ingest one plain transaction. Not here: the schema's meaning
// beyond store.h's contract.
#pragma once

#include <filesystem>
#include <mutex>

#include "sync/hq/sqlite.h"
#include "sync/hq/store.h"

namespace kiosk_sync::hq {

class SqliteStore final : public Store {
public:
    // Creates the file and schema when create is true; otherwise the file must exist.
    static std::expected<std::unique_ptr<SqliteStore>, std::string> open(const std::filesystem::path& path,
                                                                         bool create);

    std::expected<void, std::string> put_kiosk(std::string_view kiosk, const protocol::Secret& secret) override;
    std::expected<std::optional<protocol::Secret>, std::string> kiosk_secret(std::string_view kiosk) override;
    std::expected<bool, std::string> remember_nonce(std::string_view kiosk, std::string_view nonce,
                                                    std::int64_t timestamp_ms, std::int64_t now_ms) override;
    std::expected<std::vector<protocol::ItemVerdict>, std::string> ingest(const std::vector<protocol::Record>& records,
                                                                          std::string_view via,
                                                                          std::int64_t now_ms) override;
    std::expected<std::vector<StoredRecord>, std::string> records(
        std::optional<std::string_view> reference_or_id) override;
    std::expected<std::size_t, std::string> record_count() override;
    std::expected<bool, std::string> set_status(std::string_view reference, std::string_view status,
                                                std::string_view note, std::int64_t now_ms,
                                                std::optional<std::string_view> kiosk) override;
    std::expected<protocol::StatusPage, std::string> statuses_since(std::string_view kiosk, std::int64_t cursor,
                                                                    std::size_t limit) override;

private:
    explicit SqliteStore(Db db) : db_(std::move(db)) {}
    std::expected<protocol::ItemVerdict, std::string> ingest_one(const protocol::Record& record, std::string_view via,
                                                                 std::int64_t now_ms);
    std::expected<bool, std::string> remember_nonce_locked(std::string_view kiosk, std::string_view nonce,
                                                           std::int64_t timestamp_ms, std::int64_t now_ms);
    std::expected<StatementCache::Lease, std::string> cached(const std::string& sql) {
        return statements_.get(db_.get(), sql);
    }

    std::mutex mutex_;
    Db db_;
    StatementCache statements_;
    std::int64_t last_prune_ms_ = 0;
};

}  // namespace kiosk_sync::hq
