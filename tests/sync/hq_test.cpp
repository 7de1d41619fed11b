// kiosk-hq serve over HTTP, request by request: authentication, replay and staleness,
// malformed and oversized bodies, idempotent ingest, statuses and content. A real process.
#include <gtest/gtest.h>

#include <csignal>

#include "sync/client/http.h"
#include "sync/protocol/file_io.h"
#include "sync/protocol/messages.h"
#include "tests/sync/attack.h"
#include "tests/sync/fixtures.h"
#include "tests/sync/process.h"

namespace kiosk_sync::testkit {
namespace {

using client::HttpClient;
using client::HttpResponse;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class SyncHq : public ::testing::Test {
protected:
    TempDir temp;
    HqSetup setup{temp.path()};
    HqServer hq{setup.hq_dir};
    RecordMaker maker{"kiosk-1", setup.identity.hq_box_public, 11};
    HttpClient http{client::HttpOptions{}};

    struct Sent {
        HttpResponse response;
        protocol::RequestAuth auth;
    };

    HttpResponse raw(const std::string& method, const std::string& target, const std::string& body,
                     const HttpClient::Headers& headers) {
        auto response = http.request(method, "http://127.0.0.1:" + std::to_string(hq.port()) + target, headers, body);
        EXPECT_TRUE(response) << (response ? "" : response.error().message);
        return response ? *response : HttpResponse{};
    }

    Sent signed_call(const std::string& method, const std::string& target, const std::string& body,
                     std::int64_t timestamp = now_ms(), const protocol::Secret* secret = nullptr,
                     HttpClient::Headers extra = {}) {
        auto auth = protocol::sign_request(secret ? *secret : setup.identity.secret, "kiosk-1", method, target, body,
                                           timestamp);
        auto headers = testkit::auth_headers(auth);
        headers.insert(headers.end(), extra.begin(), extra.end());
        return {raw(method, target, body, headers), auth};
    }

    bool reply_is_signed(const Sent& sent) {
        return protocol::verify_reply(setup.identity.secret, sent.auth.nonce, static_cast<int>(sent.response.status),
                                      sent.response.body, sent.response.header("x-signature"));
    }

    std::string error_code(const HttpResponse& response) {
        auto error = protocol::parse_error_reply(response.body);
        return error ? error->error : "(unreadable: " + response.body + ")";
    }
};

TEST_F(SyncHq, AcceptsABatchAndAReplayChangesNothing) {
    std::vector<VisitorRecord> records;
    std::vector<std::string_view> texts;
    for (int i = 0; i < 10; ++i) records.push_back(maker.next());
    for (const auto& r : records) texts.push_back(r.json);
    auto body = protocol::submission_body("kiosk-1", texts);
    auto first = signed_call("POST", "/v1/submissions", body);
    ASSERT_EQ(first.response.status, 200) << first.response.body;
    EXPECT_TRUE(reply_is_signed(first));
    auto reply = protocol::parse_batch_reply(first.response.body);
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->results.size(), 10u);
    for (std::size_t i = 0; i < 10; ++i) {
        EXPECT_EQ(reply->results[i].id, records[i].id);
        EXPECT_EQ(reply->results[i].outcome, protocol::Outcome::accepted);
    }
    // The same batch after a lost reply: freshly signed, all duplicates, nothing stored twice.
    auto again = signed_call("POST", "/v1/submissions", body);
    ASSERT_EQ(again.response.status, 200);
    auto replayed = protocol::parse_batch_reply(again.response.body);
    ASSERT_TRUE(replayed);
    for (const auto& v : replayed->results) EXPECT_EQ(v.outcome, protocol::Outcome::duplicate);
    expect_exactly_once(setup.hq_dir, records);
}

TEST_F(SyncHq, JudgesEachRecordOnItsOwn) {
    auto good = maker.next();
    auto other_kiosk = RecordMaker("kiosk-2", setup.identity.hq_box_public, 3).next();
    auto conflicting = nlohmann::json::parse(good.json);
    conflicting["created"] = 5;
    auto body = protocol::submission_body(
        "kiosk-1", {good.json, other_kiosk.json,
                    R"({"v":1,"id":"0193b6c2-0000-4000-a000-0000000000bd","kind":"x","kiosk":"kiosk-1","created":1})",
                    conflicting.dump()});
    auto sent = signed_call("POST", "/v1/submissions", body);
    ASSERT_EQ(sent.response.status, 200) << sent.response.body;
    auto results = protocol::parse_batch_reply(sent.response.body)->results;
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results[0].outcome, protocol::Outcome::accepted);
    EXPECT_EQ(results[1].outcome, protocol::Outcome::rejected);
    EXPECT_NE(results[1].reason.find("another kiosk"), std::string::npos);
    EXPECT_EQ(results[2].id, "0193b6c2-0000-4000-a000-0000000000bd");
    EXPECT_EQ(results[2].reason, "unknown kind");
    EXPECT_EQ(results[3].outcome, protocol::Outcome::rejected);  // same id, different content
    expect_exactly_once(setup.hq_dir, {good});
}

TEST_F(SyncHq, RejectsRecordsWhoseClearPartBreaksItsSchemaWithAReason) {
    auto good = maker.with_kind("rating");
    auto many_keys = nlohmann::json::parse(maker.with_kind("rating").json);
    for (int i = 0; i < 20000; ++i) many_keys["clear"]["k" + std::to_string(i)] = i;
    auto long_text = nlohmann::json::parse(maker.with_kind("rating").json);
    long_text["clear"]["comment"] = std::string(7u << 20, 'a');
    auto not_uuid = nlohmann::json::parse(maker.with_kind("feedback").json);
    not_uuid["id"] = "x";
    auto body = protocol::submission_body("kiosk-1", {good.json, many_keys.dump(), long_text.dump(), not_uuid.dump()});
    auto sent = signed_call("POST", "/v1/submissions", body);
    ASSERT_EQ(sent.response.status, 200) << sent.response.body.substr(0, 300);
    auto results = protocol::parse_batch_reply(sent.response.body)->results;
    ASSERT_EQ(results.size(), 4u);
    EXPECT_EQ(results[0].outcome, protocol::Outcome::accepted);
    EXPECT_EQ(results[1].reason, "clear has more members than a rating has");
    EXPECT_EQ(results[2].reason, "clear.comment is too long");
    EXPECT_EQ(results[3].reason, "id is not a UUID");
    EXPECT_LT(sent.response.body.size(), 1000u);  // reasons never echo what was sent
    expect_exactly_once(setup.hq_dir, {good});
}

TEST_F(SyncHq, RefusesMalformedBodiesWithAReason) {
    auto sent = signed_call("POST", "/v1/submissions", "{\"v\":1, \"kiosk\": ");
    EXPECT_EQ(sent.response.status, 400);
    EXPECT_EQ(error_code(sent.response), "malformed");
    EXPECT_TRUE(reply_is_signed(sent));
    auto wrong_kiosk = signed_call("POST", "/v1/submissions", R"({"v":1,"kiosk":"kiosk-2","records":[]})");
    EXPECT_EQ(wrong_kiosk.response.status, 400);
    auto deep = signed_call("POST", "/v1/submissions", std::string(5000, '[') + std::string(5000, ']'));
    EXPECT_EQ(deep.response.status, 400);
    auto bad_cursor = signed_call("GET", "/v1/statuses?since=abc", "");
    EXPECT_EQ(bad_cursor.response.status, 400);
    EXPECT_EQ(raw("GET", "/nowhere", "", {}).status, 404);
}

TEST_F(SyncHq, RefusesOversizedBodies) {
    auto sent = signed_call("POST", "/v1/submissions", std::string(9u << 20, ' '));
    EXPECT_EQ(sent.response.status, 413);
    EXPECT_EQ(error_code(sent.response), "too_large");
}

TEST_F(SyncHq, RefusesUnknownKiosksBadSignaturesAndUnsignedRequests) {
    auto body = protocol::submission_body("kiosk-1", {maker.next().json});
    auto unsigned_reply = raw("POST", "/v1/submissions", body, {});
    EXPECT_EQ(unsigned_reply.status, 401);
    EXPECT_EQ(error_code(unsigned_reply), "missing_auth");

    auto stranger = protocol::sign_request(setup.identity.secret, "kiosk-x", "POST", "/v1/submissions", body, now_ms());
    auto unknown = raw("POST", "/v1/submissions", body, testkit::auth_headers(stranger));
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(error_code(unknown), "unknown_kiosk");

    auto wrong = protocol::random_secret();
    auto bad = signed_call("POST", "/v1/submissions", body, now_ms(), &wrong);
    EXPECT_EQ(bad.response.status, 401);
    EXPECT_EQ(error_code(bad.response), "bad_signature");
    EXPECT_FALSE(reply_is_signed(bad));  // HQ signs nothing for someone without the secret

    // Signed for one body, sent with another: the body hash no longer matches.
    auto auth = protocol::sign_request(setup.identity.secret, "kiosk-1", "POST", "/v1/submissions", body, now_ms());
    auto tampered = body;
    tampered[tampered.size() / 2] ^= 0x01;
    EXPECT_EQ(raw("POST", "/v1/submissions", tampered, testkit::auth_headers(auth)).status, 401);
    // Signed for one path, sent to another.
    auto get_auth =
        protocol::sign_request(setup.identity.secret, "kiosk-1", "GET", "/v1/statuses?since=0", "", now_ms());
    EXPECT_EQ(raw("GET", "/v1/statuses?since=1", "", testkit::auth_headers(get_auth)).status, 401);
    EXPECT_EQ(hq_contents(setup.hq_dir).by_id.size(), 0u);
}

TEST_F(SyncHq, RefusesStaleTimestampsWithItsSignedClock) {
    auto body = protocol::submission_body("kiosk-1", {maker.next().json});
    for (std::int64_t skew : {-6 * 60 * 1000, 6 * 60 * 1000}) {
        auto sent = signed_call("POST", "/v1/submissions", body, now_ms() + skew);
        EXPECT_EQ(sent.response.status, 401);
        auto error = protocol::parse_error_reply(sent.response.body);
        ASSERT_TRUE(error);
        EXPECT_EQ(error->error, "stale_timestamp");
        EXPECT_NEAR(static_cast<double>(error->server_time_ms), static_cast<double>(now_ms()), 5000.0);
        EXPECT_TRUE(reply_is_signed(sent));
    }
    EXPECT_EQ(signed_call("POST", "/v1/submissions", body, now_ms() - 4 * 60 * 1000).response.status, 200);
}

TEST_F(SyncHq, RefusesAReusedNonceEvenAfterRestart) {
    auto body = protocol::submission_body("kiosk-1", {maker.next().json});
    auto auth = protocol::sign_request(setup.identity.secret, "kiosk-1", "POST", "/v1/submissions", body, now_ms());
    EXPECT_EQ(raw("POST", "/v1/submissions", body, testkit::auth_headers(auth)).status, 200);
    auto replay = raw("POST", "/v1/submissions", body, testkit::auth_headers(auth));
    EXPECT_EQ(replay.status, 401);
    EXPECT_EQ(error_code(replay), "replayed");
    EXPECT_EQ(hq.stop(), 0);
    hq = HqServer(setup.hq_dir, hq.port());
    EXPECT_EQ(raw("POST", "/v1/submissions", body, testkit::auth_headers(auth)).status, 401);
}

TEST_F(SyncHq, ServesStatusesByCursorWithoutPersonalData) {
    std::vector<VisitorRecord> records;
    std::vector<std::string_view> texts;
    for (int i = 0; i < 3; ++i) records.push_back(maker.with_kind("support_request"));
    for (const auto& r : records) texts.push_back(r.json);
    ASSERT_EQ(signed_call("POST", "/v1/submissions", protocol::submission_body("kiosk-1", texts)).response.status, 200);
    auto empty = signed_call("GET", "/v1/statuses", "");
    ASSERT_EQ(empty.response.status, 200);
    EXPECT_TRUE(reply_is_signed(empty));
    EXPECT_TRUE(protocol::parse_status_page(empty.response.body)->statuses.empty());

    EXPECT_EQ(run_hq({"set-status", "--dir", setup.hq_dir, records[0].reference, "in-review"}).exit_code, 0);
    EXPECT_EQ(run_hq({"set-status", "--dir", setup.hq_dir, records[1].reference, "accepted", "--note", "تمت الموافقة"})
                  .exit_code,
              0);
    auto page = protocol::parse_status_page(signed_call("GET", "/v1/statuses?since=0", "").response.body);
    ASSERT_TRUE(page);
    ASSERT_EQ(page->statuses.size(), 2u);
    EXPECT_EQ(page->statuses[1].note, "تمت الموافقة");
    EXPECT_EQ(run_hq({"set-status", "--dir", setup.hq_dir, records[0].reference, "rejected"}).exit_code, 0);
    auto next = protocol::parse_status_page(signed_call("GET", "/v1/statuses?since=" + page->cursor, "").response.body);
    ASSERT_TRUE(next);
    ASSERT_EQ(next->statuses.size(), 1u);
    EXPECT_EQ(next->statuses[0].reference, records[0].reference);
    EXPECT_EQ(next->statuses[0].status, "rejected");
    auto text = signed_call("GET", "/v1/statuses", "").response.body;
    EXPECT_EQ(text.find(records[0].personal["national_id"].get<std::string>()), std::string::npos);
}

TEST_F(SyncHq, ServesContentWithAnETag) {
    EXPECT_EQ(signed_call("GET", "/v1/content", "").response.status, 404);
    ASSERT_TRUE(protocol::write_file_atomic(setup.hq_dir / "content.json", R"({"faq":[{"q":"متى؟"}]})"));
    auto first = signed_call("GET", "/v1/content", "");
    ASSERT_EQ(first.response.status, 200);
    EXPECT_TRUE(reply_is_signed(first));
    auto etag = first.response.header("etag");
    ASSERT_FALSE(etag.empty());
    auto same = signed_call("GET", "/v1/content", "", now_ms(), nullptr, {{"If-None-Match", etag}});
    EXPECT_EQ(same.response.status, 304);
    EXPECT_TRUE(same.response.body.empty());
    EXPECT_TRUE(reply_is_signed(same));
    ASSERT_TRUE(protocol::write_file_atomic(setup.hq_dir / "content.json", R"({"faq":[]})"));
    auto changed = signed_call("GET", "/v1/content", "", now_ms(), nullptr, {{"If-None-Match", etag}});
    EXPECT_EQ(changed.response.status, 200);
    EXPECT_NE(changed.response.header("etag"), etag);
    ASSERT_TRUE(protocol::write_file_atomic(setup.hq_dir / "content.json", "{broken"));
    EXPECT_EQ(signed_call("GET", "/v1/content", "").response.status, 500);
}

TEST_F(SyncHq, LogsWhatAClientSentOnlyEscaped) {
    // A raw ESC and newline in the path, an encoded newline, a bidi override: none may reach
    // the operator's terminal or start a line of its own in the log.
    for (std::string target : {"/v1/\x1b[31mred", "/v1/x%0akiosk-hq:%20forged",
                               "/v1/\xe2\x80\xae"
                               "evil",
                               "/v1/\x1b]0;t\x07"}) {
        auto socket = connect_from("127.0.0.1", hq.port());
        ASSERT_TRUE(socket.send_all("GET " + target + " HTTP/1.1\r\nHost: hq\r\n\r\n"));
        socket.read_reply(std::chrono::milliseconds(300));
    }
    EXPECT_EQ(hq.stop(), 0);
    auto log = *protocol::read_file(setup.hq_dir / "serve.log");
    EXPECT_EQ(log.find('\x1b'), std::string::npos) << log;
    EXPECT_EQ(log.find("\xe2\x80\xae"), std::string::npos) << log;
    EXPECT_EQ(log.find("\nkiosk-hq: forged"), std::string::npos) << log;
    EXPECT_NE(log.find("\\u{001B}[31mred"), std::string::npos) << log;
    hq = HqServer(setup.hq_dir);
}

TEST_F(SyncHq, StopsCleanlyOnSigtermAndSigint) {
    EXPECT_EQ(hq.stop(), 0);
    HqServer again(setup.hq_dir);
    again.process().signal(SIGINT);
    EXPECT_EQ(again.process().wait(std::chrono::seconds(20)), 0);
}

}  // namespace
}  // namespace kiosk_sync::testkit
