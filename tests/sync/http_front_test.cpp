// The HTTP front's own guarantees with small limits, so deadlines take a second rather than
// the real ones' ten or thirty: a body that trickles and a kept-alive connection that idles
// are closed, the body budget answers 503, oversized headers 431.
#include <gtest/gtest.h>

#include <thread>

#include "sync/hq/http_front.h"
#include "tests/sync/attack.h"

namespace kiosk_sync::hq {
namespace {

using namespace std::chrono_literals;
using testkit::connect_from;
using Clock = std::chrono::steady_clock;

class SyncHttpFront : public ::testing::Test {
protected:
    SyncHttpFront() {
        FrontOptions options;
        options.limits.max_header_bytes = 1024;
        options.limits.max_body_bytes = 800;
        options.limits.body_budget_bytes = 1000;
        options.limits.header_timeout = 1s;
        options.limits.body_timeout = 1s;
        options.limits.idle_timeout = 1s;
        front = std::make_unique<HttpFront>(
            options,
            [](const HttpRequest& req) {
                return HttpReply{200, "got " + req.body, "text/plain", {}};
            },
            nullptr,
            [](int status) {
                return HttpReply{status, "refused", "text/plain", {{"Retry-After", "5"}}};
            });
        port = front->bind().value_or(0);
        EXPECT_TRUE(front->start());
    }

    std::unique_ptr<HttpFront> front;
    int port = 0;
};

TEST_F(SyncHttpFront, AnswersAndKeepsNoIdleConnection) {
    auto socket = connect_from("127.0.0.1", port);
    ASSERT_TRUE(socket.send_all("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nhi"));
    auto reply = socket.read_reply(300ms);
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 200")) << reply;
    EXPECT_NE(reply.find("got hi"), std::string::npos);
    auto idle_since = Clock::now();
    EXPECT_TRUE(socket.closed_by_peer(3s));
    EXPECT_GE(Clock::now() - idle_since, 700ms);  // closed by the idle deadline, not at once
}

TEST_F(SyncHttpFront, ClosesABodyThatTrickles) {
    auto socket = connect_from("127.0.0.1", port);
    ASSERT_TRUE(socket.send_all("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n"));
    auto start = Clock::now();
    bool closed = false;
    while (!closed && Clock::now() - start < 4s) {
        socket.send_all("a", 50ms);
        closed = socket.closed_by_peer(200ms);
    }
    EXPECT_TRUE(closed);
    EXPECT_LT(Clock::now() - start, 2500ms);
}

TEST_F(SyncHttpFront, KeepsBufferedBodiesWithinTheBudget) {
    auto first = connect_from("127.0.0.1", port);
    ASSERT_TRUE(first.send_all("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 600\r\n\r\n"));
    std::this_thread::sleep_for(100ms);  // the first request now holds 600 of the 1000 bytes
    auto second = connect_from("127.0.0.2", port);
    ASSERT_TRUE(second.send_all("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 600\r\n\r\n"));
    auto reply = second.read_reply(500ms);
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 503")) << reply;
    EXPECT_NE(reply.find("Retry-After: 5"), std::string::npos);
    ASSERT_TRUE(first.send_all(std::string(600, 'b')));
    EXPECT_TRUE(first.read_reply(500ms).starts_with("HTTP/1.1 200"));
    auto third = connect_from("127.0.0.3", port);
    ASSERT_TRUE(third.send_all("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 900\r\n\r\n"));
    EXPECT_TRUE(third.read_reply(500ms).starts_with("HTTP/1.1 413"));
}

TEST_F(SyncHttpFront, RefusesHeadersLargerThanTheCap) {
    auto socket = connect_from("127.0.0.1", port);
    ASSERT_TRUE(socket.send_all("GET /x HTTP/1.1\r\nHost: h\r\nX-Big: " + std::string(4096, 'a') + "\r\n\r\n"));
    auto reply = socket.read_reply(500ms);
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 431")) << reply.substr(0, 80);
}

}  // namespace
}  // namespace kiosk_sync::hq
