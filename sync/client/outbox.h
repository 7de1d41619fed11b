// sync/client/outbox.h — what the sync worker needs from the kiosk's store, as an interface
// the store implements (kiosk/store) and tests fake (tests/sync/test_outbox.h).
//
// Threading: the worker creates its Outbox through an OutboxFactory on its own thread and
// is its only user, so a SQLite implementation opens its own connection there (WAL lets it
// read while the UI thread writes submissions). Every call commits before it returns; none
// holds a transaction open across calls.
// Not here: HTTP, signing, retry policy (client.h).
#pragma once

#include <cstddef>
#include <expected>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sync/protocol/messages.h"

namespace kiosk_sync::client {

struct OutboxItem {
    std::string id;           // the record's UUID, equal to "id" inside record_json
    std::string record_json;  // the wire record (protocol::serialize), built at submission time
};

struct OutboxCounts {
    std::size_t queued = 0;    // still to deliver
    std::size_t rejected = 0;  // refused by HQ (or unsendable), kept for staff, never resent
};

class Outbox {
public:
    virtual ~Outbox() = default;

    // Oldest first, records neither delivered nor rejected: at most max_records and at most
    // max_bytes of record_json in total, except that one record is always returned when any
    // is queued (a large record must not block the queue). Calling again before mark()
    // returns the same records.
    virtual std::expected<std::vector<OutboxItem>, std::string> next_batch(std::size_t max_records,
                                                                           std::size_t max_bytes) = 0;

    // HQ's verdicts, in one transaction: accepted and duplicate mean delivered (the row may be
    // deleted or flagged sent); rejected keeps the row with the reason and takes it out of
    // the queue. Ids the outbox does not know are ignored. This commit may skip the fsync
    // (synchronous=NORMAL): a mark lost to a power cut only means a resend HQ calls duplicate.
    virtual std::expected<void, std::string> mark(const std::vector<protocol::ItemVerdict>& verdicts) = 0;

    virtual std::expected<OutboxCounts, std::string> counts() = 0;

    // Request statuses from HQ and the cursor after them: the statuses are committed before the
    // cursor, so a crash between the two only fetches them again and never skips a status. The
    // cursor is opaque; nothing stored means "from the beginning".
    virtual std::expected<std::optional<std::string>, std::string> status_cursor() = 0;
    virtual std::expected<void, std::string> upsert_statuses(const std::vector<protocol::RequestStatus>& statuses,
                                                             const std::string& cursor) = 0;

    // HQ's content document (services, FAQ, strings, survey) and its ETag.
    virtual std::expected<std::optional<std::string>, std::string> content_etag() = 0;
    virtual std::expected<void, std::string> store_content(const std::string& etag, const std::string& body) = 0;
};

// Called on the worker thread; called again (after a pause) when it fails.
using OutboxFactory = std::function<std::expected<std::unique_ptr<Outbox>, std::string>()>;

}  // namespace kiosk_sync::client
