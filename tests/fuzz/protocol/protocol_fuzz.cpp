// The protocol fuzz entry point; see protocol_fuzz.h.
#include "protocol_fuzz.h"

#include <chrono>
#include <string_view>
#include <vector>

#include "sync/client/backoff.h"
#include "sync/protocol/bundle.h"
#include "sync/protocol/messages.h"

namespace kiosk_sync::fuzz {

namespace {

using namespace kiosk_sync::protocol;

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size() && lines.size() < 64) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string check_record_text(std::string_view text) {
    auto record = parse_record(text);
    if (!record) return "";
    (void)check_record(*record, 1764120000000);
    auto once = serialize(*record);
    auto again = parse_record(once);
    if (!again) return "a serialized record does not parse: " + again.error();
    if (serialize(*again) != once) return "record serialization is not a fixed point";
    if (again->id != record->id || again->sealed != record->sealed || again->created_ms != record->created_ms)
        return "record fields changed in a round trip";
    return "";
}

std::string check_messages(std::string_view text) {
    if (auto batch = parse_submission_batch(text)) {
        if (batch->items.size() > kMaxBatchRecords) return "batch over the record limit was accepted";
        for (const auto& item : batch->items)
            if (item.record && item.record->id != item.id) return "batch item id differs from its record's";
    }
    if (auto reply = parse_batch_reply(text)) {
        auto once = serialize(*reply);
        auto again = parse_batch_reply(once);
        if (!again || serialize(*again) != once) return "batch reply round trip differs";
    }
    if (auto page = parse_status_page(text)) {
        auto once = serialize(*page);
        auto again = parse_status_page(once);
        if (!again || serialize(*again) != once) return "status page round trip differs";
    }
    if (auto error = parse_error_reply(text)) {
        auto again = parse_error_reply(serialize(*error));
        if (!again || again->error != error->error) return "error reply round trip differs";
    }
    if (json_depth(text) > kMaxJsonDepth && parse_json(text)) return "deep JSON was parsed";
    return "";
}

// Lines that are records must survive both builders: a batch body and a bundle.
std::string check_builders(std::string_view text) {
    static const Secret secret = [] {
        Secret s{};
        s.fill(0x5a);
        return s;
    }();
    auto lines = split_lines(text);
    std::vector<std::string> records;
    std::vector<std::string_view> views;
    for (const auto& line : lines)
        if (parse_record(line)) records.push_back(line);
    for (const auto& r : records) views.push_back(r);
    auto batch = parse_submission_batch(submission_body("kiosk-f", views));
    if (!batch) return "a body of valid records does not parse: " + batch.error();
    if (batch->items.size() != records.size()) return "batch body lost or gained records";
    auto bundle = encode_bundle(secret, "kiosk-f", 1, records);
    auto opened = open_bundle(bundle, secret);
    if (!opened || opened->size() != records.size()) return "a bundle of valid records does not open";
    // Anything at all as a bundle, or as a bundle's lines: no crash is the whole invariant.
    (void)open_bundle(text, secret);
    (void)open_bundle(encode_bundle(secret, "kiosk-f", 1, lines), secret);
    return "";
}

}  // namespace

std::string check_protocol(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto broken = check_record_text(text); !broken.empty()) return broken;
    if (auto broken = check_messages(text); !broken.empty()) return broken;
    if (auto broken = check_builders(text); !broken.empty()) return broken;
    if (auto secret = secret_from_hex(text); secret && to_hex(*secret).size() != 64) return "secret hex length";
    if (auto ts = parse_timestamp(text); ts && *ts < 0) return "negative timestamp accepted";
    if (auto wait = client::parse_retry_after(text, std::chrono::system_clock::now()); wait && wait->count() < 0)
        return "negative Retry-After";
    (void)from_base64(text);
    return "";
}

}  // namespace kiosk_sync::fuzz
