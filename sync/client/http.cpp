// libcurl behind HttpClient; see http.h.
#include "sync/client/http.h"

#include <algorithm>
#include <cctype>
#include <mutex>

namespace kiosk_sync::client {

namespace {

struct SlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistFree>;

// What the callbacks fill while curl runs.
struct Transfer {
    HttpResponse response;
    std::size_t max_bytes = 0;
    bool too_large = false;
    const std::atomic<bool>* abort = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    std::size_t n = size * count;
    if (transfer->response.body.size() + n > transfer->max_bytes) {
        transfer->too_large = true;
        return 0;  // makes curl fail the transfer
    }
    transfer->response.body.append(data, n);
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* transfer = static_cast<Transfer*>(user);
    std::size_t n = size * count;
    std::string_view line(data, n);
    // A new status line (after "100 Continue", say) starts a new set of headers.
    if (line.starts_with("HTTP/")) transfer->response.headers.clear();
    auto colon = line.find(':');
    if (colon == std::string_view::npos) return n;
    std::string name(line.substr(0, colon));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto value = line.substr(colon + 1);
    auto first = value.find_first_not_of(" \t");
    auto last = value.find_last_not_of(" \t\r\n");
    transfer->response.headers[name] =
        first == std::string_view::npos ? std::string() : std::string(value.substr(first, last - first + 1));
    return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* transfer = static_cast<Transfer*>(user);
    return transfer->abort != nullptr && transfer->abort->load() ? 1 : 0;
}

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

HttpFailure failure_of(CURLcode code, const Transfer& transfer, const char* detail) {
    std::string message = detail[0] != '\0' ? detail : curl_easy_strerror(code);
    switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST: return {TransportError::connect, message};
    case CURLE_OPERATION_TIMEDOUT: return {TransportError::timeout, message};
    case CURLE_ABORTED_BY_CALLBACK: return {TransportError::aborted, message};
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_PEER_FAILED_VERIFICATION: return {TransportError::identity, message};
    default: return {TransportError::other, transfer.too_large ? "reply is too large" : message};
    }
}

}  // namespace

HttpClient::HttpClient(HttpOptions options) : options_(options) {
    global_init();
    curl_.reset(curl_easy_init());
}

std::expected<HttpResponse, HttpFailure> HttpClient::request(std::string_view method, const std::string& url,
                                                             const Headers& headers, std::string_view body) {
    if (!curl_) return std::unexpected(HttpFailure{TransportError::other, "curl_easy_init failed"});
    CURL* curl = curl_.get();
    curl_easy_reset(curl);  // keeps the connection cache, clears the previous request's options
    Transfer transfer;
    transfer.max_bytes = options_.max_response_bytes;
    transfer.abort = options_.abort;

    Slist list;
    // No "Expect: 100-continue": it costs a round trip and some proxies mishandle it.
    for (const auto& line : {std::string("Expect:"), std::string("Content-Type: application/json")})
        list.reset(curl_slist_append(list.release(), line.c_str()));
    for (const auto& [name, value] : headers)
        list.reset(curl_slist_append(list.release(), (name + ": " + value).c_str()));

    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    if (method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.empty() ? "" : body.data());
    } else if (method != "GET") {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, std::string(method).c_str());
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list.get());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &transfer);
    if (!options_.ca_file.empty()) {
        // Only the provisioned certificate: a certificate from any CA the system trusts is
        // still not HQ's.
        curl_easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
        curl_easy_setopt(curl, CURLOPT_CAPATH, nullptr);
    }
    if (!options_.pinned_key.empty()) curl_easy_setopt(curl, CURLOPT_PINNEDPUBLICKEY, options_.pinned_key.c_str());

    CURLcode code = curl_easy_perform(curl);
    // The header list and error buffer die with this frame; curl must not keep pointers to them.
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    if (code != CURLE_OK) return std::unexpected(failure_of(code, transfer, error));
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &transfer.response.status);
    return std::move(transfer.response);
}

}  // namespace kiosk_sync::client
