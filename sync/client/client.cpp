// The sync worker thread and its published state; see client.h.
#include "sync/client/client.h"

#include <random>

#include "sync/client/backoff.h"
#include "sync/client/sync_cycle.h"

namespace kiosk_sync::client {

std::string_view to_string(SyncError error) {
    switch (error) {
    case SyncError::none: return "none";
    case SyncError::offline: return "offline";
    case SyncError::timeout: return "timeout";
    case SyncError::hq_busy: return "hq_busy";
    case SyncError::hq_error: return "hq_error";
    case SyncError::unauthorized: return "unauthorized";
    case SyncError::clock_skew: return "clock_skew";
    case SyncError::refused: return "refused";
    case SyncError::bad_reply: return "bad_reply";
    case SyncError::local_store: return "local_store";
    case SyncError::hq_identity_changed: return "hq_identity_changed";
    }
    return "none";
}

ClientConfig ClientConfig::from_identity(const protocol::KioskIdentity& identity) {
    ClientConfig config;
    config.hq_url = identity.hq_url;
    config.kiosk_id = identity.kiosk_id;
    config.secret = identity.secret;
    config.tls_ca_file = identity.hq_tls_certificate;
    config.tls_pinned_key = identity.hq_tls_pin;
    return config;
}

Client::Client(ClientConfig config, OutboxFactory open_outbox)
    : config_(std::move(config)), open_outbox_(std::move(open_outbox)) {
    if (!config_.clock) config_.clock = [] { return std::chrono::system_clock::now(); };
}

Client::~Client() { stop(); }

void Client::start() {
    std::lock_guard lock(mutex_);
    if (worker_.joinable()) return;
    stopping_ = false;
    abort_ = false;
    state_.running = true;
    worker_ = std::thread([this] { run(); });
}

void Client::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        abort_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
    std::lock_guard lock(mutex_);
    state_.running = false;
}

void Client::wake() {
    {
        std::lock_guard lock(mutex_);
        wake_requested_ = true;
    }
    changed_.notify_all();
}

SyncState Client::state() const {
    std::lock_guard lock(mutex_);
    return state_;
}

bool Client::wait_until_empty(std::chrono::seconds timeout) {
    std::unique_lock lock(mutex_);
    std::uint64_t target = cycles_started_ + 1;
    wake_requested_ = true;
    changed_.notify_all();
    return changed_.wait_for(lock, timeout, [&] { return last_drained_cycle_ >= target && state_.queued == 0; });
}

// Waits for the delay, a wake() or stop(); false when stopping. A wake does not cut short a
// pause HQ asked for with Retry-After.
bool Client::pause(std::chrono::milliseconds delay, bool honour_server) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, delay, [&] { return stopping_ || (wake_requested_ && !honour_server); });
    return !stopping_;
}

void Client::publish(const CycleResult& r, std::uint64_t cycle) {
    {
        std::lock_guard lock(mutex_);
        if (r.counts) {
            state_.queued = r.counts->queued;
            state_.rejected = r.counts->rejected;
        }
        state_.delivered += r.delivered;
        // The kiosk's own database failing says nothing about the network.
        if (r.failure && r.failure->error != SyncError::local_store) state_.online = r.failure->reached_hq;
        else if (!r.failure && r.reached_hq) state_.online = true;
        state_.last_error = r.failure ? r.failure->error : SyncError::none;
        state_.last_error_detail = r.failure ? r.failure->detail : std::string();
        if (!r.failure) state_.last_success = config_.clock();
        if (r.drained && r.counts && r.counts->queued == 0) last_drained_cycle_ = cycle;
    }
    changed_.notify_all();
}

// How long to wait after a pass: the backoff schedule after a transient failure (never less
// than HQ's Retry-After), the longest pause after a refusal, nothing while work remains, and
// the idle poll otherwise.
std::chrono::milliseconds Client::next_delay(const CycleResult& result, Backoff& backoff) const {
    if (const auto& failure = result.failure) {
        auto retry_after = failure->retry_after;
        if (retry_after) retry_after = std::min(*retry_after, config_.max_retry_after);
        if (failure->retry_soon) return backoff.next(retry_after);
        return std::max(config_.backoff_max, retry_after.value_or(std::chrono::milliseconds(0)));
    }
    backoff.reset();
    if (result.counts && result.counts->queued > 0) return std::chrono::milliseconds(0);
    return config_.idle_poll;
}

void Client::run() {
    std::random_device device;
    Backoff backoff(config_.backoff_initial, config_.backoff_max,
                    config_.jitter_seed != 0 ? config_.jitter_seed : (std::uint64_t{device()} << 32 | device()));
    HttpOptions http{config_.connect_timeout, config_.request_timeout, 16u << 20, &abort_,
                     config_.tls_ca_file,     config_.tls_pinned_key};
    HqConnection hq(HqEndpoint{config_.hq_url, config_.kiosk_id, config_.secret, config_.clock}, http);
    CycleLimits limits{config_.max_batch_records, config_.max_batch_bytes, config_.pull_statuses, config_.pull_content};
    std::unique_ptr<Outbox> outbox;
    for (;;) {
        std::uint64_t cycle = 0;
        {
            std::lock_guard lock(mutex_);
            if (stopping_) break;
            cycle = ++cycles_started_;
            wake_requested_ = false;
        }
        CycleResult result;
        if (!outbox) {
            auto opened = open_outbox_();
            if (opened) outbox = std::move(*opened);
            else result.failure = Failure{SyncError::local_store, true, false, false, std::nullopt, opened.error()};
        }
        if (outbox) result = run_cycle(*outbox, hq, config_.kiosk_id, limits, abort_);
        publish(result, cycle);
        // A 413 shrank the batches; once the queue is empty, the next burst starts full size.
        if (result.drained) limits.max_records = config_.max_batch_records;
        bool honour_server = result.failure && result.failure->retry_after.has_value();
        if (!pause(next_delay(result, backoff), honour_server)) break;
    }
    outbox.reset();  // closes the worker's connection on the worker's thread
}

}  // namespace kiosk_sync::client
