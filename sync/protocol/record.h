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

// What HQ needs besides the shape: a known kind, an id usable as a key, a creation time,
// and `sealed` that is standard base64 of something crypto_box_seal could have produced.
// Returns the reason a record is unacceptable, or nothing.
std::optional<std::string> check_record(const Record& record);

// Standard base64 with padding (sodium_base64_VARIANT_ORIGINAL), as the kiosk store writes.
std::string to_base64(std::string_view bytes);
std::optional<std::string> from_base64(std::string_view text);

}  // namespace kiosk_sync::protocol
