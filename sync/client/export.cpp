// Writing the queue to an offline bundle; see export.h.
#include "sync/client/export.h"

#include <limits>

namespace kiosk_sync::client {

std::expected<protocol::WrittenBundle, std::string> export_bundle(Outbox& outbox, const std::filesystem::path& dir,
                                                                  const std::string& kiosk_id,
                                                                  const protocol::Secret& secret,
                                                                  std::chrono::system_clock::time_point now,
                                                                  const protocol::BundleProgress& progress) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return std::unexpected(dir.string() + " is not a directory");
    if (progress) progress(protocol::BundleStage::reading_queue, 0.0);
    constexpr auto unlimited = std::numeric_limits<std::size_t>::max();
    auto items = outbox.next_batch(unlimited, unlimited);
    if (!items) return std::unexpected("cannot read the queue: " + items.error());
    std::vector<std::string> texts;
    texts.reserve(items->size());
    // Only records that parse; an unsendable one is the worker's to report as rejected.
    for (auto& item : *items)
        if (protocol::parse_record(item.record_json)) texts.push_back(std::move(item.record_json));
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
    return protocol::write_bundle(dir, secret, kiosk_id, ms, texts, progress);
}

}  // namespace kiosk_sync::client
