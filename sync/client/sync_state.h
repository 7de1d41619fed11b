// sync/client/sync_state.h — what the UI (staff mode) may read about syncing, as a plain
// struct copied out under a lock, and the error codes it translates into the visitor's or
// staff's language (strings "sync.error.<code>" in assets/strings). Not here: how the state
// is produced (client.cpp).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk_sync::client {

enum class SyncError {
    none,
    offline,       // HQ could not be reached (no network, refused, reset)
    timeout,       // HQ did not answer in time
    hq_busy,       // 408, 429 or 503: HQ asked us to come back later
    hq_error,      // another 5xx
    unauthorized,  // HQ does not know this kiosk or its secret (re-provision)
    clock_skew,    // our clock is too far from HQ's, even after correcting for it
    refused,       // HQ says the request itself is wrong (4xx): a bug, retried only slowly
    bad_reply,     // a reply that is unsigned, forged or unreadable
    local_store,   // the kiosk's own database failed
    // HQ answered with a TLS certificate other than the one pinned at provisioning: someone
    // may be impersonating HQ, or HQ's certificate was replaced without re-provisioning.
    // Nothing is sent; staff must call HQ (retried only after the longest pause).
    hq_identity_changed,
};

// "offline", "timeout", ... — stable keys, never shown raw.
std::string_view to_string(SyncError error);

struct SyncState {
    bool running = false;
    bool online = false;  // the last exchange got a trustworthy answer from HQ
    std::optional<std::chrono::system_clock::time_point> last_success;  // last complete cycle
    std::size_t queued = 0;
    std::size_t rejected = 0;
    std::uint64_t delivered = 0;             // records HQ confirmed since start
    SyncError last_error = SyncError::none;  // none after a complete cycle
    std::string last_error_detail;           // for logs and staff, in English
};

}  // namespace kiosk_sync::client
