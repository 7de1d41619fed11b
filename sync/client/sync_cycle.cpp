// One sync pass; see sync_cycle.h.
#include "sync/client/sync_cycle.h"

#include <algorithm>
#include <set>

namespace kiosk_sync::client {

namespace {

constexpr int kMaxBatchesPerCycle = 1000;  // a pass ends; the next starts at once if work remains
constexpr int kMaxStatusPagesPerCycle = 20;

Failure store_failure(const std::string& detail) {
    return Failure{SyncError::local_store, true, false, false, std::nullopt, detail};
}

struct BatchOutcome {
    bool queue_empty = false;
    bool hq_answered = false;
    std::uint64_t delivered = 0;
};

// Splits a batch into what can go to HQ and what can never be sent (kept as rejected).
void sort_items(const std::vector<OutboxItem>& items, std::vector<std::string_view>& texts, std::set<std::string>& ids,
                std::vector<protocol::ItemVerdict>& local) {
    for (const auto& item : items) {
        auto record = protocol::parse_record(item.record_json);
        if (!record) {
            local.push_back({item.id, protocol::Outcome::rejected, "cannot be sent: " + record.error()});
        } else if (record->id != item.id || !ids.insert(item.id).second) {
            local.push_back({item.id, protocol::Outcome::rejected, "cannot be sent: record id does not match"});
        } else {
            texts.push_back(item.record_json);
        }
    }
}

std::expected<BatchOutcome, Failure> upload_batch(Outbox& outbox, HqConnection& hq, const std::string& kiosk,
                                                  CycleLimits& limits) {
    auto items = outbox.next_batch(limits.max_records, limits.max_bytes);
    if (!items) return std::unexpected(store_failure(items.error()));
    if (items->empty()) return BatchOutcome{true, false, 0};
    BatchOutcome outcome;
    std::vector<std::string_view> texts;
    std::set<std::string> ids;
    std::vector<protocol::ItemVerdict> verdicts;
    sort_items(*items, texts, ids, verdicts);
    if (!texts.empty()) {
        auto reply = hq.upload(protocol::submission_body(kiosk, texts));
        outcome.hq_answered = reply.has_value() || reply.error().reached_hq;
        if (!reply && reply.error().too_large && texts.size() > 1) {
            limits.max_records = std::max<std::size_t>(1, texts.size() / 2);  // try smaller batches
        } else if (!reply && reply.error().too_large) {
            verdicts.push_back({*ids.begin(), protocol::Outcome::rejected, "record is larger than HQ accepts"});
        } else if (!reply) {
            if (!verdicts.empty()) (void)outbox.mark(verdicts);
            return std::unexpected(reply.error());
        } else {
            std::size_t known = verdicts.size();
            for (auto& verdict : reply->results)
                if (ids.erase(verdict.id) == 1) verdicts.push_back(std::move(verdict));
            if (verdicts.size() == known)
                return std::unexpected(Failure{SyncError::bad_reply, true, false, true, std::nullopt,
                                               "HQ's reply names none of the records sent"});
        }
    }
    if (auto marked = outbox.mark(verdicts); !marked) return std::unexpected(store_failure(marked.error()));
    for (const auto& v : verdicts) outcome.delivered += v.outcome != protocol::Outcome::rejected ? 1 : 0;
    return outcome;
}

std::optional<Failure> pull_statuses(Outbox& outbox, HqConnection& hq) {
    auto cursor = outbox.status_cursor();
    if (!cursor) return store_failure(cursor.error());
    for (int page = 0; page < kMaxStatusPagesPerCycle; ++page) {
        auto statuses = hq.statuses(*cursor);
        if (!statuses) return statuses.error();
        if (!statuses->statuses.empty() || statuses->cursor != cursor->value_or("")) {
            if (auto stored = outbox.upsert_statuses(statuses->statuses, statuses->cursor); !stored)
                return store_failure(stored.error());
        }
        *cursor = statuses->cursor;
        if (!statuses->more) break;
    }
    return std::nullopt;
}

std::optional<Failure> pull_content(Outbox& outbox, HqConnection& hq) {
    auto etag = outbox.content_etag();
    if (!etag) return store_failure(etag.error());
    auto content = hq.content(*etag);
    if (!content) return content.error();
    if (*content) {
        if (auto stored = outbox.store_content((*content)->etag, (*content)->body); !stored)
            return store_failure(stored.error());
    }
    return std::nullopt;
}

}  // namespace

CycleResult run_cycle(Outbox& outbox, HqConnection& hq, const std::string& kiosk, CycleLimits& limits,
                      const std::atomic<bool>& abort) {
    CycleResult result;
    for (int round = 0; round < kMaxBatchesPerCycle && !abort.load(); ++round) {
        auto batch = upload_batch(outbox, hq, kiosk, limits);
        if (!batch) {
            result.failure = batch.error();
            break;
        }
        result.reached_hq = result.reached_hq || batch->hq_answered;
        result.delivered += batch->delivered;
        if (batch->queue_empty) {
            result.drained = true;
            break;
        }
    }
    if (!result.failure && result.drained && limits.pull_statuses) result.failure = pull_statuses(outbox, hq);
    if (!result.failure && result.drained && limits.pull_content) result.failure = pull_content(outbox, hq);
    if (result.failure) result.reached_hq = result.failure->reached_hq;
    else if (limits.pull_statuses || limits.pull_content) result.reached_hq = true;
    if (auto counts = outbox.counts()) result.counts = *counts;
    else if (!result.failure) result.failure = store_failure(counts.error());
    return result;
}

}  // namespace kiosk_sync::client
