// Signed exchanges with HQ and the judgement of their replies; see hq_connection.h.
#include "sync/client/hq_connection.h"

#include "sync/client/backoff.h"

#include <cctype>

namespace kiosk_sync::client {

namespace {

std::int64_t to_ms(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::string percent_encode(std::string_view text) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 0x0f]);
        }
    }
    return out;
}

Failure transport_failure(const HttpFailure& failure) {
    Failure out;
    out.error = failure.kind == TransportError::timeout ? SyncError::timeout : SyncError::offline;
    if (failure.kind == TransportError::identity) {
        out.error = SyncError::hq_identity_changed;
        out.retry_soon = false;  // a certificate does not change back on its own
    }
    out.detail = failure.message;
    return out;
}

std::string reason_of(const HttpResponse& response) {
    auto error = protocol::parse_error_reply(response.body);
    std::string status = "HTTP " + std::to_string(response.status);
    return error ? status + " " + error->error + ": " + error->reason : status;
}

}  // namespace

HqConnection::HqConnection(HqEndpoint endpoint, HttpOptions http) : endpoint_(std::move(endpoint)), http_(http) {
    while (!endpoint_.base_url.empty() && endpoint_.base_url.back() == '/') endpoint_.base_url.pop_back();
    auto scheme = endpoint_.base_url.find("://");
    auto slash = endpoint_.base_url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash != std::string::npos) path_prefix_ = endpoint_.base_url.substr(slash);
    if (!endpoint_.clock) endpoint_.clock = [] { return std::chrono::system_clock::now(); };
}

Result<HttpResponse> HqConnection::exchange(std::string_view method, const std::string& target, std::string_view body,
                                            const HttpClient::Headers& extra) {
    // At most two tries: the second only after HQ told us, signed, what time it is.
    for (int attempt = 0;; ++attempt) {
        auto now = to_ms(endpoint_.clock() + offset_);
        auto auth = protocol::sign_request(endpoint_.secret, endpoint_.kiosk, method, path_prefix_ + target, body, now);
        HttpClient::Headers headers = extra;
        headers.emplace_back(protocol::kHeaderKiosk, auth.kiosk);
        headers.emplace_back(protocol::kHeaderTimestamp, std::to_string(auth.timestamp_ms));
        headers.emplace_back(protocol::kHeaderNonce, auth.nonce);
        headers.emplace_back(protocol::kHeaderSignature, auth.signature);
        auto response = http_.request(method, endpoint_.base_url + target, headers, body);
        if (!response) return std::unexpected(transport_failure(response.error()));
        bool retry_with_offset = false;
        auto judged = judge(*response, auth.nonce, retry_with_offset);
        if (!retry_with_offset || attempt > 0) return judged;
    }
}

Result<HttpResponse> HqConnection::judge(const HttpResponse& response, const std::string& nonce,
                                         bool& retry_with_offset) {
    auto status = static_cast<int>(response.status);
    bool verified =
        protocol::verify_reply(endpoint_.secret, nonce, status, response.body, response.header("x-signature"));
    Failure failure;
    failure.reached_hq = verified;
    failure.detail = reason_of(response);
    if ((status >= 200 && status < 300) || status == 304 || status == 404) {
        if (verified) return response;
        // Anyone between us and HQ could have written this; acting on it could drop records.
        failure.error = SyncError::bad_reply;
        failure.detail = "reply is not signed by HQ (" + failure.detail + ")";
        return std::unexpected(failure);
    }
    if (status == 401) {
        auto error = protocol::parse_error_reply(response.body);
        bool stale = error && error->error == protocol::error_code::kStaleTimestamp;
        if (verified && stale && error->server_time_ms > 0) {
            auto local = endpoint_.clock();
            offset_ = std::chrono::milliseconds(error->server_time_ms - to_ms(local));
            retry_with_offset = true;
        }
        failure.error = stale ? SyncError::clock_skew : SyncError::unauthorized;
        failure.retry_soon = false;
        return std::unexpected(failure);
    }
    if (status == 408 || status == 429 || status >= 500) {
        failure.error = status == 408 || status == 429 || status == 503 ? SyncError::hq_busy : SyncError::hq_error;
        failure.retry_after = parse_retry_after(response.header("retry-after"), std::chrono::system_clock::now());
        return std::unexpected(failure);
    }
    failure.error = SyncError::refused;
    failure.retry_soon = false;
    failure.too_large = status == 413;
    return std::unexpected(failure);
}

Result<protocol::BatchReply> HqConnection::upload(std::string_view body) {
    auto response = exchange("POST", protocol::kPathSubmissions, body, {});
    if (!response) return std::unexpected(response.error());
    auto reply = protocol::parse_batch_reply(response->body);
    if (response->status != 200 || !reply)
        return std::unexpected(
            Failure{SyncError::bad_reply, true, false, true, std::nullopt, "HQ's reply to a batch is unreadable"});
    return std::move(*reply);
}

Result<protocol::StatusPage> HqConnection::statuses(const std::optional<std::string>& cursor) {
    std::string target = protocol::kPathStatuses;
    if (cursor && !cursor->empty()) target += "?since=" + percent_encode(*cursor);
    auto response = exchange("GET", target, {}, {});
    if (!response) return std::unexpected(response.error());
    auto page = protocol::parse_status_page(response->body);
    if (response->status != 200 || !page)
        return std::unexpected(
            Failure{SyncError::bad_reply, true, false, true, std::nullopt, "HQ's status page is unreadable"});
    return std::move(*page);
}

Result<std::optional<Content>> HqConnection::content(const std::optional<std::string>& etag) {
    HttpClient::Headers extra;
    if (etag && !etag->empty()) extra.emplace_back("If-None-Match", *etag);
    auto response = exchange("GET", protocol::kPathContent, {}, extra);
    if (!response) return std::unexpected(response.error());
    if (response->status != 200) return std::optional<Content>();
    return std::optional<Content>(Content{response->header("etag"), std::move(response->body)});
}

}  // namespace kiosk_sync::client
