// Helpers for the store tests; see store_fixture.h.
#include "store_fixture.h"

#include <fstream>
#include <random>
#include <sstream>

#include <sodium.h>

#include "kiosk/domain/validation.h"

namespace kiosk::store::testing {

HqKeys HqKeys::generate() {
    if (sodium_init() < 0) std::abort();
    HqKeys keys;
    crypto_box_keypair(keys.public_key.data(), keys.secret_key.data());
    return keys;
}

std::string HqKeys::public_hex() const {
    std::string hex(2 * public_key.size() + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), public_key.data(), public_key.size());
    hex.pop_back();
    return hex;
}

std::optional<nlohmann::json> HqKeys::open_sealed(const std::string& base64) const {
    std::vector<std::uint8_t> box(base64.size());
    std::size_t length = 0;
    if (sodium_base642bin(box.data(), box.size(), base64.data(), base64.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length < crypto_box_SEALBYTES) {
        return std::nullopt;
    }
    std::string plain(length - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), box.data(), length, public_key.data(),
                             secret_key.data()) != 0) {
        return std::nullopt;
    }
    return nlohmann::json::parse(plain, nullptr, false);
}

StoreOptions options_for(const HqKeys& keys, TestClock* clock) {
    StoreOptions options;
    options.kiosk_id = "test-kiosk";
    options.hq_public_key = keys.public_key;
    options.busy_timeout = std::chrono::milliseconds(2000);
    if (clock != nullptr) options.clock_ms = [clock] { return clock->now_ms; };
    return options;
}

domain::ServiceRating rating(int overall, std::optional<int> wait, std::string service, std::optional<int> counter,
                             std::string comment) {
    domain::ServiceRating r;
    r.overall = overall;
    r.wait = wait;
    r.service = std::move(service);
    r.counter = counter;
    r.comment = std::move(comment);
    return r;
}

domain::SupportRequest sample_request(int n) {
    domain::SupportRequest r;
    r.full_name = "هند سعيد القحطاني";
    r.national_id = "1045678909";
    r.mobile = "0551239876";
    r.city = "الخبر";
    r.district = "حي العقربية";
    r.family_size = 5;
    r.monthly_income = 2800;
    r.request_type = "food";
    r.description = "طلب سلة غذائية شهرية رقم " + std::to_string(n);
    r.signature = {600, 200, {{{40, 120}, {120, 60}, {200, 140}, {320, 80}, {450, 130}}, {{300, 150}, {500, 150}}}};
    return r;
}

domain::Feedback sample_feedback() { return {"complaint", "طال الانتظار عند الموظف خالد", "سلمى", "0567654321"}; }

domain::Volunteer sample_volunteer() {
    return {"Omar Farouk", "0533334444", {"teaching", "driving"}, "رسم", {"weekends"}, "بعد المغرب"};
}

domain::ServiceRating sample_rating(int overall, std::string comment) {
    domain::ServiceRating r;
    r.overall = overall;
    r.wait = 3;
    r.courtesy = 5;
    r.comment = std::move(comment);
    r.service = "social_research";
    r.counter = 2;
    return r;
}

std::string raw_database_bytes(const std::filesystem::path& data_dir) {
    std::string all;
    for (const char* name : {"kiosk.db", "kiosk.db-wal"}) {
        std::ifstream in(data_dir / name, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        all += bytes.str();
    }
    return all;
}

}  // namespace kiosk::store::testing
