// The Outbox adapter; see sync_outbox.h. Cursor and content ETag live in the store's settings.
#include "kiosk/sync_outbox.h"

namespace kiosk {
namespace {

namespace client = kiosk_sync::client;
namespace protocol = kiosk_sync::protocol;

constexpr std::string_view kCursorKey = "sync.status_cursor";
constexpr std::string_view kEtagKey = "sync.content_etag";
constexpr std::string_view kContentKey = "sync.content";

std::string describe(const store::StoreError& e) { return std::string(store::to_string(e.kind)) + ": " + e.detail; }

class StoreOutbox final : public client::Outbox {
public:
    explicit StoreOutbox(store::Store store) : store_(std::move(store)) {}

    std::expected<std::vector<client::OutboxItem>, std::string> next_batch(std::size_t max_records,
                                                                           std::size_t max_bytes) override {
        auto batch = store_.outbox_batch(max_records, max_bytes);
        if (!batch) return std::unexpected(describe(batch.error()));
        std::vector<client::OutboxItem> items;
        items.reserve(batch->size());
        for (auto& item : *batch) items.push_back({std::move(item.id), std::move(item.wire)});
        return items;
    }

    std::expected<void, std::string> mark(const std::vector<protocol::ItemVerdict>& verdicts) override {
        std::vector<store::OutboxOutcome> outcomes;
        outcomes.reserve(verdicts.size());
        for (const auto& v : verdicts) {
            store::OutboxState state = store::OutboxState::rejected;
            if (v.outcome == protocol::Outcome::accepted) state = store::OutboxState::sent;
            else if (v.outcome == protocol::Outcome::duplicate) state = store::OutboxState::duplicate;
            outcomes.push_back({v.id, state, v.reason});
        }
        auto marked = store_.mark(outcomes);
        if (!marked) return std::unexpected(describe(marked.error()));
        return {};
    }

    std::expected<client::OutboxCounts, std::string> counts() override {
        auto rows = store_.counts();
        if (!rows) return std::unexpected(describe(rows.error()));
        client::OutboxCounts counts;
        for (const auto& row : *rows) {
            if (row.state == store::OutboxState::queued) counts.queued += static_cast<std::size_t>(row.count);
            if (row.state == store::OutboxState::rejected) counts.rejected += static_cast<std::size_t>(row.count);
        }
        return counts;
    }

    std::expected<std::optional<std::string>, std::string> status_cursor() override { return setting(kCursorKey); }

    std::expected<void, std::string> upsert_statuses(const std::vector<protocol::RequestStatus>& statuses,
                                                     const std::string& cursor) override {
        std::vector<store::RequestStatus> rows;
        for (const auto& s : statuses) {
            auto state = store::review_state_from(s.status);
            if (!state) continue;  // a status this kiosk does not know how to say is not shown
            // parse_status_page already made an older HQ's single note the note in both languages.
            rows.push_back({s.reference, *state, s.note_ar, s.note_en, s.updated_ms});
        }
        // Statuses first, cursor second: a crash between the two only fetches them again,
        // and an older update never overwrites a newer one.
        if (auto ok = store_.upsert_statuses(rows); !ok) return std::unexpected(describe(ok.error()));
        if (auto ok = store_.set_setting(kCursorKey, cursor); !ok) return std::unexpected(describe(ok.error()));
        return {};
    }

    std::expected<std::optional<std::string>, std::string> content_etag() override { return setting(kEtagKey); }

    std::expected<void, std::string> store_content(const std::string& etag, const std::string& body) override {
        if (auto ok = store_.set_setting(kContentKey, body); !ok) return std::unexpected(describe(ok.error()));
        if (auto ok = store_.set_setting(kEtagKey, etag); !ok) return std::unexpected(describe(ok.error()));
        return {};
    }

private:
    std::expected<std::optional<std::string>, std::string> setting(std::string_view key) {
        auto value = store_.setting(key);
        if (!value) return std::unexpected(describe(value.error()));
        return *value;
    }

    store::Store store_;
};

}  // namespace

std::unique_ptr<client::Outbox> make_store_outbox(store::Store store) {
    return std::make_unique<StoreOutbox>(std::move(store));
}

client::OutboxFactory store_outbox_factory(std::filesystem::path data_dir, std::string kiosk_id) {
    return [data_dir = std::move(data_dir),
            kiosk_id = std::move(kiosk_id)]() -> std::expected<std::unique_ptr<client::Outbox>, std::string> {
        store::StoreOptions options;
        options.kiosk_id = kiosk_id;
        auto opened = store::Store::open(data_dir, std::move(options));
        if (!opened) return std::unexpected(describe(opened.error()));
        return make_store_outbox(std::move(*opened));
    };
}

}  // namespace kiosk
