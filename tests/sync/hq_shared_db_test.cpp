// Two `kiosk-hq serve` processes on one database, a kiosk talking to either: what one process
// saw, the other knows, because nonces and records live in the database under unique keys,
// not in a process's memory. Runs on each engine (ctest labels sqlite, postgresql); on
// PostgreSQL this is how an association with several HQ machines runs.
#include <gtest/gtest.h>

#include <thread>

#include "sync/client/http.h"
#include "sync/hq/cli.h"
#include "sync/protocol/messages.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/process.h"

namespace kiosk_sync::testkit {
namespace {

class SyncHqSharedDatabase : public ::testing::Test {
protected:
    TempDir temp;
    HqSetup setup{temp.path()};
    HqServer first{setup.hq_dir};
    HqServer second{setup.hq_dir};
    client::HttpClient http{client::HttpOptions{}};

    client::HttpResponse send(HqServer& to, const std::string& body, const protocol::RequestAuth& auth) {
        return send_with(http, to, body, auth);
    }

    // An client::HttpClient is one thread's: a second thread brings its own.
    static client::HttpResponse send_with(client::HttpClient& http, HqServer& to, const std::string& body,
                                          const protocol::RequestAuth& auth) {
        client::HttpClient::Headers headers = testkit::auth_headers(auth);
        auto response =
            http.request("POST", "http://127.0.0.1:" + std::to_string(to.port()) + "/v1/submissions", headers, body);
        EXPECT_TRUE(response) << (response ? "" : response.error().message);
        return response ? *response : client::HttpResponse{};
    }

    protocol::RequestAuth sign(const std::string& body) {
        return protocol::sign_request(setup.identity.secret, "kiosk-1", "POST", "/v1/submissions", body, hq::now_ms());
    }
};

TEST_F(SyncHqSharedDatabase, ARequestSeenByOneProcessIsAReplayToTheOther) {
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 21);
    const auto record = maker.next();
    const auto body = protocol::submission_body("kiosk-1", {record.json});
    const auto auth = sign(body);
    ASSERT_EQ(send(first, body, auth).status, 200);
    auto replay = send(second, body, auth);
    EXPECT_EQ(replay.status, 401);
    auto error = protocol::parse_error_reply(replay.body);
    ASSERT_TRUE(error) << replay.body;
    EXPECT_EQ(error->error, "replayed");
    expect_exactly_once(setup.hq_dir, {record});
}

TEST_F(SyncHqSharedDatabase, AKioskAlternatingBetweenProcessesIsStoredExactlyOnce) {
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 22);
    std::vector<VisitorRecord> all;
    for (int batch = 0; batch < 6; ++batch) {
        std::vector<VisitorRecord> records;
        std::vector<std::string_view> texts;
        for (int i = 0; i < 5; ++i) records.push_back(maker.next());
        for (const auto& r : records) texts.push_back(r.json);
        const auto body = protocol::submission_body("kiosk-1", texts);
        // Sent to one process, its reply "lost", sent again (freshly signed) to the other.
        HqServer& to = batch % 2 == 0 ? first : second;
        HqServer& again = batch % 2 == 0 ? second : first;
        auto accepted = protocol::parse_batch_reply(send(to, body, sign(body)).body);
        auto repeated = protocol::parse_batch_reply(send(again, body, sign(body)).body);
        ASSERT_TRUE(accepted && repeated);
        for (const auto& v : accepted->results) EXPECT_EQ(v.outcome, protocol::Outcome::accepted) << v.reason;
        for (const auto& v : repeated->results) EXPECT_EQ(v.outcome, protocol::Outcome::duplicate) << v.reason;
        all.insert(all.end(), records.begin(), records.end());
    }
    expect_exactly_once(setup.hq_dir, all);
}

TEST_F(SyncHqSharedDatabase, TheSameBatchToBothAtOnceIsStoredOnce) {
    RecordMaker maker("kiosk-1", setup.identity.hq_box_public, 23);
    std::vector<VisitorRecord> records;
    std::vector<std::string_view> texts;
    for (int i = 0; i < 20; ++i) records.push_back(maker.next());
    for (const auto& r : records) texts.push_back(r.json);
    const auto body = protocol::submission_body("kiosk-1", texts);
    const auto auth_first = sign(body);
    const auto auth_second = sign(body);
    client::HttpResponse from_first;
    std::thread racer([&] {
        client::HttpClient own{client::HttpOptions{}};
        from_first = send_with(own, first, body, auth_first);
    });
    const client::HttpResponse from_second = send(second, body, auth_second);
    racer.join();
    auto a = protocol::parse_batch_reply(from_first.body);
    auto b = protocol::parse_batch_reply(from_second.body);
    ASSERT_TRUE(a && b) << from_first.body << from_second.body;
    for (std::size_t i = 0; i < records.size(); ++i) {
        // Each record: exactly one process accepted it; the other found it already there.
        const bool one_accepted = (a->results[i].outcome == protocol::Outcome::accepted) !=
                                  (b->results[i].outcome == protocol::Outcome::accepted);
        EXPECT_TRUE(one_accepted) << records[i].id;
    }
    expect_exactly_once(setup.hq_dir, records);
}

}  // namespace
}  // namespace kiosk_sync::testkit
