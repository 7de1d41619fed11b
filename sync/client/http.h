// sync/client/http.h — one blocking HTTP exchange over libcurl, on a reused connection.
// The CURL handle is owned here; a stop flag aborts a transfer in progress within about a
// second, so the worker can shut down promptly. Not here: signing, retries, what status codes mean
// (hq_connection.h).
#pragma once

#include <atomic>
#include <chrono>
#include <expected>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <curl/curl.h>

namespace kiosk_sync::client {

struct HttpResponse {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // names lower-cased; the last one wins

    std::string header(const std::string& lower_name) const {
        auto it = headers.find(lower_name);
        return it == headers.end() ? std::string() : it->second;
    }
};

// identity: HQ's TLS certificate is not the pinned one (or does not verify against it).
enum class TransportError { connect, timeout, aborted, identity, other };

struct HttpFailure {
    TransportError kind = TransportError::other;
    std::string message;
};

struct HttpOptions {
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{60'000};
    std::size_t max_response_bytes = 16u << 20;
    const std::atomic<bool>* abort = nullptr;  // when true, the transfer stops
    // When set, the only certificate trusted for HTTPS (the system's CAs are not consulted)
    // and the public key the server must present.
    std::string ca_file;
    std::string pinned_key;  // "sha256//<base64>", as CURLOPT_PINNEDPUBLICKEY takes it
};

class HttpClient {
public:
    explicit HttpClient(HttpOptions options);

    using Headers = std::vector<std::pair<std::string, std::string>>;
    std::expected<HttpResponse, HttpFailure> request(std::string_view method, const std::string& url,
                                                     const Headers& headers, std::string_view body);

private:
    struct CurlCleanup {
        void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
    };
    HttpOptions options_;
    std::unique_ptr<CURL, CurlCleanup> curl_;
};

}  // namespace kiosk_sync::client
