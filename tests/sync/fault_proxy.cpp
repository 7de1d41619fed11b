// The fault-injecting TCP proxy; see fault_proxy.h. One thread per connection, every wait
// bounded (50 ms polls, a 60 s ceiling per connection), everything closed by the destructor.
#include "tests/sync/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk_sync::testkit {

namespace {

void close_with_reset(int fd) {
    linger l{1, 0};  // closing with zero linger sends RST instead of FIN
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

bool write_all(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0) return false;
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

int connect_local(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Offset just past "\r\n\r\n" and the Content-Length of the first request in text, once known.
struct RequestShape {
    std::size_t body_start = 0;
    std::size_t body_length = 0;
    bool post = false;
};

std::optional<RequestShape> shape_of(const std::string& text) {
    auto end = text.find("\r\n\r\n");
    if (end == std::string::npos) return std::nullopt;
    RequestShape shape{end + 4, 0, text.rfind("POST ", 0) == 0};
    std::string lower = text.substr(0, end);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto at = lower.find("content-length:");
    if (at != std::string::npos) shape.body_length = std::stoul(lower.substr(at + 15));
    return shape;
}

std::string forged_reply(const std::string& body) {
    nlohmann::json results = nlohmann::json::array();
    auto request = nlohmann::json::parse(body, nullptr, false);
    if (request.is_object() && request.contains("records") && request["records"].is_array())
        for (const auto& record : request["records"])
            if (record.is_object() && record.contains("id"))
                results.push_back({{"id", record["id"]}, {"outcome", "accepted"}});
    std::string json = nlohmann::json{{"v", 1}, {"results", results}}.dump();
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(json.size()) +
           "\r\nConnection: close\r\n\r\n" + json;
}

enum class Step { go_on, close, reset };

// One proxied connection and the fault it carries. Each connection carries one exchange:
// after a complete reply it closes, so the client's next request meets the next fault.
class Relay {
public:
    Relay(int client, int upstream, Fault fault, std::chrono::milliseconds delay, const std::atomic<bool>& stopping)
        : client_(client), upstream_(upstream), fault_(fault), delay_(delay), stopping_(stopping) {}

    Step run();

private:
    Step from_client(const char* data, std::size_t size);
    Step from_upstream(const char* data, std::size_t size);
    bool hold_for_fault();  // for faults that must see the request's shape first

    int client_;
    int upstream_;
    Fault fault_;
    std::chrono::milliseconds delay_;
    const std::atomic<bool>& stopping_;
    std::string seen_;   // everything the client sent so far
    std::string reply_;  // everything HQ sent so far
    std::size_t forwarded_ = 0;
    bool fault_done_ = false;
};

Step Relay::run() {
    if (fault_ == Fault::delay) std::this_thread::sleep_for(delay_);
    bool client_open = true, upstream_open = true;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    char chunk[16384];
    while ((client_open || upstream_open) && !stopping_ && std::chrono::steady_clock::now() < deadline) {
        pollfd fds[2] = {{client_open ? client_ : -1, POLLIN, 0}, {upstream_open ? upstream_ : -1, POLLIN, 0}};
        if (::poll(fds, 2, 50) <= 0) continue;
        if (fds[0].revents != 0) {
            ssize_t n = ::recv(client_, chunk, sizeof chunk, 0);
            if (n <= 0) {
                client_open = false;
                ::shutdown(upstream_, SHUT_WR);
            } else if (auto step = from_client(chunk, static_cast<std::size_t>(n)); step != Step::go_on) {
                return step;
            }
        }
        if (fds[1].revents != 0) {
            ssize_t n = ::recv(upstream_, chunk, sizeof chunk, 0);
            if (n <= 0) {
                upstream_open = false;
                ::shutdown(client_, SHUT_WR);
            } else if (auto step = from_upstream(chunk, static_cast<std::size_t>(n)); step != Step::go_on) {
                return step;
            }
        }
    }
    return Step::close;
}

bool Relay::hold_for_fault() {
    return !fault_done_ && (fault_ == Fault::reset_request || fault_ == Fault::tamper || fault_ == Fault::forge_reply);
}

Step Relay::from_client(const char* data, std::size_t size) {
    if (fault_ == Fault::slow) std::this_thread::sleep_for(delay_);
    seen_.append(data, size);
    if (hold_for_fault()) {
        auto shape = shape_of(seen_);
        if (!shape || seen_.size() < shape->body_start + shape->body_length) return Step::go_on;  // keep reading
        fault_done_ = true;
        if (fault_ == Fault::reset_request) {
            write_all(upstream_, seen_.data(), shape->body_start + shape->body_length / 2);
            return Step::reset;
        }
        if (fault_ == Fault::forge_reply && shape->post) {
            auto reply = forged_reply(seen_.substr(shape->body_start, shape->body_length));
            write_all(client_, reply.data(), reply.size());
            return Step::close;
        }
        if (fault_ == Fault::tamper && shape->body_length > 0)
            seen_[shape->body_start + shape->body_length / 2] ^= 0x04;
    }
    bool ok = write_all(upstream_, seen_.data() + forwarded_, seen_.size() - forwarded_);
    forwarded_ = seen_.size();
    return ok ? Step::go_on : Step::reset;
}

Step Relay::from_upstream(const char* data, std::size_t size) {
    if (fault_ == Fault::lose_reply) return Step::reset;
    if (fault_ == Fault::reset_reply) {
        write_all(client_, data, size / 2);
        return Step::reset;
    }
    if (!write_all(client_, data, size)) return Step::reset;
    reply_.append(data, size);
    auto shape = shape_of(reply_);
    bool complete = shape && reply_.size() >= shape->body_start + shape->body_length;
    return complete ? Step::close : Step::go_on;
}

}  // namespace

FaultProxy::FaultProxy(int upstream_port, Plan plan, std::chrono::milliseconds delay)
    : upstream_port_(upstream_port), delay_(delay), plan_(std::move(plan)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof addr;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 64) != 0 ||
        ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &length) != 0)
        throw std::runtime_error("proxy cannot listen");
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
    stopping_ = true;
    acceptor_.join();
    for (auto& worker : workers_) worker.join();
    ::close(listen_fd_);
}

void FaultProxy::set_plan(Plan plan) {
    std::lock_guard lock(mutex_);
    plan_ = std::move(plan);
}

Fault FaultProxy::next_fault() {
    std::lock_guard lock(mutex_);
    int index = connections_++;
    return plan_ ? plan_(index) : Fault::pass;
}

void FaultProxy::accept_loop() {
    while (!stopping_) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        int client = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        Fault fault = next_fault();
        if (fault != Fault::pass) ++faults_;
        workers_.emplace_back([this, client, fault] { serve(client, fault); });
    }
}

void FaultProxy::serve(int client, Fault fault) {
    if (fault == Fault::drop) return close_with_reset(client);
    int upstream = connect_local(upstream_port_);
    if (upstream < 0) return close_with_reset(client);
    if (Relay(client, upstream, fault, delay_, stopping_).run() == Step::reset) {
        close_with_reset(client);
        close_with_reset(upstream);
        return;
    }
    // An orderly close: the client reads the whole reply, then sees the end of the stream.
    ::shutdown(client, SHUT_WR);
    ::close(client);
    ::close(upstream);
}

}  // namespace kiosk_sync::testkit
