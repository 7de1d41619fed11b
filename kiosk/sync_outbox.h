// kiosk/sync_outbox.h — the kiosk's store seen through the sync worker's Outbox interface.
// The worker opens its own Store (its own SQLite connection) on the data directory, on its
// own thread; WAL lets it read while the UI thread commits submissions.
#pragma once

#include <filesystem>
#include <memory>

#include "kiosk/store/store.h"
#include "sync/client/outbox.h"

namespace kiosk {

std::unique_ptr<kiosk_sync::client::Outbox> make_store_outbox(store::Store store);

// An OutboxFactory for Client: opens a Store on `data_dir` when the worker asks.
kiosk_sync::client::OutboxFactory store_outbox_factory(std::filesystem::path data_dir, std::string kiosk_id);

}  // namespace kiosk
