// tests/sync/test_outbox.h — a small SQLite outbox standing in for the kiosk store's, so the
// sync tests run the real worker against a real database file (WAL, one connection per
// thread or process, like the kiosk). Not the kiosk's schema; only the Outbox contract.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sync/client/outbox.h"
#include "sync/protocol/sql/sql.h"

namespace kiosk_sync::testkit {

class TestOutbox final : public client::Outbox {
public:
    static std::unique_ptr<TestOutbox> open(const std::filesystem::path& path);
    // A factory for the worker: each call opens its own connection to path.
    static client::OutboxFactory factory(const std::filesystem::path& path);

    // The "visitor submitted" step: committed before it returns.
    void add(const std::string& id, const std::string& record_json);

    std::expected<std::vector<client::OutboxItem>, std::string> next_batch(std::size_t max_records,
                                                                           std::size_t max_bytes) override;
    std::expected<void, std::string> mark(const std::vector<protocol::ItemVerdict>& verdicts) override;
    std::expected<client::OutboxCounts, std::string> counts() override;
    std::expected<std::optional<std::string>, std::string> status_cursor() override;
    std::expected<void, std::string> upsert_statuses(const std::vector<protocol::RequestStatus>& statuses,
                                                     const std::string& cursor) override;
    std::expected<std::optional<std::string>, std::string> content_etag() override;
    std::expected<void, std::string> store_content(const std::string& etag, const std::string& body) override;

    // For assertions.
    std::vector<std::string> ids_in_state(const std::string& state);  // queued | sent | rejected
    std::string reason_of(const std::string& id);
    std::string status_of(const std::string& reference);
    std::string content_body();
    int content_writes();

private:
    explicit TestOutbox(sql::Connection db) : db_(std::move(db)) {}
    std::string meta(const std::string& key);
    std::expected<void, std::string> mark_locked(const std::vector<protocol::ItemVerdict>& verdicts);
    sql::Connection db_;
};

}  // namespace kiosk_sync::testkit
