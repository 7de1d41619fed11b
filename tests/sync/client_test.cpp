// The sync worker against a real kiosk-hq and against a scripted stub HQ (for status codes
// and timing a real HQ would not produce on demand): draining, statuses and content,
// wake(), rejection handling, retry policy, 413 splitting, prompt stop.
#include <gtest/gtest.h>


#include "sync/client/client.h"
#include "sync/hq/http_front.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/messages.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/process.h"

namespace kiosk_sync::testkit {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

class SyncClient : public KioskBesideHq<21> {};

TEST_F(SyncClient, DrainsTheQueueAndReportsState) {
    HqServer hq(setup.hq_dir);
    auto records = queue_records(*outbox, maker, 120);
    client::Client client(fast_config(setup.identity, "http://127.0.0.1:" + std::to_string(hq.port())),
                          TestOutbox::factory(db));
    EXPECT_FALSE(client.state().running);
    client.start();
    ASSERT_TRUE(client.wait_until_empty(30s));
    auto state = client.state();
    EXPECT_TRUE(state.running);
    EXPECT_TRUE(state.online);
    EXPECT_EQ(state.queued, 0u);
    EXPECT_EQ(state.rejected, 0u);
    EXPECT_EQ(state.delivered, 120u);
    EXPECT_EQ(state.last_error, client::SyncError::none);
    ASSERT_TRUE(state.last_success);
    client.stop();
    EXPECT_FALSE(client.state().running);
    EXPECT_EQ(outbox->ids_in_state("sent").size(), 120u);
    expect_exactly_once(setup.hq_dir, records);
}

TEST_F(SyncClient, ReportsOfflineAndKeepsTheQueueWhenHqIsDown) {
    auto records = queue_records(*outbox, maker, 5);
    client::Client client(fast_config(setup.identity, "http://127.0.0.1:9"), TestOutbox::factory(db));
    client.start();
    EXPECT_FALSE(client.wait_until_empty(1s));
    auto state = client.state();
    EXPECT_FALSE(state.online);
    EXPECT_EQ(state.last_error, client::SyncError::offline);
    EXPECT_EQ(client::to_string(state.last_error), "offline");
    EXPECT_EQ(state.queued, 5u);
}

TEST_F(SyncClient, PullsStatusesAndContentOnlyWhenChanged) {
    HqServer hq(setup.hq_dir);
    auto request = maker.with_kind("support_request");
    outbox->add(request.id, request.json);
    auto config = fast_config(setup.identity, "http://127.0.0.1:" + std::to_string(hq.port()));
    config.idle_poll = 1h;
    client::Client client(config, TestOutbox::factory(db));
    client.start();
    ASSERT_TRUE(client.wait_until_empty(20s));
    EXPECT_EQ(outbox->content_writes(), 0);  // HQ has no content yet

    ASSERT_EQ(run_hq({"set-status", "--dir", setup.hq_dir, request.reference, "in-review"}).exit_code, 0);
    ASSERT_TRUE(protocol::write_file_atomic(setup.hq_dir / "content.json", R"({"services":["غذاء"]})"));
    ASSERT_TRUE(client.wait_until_empty(20s));
    EXPECT_EQ(outbox->status_of(request.reference), "in-review");
    EXPECT_EQ(outbox->content_body(), R"({"services":["غذاء"]})");
    EXPECT_EQ(outbox->content_writes(), 1);

    ASSERT_EQ(run_hq({"set-status", "--dir", setup.hq_dir, request.reference, "accepted"}).exit_code, 0);
    ASSERT_TRUE(client.wait_until_empty(20s));
    EXPECT_EQ(outbox->status_of(request.reference), "accepted");
    EXPECT_EQ(outbox->content_writes(), 1);  // 304: unchanged content is not stored again
}

TEST_F(SyncClient, WakeStartsACycleWithoutWaitingForThePoll) {
    HqServer hq(setup.hq_dir);
    auto config = fast_config(setup.identity, "http://127.0.0.1:" + std::to_string(hq.port()));
    config.idle_poll = 1h;
    client::Client client(config, TestOutbox::factory(db));
    client.start();
    ASSERT_TRUE(client.wait_until_empty(10s));
    auto record = maker.next();
    outbox->add(record.id, record.json);
    auto started = Clock::now();
    client.wake();
    for (int i = 0; i < 200 && client.state().delivered == 0; ++i) std::this_thread::sleep_for(10ms);
    EXPECT_EQ(client.state().delivered, 1u);
    EXPECT_LT(Clock::now() - started, 2s);
    expect_exactly_once(setup.hq_dir, {record});
}

TEST_F(SyncClient, RejectedRecordsAreKeptWithTheReasonAndNotResent) {
    HqServer hq(setup.hq_dir);
    auto good = maker.next();
    auto bad = nlohmann::json::parse(maker.next().json);
    bad["kind"] = "party";
    outbox->add(good.id, good.json);
    outbox->add(bad["id"], bad.dump());
    outbox->add("local-garbage", "{\"v\":1,");
    client::Client client(fast_config(setup.identity, "http://127.0.0.1:" + std::to_string(hq.port())),
                          TestOutbox::factory(db));
    client.start();
    ASSERT_TRUE(client.wait_until_empty(20s));
    EXPECT_EQ(client.state().rejected, 2u);
    EXPECT_EQ(outbox->reason_of(bad["id"]), "unknown kind");
    EXPECT_NE(outbox->reason_of("local-garbage").find("cannot be sent"), std::string::npos);
    ASSERT_TRUE(client.wait_until_empty(20s));  // another full cycle
    EXPECT_EQ(outbox->ids_in_state("rejected").size(), 2u);
    expect_exactly_once(setup.hq_dir, {good});
}

TEST_F(SyncClient, SplitsBatchesHqFindsTooLargeAndRejectsARecordThatCannotFit) {
    HqServer hq(setup.hq_dir);
    auto big_record = [&](std::size_t sealed_bytes) {
        protocol::Record r;
        auto hex = protocol::random_nonce();
        r.id = hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
               hex.substr(20, 12);
        r.kind = "feedback";
        r.kiosk = "kiosk-1";
        r.created_ms = 1764120000000;
        r.clear = {{"category", "inquiry"}};
        r.sealed = protocol::to_base64(std::string(sealed_bytes, 'z'));
        return r;
    };
    // a and b fit in one batch; with huge the batch is more than HQ takes, and huge alone too.
    auto a = big_record(300u << 10), b = big_record(300u << 10), huge = big_record(7u << 20);
    for (const auto& r : {a, b, huge}) outbox->add(r.id, protocol::serialize(r));
    auto config = fast_config(setup.identity, "http://127.0.0.1:" + std::to_string(hq.port()));
    config.max_batch_bytes = 64u << 20;
    client::Client client(config, TestOutbox::factory(db));
    client.start();
    ASSERT_TRUE(client.wait_until_empty(30s));
    EXPECT_EQ(outbox->ids_in_state("sent"), (std::vector<std::string>{a.id, b.id}));
    EXPECT_EQ(outbox->reason_of(huge.id), "record is larger than HQ accepts");
}

// A stand-in HQ that answers from a script, signing its replies like HQ, on the same HTTP
// front the real one uses.
class ScriptedHq {
public:
    using Step = std::function<hq::HttpReply(const hq::HttpRequest&)>;
    ScriptedHq(protocol::Secret secret, std::vector<Step> script)
        : secret_(secret),
          script_(std::move(script)),
          front_(
              hq::FrontOptions{}, [this](const hq::HttpRequest& req) { return answer(req); }, nullptr,
              [](int status) {
                  return hq::HttpReply{status, "", "application/json", {}};
              }) {
        port_ = front_.bind().value_or(0);
        EXPECT_TRUE(front_.start());
    }
    int port() const { return port_; }
    std::vector<Clock::time_point> times() {
        std::lock_guard lock(mutex_);
        return times_;
    }
    hq::HttpReply accept_all(const hq::HttpRequest& req) {
        protocol::BatchReply reply;
        auto batch = protocol::parse_submission_batch(req.body);
        for (const auto& item : batch->items) reply.results.push_back({item.id, protocol::Outcome::accepted, ""});
        hq::HttpReply out{200, protocol::serialize(reply), "application/json", {}};
        out.headers.emplace_back(protocol::kHeaderSignature,
                                 protocol::sign_reply(secret_, req.header(protocol::kHeaderNonce), 200, out.body));
        return out;
    }

private:
    hq::HttpReply answer(const hq::HttpRequest& req) {
        if (req.method != "POST" || req.path() != protocol::kPathSubmissions) return {404, "", "application/json", {}};
        std::size_t index = 0;
        {
            std::lock_guard lock(mutex_);
            index = times_.size();
            times_.push_back(Clock::now());
        }
        return index < script_.size() ? script_[index](req) : accept_all(req);
    }

    protocol::Secret secret_;
    std::vector<Step> script_;
    std::mutex mutex_;
    std::vector<Clock::time_point> times_;
    hq::HttpFront front_;  // last: stopped (its handlers finished) before the members they use go
    int port_ = 0;
};

ScriptedHq::Step status_step(int status, std::string retry_after = "") {
    return [status, retry_after](const hq::HttpRequest&) {
        hq::HttpReply out{status, R"({"v":1,"error":"scripted","reason":"scripted"})", "application/json", {}};
        if (!retry_after.empty()) out.headers.emplace_back("Retry-After", retry_after);
        return out;
    };
}

TEST_F(SyncClient, RetryPolicyFollowsStatusCodesAndRetryAfter) {
    ScriptedHq stub(setup.identity.secret, {status_step(503, "1"), status_step(500), status_step(429, "1"),
                                            status_step(400), status_step(408)});
    auto records = queue_records(*outbox, maker, 3);
    auto config = fast_config(setup.identity, "http://127.0.0.1:" + std::to_string(stub.port()));
    config.backoff_initial = 20ms;
    config.backoff_max = 1500ms;
    config.pull_statuses = config.pull_content = false;
    client::Client client(config, TestOutbox::factory(db));
    client.start();
    ASSERT_TRUE(client.wait_until_empty(20s));
    auto t = stub.times();
    ASSERT_EQ(t.size(), 6u);
    EXPECT_GE(t[1] - t[0], 1000ms);  // 503 with Retry-After: 1
    EXPECT_LT(t[2] - t[1], 500ms);   // 500: the backoff schedule, still short
    EXPECT_GE(t[3] - t[2], 1000ms);  // 429 with Retry-After: 1
    EXPECT_GE(t[4] - t[3], 1500ms);  // 400: the request is wrong; only the longest pause
    EXPECT_LT(t[5] - t[4], 500ms);   // 408: a timeout, retried on schedule
    EXPECT_EQ(outbox->ids_in_state("sent").size(), 3u);
}

TEST_F(SyncClient, UnsignedRepliesAreNotTrusted) {
    ScriptedHq::Step unsigned_accept = [](const hq::HttpRequest& req) {
        protocol::BatchReply reply;
        auto batch = protocol::parse_submission_batch(req.body);
        for (const auto& item : batch->items) reply.results.push_back({item.id, protocol::Outcome::accepted, ""});
        return hq::HttpReply{200, protocol::serialize(reply), "application/json", {}};  // no signature
    };
    ScriptedHq stub(setup.identity.secret, {unsigned_accept, unsigned_accept, unsigned_accept});
    queue_records(*outbox, maker, 2);
    auto config = fast_config(setup.identity, "http://127.0.0.1:" + std::to_string(stub.port()));
    config.pull_statuses = config.pull_content = false;
    client::Client client(config, TestOutbox::factory(db));
    client.start();
    ASSERT_TRUE(client.wait_until_empty(20s));
    // Had any unsigned "accepted" been believed, the records would not have been sent again.
    EXPECT_EQ(stub.times().size(), 4u);
    EXPECT_EQ(outbox->ids_in_state("sent").size(), 2u);
    EXPECT_EQ(client.state().delivered, 2u);
}

TEST_F(SyncClient, StopIsPromptWhileHqHangs) {
    std::atomic<bool> release{false};
    ScriptedHq stub(setup.identity.secret, {[&](const hq::HttpRequest&) {
                        for (int i = 0; i < 400 && !release; ++i) std::this_thread::sleep_for(50ms);
                        return hq::HttpReply{503, "", "application/json", {}};
                    }});
    queue_records(*outbox, maker, 1);
    auto config = fast_config(setup.identity, "http://127.0.0.1:" + std::to_string(stub.port()));
    config.request_timeout = 60s;
    client::Client client(config, TestOutbox::factory(db));
    client.start();
    for (int i = 0; i < 300 && stub.times().empty(); ++i) std::this_thread::sleep_for(10ms);
    auto started = Clock::now();
    client.stop();
    EXPECT_LT(Clock::now() - started, 3s);
    release = true;
    EXPECT_EQ(outbox->counts()->queued, 1u);
}

}  // namespace
}  // namespace kiosk_sync::testkit
