// Specification of Store::open and Store::submit: what is written, what is sealed, what a
// stolen kiosk would reveal (nothing personal).
#include <gtest/gtest.h>

#include <fstream>

#include <sys/stat.h>

#include "kiosk/domain/ids.h"
#include "kiosk/domain/reference.h"
#include "store_fixture.h"
#include "sync/protocol/record.h"

namespace kiosk::store {
namespace {

using namespace testing;

unsigned mode_of(const std::filesystem::path& p) {
    struct stat st {};
    ::stat(p.c_str(), &st);
    return st.st_mode & 0777;
}

TEST(StoreOpen, CreatesMissingDirectoryOwnerOnly) {
    TempDir tmp;
    const auto dir = tmp.path() / "new" / "data";
    const HqKeys keys = HqKeys::generate();
    auto store = Store::open(dir, options_for(keys));
    ASSERT_TRUE(store) << store.error().detail;
    EXPECT_EQ(mode_of(dir), 0700u);
    EXPECT_EQ(mode_of(tmp.path() / "new"), 0700u);
    EXPECT_EQ(mode_of(dir / "kiosk.db"), 0600u);
    EXPECT_TRUE(store->can_submit());
    EXPECT_TRUE(*store->integrity_ok());
}

TEST(StoreOpen, ReadsTheHqKeyFromTheDataDirectory) {
    TempDir tmp;
    const HqKeys keys = HqKeys::generate();
    std::filesystem::create_directories(tmp.path() / "keys");
    std::ofstream(tmp.path() / "keys" / "hq_box.pub") << keys.public_hex() << "\n";
    StoreOptions options;
    options.kiosk_id = "k1";
    auto store = Store::open(tmp.path(), options);
    ASSERT_TRUE(store);
    auto receipt = store->submit(sample_request());
    ASSERT_TRUE(receipt) << receipt.error().detail;
    auto item = store->outbox_record(receipt->id);
    auto record = kiosk_sync::protocol::parse_record((*item)->wire);
    EXPECT_TRUE(keys.open_sealed(record->sealed));
}

TEST(StoreOpen, WithoutHqKeyNothingCanBeSubmitted) {
    TempDir tmp;
    auto store = Store::open(tmp.path(), StoreOptions{});
    ASSERT_TRUE(store) << "staff screens must still work";
    EXPECT_FALSE(store->can_submit());
    auto receipt = store->submit(sample_request());
    ASSERT_FALSE(receipt);
    EXPECT_EQ(receipt.error().kind, StoreErrorKind::not_provisioned);
    EXPECT_EQ(message_key(receipt.error().kind), "store.error.not_provisioned");
}

TEST(Submit, SupportRequestIsSealedAndQueuedAsWireJson) {
    TempDir tmp;
    const HqKeys keys = HqKeys::generate();
    TestClock clock;
    auto store = Store::open(tmp.path(), options_for(keys, &clock));
    ASSERT_TRUE(store);
    const domain::SupportRequest request = sample_request();
    auto receipt = store->submit(request);
    ASSERT_TRUE(receipt) << receipt.error().detail;
    EXPECT_TRUE(domain::is_uuid(receipt->id));
    EXPECT_EQ(receipt->id[14], '7');  // UUIDv7
    EXPECT_TRUE(domain::parse_reference(receipt->reference).ok());
    EXPECT_EQ(receipt->created_ms, clock.now_ms);

    auto item = store->outbox_record(receipt->id);
    ASSERT_TRUE(item && *item);
    auto wire = kiosk_sync::protocol::parse_record((*item)->wire);
    ASSERT_TRUE(wire) << wire.error();
    EXPECT_EQ(kiosk_sync::protocol::serialize(*wire), (*item)->wire);  // exactly the wire form
    EXPECT_EQ(wire->id, receipt->id);
    EXPECT_EQ(wire->kind, "support_request");
    EXPECT_EQ(wire->reference, receipt->reference);
    EXPECT_EQ(wire->kiosk, "test-kiosk");
    EXPECT_EQ(wire->created_ms, clock.now_ms);
    EXPECT_EQ(wire->clear, (nlohmann::json{{"request_type", "food"}}));

    const auto personal = keys.open_sealed(wire->sealed);
    ASSERT_TRUE(personal);
    EXPECT_EQ((*personal)["full_name"], request.full_name);
    EXPECT_EQ((*personal)["national_id"], "1045678909");
    EXPECT_EQ((*personal)["mobile"], "0551239876");
    EXPECT_EQ((*personal)["family_size"], 5);
    EXPECT_EQ((*personal)["monthly_income"], 2800);
    EXPECT_EQ((*personal)["declaration_accepted"], true);
    EXPECT_EQ((*personal)["signature"]["strokes"].size(), 2u);
    EXPECT_EQ((*personal)["signature"]["strokes"][0][1], nlohmann::json::array({120.0, 60.0}));
}

TEST(Submit, EveryKindSplitsClearAndSealedAsDocumented) {
    TempDir tmp;
    const HqKeys keys = HqKeys::generate();
    auto store = Store::open(tmp.path(), options_for(keys));
    ASSERT_TRUE(store);
    const struct {
        domain::Record record;
        nlohmann::json clear;
        std::vector<std::string> sealed_fields;  // empty: nothing sealed
        bool has_reference;
    } cases[] = {
        {sample_feedback(), {{"category", "complaint"}, {"reply_requested", true}}, {"mobile", "name", "text"}, true},
        {sample_volunteer(),
         {{"skills", {"teaching", "driving"}}, {"availability", {"weekends"}}},
         {"availability_note", "mobile", "name", "skills_text"},
         true},
        {sample_rating(4, "اتصلوا بي 0551239876"),
         {{"overall", 4},
          {"wait", 3},
          {"courtesy", 5},
          {"clarity", nullptr},
          {"ease", nullptr},
          {"service", "social_research"},
          {"counter", 2},
          {"has_comment", true}},
         {"comment"},
         false},
        {sample_rating(5),
         {{"overall", 5},
          {"wait", 3},
          {"courtesy", 5},
          {"clarity", nullptr},
          {"ease", nullptr},
          {"service", "social_research"},
          {"counter", 2},
          {"has_comment", false}},
         {},
         false},
    };
    for (const auto& c : cases) {
        auto receipt = store->submit(c.record);
        ASSERT_TRUE(receipt) << receipt.error().detail;
        EXPECT_EQ(receipt->reference.empty(), !c.has_reference);
        auto wire = kiosk_sync::protocol::parse_record((*store->outbox_record(receipt->id))->wire);
        ASSERT_TRUE(wire);
        EXPECT_EQ(wire->clear, c.clear) << wire->kind;
        if (c.sealed_fields.empty()) {
            EXPECT_EQ(wire->sealed, "");
            continue;
        }
        const auto personal = keys.open_sealed(wire->sealed);
        ASSERT_TRUE(personal);
        std::vector<std::string> fields;
        for (const auto& [name, value] : personal->items()) fields.push_back(name);
        EXPECT_EQ(fields, c.sealed_fields) << wire->kind;
    }
}

TEST(Submit, NoPersonalDataIsStoredInTheClear) {
    TempDir tmp;
    const HqKeys keys = HqKeys::generate();
    {
        auto store = Store::open(tmp.path(), options_for(keys));
        ASSERT_TRUE(store);
        for (int i = 0; i < 5; ++i) ASSERT_TRUE(store->submit(sample_request(i)));
        ASSERT_TRUE(store->submit(sample_feedback()));
        ASSERT_TRUE(store->submit(sample_volunteer()));
        ASSERT_TRUE(store->submit(sample_rating(2, "رقمي 0551239876")));
    }
    const std::string bytes = raw_database_bytes(tmp.path());
    ASSERT_GT(bytes.size(), 4096u);
    for (const std::string secret :
         {"هند سعيد", "القحطاني", "1045678909", "0551239876", "العقربية", "الخبر", "سلة غذائية", "سلمى", "0567654321",
          "طال الانتظار", "Omar Farouk", "0533334444", "بعد المغرب"}) {
        EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
    }
    EXPECT_NE(bytes.find("social_research"), std::string::npos);  // the check itself can see clear data
}

TEST(Submit, ReferencesAreUniqueAndRatingsHaveNone) {
    TempDir tmp;
    const HqKeys keys = HqKeys::generate();
    StoreOptions options = options_for(keys);
    // Random calls per submit: one for the UUID, one per reference attempt. Call 3 (the
    // second submit's first reference) repeats call 1, so the first reference comes up again.
    int calls = 0;
    options.random = [&calls](std::span<std::uint8_t> out) {
        const int pattern = calls == 3 ? 1 : calls;
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::uint8_t>((pattern * 37 + i * 11) % 232);
        ++calls;
    };
    auto store = Store::open(tmp.path(), options);
    ASSERT_TRUE(store);
    auto first = store->submit(sample_request());
    auto second = store->submit(sample_request());
    ASSERT_TRUE(first && second) << (first ? second.error().detail : first.error().detail);
    EXPECT_EQ(calls, 5) << "the clashing reference was drawn again";
    EXPECT_NE(first->reference, second->reference);
    EXPECT_NE(first->id, second->id);
    auto rating = store->submit(sample_rating());
    ASSERT_TRUE(rating);
    EXPECT_EQ(rating->reference, "");
}

}  // namespace
}  // namespace kiosk::store
