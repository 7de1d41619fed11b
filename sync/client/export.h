// sync/client/export.h — staff mode's "export to a removable drive": every record still
// queued goes into one signed bundle file (sync/protocol/bundle.h) in the chosen directory,
// which is then read back from the drive and verified. The records stay queued: they are
// delivered only when HQ confirms them, by sync or by `kiosk-hq import` followed by a sync
// that HQ answers with "duplicate". Not here: the file format (bundle.h).
#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <string>

#include "sync/client/outbox.h"
#include "sync/protocol/bundle.h"

namespace kiosk_sync::client {

// Uses the caller's Outbox (staff mode's own connection, not the worker's).
std::expected<protocol::WrittenBundle, std::string> export_bundle(
    Outbox& outbox, const std::filesystem::path& dir, const std::string& kiosk_id, const protocol::Secret& secret,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now(),
    const protocol::BundleProgress& progress = {});

}  // namespace kiosk_sync::client
