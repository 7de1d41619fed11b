// Misbehaving clients for the attack tests; see attack.h.
#include "tests/sync/attack.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cerrno>
#include <fstream>

namespace kiosk_sync::testkit {

namespace {

using Clock = std::chrono::steady_clock;

int remaining_ms(Clock::time_point deadline) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left < 0 ? 0 : static_cast<int>(left);
}

}  // namespace

Socket::~Socket() {
    if (fd_ >= 0) ::close(fd_);
}

Socket& Socket::operator=(Socket&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

bool Socket::send_all(std::string_view bytes, std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    while (!bytes.empty()) {
        pollfd p{fd_, POLLOUT, 0};
        if (::poll(&p, 1, remaining_ms(deadline)) <= 0 || (p.revents & (POLLERR | POLLHUP)) != 0) return false;
        auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool Socket::closed_by_peer(std::chrono::milliseconds timeout) {
    auto deadline = Clock::now() + timeout;
    char buffer[4096];
    for (;;) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, remaining_ms(deadline)) <= 0) return false;
        auto n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) return true;
    }
}

std::string Socket::read_reply(std::chrono::milliseconds timeout, std::size_t max_bytes) {
    auto deadline = Clock::now() + timeout;
    std::string out;
    char buffer[4096];
    while (out.size() < max_bytes) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, remaining_ms(deadline)) <= 0) break;
        auto n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n <= 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

Socket connect_from(const std::string& source_ip, int port) {
    Socket socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!socket.valid()) return socket;
    sockaddr_in source{};
    source.sin_family = AF_INET;
    ::inet_pton(AF_INET, source_ip.c_str(), &source.sin_addr);
    sockaddr_in target{};
    target.sin_family = AF_INET;
    target.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &target.sin_addr);
    if (::bind(socket.fd(), reinterpret_cast<sockaddr*>(&source), sizeof source) != 0 ||
        ::connect(socket.fd(), reinterpret_cast<sockaddr*>(&target), sizeof target) != 0)
        return Socket();
    return socket;
}

FloodResult flood(Socket& socket, std::string_view prefix, std::string_view filler, std::size_t total,
                  std::chrono::milliseconds deadline) {
    FloodResult result;
    auto end = Clock::now() + deadline;
    if (!socket.send_all(prefix)) return result;
    result.sent = prefix.size();
    while (result.sent < total && Clock::now() < end) {
        // A server that stopped reading without closing stalls us; half a second says so.
        if (!socket.send_all(filler, std::chrono::milliseconds(500))) break;
        result.sent += filler.size();
    }
    result.reply = socket.read_reply(std::chrono::milliseconds(1000));
    return result;
}

std::size_t peak_rss_kib(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stoul(line.substr(6));
    return 0;
}

}  // namespace kiosk_sync::testkit
