// Encoding and decoding of a single wire record; see record.h.
#include "sync/protocol/record.h"

#include <algorithm>
#include <array>

#include <sodium.h>

#include "sync/protocol/json_text.h"
#include "sync/protocol/record_schema.h"

namespace kiosk_sync::protocol {

nlohmann::json to_json(const Record& record) {
    return nlohmann::json{{"v", kRecordVersion},           {"id", record.id},        {"kind", record.kind},
                          {"reference", record.reference}, {"kiosk", record.kiosk},  {"created", record.created_ms},
                          {"clear", record.clear},         {"sealed", record.sealed}};
}

std::expected<Record, std::string> record_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::unexpected("record is not a JSON object");
    // A present member of the wrong type is an error; an absent optional one is not.
    auto string_field = [&](const char* name, std::string& out, bool required) -> bool {
        const auto* member = find_member(json, name);
        if (member == nullptr) return !required;
        if (!member->is_string()) return false;
        out = member->get_ref<const std::string&>();
        return true;
    };
    if (int_member(json, "v") != kRecordVersion) return std::unexpected("record version is missing or unsupported");
    Record record;
    if (!string_field("id", record.id, true) || record.id.empty()) return std::unexpected("record id is missing");
    if (!string_field("kind", record.kind, true)) return std::unexpected("record kind is missing");
    if (!string_field("reference", record.reference, false)) return std::unexpected("record reference is not a string");
    if (!string_field("kiosk", record.kiosk, true)) return std::unexpected("record kiosk is missing");
    if (!string_field("sealed", record.sealed, false)) return std::unexpected("record sealed is not a string");
    auto created = int_member(json, "created");
    if (!created) return std::unexpected("record created is missing");
    record.created_ms = *created;
    if (const auto* clear = find_member(json, "clear"); clear != nullptr) {
        if (!clear->is_object()) return std::unexpected("record clear is not an object");
        record.clear = *clear;
    }
    return record;
}

std::string serialize(const Record& record) { return dump_json(to_json(record)); }

std::expected<Record, std::string> parse_record(std::string_view text) {
    auto json = parse_json(text);
    if (!json) return std::unexpected("record is not valid JSON: " + json.error());
    return record_from_json(*json);
}

namespace {

constexpr std::size_t kMaxReferenceLength = 32;
constexpr std::array kKinds = {"support_request", "feedback", "volunteer", "rating"};

bool is_key_text(std::string_view text, std::size_t max_length) {
    if (text.empty() || text.size() > max_length) return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
               c == '.';
    });
}

}  // namespace

std::optional<std::string> check_record(const Record& record, std::int64_t now_ms) {
    if (!is_uuid(record.id)) return "id is not a UUID";
    if (std::find(kKinds.begin(), kKinds.end(), record.kind) == kKinds.end()) return "unknown kind";
    if (record.kiosk.empty()) return "kiosk is empty";
    if (record.created_ms < kEarliestCreatedMs || record.created_ms > now_ms + kCreatedAheadMs)
        return "created is not a plausible time";
    if (!record.reference.empty() && !is_key_text(record.reference, kMaxReferenceLength))
        return "reference has characters or length a visitor could not type";
    if (record.sealed.size() > kMaxSealedBytes) return "sealed is larger than any visitor's data";
    if (!record.sealed.empty()) {
        auto sealed = from_base64(record.sealed);
        if (!sealed) return "sealed is not base64";
        if (sealed->size() < crypto_box_SEALBYTES) return "sealed is too short to be a sealed box";
    }
    if (auto problem = check_clear(record.kind, record.clear)) return problem;
    return std::nullopt;
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

std::string to_base64(std::string_view bytes) {
    constexpr int variant = sodium_base64_VARIANT_ORIGINAL;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), variant), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      variant);
    out.resize(out.size() - 1);  // drop the terminating NUL libsodium writes
    return out;
}

std::optional<std::string> from_base64(std::string_view text) {
    std::string out(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                          &length, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        end != text.data() + text.size())
        return std::nullopt;
    out.resize(length);
    return out;
}

}  // namespace kiosk_sync::protocol
