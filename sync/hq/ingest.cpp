// Judging and storing incoming records; see ingest.h.
#include "sync/hq/ingest.h"

namespace kiosk_sync::hq {

std::expected<std::vector<protocol::ItemVerdict>, std::string> ingest_items(
    Store& store, std::string_view kiosk, const std::vector<protocol::BatchItem>& items, std::string_view via,
    std::int64_t now_ms) {
    std::vector<protocol::ItemVerdict> verdicts(items.size());
    std::vector<protocol::Record> acceptable;
    std::vector<std::size_t> positions;  // where each acceptable record's verdict goes
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        verdicts[i] = {item.id, protocol::Outcome::rejected, {}};
        if (!item.record) {
            verdicts[i].reason = item.record.error();
            continue;
        }
        if (auto problem = protocol::check_record(*item.record, now_ms)) {
            verdicts[i].reason = *problem;
            continue;
        }
        if (item.record->kiosk != kiosk) {
            verdicts[i].reason = "record names another kiosk than the one that signed it";
            continue;
        }
        acceptable.push_back(*item.record);
        positions.push_back(i);
    }
    if (acceptable.empty()) return verdicts;
    auto stored = store.ingest(acceptable, via, now_ms);
    if (!stored) return std::unexpected(stored.error());
    for (std::size_t k = 0; k < positions.size(); ++k) verdicts[positions[k]] = std::move((*stored)[k]);
    return verdicts;
}

}  // namespace kiosk_sync::hq
