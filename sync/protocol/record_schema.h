// sync/protocol/record_schema.h — what a record's `clear` part may hold, kind by kind, so HQ
// stores only what its dashboards expect: the allowed keys, each one's type, range or length,
// and a cap on the whole. It mirrors what the kiosk's store puts in the clear (docs/DATA.md);
// a kiosk that starts sending a new clear field needs this table changed first.
//
//   support_request  request_type: key (required)
//   feedback         category: inquiry|complaint|suggestion (required), reply_requested: bool
//   volunteer        skills, availability: arrays of distinct keys
//   rating           overall: 1..5 (required); wait, courtesy, clarity, ease: 1..5 or null;
//                    service: key or ""; counter: 1..99 or null; comment: text ≤ 1000 chars
//
// A key is 1-64 of [a-z0-9_.-]; text is valid UTF-8 without control characters (a newline
// aside) or bidi overrides. Not here: the record's other members (record.h's check_record).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiosk_sync::protocol {

inline constexpr std::size_t kMaxClearBytes = 8u << 10;

// The reason clear is unacceptable for kind (already known to be a kind), or nothing.
std::optional<std::string> check_clear(std::string_view kind, const nlohmann::json& clear);

// Code points in text when it is valid UTF-8 with no control characters (newlines allowed
// when multiline), no bidi embeddings, overrides or isolates; nothing otherwise.
std::optional<std::size_t> clean_text_length(std::string_view text, bool multiline);

}  // namespace kiosk_sync::protocol
