// sync/client/sync_cycle.h — one pass of the worker: upload queued records batch by batch
// until the queue is empty, then pull request statuses and HQ's content. Runs on the worker
// thread; the Client decides when to run the next pass. Not here: threads, waiting, backoff.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>

#include "sync/client/hq_connection.h"
#include "sync/client/outbox.h"

namespace kiosk_sync::client {

struct CycleLimits {
    std::size_t max_records = 100;  // shrinks when HQ answers 413
    std::size_t max_bytes = 1u << 20;
    bool pull_statuses = true;
    bool pull_content = true;
};

struct CycleResult {
    std::optional<Failure> failure;  // the first thing that went wrong; the pass stopped there
    bool drained = false;            // the upload phase ended with nothing queued
    std::uint64_t delivered = 0;     // accepted or duplicate
    std::optional<OutboxCounts> counts;
    bool reached_hq = false;  // the last exchange got an answer signed by HQ
};

CycleResult run_cycle(Outbox& outbox, HqConnection& hq, const std::string& kiosk, CycleLimits& limits,
                      const std::atomic<bool>& abort);

}  // namespace kiosk_sync::client
