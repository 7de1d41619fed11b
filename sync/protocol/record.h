// sync/protocol/record.h — one record as it travels from kiosk to HQ (docs/DATA.md).
// The kiosk's store builds it once, at submission time, and keeps its JSON in the outbox;
// HQ parses it. Personal data is already sealed inside `sealed`; nothing here is secret.
#pragma once

#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiosk_sync::protocol {

inline constexpr int kRecordVersion = 1;

struct Record {
    std::string id;         // UUID, the idempotency key
    std::string kind;       // support_request | feedback | volunteer | rating
    std::string reference;  // visitor-facing reference; empty for ratings
    std::string kiosk;      // kiosk id
    std::int64_t created_ms = 0;
    nlohmann::json clear = nlohmann::json::object();  // what dashboards need
    std::string sealed;                               // base64 of crypto_box_seal(personal JSON), or empty
};

nlohmann::json to_json(const Record& record);
std::expected<Record, std::string> record_from_json(const nlohmann::json& json);
std::string serialize(const Record& record);
std::expected<Record, std::string> parse_record(std::string_view text);

// What HQ needs besides the shape: a UUID for the id, a known kind, a creation time between
// kEarliestCreatedMs and a day past HQ's clock (kiosk clocks drift; the future they cannot
// reach), `sealed` that is standard base64 of something crypto_box_seal could have produced
// and at most kMaxSealedBytes, and a clear part that follows its kind's schema
// (record_schema.h). Returns the reason a record is unacceptable, or nothing.
//
// The cap on `sealed` is not 64 KB like the rest: a support request's sealed data holds its
// signature strokes, and the kiosk allows 20,000 points (about 320 KB once sealed and in
// base64); the clear part and every other member together stay far under 64 KB.
inline constexpr std::int64_t kEarliestCreatedMs = 1704067200000;  // 2024-01-01, before any kiosk
inline constexpr std::int64_t kCreatedAheadMs = 24 * 60 * 60 * 1000;
inline constexpr std::size_t kMaxSealedBytes = 512u << 10;
std::optional<std::string> check_record(const Record& record, std::int64_t now_ms);

// The canonical lower-case 8-4-4-4-12 form the kiosk writes; anything else is not an id.
bool is_uuid(std::string_view text);

// Standard base64 with padding (sodium_base64_VARIANT_ORIGINAL), as the kiosk store writes.
std::string to_base64(std::string_view bytes);
std::optional<std::string> from_base64(std::string_view text);

}  // namespace kiosk_sync::protocol
