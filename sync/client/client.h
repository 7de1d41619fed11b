// sync/client/client.h — the kiosk's sync worker: one thread that drains the outbox to HQ in
// signed batches, pulls request statuses and HQ's content, and retries with backoff when the
// network or HQ fails. The UI thread only ever calls the non-blocking methods below (wake,
// state) — none of them waits for the network.
//
//   Client client(ClientConfig::from_identity(identity), [dir] { return open_outbox(dir); });
//   client.start();
//   ... client.wake();                    // "sync now", or after a new submission
//   ... auto s = client.state();          // for staff mode
//
// Records are marked delivered only from HQ's signed per-record verdicts; a rejected record is
// kept (with HQ's reason) and never resent. Not here: storage (outbox.h), wire formats
// (sync/protocol).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "sync/client/outbox.h"
#include "sync/client/sync_state.h"
#include "sync/protocol/kiosk_files.h"
#include "sync/protocol/signing.h"

namespace kiosk_sync::client {

class Backoff;
struct CycleResult;

struct ClientConfig {
    std::string hq_url;  // "http://127.0.0.1:8787"
    std::string kiosk_id;
    protocol::Secret secret{};
    // HQ's pinned certificate, from provisioning (empty: the system's CAs, no pin).
    std::string tls_ca_file;
    std::string tls_pinned_key;  // "sha256//<base64>"

    std::size_t max_batch_records = 100;
    std::size_t max_batch_bytes = 1u << 20;

    std::chrono::milliseconds backoff_initial{1000};
    std::chrono::milliseconds backoff_max{5 * 60 * 1000};
    std::chrono::milliseconds max_retry_after{60 * 60 * 1000};  // a longer Retry-After is cut to this
    std::chrono::milliseconds idle_poll{60 * 1000};             // looks for new work and statuses this often
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds request_timeout{60'000};

    bool pull_statuses = true;
    bool pull_content = true;

    // The kiosk's clock; tests skew it. HQ's signed refusals correct for the skew.
    std::function<std::chrono::system_clock::time_point()> clock;
    std::uint64_t jitter_seed = 0;  // 0: from the random device

    static ClientConfig from_identity(const protocol::KioskIdentity& identity);
};

class Client {
public:
    Client(ClientConfig config, OutboxFactory open_outbox);
    ~Client();  // stops and joins the worker
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    void start();
    // Aborts a transfer in progress and joins the worker; queued records stay queued.
    void stop();

    // Starts a cycle now instead of at the next poll or backoff deadline (but not before a
    // deadline HQ set with Retry-After).
    void wake();

    SyncState state() const;

    // Wakes the worker and waits until a cycle that began after this call delivered
    // everything queued (rejected records do not count). False on timeout.
    bool wait_until_empty(std::chrono::seconds timeout);

private:
    void run();
    bool pause(std::chrono::milliseconds delay, bool honour_server);
    void publish(const CycleResult& result, std::uint64_t cycle);
    std::chrono::milliseconds next_delay(const CycleResult& result, Backoff& backoff) const;

    ClientConfig config_;
    OutboxFactory open_outbox_;

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    SyncState state_;
    bool stopping_ = false;
    bool wake_requested_ = false;
    std::uint64_t cycles_started_ = 0;
    std::uint64_t last_drained_cycle_ = 0;  // last cycle whose upload finished with nothing queued
    std::atomic<bool> abort_{false};
    std::thread worker_;
};

}  // namespace kiosk_sync::client
