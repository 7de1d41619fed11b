// sync/hq/ingest.h — HQ's judgement of incoming records, shared by `serve` (a batch over HTTP)
// and `import` (an offline bundle), so both are equally idempotent and equally strict.
// Not here: authentication (auth.h) or storage (store.h).
#pragma once

#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include "sync/hq/store.h"

namespace kiosk_sync::hq {

// One verdict per item, in order: a malformed record, one failing check_record, or one
// claiming another kiosk is rejected with a reason; the rest are stored in one transaction.
// An error means nothing was stored.
std::expected<std::vector<protocol::ItemVerdict>, std::string> ingest_items(
    Store& store, std::string_view kiosk, const std::vector<protocol::BatchItem>& items, std::string_view via,
    std::int64_t now_ms);

}  // namespace kiosk_sync::hq
