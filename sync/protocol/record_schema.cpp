// The schema of each kind's clear part; see record_schema.h.
#include "sync/protocol/record_schema.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <set>
#include <vector>

#include "sync/protocol/json_text.h"
#include "sync/protocol/utf8.h"

namespace kiosk_sync::protocol {

namespace {

using nlohmann::json;

// One allowed member: its name, whether it must be present, and the check of its value
// (the reason it is wrong, or nothing).
struct Field {
    const char* name;
    bool required;
    std::function<std::optional<std::string>(const json&)> check;
};

bool is_key(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '_' || c == '.';
    });
}

std::optional<std::string> key_value(const json& value, bool empty_allowed) {
    if (!value.is_string()) return "is not a string";
    const auto& text = value.get_ref<const std::string&>();
    if ((text.empty() && empty_allowed) || is_key(text)) return std::nullopt;
    return "is not a key";
}

std::optional<std::string> score(const json& value, std::int64_t max, bool null_allowed) {
    if (value.is_null() && null_allowed) return std::nullopt;
    if (!value.is_number_integer()) return "is not a whole number";
    auto n = value.get<std::int64_t>();
    if (n < 1 || n > max) return "is out of range";
    return std::nullopt;
}

std::optional<std::string> key_list(const json& value, std::size_t max) {
    if (!value.is_array()) return "is not a list";
    if (value.size() > max) return "has too many entries";
    std::set<std::string> seen;
    for (const auto& element : value) {
        if (key_value(element, false)) return "holds something other than keys";
        if (!seen.insert(element.get<std::string>()).second) return "repeats a key";
    }
    return std::nullopt;
}

std::optional<std::string> text_value(const json& value, std::size_t max_chars) {
    if (!value.is_string()) return "is not a string";
    auto length = clean_text_length(value.get_ref<const std::string&>(), true);
    if (!length) return "holds control characters or invalid UTF-8";
    if (*length > max_chars) return "is too long";
    return std::nullopt;
}

const std::vector<Field>& fields_of(std::string_view kind) {
    auto one_of = [](std::vector<std::string> allowed) {
        return [allowed](const json& v) -> std::optional<std::string> {
            if (v.is_string() && std::find(allowed.begin(), allowed.end(), v.get<std::string>()) != allowed.end())
                return std::nullopt;
            return "is not one of the known values";
        };
    };
    auto boolean = [](const json& v) -> std::optional<std::string> {
        return v.is_boolean() ? std::nullopt : std::optional<std::string>("is not true or false");
    };
    auto aspect = [](const json& v) { return score(v, 5, true); };
    static const std::vector<Field> support{{"request_type", true, [](const json& v) { return key_value(v, false); }}};
    static const std::vector<Field> feedback{{"category", true, one_of({"inquiry", "complaint", "suggestion"})},
                                             {"reply_requested", false, boolean}};
    static const std::vector<Field> volunteer{{"skills", false, [](const json& v) { return key_list(v, 32); }},
                                              {"availability", false, [](const json& v) { return key_list(v, 16); }}};
    static const std::vector<Field> rating{{"overall", true, [](const json& v) { return score(v, 5, false); }},
                                           {"wait", false, aspect},
                                           {"courtesy", false, aspect},
                                           {"clarity", false, aspect},
                                           {"ease", false, aspect},
                                           {"service", false, [](const json& v) { return key_value(v, true); }},
                                           {"counter", false, [](const json& v) { return score(v, 99, true); }},
                                           {"has_comment", false, boolean},
                                           // Kiosks before sealing comments; dropped by clear_to_keep.
                                           {"comment", false, [](const json& v) { return text_value(v, 1000); }}};
    static const std::vector<Field> none;
    if (kind == "support_request") return support;
    if (kind == "feedback") return feedback;
    if (kind == "volunteer") return volunteer;
    if (kind == "rating") return rating;
    return none;
}

}  // namespace

std::optional<std::string> check_clear(std::string_view kind, const json& clear) {
    if (!clear.is_object()) return "clear is not an object";
    const auto& fields = fields_of(kind);
    if (clear.size() > fields.size()) return "clear has more members than a " + std::string(kind) + " has";
    for (const auto& [name, value] : clear.items()) {
        auto field = std::find_if(fields.begin(), fields.end(), [&](const Field& f) { return name == f.name; });
        // The name is not echoed: it came from outside and the reason is shown and logged.
        if (field == fields.end()) return "clear has a member a " + std::string(kind) + " does not have";
        if (auto problem = field->check(value)) return "clear." + name + " " + *problem;
    }
    for (const auto& field : fields)
        if (field.required && !clear.contains(field.name)) return "clear." + std::string(field.name) + " is missing";
    if (dump_json(clear).size() > kMaxClearBytes) return "clear is larger than any " + std::string(kind) + " needs";
    return std::nullopt;
}

json clear_to_keep(std::string_view kind, json clear) {
    if (kind != "rating" || !clear.is_object()) return clear;
    const auto comment = clear.find("comment");
    if (comment == clear.end()) return clear;
    const bool written = comment->is_string() && !comment->get_ref<const std::string&>().empty();
    clear.erase(comment);
    if (!clear.contains("has_comment")) clear["has_comment"] = written;
    return clear;
}

std::optional<std::size_t> clean_text_length(std::string_view text, bool multiline) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        char32_t c = 0;
        std::size_t length = decode_utf8(text.substr(i), c);
        if (length == 0) return std::nullopt;
        bool control = (c < 0x20 && !(multiline && c == '\n')) || (c >= 0x7F && c <= 0x9F);
        bool bidi_override = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        if (control || bidi_override) return std::nullopt;
        i += length;
    }
    return count;
}

}  // namespace kiosk_sync::protocol
