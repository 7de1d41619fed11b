// Always built, so CI exercises the fuzz entry point without clang: the seed corpus, then a
// few thousand pseudo-random inputs drawn from the characters that matter (Arabic letters,
// harakat, tatweel, three digit sets, bidi controls, separators) and from raw bytes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "kiosk/domain/utf8.h"
#include "validation_fuzz.h"

namespace kiosk::domain::fuzz {
namespace {

std::string run(const std::string& input) {
    return check_validation(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

const char32_t kAlphabet[] = {
    U'a',      U'Z',          U'e',      U'\u0301', U'0',      U'1',      U'5',      U'9',      U'\u0660', U'\u0665',
    U'\u06F0', U'\u06F9',     U'\u0645', U'\u062D', U'\u0627', U'\u0654', U'\u064E', U'\u0651', U'\u0640', U'\u0644',
    U' ',      U'\u00A0',     U'\n',     U'\r',     U'\t',     U'-',      U'+',      U'\'',     U',',      U'.',
    U'@',      U'(',          U'\u066C', U'\u202E', U'\u2066', U'\u200F', U'\u200B', U'\uFEFF', U'\u0000', U'\uE000',
    U'\uFFFF', U'\U0001F600', U'\u0410', U'K',      U'S',      U'U',      U'\x1F',
};

std::string random_text(std::mt19937& rng) {
    std::uniform_int_distribution<std::size_t> length(0, 40), pick(0, std::size(kAlphabet) - 1);
    std::u32string s;
    for (std::size_t i = length(rng); i > 0; --i) s.push_back(kAlphabet[pick(rng)]);
    return utf8::encode(s);
}

std::string random_bytes(std::mt19937& rng) {
    std::uniform_int_distribution<int> length(0, 200), byte(0, 255);
    std::string s;
    for (int i = length(rng); i > 0; --i) s.push_back(static_cast<char>(byte(rng)));
    return s;
}

TEST(ValidationFuzz, SeedCorpus) {
    const std::filesystem::path corpus = std::filesystem::path(KIOSK_FUZZ_CORPUS);
    int seeds = 0;
    for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        EXPECT_EQ(run(bytes.str()), "") << entry.path();
        ++seeds;
    }
    EXPECT_GT(seeds, 3);
}

TEST(ValidationFuzz, ThousandsOfPseudoRandomInputs) {
    std::mt19937 rng(20251126);
    std::uniform_int_distribution<int> fields(1, 12), flags(0, 255), coin(0, 3);
    for (int i = 0; i < 4000; ++i) {
        std::string input(1, static_cast<char>(flags(rng)));
        for (int f = fields(rng); f > 0; --f) {
            input += coin(rng) == 0 ? random_bytes(rng) : random_text(rng);
            input += '\x1F';
        }
        ASSERT_EQ(run(input), "") << "input #" << i;
    }
}

}  // namespace
}  // namespace kiosk::domain::fuzz
