// Protocol unit tests: signing, message parsing, record checks, backoff. No processes.
#include <gtest/gtest.h>

#include "sync/client/backoff.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/record_schema.h"
#include "sync/protocol/signing.h"

namespace kiosk_sync::protocol {
namespace {

Secret test_secret(unsigned char fill) {
    Secret s{};
    s.fill(fill);
    return s;
}

TEST(SyncProtocol, SignedRequestVerifiesAndAnyChangeBreaksIt) {
    auto secret = test_secret(7);
    auto auth = sign_request(secret, "kiosk-1", "POST", "/v1/submissions", "{\"a\":1}", 1000);
    EXPECT_EQ(auth.nonce.size(), 32u);
    EXPECT_TRUE(verify_request(secret, auth, "POST", "/v1/submissions", "{\"a\":1}"));
    EXPECT_FALSE(verify_request(test_secret(8), auth, "POST", "/v1/submissions", "{\"a\":1}"));
    EXPECT_FALSE(verify_request(secret, auth, "GET", "/v1/submissions", "{\"a\":1}"));
    EXPECT_FALSE(verify_request(secret, auth, "POST", "/v1/statuses", "{\"a\":1}"));
    EXPECT_FALSE(verify_request(secret, auth, "POST", "/v1/submissions", "{\"a\":2}"));
    auto moved = auth;
    moved.timestamp_ms += 1;
    EXPECT_FALSE(verify_request(secret, moved, "POST", "/v1/submissions", "{\"a\":1}"));
    moved = auth;
    moved.kiosk = "kiosk-2";
    EXPECT_FALSE(verify_request(secret, moved, "POST", "/v1/submissions", "{\"a\":1}"));
    moved = auth;
    moved.nonce[0] = moved.nonce[0] == 'a' ? 'b' : 'a';
    EXPECT_FALSE(verify_request(secret, moved, "POST", "/v1/submissions", "{\"a\":1}"));
    EXPECT_NE(sign_request(secret, "k", "GET", "/", "", 1).nonce, sign_request(secret, "k", "GET", "/", "", 1).nonce);
}

TEST(SyncProtocol, ReplySignatureIsBoundToNonceStatusAndBody) {
    auto secret = test_secret(1);
    auto sig = sign_reply(secret, "n1", 200, "body");
    EXPECT_TRUE(verify_reply(secret, "n1", 200, "body", sig));
    EXPECT_FALSE(verify_reply(secret, "n2", 200, "body", sig));
    EXPECT_FALSE(verify_reply(secret, "n1", 201, "body", sig));
    EXPECT_FALSE(verify_reply(secret, "n1", 200, "bodY", sig));
    EXPECT_FALSE(verify_reply(secret, "n1", 200, "body", ""));
    EXPECT_FALSE(verify_reply(secret, "n1", 200, "body", "zz"));
}

TEST(SyncProtocol, HexSecretsAndTimestamps) {
    auto secret = test_secret(0xab);
    auto text = to_hex(secret) + "\n";
    EXPECT_EQ(text.size(), 65u);
    EXPECT_EQ(secret_from_hex(text), secret);
    EXPECT_FALSE(secret_from_hex(text.substr(0, 62)));
    EXPECT_FALSE(secret_from_hex(std::string(64, 'g')));
    EXPECT_EQ(parse_timestamp("1764120000000"), 1764120000000);
    EXPECT_FALSE(parse_timestamp("-5"));
    EXPECT_FALSE(parse_timestamp("12a"));
    EXPECT_FALSE(parse_timestamp(""));
    EXPECT_FALSE(parse_timestamp("9999999999999999999999"));
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

constexpr std::int64_t kNow = 1764120000000;

Record valid_record() {
    Record r;
    r.id = "0193b6c2-0000-4000-a000-000000000001";
    r.kind = "support_request";
    r.reference = "K7M-4QX9";
    r.kiosk = "kiosk-1";
    r.created_ms = 1764120000000;
    r.clear = {{"request_type", "rent"}};
    r.sealed = to_base64(std::string(80, 'x'));
    return r;
}

TEST(SyncProtocol, RecordRoundTripAndChecks) {
    auto record = valid_record();
    auto parsed = parse_record(serialize(record));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->id, record.id);
    EXPECT_EQ(parsed->clear, record.clear);
    EXPECT_EQ(check_record(*parsed, kNow), std::nullopt);
    auto bad = record;
    bad.kind = "party";
    EXPECT_TRUE(check_record(bad, kNow));
    bad = record;
    bad.id = "has space";
    EXPECT_TRUE(check_record(bad, kNow));
    bad = record;
    bad.sealed = "not base64!";
    EXPECT_TRUE(check_record(bad, kNow));
    bad = record;
    bad.sealed = to_base64("short");
    EXPECT_TRUE(check_record(bad, kNow));
    bad = record;
    bad.created_ms = 0;
    EXPECT_TRUE(check_record(bad, kNow));
    bad.created_ms = kNow + 2 * 24 * 60 * 60 * 1000;  // a kiosk clock cannot be that far ahead
    EXPECT_EQ(check_record(bad, kNow), "created is not a plausible time");
    bad = record;
    for (const char* id : {"bad-kind", "0193B6C2-0000-4000-A000-000000000001", "0193b6c2000040000a000000000000001",
                           "0193b6c2-0000-4000-a000-00000000000g"}) {
        bad.id = id;
        EXPECT_EQ(check_record(bad, kNow), "id is not a UUID") << id;
    }
    bad = record;
    bad.sealed = to_base64(std::string(kMaxSealedBytes, 'x'));
    EXPECT_EQ(check_record(bad, kNow), "sealed is larger than any visitor's data");
    EXPECT_FALSE(parse_record(R"({"v":2,"id":"a","kind":"rating","kiosk":"k","created":1})"));
    EXPECT_FALSE(parse_record(R"({"v":1,"id":5,"kind":"rating","kiosk":"k","created":1})"));
    EXPECT_FALSE(parse_record("[1,2]"));
    EXPECT_EQ(from_base64(to_base64("\x01\x02\xff")), std::string("\x01\x02\xff"));
}

// Each kind's clear part against its schema: what the kiosk sends passes, everything a
// hostile or broken kiosk could put there instead is refused with a reason.
TEST(SyncProtocol, ClearPartsFollowTheirKindsSchema) {
    using nlohmann::json;
    struct Case {
        const char* kind;
        json clear;
        const char* reason;  // nullptr: acceptable
    };
    const Case cases[] = {
        {"support_request", {{"request_type", "rent"}}, nullptr},
        {"support_request", json::object(), "clear.request_type is missing"},
        {"support_request", {{"request_type", "Rent Now"}}, "clear.request_type is not a key"},
        {"support_request", {{"request_type", "rent"}, {"national_id", "1012345678"}}, "clear has more members"},
        {"feedback", {{"category", "complaint"}, {"reply_requested", false}}, nullptr},
        {"feedback", {{"category", "praise"}}, "clear.category is not one of the known values"},
        {"feedback", {{"category", "inquiry"}, {"reply_requested", "yes"}}, "clear.reply_requested is not true"},
        {"volunteer", {{"skills", {"teaching"}}, {"availability", json::array()}}, nullptr},
        {"volunteer", {{"skills", {"teaching", "teaching"}}}, "clear.skills repeats a key"},
        {"volunteer", {{"skills", {1}}}, "clear.skills holds something other than keys"},
        {"volunteer", {{"name", "x"}}, "clear has a member a volunteer does not have"},
        {"rating",
         {{"overall", 4},
          {"wait", nullptr},
          {"courtesy", 5},
          {"clarity", 3},
          {"ease", 1},
          {"service", ""},
          {"counter", 7},
          {"comment", "ممتاز\nشكراً"}},
         nullptr},
        {"rating", {{"overall", 6}}, "clear.overall is out of range"},
        {"rating", {{"overall", 3.5}}, "clear.overall is not a whole number"},
        {"rating", {{"overall", nullptr}}, "clear.overall is not a whole number"},
        {"rating", {{"overall", 3}, {"counter", 100}}, "clear.counter is out of range"},
        {"rating", {{"overall", 3}, {"comment", std::string(1001, 'a')}}, "clear.comment is too long"},
        {"rating", {{"overall", 3}, {"comment", "\x1b[2J"}}, "clear.comment holds control characters"},
        {"rating",
         {{"overall", 3},
          {"comment",
           "\xe2\x80\xae"
           "evil"}},
         "clear.comment holds control characters"},
        {"rating", {{"overall", 3}, {"comment", std::string("\xff")}}, "clear.comment holds control characters"},
    };
    for (const auto& c : cases) {
        auto problem = check_clear(c.kind, c.clear);
        if (c.reason == nullptr) {
            EXPECT_EQ(problem, std::nullopt) << c.kind << " " << c.clear.dump();
        } else {
            ASSERT_TRUE(problem) << c.kind << " " << c.clear.dump();
            EXPECT_TRUE(problem->starts_with(c.reason)) << *problem;
        }
    }
    json many = {{"overall", 3}};
    for (int i = 0; i < 20000; ++i) many["k" + std::to_string(i)] = i;
    EXPECT_EQ(check_clear("rating", many), "clear has more members than a rating has");
}

TEST(SyncProtocol, DeepNestingIsRefusedBeforeParsing) {
    std::string deep(100000, '[');
    EXPECT_FALSE(parse_json(deep));
    EXPECT_FALSE(parse_json(std::string(40, '[') + std::string(40, ']')));
    EXPECT_TRUE(parse_json(std::string(10, '[') + std::string(10, ']')));
    EXPECT_EQ(json_depth(R"({"a":"[[[[[[","b":[1]})"), 2u);  // brackets inside strings do not count
    EXPECT_EQ(json_depth(R"(["\"[[["])"), 1u);
    // Texts nlohmann alone would accept, but that break a batch they are embedded in.
    EXPECT_FALSE(parse_json(std::string("{\"a\":1}\0junk", 12)));
    EXPECT_FALSE(parse_json("\xEF\xBB\xBF{\"a\":1}"));
}

TEST(SyncProtocol, BatchParsingSeparatesBatchErrorsFromRecordErrors) {
    auto good = serialize(valid_record());
    auto body = submission_body("kiosk-1", {good, R"({"v":1,"id":"x-1","kind":5})", "[]"});
    auto batch = parse_submission_batch(body);
    ASSERT_TRUE(batch) << batch.error();
    EXPECT_EQ(batch->kiosk, "kiosk-1");
    ASSERT_EQ(batch->items.size(), 3u);
    EXPECT_TRUE(batch->items[0].record);
    EXPECT_FALSE(batch->items[1].record);
    EXPECT_EQ(batch->items[1].id, "x-1");
    EXPECT_FALSE(batch->items[2].record);
    EXPECT_FALSE(parse_submission_batch("{not json"));
    EXPECT_FALSE(parse_submission_batch(R"({"v":2,"kiosk":"k","records":[]})"));
    EXPECT_FALSE(parse_submission_batch(R"({"v":1,"kiosk":"k","records":{}})"));
    EXPECT_FALSE(parse_submission_batch(R"({"v":1,"records":[]})"));
    std::vector<std::string_view> many(kMaxBatchRecords + 1, good);
    EXPECT_FALSE(parse_submission_batch(submission_body("k", many)));
    EXPECT_EQ(submission_body("k\"1", {}), R"({"v":1,"kiosk":"k\"1","records":[]})");
}

TEST(SyncProtocol, RepliesRoundTrip) {
    BatchReply reply{{{"a", Outcome::accepted, ""}, {"b", Outcome::duplicate, ""}, {"c", Outcome::rejected, "why"}}};
    auto parsed = parse_batch_reply(serialize(reply));
    ASSERT_TRUE(parsed);
    ASSERT_EQ(parsed->results.size(), 3u);
    EXPECT_EQ(parsed->results[2].outcome, Outcome::rejected);
    EXPECT_EQ(parsed->results[2].reason, "why");
    EXPECT_FALSE(parse_batch_reply(R"({"v":1,"results":[{"id":"a","outcome":"maybe"}]})"));

    StatusPage page{{{"K7M-4QX9", "needs-info", "ملاحظة", "ملاحظة", "A note", 5}}, "17", true};
    auto parsed_page = parse_status_page(serialize(page));
    ASSERT_TRUE(parsed_page);
    EXPECT_EQ(parsed_page->cursor, "17");
    EXPECT_TRUE(parsed_page->more);
    EXPECT_EQ(parsed_page->statuses[0].note, "ملاحظة");
    EXPECT_EQ(parsed_page->statuses[0].note_ar, "ملاحظة");
    EXPECT_EQ(parsed_page->statuses[0].note_en, "A note");
    // An HQ that sends one note only: it stands for both languages.
    auto older = parse_status_page(
        R"({"v":1,"cursor":"1","statuses":[{"reference":"A","status":"accepted","note":"n","updated":1}]})");
    ASSERT_TRUE(older);
    EXPECT_EQ(older->statuses[0].note_en, "n");
    EXPECT_EQ(older->statuses[0].note_ar, "n");
    EXPECT_FALSE(parse_status_page(R"({"v":1,"statuses":[{"reference":"A","status":"lost","updated":1}]})"));

    auto error = parse_error_reply(serialize(ErrorReply{"stale_timestamp", "late", 99}));
    ASSERT_TRUE(error);
    EXPECT_EQ(error->server_time_ms, 99);
    EXPECT_EQ(dump_json(nlohmann::json("\xff")), "\"\xEF\xBF\xBD\"");  // invalid UTF-8 is replaced, not thrown
}

TEST(SyncProtocol, BackoffIsFullJitterUnderACap) {
    using std::chrono::milliseconds;
    client::Backoff backoff(milliseconds(100), milliseconds(1000), 1);
    std::int64_t largest = 0;
    for (int i = 0; i < 200; ++i) {
        auto d = backoff.next();
        EXPECT_GE(d.count(), 0);
        EXPECT_LE(d.count(), 1000);
        if (i == 0) {
            EXPECT_LE(d.count(), 100);
        }
        largest = std::max<std::int64_t>(largest, d.count());
    }
    EXPECT_GT(largest, 500);  // the ceiling did grow to the cap
    backoff.reset();
    EXPECT_LE(backoff.next().count(), 100);
    EXPECT_GE(backoff.next(milliseconds(5000)).count(), 5000);  // never sooner than Retry-After
}

TEST(SyncProtocol, RetryAfterParsing) {
    auto now = std::chrono::system_clock::from_time_t(1764120000);
    EXPECT_EQ(client::parse_retry_after("7", now), std::chrono::milliseconds(7000));
    EXPECT_EQ(client::parse_retry_after("", now), std::nullopt);
    EXPECT_EQ(client::parse_retry_after("soon", now), std::nullopt);
    auto date = client::parse_retry_after("Wed, 26 Nov 2025 01:20:10 GMT", now);  // 10 s after now
    ASSERT_TRUE(date);
    EXPECT_EQ(date->count(), 10000);
    EXPECT_EQ(client::parse_retry_after("Wed, 26 Nov 2020 01:20:10 GMT", now), std::chrono::milliseconds(0));
}

}  // namespace
}  // namespace kiosk_sync::protocol
