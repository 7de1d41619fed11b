// Always built, so CI exercises the protocol fuzz entry point without clang: the seed corpus,
// then a few thousand inputs made by mutating the seeds (bit flips, cuts, splices, inserted
// JSON punctuation, NUL bytes and byte order marks) and by raw random bytes.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <random>

#include "protocol_fuzz.h"
#include "sync/protocol/file_io.h"

namespace kiosk_sync::fuzz {
namespace {

std::string run(const std::string& input) {
    return check_protocol(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

std::vector<std::string> seeds() {
    std::vector<std::string> out;
    for (const auto& entry : std::filesystem::directory_iterator(KIOSK_FUZZ_CORPUS))
        if (auto text = protocol::read_file(entry.path())) out.push_back(*text);
    return out;
}

std::string mutate(std::string s, const std::vector<std::string>& pool, std::mt19937& rng) {
    static const std::string punctuation = "{}[]\",:\\0-1e9.\n ";
    std::uniform_int_distribution<int> kind(0, 6), byte(0, 255);
    for (int steps = 1 + static_cast<int>(rng() % 4); steps > 0; --steps) {
        std::size_t at = s.empty() ? 0 : rng() % s.size();
        switch (kind(rng)) {
        case 0:
            if (!s.empty()) s[at] = static_cast<char>(s[at] ^ (1 << (rng() % 8)));
            break;
        case 1: s.resize(at); break;
        case 2: s.insert(at, 1, punctuation[rng() % punctuation.size()]); break;
        case 3: s.insert(at, pool[rng() % pool.size()].substr(0, rng() % 200)); break;
        case 4:
            if (!s.empty()) s.erase(at, rng() % 16);
            break;
        // Bytes nlohmann treats specially: NUL ends its input, a BOM is skipped.
        case 5: s.insert(at, rng() % 2 ? std::string(1, '\0') : std::string("\xEF\xBB\xBF")); break;
        default: s.insert(at, 1, static_cast<char>(byte(rng))); break;
        }
    }
    return s;
}

TEST(SyncProtocolFuzz, SeedCorpus) {
    auto corpus = seeds();
    EXPECT_GT(corpus.size(), 5u);
    for (const auto& seed : corpus) EXPECT_EQ(run(seed), "") << seed.substr(0, 80);
}

TEST(SyncProtocolFuzz, ThousandsOfMutatedAndRandomInputs) {
    auto corpus = seeds();
    ASSERT_FALSE(corpus.empty());
    std::mt19937 rng(20251126);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    int ran = 0;
    for (int i = 0; i < 5000 && std::chrono::steady_clock::now() < deadline; ++i, ++ran) {
        std::string input;
        if (i % 5 == 0) {
            for (int n = static_cast<int>(rng() % 300); n > 0; --n) input.push_back(static_cast<char>(rng() & 0xff));
        } else {
            input = mutate(corpus[rng() % corpus.size()], corpus, rng);
        }
        ASSERT_EQ(run(input), "") << "input #" << i;
    }
    EXPECT_GE(ran, 2000);
}

}  // namespace
}  // namespace kiosk_sync::fuzz
