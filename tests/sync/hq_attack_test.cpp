// kiosk-hq serve under attack, a real process on 127.0.0.1: slow-loris and idle sockets must
// not keep an honest kiosk out, and neither a chunked body nor an endless header line may grow
// HQ's memory. Attackers connect from other loopback addresses (127.0.0.2 and up) than the
// honest kiosk (127.0.0.1), as they would from other machines. Each test prints what it
// measured, for docs/PERFORMANCE.md.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "sync/client/http.h"
#include "sync/protocol/messages.h"
#include "tests/sync/attack.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/process.h"

namespace kiosk_sync::testkit {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMemoryCeilingKib = 100 * 1024;

std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class SyncHqAttack : public ::testing::Test {
protected:
    TempDir temp;
    HqSetup setup{temp.path()};
    HqServer hq{setup.hq_dir};
    RecordMaker maker{"kiosk-1", setup.identity.hq_box_public, 29};

    // One signed batch of three records from the honest kiosk; the time it took, or nothing
    // when it failed or was not accepted.
    std::optional<std::chrono::milliseconds> honest_batch() {
        std::vector<VisitorRecord> records{maker.next(), maker.next(), maker.next()};
        std::vector<std::string_view> texts;
        for (const auto& r : records) texts.push_back(r.json);
        auto body = protocol::submission_body("kiosk-1", texts);
        auto auth = protocol::sign_request(setup.identity.secret, "kiosk-1", "POST", protocol::kPathSubmissions, body,
                                           wall_ms());
        client::HttpClient http{client::HttpOptions{3000ms, 5000ms}};
        auto start = Clock::now();
        auto response = http.request("POST", "http://127.0.0.1:" + std::to_string(hq.port()) + "/v1/submissions",
                                     testkit::auth_headers(auth), body);
        auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
        if (!response || response->status != 200) return std::nullopt;
        return took;
    }

    std::size_t peak_kib() { return peak_rss_kib(hq.process().pid()); }

    // Floods HQ from an address of its own; HQ must stop reading before `most` bytes, stay
    // under the memory ceiling, and still answer the honest kiosk afterwards.
    void flood_and_check(const char* what, std::string_view prefix, std::string_view filler, std::size_t total,
                         std::size_t most) {
        auto socket = connect_from("127.0.0.70", hq.port());
        ASSERT_TRUE(socket.valid());
        auto result = flood(socket, prefix, filler, total, 15s);
        auto peak = peak_kib();
        std::printf("%s: HQ took %zu MiB, peak RSS %zu MiB, reply: %.40s\n", what, result.sent >> 20, peak / 1024,
                    result.reply.c_str());
        EXPECT_LT(peak, kMemoryCeilingKib);
        EXPECT_LT(result.sent, most) << "HQ kept reading what it will never accept";
        EXPECT_TRUE(honest_batch());
    }
};

std::string address(int base, int i) { return "127.0.0." + std::to_string(base + i); }

TEST_F(SyncHqAttack, HonestKioskIsAnsweredThroughSlowLorisAndIdleSockets) {
    std::vector<Socket> loris;
    std::vector<Socket> idle;
    for (int i = 0; i < 50; ++i) loris.push_back(connect_from(address(20, i % 10), hq.port()));
    for (int i = 0; i < 200; ++i) idle.push_back(connect_from(address(40, i % 10), hq.port()));
    for (auto& s : loris) s.send_all("POST /v1/submissions HTTP/1.1\r\nHost: hq\r\nX-Pad: ");

    // Each slow-loris socket sends one more header byte every 100 ms, never finishing.
    std::atomic<bool> stop{false};
    std::thread trickle([&] {
        while (!stop.load()) {
            for (auto& s : loris) s.send_all("a", 10ms);
            std::this_thread::sleep_for(100ms);
        }
    });
    std::this_thread::sleep_for(300ms);
    std::vector<long> latencies;
    auto begin = Clock::now();
    while (Clock::now() - begin < 13s) {
        auto took = honest_batch();
        latencies.push_back(took ? static_cast<long>(took->count()) : -1);
        std::this_thread::sleep_for(2s);
    }
    std::size_t loris_closed = 0;
    std::size_t idle_closed = 0;
    for (auto& s : loris) loris_closed += s.closed_by_peer(10ms) ? 1 : 0;
    for (auto& s : idle) idle_closed += s.closed_by_peer(10ms) ? 1 : 0;
    stop = true;
    trickle.join();

    std::string line;
    for (long ms : latencies) line += std::to_string(ms) + " ";
    std::printf(
        "honest batch latencies (ms, -1 failed): %s\nclosed by HQ after 13 s: %zu/50 slow-loris, %zu/200 idle\n",
        line.c_str(), loris_closed, idle_closed);
    for (long ms : latencies) {
        EXPECT_GE(ms, 0) << "an honest batch failed";
        EXPECT_LE(ms, 1000) << "an honest batch took more than a second";
    }
    EXPECT_EQ(loris_closed, 50u) << "headers that never end must hit the header deadline";
    EXPECT_EQ(idle_closed, 200u) << "silent connections must be closed";
}

TEST_F(SyncHqAttack, OneAddressCannotHoldMoreThanItsShareOfConnections) {
    std::vector<Socket> crowd;
    for (int i = 0; i < 64; ++i) crowd.push_back(connect_from("127.0.0.60", hq.port()));
    std::this_thread::sleep_for(300ms);
    std::size_t refused = 0;
    for (auto& s : crowd) refused += !s.valid() || s.closed_by_peer(20ms) ? 1 : 0;
    std::printf("connections from one address refused: %zu/64\n", refused);
    EXPECT_GE(refused, 64u - 32u);
    auto took = honest_batch();
    ASSERT_TRUE(took);
    EXPECT_LE(took->count(), 1000);
}

TEST_F(SyncHqAttack, ChunkedBodyIsRefusedBeforeItIsBuffered) {
    // 400 MiB announced in 1 MiB chunks, unsigned.
    std::string chunk = "100000\r\n" + std::string(1u << 20, 'x') + "\r\n";
    flood_and_check("chunked flood",
                    "POST /v1/submissions HTTP/1.1\r\nHost: hq\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n",
                    chunk, 400u << 20, 64u << 20);
}

TEST_F(SyncHqAttack, HeaderLineWithoutEndIsCapped) {
    flood_and_check("header line flood", "GET /v1/statuses HTTP/1.1\r\nX-Long: ", std::string(1u << 20, 'a'),
                    100u << 20, 16u << 20);
}

}  // namespace
}  // namespace kiosk_sync::testkit
