// Depth-limited JSON parsing; see json_text.h.
#include "sync/protocol/json_text.h"

#include <algorithm>

namespace kiosk_sync::protocol {

std::size_t json_depth(std::string_view text) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool in_string = false;
    bool escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

std::expected<nlohmann::json, std::string> parse_json(std::string_view text, std::size_t max_depth) {
    // nlohmann stops at a NUL byte and skips a leading byte order mark, so "{...}\0junk" would
    // pass alone and break the batch it is later embedded in. Neither is JSON (RFC 8259).
    if (text.find('\0') != std::string_view::npos) return std::unexpected("JSON contains a NUL byte");
    if (text.starts_with("\xEF\xBB\xBF")) return std::unexpected("JSON starts with a byte order mark");
    if (json_depth(text) > max_depth) return std::unexpected("JSON is nested too deeply");
    auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return std::unexpected("not valid JSON");
    return json;
}

const nlohmann::json* find_member(const nlohmann::json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto& map = object.get_ref<const nlohmann::json::object_t&>();
    auto it = map.find(std::string(key));
    return it == map.end() ? nullptr : &it->second;
}

std::optional<std::string> string_member(const nlohmann::json& object, std::string_view key) {
    const auto* member = find_member(object, key);
    if (member == nullptr || !member->is_string()) return std::nullopt;
    return member->get_ref<const std::string&>();
}

std::optional<std::int64_t> int_member(const nlohmann::json& object, std::string_view key) {
    const auto* member = find_member(object, key);
    if (member == nullptr || !member->is_number_integer()) return std::nullopt;
    return member->get<std::int64_t>();
}

std::string dump_json(const nlohmann::json& json) {
    return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kiosk_sync::protocol
