// sync/protocol/record_schema.h — what a record's `clear` part may hold, kind by kind, so HQ
// stores only what its dashboards expect: the allowed keys, each one's type, range or length,
// and a cap on the whole. It mirrors what the kiosk's store puts in the clear (docs/DATA.md);
// a kiosk that starts sending a new clear field needs this table changed first.
//
//   support_request  request_type: key (required)
//   feedback         category: inquiry|complaint|suggestion (required), reply_requested: bool
//   volunteer        skills, availability: arrays of distinct keys
//   rating           overall: 1..5 (required); wait, courtesy, clarity, ease: 1..5 or null;
//                    service: key or ""; counter: 1..99 or null; has_comment: bool
//                    (the comment itself is sealed). A kiosk from before that still sends
//                    comment: text ≤ 1000 chars is accepted, but HQ never keeps that text:
//                    clear_to_keep() drops it before a record is stored or compared.
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

// What HQ keeps of a clear part that passed check_clear: the same, except that a rating's
// clear "comment" (sent by kiosks older than its sealing) is dropped and stands as
// has_comment (true when the text was not empty) unless has_comment is already given. HQ
// applies it to every incoming record and to the stored one it is compared with, so a record
// sent again before and after an upgrade (of the kiosk or of HQ) is the same record.
nlohmann::json clear_to_keep(std::string_view kind, nlohmann::json clear);

// Code points in text when it is valid UTF-8 with no control characters (newlines allowed
// when multiline), no bidi embeddings, overrides or isolates; nothing otherwise.
std::optional<std::size_t> clean_text_length(std::string_view text, bool multiline);

}  // namespace kiosk_sync::protocol
