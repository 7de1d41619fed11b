// The outbox side of the store: batches for the sync worker, HQ's verdicts, the staff queue.
// See store.h for the rules (oldest first, only queued rows change, rejected never retried
// without a staff action).
#include "kiosk/store/store.h"

namespace kiosk::store {
namespace {

Result<bool> changed_one(sql::Connection& db, Result<> rc) {
    if (!rc) return std::unexpected(std::move(rc.error()));
    return db.changes() > 0;
}

}  // namespace

Result<std::vector<OutboxItem>> Store::outbox_batch(std::size_t max_records, std::size_t max_bytes) {
    std::vector<OutboxItem> items;
    if (max_records == 0) return items;
    auto q = db_.prepare("SELECT submission_id, wire, bytes FROM outbox WHERE state = 'queued' ORDER BY seq LIMIT ?");
    if (!q) return std::unexpected(std::move(q.error()));
    q->bind(1, static_cast<std::int64_t>(std::min<std::size_t>(max_records, 1'000'000)));
    std::size_t total = 0;
    for (;;) {
        auto row = q->step();
        if (!row) return std::unexpected(std::move(row.error()));
        if (!*row) break;
        const auto bytes = static_cast<std::size_t>(q->int64(2));
        if (!items.empty() && total + bytes > max_bytes) break;
        total += bytes;
        items.push_back({std::string(q->text(0)), std::string(q->text(1))});
    }
    return items;
}

Result<std::size_t> Store::mark(std::span<const OutboxOutcome> outcomes) {
    for (const OutboxOutcome& o : outcomes) {
        if (o.state == OutboxState::queued) {
            return std::unexpected(StoreError{StoreErrorKind::internal, "an outcome cannot be 'queued': " + o.id, 0});
        }
    }
    Result<sql::Transaction> tx = sql::Transaction::begin(db_);
    if (!tx) return std::unexpected(std::move(tx.error()));
    auto s = db_.prepare(
        "UPDATE outbox SET state = ?, reason = ?, updated_ms = ? WHERE submission_id = ? AND state = 'queued'");
    if (!s) return std::unexpected(std::move(s.error()));
    std::size_t changed = 0;
    const std::int64_t now = now_ms();
    for (const OutboxOutcome& o : outcomes) {
        const std::string_view reason = o.state == OutboxState::rejected ? std::string_view(o.reason) : "";
        s->reset();
        if (auto rc = s->bind(1, to_string(o.state)).bind(2, reason).bind(3, now).bind(4, o.id).run(); !rc) {
            return std::unexpected(std::move(rc.error()));
        }
        changed += static_cast<std::size_t>(db_.changes());
    }
    if (auto rc = tx->commit(); !rc) return std::unexpected(std::move(rc.error()));
    return changed;
}

Result<bool> Store::mark_sent(std::string_view id) {
    const OutboxOutcome outcome{std::string(id), OutboxState::sent, ""};
    auto n = mark(std::span(&outcome, 1));
    if (!n) return std::unexpected(std::move(n.error()));
    return *n > 0;
}

Result<bool> Store::mark_duplicate(std::string_view id) {
    const OutboxOutcome outcome{std::string(id), OutboxState::duplicate, ""};
    auto n = mark(std::span(&outcome, 1));
    if (!n) return std::unexpected(std::move(n.error()));
    return *n > 0;
}

Result<bool> Store::mark_rejected(std::string_view id, std::string_view reason) {
    const OutboxOutcome outcome{std::string(id), OutboxState::rejected, std::string(reason)};
    auto n = mark(std::span(&outcome, 1));
    if (!n) return std::unexpected(std::move(n.error()));
    return *n > 0;
}

Result<bool> Store::requeue(std::string_view id) {
    auto s = db_.prepare(
        "UPDATE outbox SET state = 'queued', reason = '', updated_ms = ? WHERE submission_id = ? AND state = "
        "'rejected'");
    if (!s) return std::unexpected(std::move(s.error()));
    return changed_one(db_, s->bind(1, now_ms()).bind(2, id).run());
}

Result<std::optional<OutboxItem>> Store::outbox_record(std::string_view id) {
    auto q = db_.prepare("SELECT submission_id, wire FROM outbox WHERE submission_id = ?");
    if (!q) return std::unexpected(std::move(q.error()));
    auto row = q->bind(1, id).step();
    if (!row) return std::unexpected(std::move(row.error()));
    if (!*row) return std::optional<OutboxItem>{};
    return std::optional<OutboxItem>{OutboxItem{std::string(q->text(0)), std::string(q->text(1))}};
}

Result<std::vector<StateCount>> Store::counts() {
    auto q = db_.prepare(
        "SELECT s.kind, o.state, COUNT(*) FROM outbox o JOIN submissions s ON s.id = o.submission_id"
        " GROUP BY s.kind, o.state ORDER BY s.kind, o.state");
    if (!q) return std::unexpected(std::move(q.error()));
    std::vector<StateCount> out;
    for (;;) {
        auto row = q->step();
        if (!row) return std::unexpected(std::move(row.error()));
        if (!*row) return out;
        const auto kind = domain::record_kind_from(q->text(0));
        const auto state = outbox_state_from(q->text(1));
        if (kind && state) out.push_back({*kind, *state, q->int64(2)});
    }
}

Result<std::vector<OutboxEntry>> Store::list_outbox(OutboxState state, std::size_t limit) {
    auto q = db_.prepare(
        "SELECT o.submission_id, s.kind, COALESCE(s.reference, ''), s.created_ms, o.reason, o.bytes"
        " FROM outbox o JOIN submissions s ON s.id = o.submission_id WHERE o.state = ? ORDER BY o.seq LIMIT ?");
    if (!q) return std::unexpected(std::move(q.error()));
    q->bind(1, to_string(state)).bind(2, static_cast<std::int64_t>(std::min<std::size_t>(limit, 1'000'000)));
    std::vector<OutboxEntry> out;
    for (;;) {
        auto row = q->step();
        if (!row) return std::unexpected(std::move(row.error()));
        if (!*row) return out;
        const auto kind = domain::record_kind_from(q->text(1));
        out.push_back({std::string(q->text(0)), kind.value_or(domain::RecordKind::support_request),
                       std::string(q->text(2)), q->int64(3), state, std::string(q->text(4)), q->int64(5)});
    }
}

}  // namespace kiosk::store
