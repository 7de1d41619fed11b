// sync/protocol/messages.h — the JSON messages between kiosk and HQ, version 1.
//
//   POST /v1/submissions  {"v":1,"kiosk":ID,"records":[Record...]}
//        200 → {"v":1,"results":[{"id":..,"outcome":"accepted|duplicate|rejected","reason":..}]}
//   GET  /v1/statuses?since=CURSOR
//        200 → {"v":1,"statuses":[{"reference","status","note","updated"}],"cursor":..,"more":b}
//   GET  /v1/content  (If-None-Match) → 200 with HQ's content document and an ETag, or 304
//   any error → {"v":1,"error":CODE,"reason":TEXT,"server_time":ms}
//
// Every parser here takes untrusted text and returns a value or a reason; none throws, and
// nesting deeper than kMaxJsonDepth is refused before nlohmann builds (and later recursively
// dumps or destroys) it. Not here: HTTP, signing (signing.h), storage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sync/protocol/json_text.h"
#include "sync/protocol/record.h"

namespace kiosk_sync::protocol {

inline constexpr int kProtocolVersion = 1;
inline constexpr std::size_t kMaxBatchRecords = 1000;
inline constexpr std::size_t kMaxStatusPage = 500;

inline constexpr const char* kPathSubmissions = "/v1/submissions";
inline constexpr const char* kPathStatuses = "/v1/statuses";
inline constexpr const char* kPathContent = "/v1/content";

// Error codes HQ puts in "error"; the client maps them to what it shows staff.
namespace error_code {
inline constexpr const char* kMalformed = "malformed";
inline constexpr const char* kTooLarge = "too_large";
inline constexpr const char* kMissingAuth = "missing_auth";
inline constexpr const char* kUnknownKiosk = "unknown_kiosk";
inline constexpr const char* kBadSignature = "bad_signature";
inline constexpr const char* kStaleTimestamp = "stale_timestamp";
inline constexpr const char* kReplayed = "replayed";
inline constexpr const char* kNotFound = "not_found";
inline constexpr const char* kInternal = "internal";
}  // namespace error_code

// --- submissions -------------------------------------------------------------------------

// One element of a batch as HQ sees it: the record, or why it cannot be one (with whatever
// id could be read, so the reply can name it).
struct BatchItem {
    std::string id;
    std::expected<Record, std::string> record;
};

struct SubmissionBatch {
    std::string kiosk;
    std::vector<BatchItem> items;
};

// Batch-level problems (not JSON, wrong version, not an array, too many records) are errors;
// a bad record inside a good batch is an item with an error.
std::expected<SubmissionBatch, std::string> parse_submission_batch(std::string_view body);

// Builds the body from records' JSON texts as the outbox keeps them; each text must already
// be one valid record (the client checks with parse_record first).
std::string submission_body(std::string_view kiosk, const std::vector<std::string_view>& records);

enum class Outcome { accepted, duplicate, rejected };
std::string_view to_string(Outcome outcome);

struct ItemVerdict {
    std::string id;
    Outcome outcome = Outcome::rejected;
    std::string reason;  // empty unless rejected
};

struct BatchReply {
    std::vector<ItemVerdict> results;
};

std::string serialize(const BatchReply& reply);
std::expected<BatchReply, std::string> parse_batch_reply(std::string_view body);

// --- statuses ----------------------------------------------------------------------------

// A review state HQ may send for a reference (DESIGN.md, "HQ"): a support request's received,
// in-review, needs-info, accepted, rejected; feedback's answered, closed; a volunteer's
// contacted, active, declined.
bool is_review_state(std::string_view status);

// HQ's answer to one reference, with the reviewer's note in Arabic and/or English (either may
// be empty). `note` is the note of kiosks older than the two languages: whichever is set.
struct RequestStatus {
    std::string reference;
    std::string status;
    std::string note;
    std::string note_ar;
    std::string note_en;
    std::int64_t updated_ms = 0;
};

struct StatusPage {
    std::vector<RequestStatus> statuses;
    std::string cursor;  // opaque; send it back as ?since=
    bool more = false;
};

std::string serialize(const StatusPage& page);
std::expected<StatusPage, std::string> parse_status_page(std::string_view body);

// --- errors ------------------------------------------------------------------------------

struct ErrorReply {
    std::string error;
    std::string reason;
    std::int64_t server_time_ms = 0;
};

std::string serialize(const ErrorReply& reply);
std::expected<ErrorReply, std::string> parse_error_reply(std::string_view body);

}  // namespace kiosk_sync::protocol
