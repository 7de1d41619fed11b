// The fuzz entry point in every ordinary build: a few hundred deterministic pseudo-random
// inputs (random bytes, and random picks from Arabic, Latin, digits, marks, bidi controls),
// so the entry point and its invariants run in CI even without clang and libFuzzer.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "tests/fuzz/text/fuzz_entry.h"

namespace ui::text {
namespace {

const std::vector<std::string> kPieces = {"ب",      "لا",     "َ",       "ّ",       "ـ",    " ",        "\n", "0",
                                          "٣",      "(",      ")",      "a",      "Z",    "@",        ".",  "\u202E",
                                          "\u2066", "\u2069", "\u200F", "\u200D", "\xFF", "\xE2\x80", "…",  "★",
                                          "⯑",    "😀",      "\r\n",   "\u2029", "\t",   "ﻻ"};

TEST(FuzzSmoke, RandomBytes) {
    std::mt19937 rng(12345);
    for (int i = 0; i < 200; ++i) {
        std::vector<std::uint8_t> data(rng() % 300);
        for (auto& b : data) b = static_cast<std::uint8_t>(rng());
        data.resize(data.size() + 6);
        ui::text::fuzz::one_input(data.data(), data.size());
    }
}

TEST(FuzzSmoke, RandomTextPieces) {
    std::mt19937 rng(777);
    for (int i = 0; i < 300; ++i) {
        std::string text;
        for (int k = 0; k < 6; ++k) text.push_back(static_cast<char>(rng()));
        const int n = static_cast<int>(rng() % 120);
        for (int k = 0; k < n; ++k) text += kPieces[rng() % kPieces.size()];
        ui::text::fuzz::one_input(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    }
    SUCCEED();
}

}  // namespace
}  // namespace ui::text
