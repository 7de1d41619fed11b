// Shared by the store tests: a temporary data directory, an HQ key pair (the tests play HQ
// and can open the sealed boxes), a clock they control, and sample records.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/domain/records.h"
#include "kiosk/store/store.h"
#include "tests/support/temp_dir.h"

namespace kiosk::store::testing {

// A fresh directory under the system temp dir, removed with everything in it.
using TempDir = ::kiosk::testing::TempDir;

struct HqKeys {
    PublicKey public_key{};
    std::array<std::uint8_t, 32> secret_key{};
    static HqKeys generate();
    std::string public_hex() const;
    // Opens a base64 `sealed` value from the wire; nothing when it does not open.
    std::optional<nlohmann::json> open_sealed(const std::string& base64) const;
};

// Options with this HQ key, kiosk id "test-kiosk", a fixed clock the test can move.
struct TestClock {
    std::int64_t now_ms = 1'764'120'000'000;  // 2025-11-26 01:20 UTC
};
StoreOptions options_for(const HqKeys& keys, TestClock* clock = nullptr);

domain::SupportRequest sample_request(int n = 0);  // n varies the name and description
// A rating with the overall score, the waiting-time aspect, the place and an optional comment.
domain::ServiceRating rating(int overall, std::optional<int> wait, std::string service, std::optional<int> counter,
                             std::string comment = {});
domain::Feedback sample_feedback();
domain::Volunteer sample_volunteer();
domain::ServiceRating sample_rating(int overall = 4, std::string comment = {});

// Every byte of the database and its WAL, for "is this string stored in clear?" checks.
std::string raw_database_bytes(const std::filesystem::path& data_dir);

}  // namespace kiosk::store::testing
