// Encoding and decoding of the version 1 messages; see messages.h.
#include "sync/protocol/messages.h"

namespace kiosk_sync::protocol {

namespace {

using nlohmann::json;

std::expected<json, std::string> parse_versioned(std::string_view body) {
    auto parsed = parse_json(body);
    if (!parsed) return std::unexpected(parsed.error());
    if (!parsed->is_object()) return std::unexpected("message is not a JSON object");
    if (int_member(*parsed, "v") != kProtocolVersion)
        return std::unexpected("message version is missing or unsupported");
    return parsed;
}

// Reads an optional string member; false when it is present with another type.
bool read_string(const json& object, const char* name, std::string& out) {
    const auto* member = find_member(object, name);
    if (member == nullptr) return true;
    if (!member->is_string()) return false;
    out = member->get_ref<const std::string&>();
    return true;
}

std::expected<ItemVerdict, std::string> verdict_from_json(const json& element) {
    if (!element.is_object()) return std::unexpected("result is not an object");
    ItemVerdict verdict;
    std::string outcome;
    if (!read_string(element, "id", verdict.id) || verdict.id.empty()) return std::unexpected("result has no id");
    if (!read_string(element, "outcome", outcome) || !read_string(element, "reason", verdict.reason))
        return std::unexpected("result fields have wrong types");
    if (outcome == "accepted") verdict.outcome = Outcome::accepted;
    else if (outcome == "duplicate") verdict.outcome = Outcome::duplicate;
    else if (outcome == "rejected") verdict.outcome = Outcome::rejected;
    else return std::unexpected("result outcome is unknown");
    return verdict;
}

std::expected<RequestStatus, std::string> status_from_json(const json& element) {
    if (!element.is_object()) return std::unexpected("status is not an object");
    RequestStatus status;
    if (!read_string(element, "reference", status.reference) || status.reference.empty())
        return std::unexpected("status has no reference");
    if (!read_string(element, "status", status.status) || !is_review_state(status.status))
        return std::unexpected("status value is unknown");
    if (!read_string(element, "note", status.note)) return std::unexpected("status note is not a string");
    // Absent from an HQ older than notes in two languages: the one note is then both.
    if (!element.contains("note_ar") && !element.contains("note_en")) status.note_ar = status.note_en = status.note;
    else if (!read_string(element, "note_ar", status.note_ar) || !read_string(element, "note_en", status.note_en))
        return std::unexpected("status notes are not strings");
    auto updated = int_member(element, "updated");
    if (!updated) return std::unexpected("status has no update time");
    status.updated_ms = *updated;
    return status;
}

}  // namespace

std::expected<SubmissionBatch, std::string> parse_submission_batch(std::string_view body) {
    auto message = parse_versioned(body);
    if (!message) return std::unexpected(message.error());
    SubmissionBatch batch;
    if (!read_string(*message, "kiosk", batch.kiosk) || batch.kiosk.empty())
        return std::unexpected("batch has no kiosk");
    const auto* records = find_member(*message, "records");
    if (records == nullptr || !records->is_array()) return std::unexpected("batch records is not an array");
    if (records->size() > kMaxBatchRecords)
        return std::unexpected("batch has more than " + std::to_string(kMaxBatchRecords) + " records");
    batch.items.reserve(records->size());
    for (const auto& element : *records)
        batch.items.push_back(BatchItem{string_member(element, "id").value_or(""), record_from_json(element)});
    return batch;
}

std::string submission_body(std::string_view kiosk, const std::vector<std::string_view>& records) {
    std::size_t size = 64 + kiosk.size();
    for (auto record : records) size += record.size() + 1;
    std::string body;
    body.reserve(size);
    body.append(R"({"v":)").append(std::to_string(kProtocolVersion));
    body.append(R"(,"kiosk":)").append(dump_json(json(std::string(kiosk))));
    body.append(R"(,"records":[)");
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (i > 0) body.push_back(',');
        body.append(records[i]);
    }
    body.append("]}");
    return body;
}

std::string_view to_string(Outcome outcome) {
    switch (outcome) {
    case Outcome::accepted: return "accepted";
    case Outcome::duplicate: return "duplicate";
    case Outcome::rejected: return "rejected";
    }
    return "rejected";
}

std::string serialize(const BatchReply& reply) {
    json results = json::array();
    for (const auto& verdict : reply.results) {
        json element{{"id", verdict.id}, {"outcome", to_string(verdict.outcome)}};
        if (!verdict.reason.empty()) element["reason"] = verdict.reason;
        results.push_back(std::move(element));
    }
    return dump_json(json{{"v", kProtocolVersion}, {"results", std::move(results)}});
}

std::expected<BatchReply, std::string> parse_batch_reply(std::string_view body) {
    auto message = parse_versioned(body);
    if (!message) return std::unexpected(message.error());
    const auto* results = find_member(*message, "results");
    if (results == nullptr || !results->is_array()) return std::unexpected("reply results is not an array");
    BatchReply reply;
    for (const auto& element : *results) {
        auto verdict = verdict_from_json(element);
        if (!verdict) return std::unexpected(verdict.error());
        reply.results.push_back(std::move(*verdict));
    }
    return reply;
}

bool is_review_state(std::string_view status) {
    for (std::string_view known : {"received", "in-review", "needs-info", "accepted", "rejected", "answered", "closed",
                                   "contacted", "active", "declined"})
        if (status == known) return true;
    return false;
}

std::string serialize(const StatusPage& page) {
    json statuses = json::array();
    for (const auto& s : page.statuses)
        statuses.push_back(json{{"reference", s.reference},
                                {"status", s.status},
                                {"note", s.note},
                                {"note_ar", s.note_ar},
                                {"note_en", s.note_en},
                                {"updated", s.updated_ms}});
    return dump_json(
        json{{"v", kProtocolVersion}, {"statuses", std::move(statuses)}, {"cursor", page.cursor}, {"more", page.more}});
}

std::expected<StatusPage, std::string> parse_status_page(std::string_view body) {
    auto message = parse_versioned(body);
    if (!message) return std::unexpected(message.error());
    StatusPage page;
    if (!read_string(*message, "cursor", page.cursor)) return std::unexpected("cursor is not a string");
    if (const auto* more = find_member(*message, "more"); more != nullptr) {
        if (!more->is_boolean()) return std::unexpected("more is not a boolean");
        page.more = more->get<bool>();
    }
    const auto* statuses = find_member(*message, "statuses");
    if (statuses == nullptr || !statuses->is_array()) return std::unexpected("statuses is not an array");
    for (const auto& element : *statuses) {
        auto status = status_from_json(element);
        if (!status) return std::unexpected(status.error());
        page.statuses.push_back(std::move(*status));
    }
    return page;
}

std::string serialize(const ErrorReply& reply) {
    return dump_json(json{{"v", kProtocolVersion},
                          {"error", reply.error},
                          {"reason", reply.reason},
                          {"server_time", reply.server_time_ms}});
}

std::expected<ErrorReply, std::string> parse_error_reply(std::string_view body) {
    auto message = parse_versioned(body);
    if (!message) return std::unexpected(message.error());
    ErrorReply reply;
    if (!read_string(*message, "error", reply.error) || reply.error.empty())
        return std::unexpected("error reply has no error code");
    if (!read_string(*message, "reason", reply.reason)) return std::unexpected("reason is not a string");
    reply.server_time_ms = int_member(*message, "server_time").value_or(0);
    return reply;
}

}  // namespace kiosk_sync::protocol
