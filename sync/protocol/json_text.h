// sync/protocol/json_text.h — the one door through which untrusted JSON text enters.
// nlohmann parses iteratively but dumps recursively, so a body of a million '[' would parse
// fine and then crash whoever prints it; we measure nesting first and refuse deep text.
// Not here: the meaning of any message (messages.h, record.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kiosk_sync::protocol {

inline constexpr std::size_t kMaxJsonDepth = 32;

// Deepest nesting of arrays and objects in text, ignoring brackets inside strings.
std::size_t json_depth(std::string_view text);

// Parses JSON text, refusing nesting deeper than max_depth and anything that is not JSON.
std::expected<nlohmann::json, std::string> parse_json(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

// Member lookup that yields nullptr when object is not an object or lacks key. (Going through
// the std::map keeps GCC's -Wnull-dereference from misreading nlohmann's iterators.)
const nlohmann::json* find_member(const nlohmann::json& object, std::string_view key);
// The member as a string / integer, or nothing when it is absent or of another type.
std::optional<std::string> string_member(const nlohmann::json& object, std::string_view key);
std::optional<std::int64_t> int_member(const nlohmann::json& object, std::string_view key);

// Compact text; invalid UTF-8 (say, from an HTTP header quoted in a reason) is replaced
// instead of throwing.
std::string dump_json(const nlohmann::json& json);

}  // namespace kiosk_sync::protocol
