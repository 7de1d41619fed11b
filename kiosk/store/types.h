// kiosk/store/types.h — the plain values Store hands out: receipts, outbox rows, statuses,
// satisfaction figures. None of them carries personal data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/domain/records.h"

namespace kiosk::store {

// What the visitor is told once the submission is committed.
struct Receipt {
    std::string id;         // UUIDv7
    std::string reference;  // "XXXX-XXXX"; empty for ratings
    std::int64_t created_ms = 0;
};

enum class OutboxState { queued, sent, duplicate, rejected };
std::string_view to_string(OutboxState state);
std::optional<OutboxState> outbox_state_from(std::string_view text);

// One record to send: `wire` is exactly kiosk_sync::protocol::serialize(record).
struct OutboxItem {
    std::string id;
    std::string wire;
};

// HQ's verdict on one record of a batch.
struct OutboxOutcome {
    std::string id;
    OutboxState state = OutboxState::sent;  // sent, duplicate or rejected
    std::string reason;                     // for rejected
};

// A row of the staff queue screen.
struct OutboxEntry {
    std::string id;
    domain::RecordKind kind = domain::RecordKind::support_request;
    std::string reference;
    std::int64_t created_ms = 0;
    OutboxState state = OutboxState::queued;
    std::string reason;
    std::int64_t bytes = 0;
};

struct StateCount {
    domain::RecordKind kind = domain::RecordKind::support_request;
    OutboxState state = OutboxState::queued;
    std::int64_t count = 0;
};

// Where HQ's review of a record stands, as it last reported it (GET /v1/statuses; DESIGN.md,
// "HQ"): a support request goes received → in-review → needs-info → accepted | rejected,
// feedback received → answered → closed, a volunteer received → contacted → active | declined.
enum class ReviewState {
    received,
    in_review,
    needs_info,
    accepted,
    rejected,
    answered,
    closed,
    contacted,
    active,
    declined,
};
std::string_view to_string(ReviewState state);  // the wire's names: "received", "in-review", "needs-info", …
std::optional<ReviewState> review_state_from(std::string_view text);

// The longest note kept, in bytes, per language: a reviewer's note is a few sentences, and a
// page from HQ must not fill the kiosk's disk. A longer one is cut at a character and ends in "…".
inline constexpr std::size_t kMaxNoteBytes = 4000;

// HQ's answer for one reference. The notes are the reviewer's words in Arabic and in English,
// either or both empty; as stored they are UTF-8 without control or bidi formatting
// characters (upsert_statuses cleans them), at most kMaxNoteBytes each.
struct RequestStatus {
    std::string reference;
    ReviewState state = ReviewState::received;
    std::string note_ar;
    std::string note_en;
    std::int64_t updated_ms = 0;
};

// A record this kiosk issued, found by its reference.
struct LocalSubmission {
    std::string id;
    domain::RecordKind kind = domain::RecordKind::support_request;
    std::string reference;
    std::int64_t created_ms = 0;
    OutboxState outbox = OutboxState::queued;  // queued: not yet at HQ
    std::string category;                      // a feedback's inquiry, complaint or suggestion
};

// What the status screen needs: HQ's answer if any, else what this kiosk knows
// ("received, waiting for the committee"); both empty: unknown reference.
struct StatusLookup {
    std::optional<LocalSubmission> local;
    std::optional<RequestStatus> hq;
};

struct ScoreAverage {
    std::int64_t count = 0;
    double average = 0;  // 0 when count is 0
};

struct Satisfaction {
    ScoreAverage overall, wait, courtesy, clarity, ease;
};

struct DaySatisfaction {
    std::int64_t day = 0;  // days since 1970-01-01 in the kiosk's local time
    std::string date;      // the same day as YYYY-MM-DD
    Satisfaction scores;
};

struct PlaceSatisfaction {
    std::string service;  // empty: not given
    std::optional<int> counter;
    Satisfaction scores;
};

}  // namespace kiosk::store
