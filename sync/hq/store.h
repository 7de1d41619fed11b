// sync/hq/store.h — what HQ keeps, behind one interface: kiosks and their secrets, records
// by (kiosk, UUID) (a unique key, so a replayed batch changes nothing), request statuses with a
// cursor, and the nonces of recent requests. SqlStore implements it on the SQL layer
// (sql_store.h).
// Not here: judging whether a record is acceptable (ingest.h) or HTTP (server.h).
// Implementations are safe to call from several threads at once.
#pragma once

#include <cstdint>
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sync/protocol/messages.h"
#include "sync/protocol/record.h"
#include "sync/protocol/signing.h"

namespace kiosk_sync::hq {

// A record as HQ holds it, with its current status ("received" until staff set one).
struct StoredRecord {
    protocol::Record record;
    std::int64_t received_ms = 0;
    std::string via;  // "sync" or "bundle"
    std::string status;
    std::string note;
};

class Store {
public:
    virtual ~Store() = default;

    // Registers a kiosk or replaces its secret (re-provisioning rotates it).
    virtual std::expected<void, std::string> put_kiosk(std::string_view kiosk, const protocol::Secret& secret) = 0;
    virtual std::expected<std::optional<protocol::Secret>, std::string> kiosk_secret(std::string_view kiosk) = 0;

    // True when (kiosk, nonce) was not seen before; remembers it until its timestamp leaves
    // the skew window, after which the timestamp alone refuses a replay.
    virtual std::expected<bool, std::string> remember_nonce(std::string_view kiosk, std::string_view nonce,
                                                            std::int64_t timestamp_ms, std::int64_t now_ms) = 0;

    // Stores records that already passed check_record, in one transaction: each is accepted
    // (new), duplicate (same id, same content) or rejected (same id, other content). Nothing is
    // stored when an error is returned.
    virtual std::expected<std::vector<protocol::ItemVerdict>, std::string> ingest(
        const std::vector<protocol::Record>& records, std::string_view via, std::int64_t now_ms) = 0;

    // Records oldest first; with a reference (or id), only that one.
    virtual std::expected<std::vector<StoredRecord>, std::string> records(
        std::optional<std::string_view> reference_or_id) = 0;
    // Every record oldest first, one at a time, for exports: memory stays flat however many
    // there are. `visit` returns false to stop early.
    virtual std::expected<void, std::string> each_record(const std::function<bool(const StoredRecord&)>& visit) = 0;
    virtual std::expected<std::size_t, std::string> record_count() = 0;

    // Answers the request with that reference. References are unique per kiosk only: the
    // answer belongs to the kiosk that issued it, named when more than one did (an error
    // otherwise). False when no record (of that kiosk) has that reference.
    virtual std::expected<bool, std::string> set_status(std::string_view reference, std::string_view status,
                                                        std::string_view note, std::int64_t now_ms,
                                                        std::optional<std::string_view> kiosk) = 0;
    // A kiosk's status changes after the cursor (0: from the beginning), oldest first, at most
    // limit: only answers to references that kiosk issued. The cursor is a change sequence
    // number; the page's cursor is its last one.
    virtual std::expected<protocol::StatusPage, std::string> statuses_since(std::string_view kiosk, std::int64_t cursor,
                                                                            std::size_t limit) = 0;
};

}  // namespace kiosk_sync::hq
