// Specification of record UUIDs.
#include <gtest/gtest.h>

#include <set>

#include "kiosk/domain/ids.h"

namespace kiosk::domain {
namespace {

RandomSource constant(std::uint8_t value) {
    return [value](std::span<std::uint8_t> out) {
        for (auto& b : out) b = value;
    };
}

TEST(Uuid, V7CarriesTheMillisecondsThenVersionAndVariant) {
    const std::string id = new_uuid_v7(0x0193B6C2A1B2, constant(0xFF));
    EXPECT_EQ(id, "0193b6c2-a1b2-7fff-bfff-ffffffffffff");
    EXPECT_TRUE(is_uuid(id));
    EXPECT_EQ(new_uuid_v7(0x0193B6C2A1B2, constant(0x00)), "0193b6c2-a1b2-7000-8000-000000000000");
}

TEST(Uuid, V4HasVersionAndVariant) {
    EXPECT_EQ(new_uuid_v4(constant(0xFF)), "ffffffff-ffff-4fff-bfff-ffffffffffff");
    EXPECT_EQ(new_uuid_v4(constant(0x00)), "00000000-0000-4000-8000-000000000000");
}

TEST(Uuid, V7SortsByTimeAndSystemRandomDoesNotRepeat) {
    const RandomSource random = system_random();
    std::set<std::string> seen;
    std::string previous;
    for (std::int64_t ms = 1'700'000'000'000; ms < 1'700'000'000'000 + 2000; ++ms) {
        const std::string id = new_uuid_v7(ms, random);
        EXPECT_LT(previous, id);
        EXPECT_TRUE(seen.insert(id).second);
        previous = id;
    }
}

TEST(Uuid, Recognition) {
    EXPECT_TRUE(is_uuid("0193B6C2-A1B2-7FFF-BFFF-FFFFFFFFFFFF"));
    EXPECT_FALSE(is_uuid("0193b6c2a1b27fffbfffffffffffffff"));
    EXPECT_FALSE(is_uuid("0193b6c2-a1b2-7fff-bfff-fffffffffffg"));
    EXPECT_FALSE(is_uuid(""));
}

}  // namespace
}  // namespace kiosk::domain
