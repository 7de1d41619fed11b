// Offline bundle encoding, verification and atomic writing; see bundle.h.
#include "sync/protocol/bundle.h"

#include <ctime>

#include "sync/protocol/file_io.h"
#include "sync/protocol/kiosk_files.h"

namespace kiosk_sync::protocol {

namespace {

using nlohmann::json;

constexpr std::string_view kFormat = "mouj-bundle";

std::string bundle_mac_text(std::string_view kiosk, std::int64_t created_ms, std::size_t count,
                            std::string_view payload_sha256) {
    std::string text(kFormat);
    text.append("\n1\n").append(kiosk).append("\n").append(std::to_string(created_ms));
    text.append("\n").append(std::to_string(count)).append("\n").append(payload_sha256);
    return text;
}

std::string payload_of(const std::vector<std::string>& record_texts) {
    std::size_t size = 2;
    for (const auto& text : record_texts) size += text.size() + 2;
    std::string payload;
    payload.reserve(size);
    payload.append("[\n");
    for (std::size_t i = 0; i < record_texts.size(); ++i) {
        payload.append(record_texts[i]);
        payload.append(i + 1 < record_texts.size() ? ",\n" : "\n");
    }
    payload.append("]\n");
    return payload;
}

bool file_safe(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' ||
           c == '.';
}

}  // namespace

std::string encode_bundle(const Secret& secret, std::string_view kiosk, std::int64_t created_ms,
                          const std::vector<std::string>& record_texts) {
    std::string payload = payload_of(record_texts);
    std::string digest = sha256_hex(payload);
    json header{{"format", kFormat},
                {"v", 1},
                {"kiosk", std::string(kiosk)},
                {"created", created_ms},
                {"count", record_texts.size()},
                {"payload_sha256", digest},
                {"hmac", hmac_hex(secret, bundle_mac_text(kiosk, created_ms, record_texts.size(), digest))}};
    return dump_json(header) + "\n" + payload;
}

std::expected<BundleHeader, std::string> read_bundle_header(std::string_view text) {
    auto newline = text.find('\n');
    if (newline == std::string_view::npos) return std::unexpected("bundle has no header line");
    auto parsed = parse_json(text.substr(0, newline), 2);
    if (!parsed || !parsed->is_object()) return std::unexpected("bundle header is not a JSON object");
    if (string_member(*parsed, "format") != kFormat || int_member(*parsed, "v") != 1)
        return std::unexpected("not a version 1 mouj bundle");
    BundleHeader header;
    auto kiosk = string_member(*parsed, "kiosk");
    auto created = int_member(*parsed, "created");
    auto count = int_member(*parsed, "count");
    auto digest = string_member(*parsed, "payload_sha256");
    auto mac = string_member(*parsed, "hmac");
    if (!kiosk || !created || !count || *count < 0 || !digest || !mac)
        return std::unexpected("bundle header is incomplete");
    // Checked here, before any caller can print it: the field is whatever the file holds.
    if (!is_valid_kiosk_id(*kiosk)) return std::unexpected("bundle header's kiosk is not a kiosk id");
    return BundleHeader{*kiosk, *created, static_cast<std::size_t>(*count), *digest, *mac};
}

std::expected<std::vector<BatchItem>, std::string> open_bundle(std::string_view text, const Secret& secret) {
    auto header = read_bundle_header(text);
    if (!header) return std::unexpected(header.error());
    std::string_view payload = text.substr(text.find('\n') + 1);
    std::string digest = sha256_hex(payload);
    if (digest != header->payload_sha256) return std::unexpected("bundle payload was changed or cut short");
    if (!hmac_verify_hex(secret, bundle_mac_text(header->kiosk, header->created_ms, header->count, digest),
                         header->hmac))
        return std::unexpected("bundle signature does not match this kiosk's secret");
    auto records = parse_json(payload, kMaxJsonDepth + 1);
    if (!records || !records->is_array()) return std::unexpected("bundle payload is not a JSON array");
    if (records->size() != header->count) return std::unexpected("bundle record count does not match");
    std::vector<BatchItem> items;
    items.reserve(records->size());
    for (const auto& element : *records) {
        items.push_back(BatchItem{string_member(element, "id").value_or(""), record_from_json(element)});
    }
    return items;
}

std::string bundle_file_name(std::string_view kiosk, std::int64_t created_ms) {
    std::string safe;
    for (char c : kiosk) safe.push_back(file_safe(c) ? c : '_');
    std::time_t seconds = static_cast<std::time_t>(created_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    return "mouj-" + safe + "-" + stamp + ".bundle";
}

std::expected<WrittenBundle, std::string> write_bundle(const std::filesystem::path& dir, const Secret& secret,
                                                       std::string_view kiosk, std::int64_t created_ms,
                                                       const std::vector<std::string>& record_texts,
                                                       const BundleProgress& progress) {
    auto path = dir / bundle_file_name(kiosk, created_ms);
    std::string text = encode_bundle(secret, kiosk, created_ms, record_texts);
    WriteProgress on_write;
    if (progress) on_write = [&progress](double fraction) { progress(BundleStage::writing, fraction); };
    if (auto written = write_file_atomic(path, text, 0644, on_write); !written) return std::unexpected(written.error());
    drop_cached_pages(path);
    if (progress) progress(BundleStage::verifying, 0.0);
    auto back = read_bundle(path, secret);
    if (!back) return std::unexpected("bundle read-back failed: " + back.error());
    if (back->items.size() != record_texts.size())
        return std::unexpected("bundle read-back found a different number of records");
    return WrittenBundle{path, record_texts.size(), text.size()};
}

std::expected<VerifiedBundle, std::string> read_bundle(const std::filesystem::path& path, const Secret& secret) {
    auto text = read_file(path, kMaxBundleBytes);
    if (!text) return std::unexpected(text.error());
    auto header = read_bundle_header(*text);
    if (!header) return std::unexpected(header.error());
    auto items = open_bundle(*text, secret);
    if (!items) return std::unexpected(items.error());
    return VerifiedBundle{std::move(*header), std::move(*items)};
}

}  // namespace kiosk_sync::protocol
