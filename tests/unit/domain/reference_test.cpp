// Specification of reference numbers. The two detection promises are proved exhaustively:
// the check is a weighted sum, so whether an error is caught depends only on the position
// and the two symbols involved — every (position, old symbol, new symbol) is tried, on many
// different codes for good measure.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/reference.h"

namespace kiosk::domain {
namespace {

// Deterministic randomness for tests.
RandomSource seeded(std::uint32_t seed) {
    auto engine = std::make_shared<std::mt19937>(seed);
    return [engine](std::span<std::uint8_t> out) {
        for (auto& b : out) b = static_cast<std::uint8_t>((*engine)() & 0xFF);
    };
}

std::string symbols_of(const std::string& formatted) { return formatted.substr(0, 4) + formatted.substr(5); }
bool valid_symbols(const std::string& symbols) { return parse_reference(symbols).ok(); }

TEST(Reference, AlphabetHasNoLookAlikes) {
    EXPECT_EQ(kReferenceAlphabet.size(), 29u);
    for (char c : std::string_view("01ILOSU")) EXPECT_EQ(kReferenceAlphabet.find(c), std::string_view::npos) << c;
    EXPECT_EQ(std::set<char>(kReferenceAlphabet.begin(), kReferenceAlphabet.end()).size(), 29u);
}

TEST(Reference, NewOnesAreWellFormedAndValid) {
    const RandomSource random = seeded(1);
    for (int i = 0; i < 1000; ++i) {
        const std::string ref = new_reference(random);
        ASSERT_EQ(ref.size(), 9u);
        EXPECT_EQ(ref[4], '-');
        const Checked<std::string> parsed = parse_reference(ref);
        ASSERT_TRUE(parsed.ok()) << ref;
        EXPECT_EQ(parsed.value, ref);
    }
}

TEST(Reference, SymbolsAreUniformlyDrawn) {
    const RandomSource random = seeded(2);
    std::map<char, int> counts;
    for (int i = 0; i < 29 * 400; ++i) {
        const std::string s = symbols_of(new_reference(random));
        for (std::size_t k = 0; k + 1 < s.size(); ++k) ++counts[s[k]];  // payload only
    }
    EXPECT_EQ(counts.size(), 29u);
    for (const auto& [symbol, n] : counts) {
        EXPECT_NEAR(n, 7 * 400, 7 * 400 / 6) << symbol;  // 7 payload symbols × 400 each on average
    }
}

TEST(Reference, EverySingleSubstitutionIsDetected) {
    const RandomSource random = seeded(3);
    long tried = 0;
    for (int code = 0; code < 50; ++code) {
        const std::string good = symbols_of(new_reference(random));
        ASSERT_TRUE(valid_symbols(good));
        for (std::size_t pos = 0; pos < kReferenceSymbols; ++pos) {
            for (char other : kReferenceAlphabet) {
                if (other == good[pos]) continue;
                std::string bad = good;
                bad[pos] = other;
                ASSERT_FALSE(valid_symbols(bad)) << good << " -> " << bad;
                ++tried;
            }
        }
    }
    EXPECT_EQ(tried, 50L * 8 * 28);
}

TEST(Reference, EveryAdjacentTranspositionIsDetected) {
    // For each adjacent pair of positions and each ordered pair of distinct symbols (a, b),
    // build a valid code holding a then b there, swap them, and require a refusal.
    const RandomSource random = seeded(4);
    long tried = 0;
    for (std::size_t pos = 0; pos + 1 < kReferenceSymbols; ++pos) {
        for (char a : kReferenceAlphabet) {
            for (char b : kReferenceAlphabet) {
                if (a == b) continue;
                std::string good = symbols_of(new_reference(random));
                good[pos] = a;
                if (pos + 1 < kReferenceSymbols - 1) {
                    good[pos + 1] = b;
                } else {
                    // b is the check symbol: the first symbol has weight 1, so exactly one
                    // choice of it makes the check come out as b.
                    for (char x : kReferenceAlphabet) {
                        good[0] = x;
                        if (reference_check_symbol(std::string_view(good).substr(0, 7)) == b) break;
                    }
                }
                good.back() = reference_check_symbol(std::string_view(good).substr(0, 7));
                ASSERT_TRUE(valid_symbols(good)) << good;
                ASSERT_EQ(good[pos], a);
                ASSERT_EQ(good[pos + 1], b);
                std::swap(good[pos], good[pos + 1]);
                ASSERT_FALSE(valid_symbols(good)) << good;
                ++tried;
            }
        }
    }
    EXPECT_EQ(tried, 7L * 29 * 28);
}

TEST(Reference, ParsingIsForgiving) {
    const struct {
        const char* typed;
        const char* expected;
        std::string_view error;
    } cases[] = {
        {"K7M4-QX9N", "K7M4-QX9N", {}},
        {"k7m4-qx9n", "K7M4-QX9N", {}},
        {"K7M4QX9N", "K7M4-QX9N", {}},
        {" k7m4 qx9n ", "K7M4-QX9N", {}},
        {"K٧M٤-QX٩N", "K7M4-QX9N", {}},       // Arabic-Indic digits
        {"K۷M۴-QX۹N", "K7M4-QX9N", {}},       // Eastern Arabic-Indic digits
        {"K7M4\u2013QX9N", "K7M4-QX9N", {}},  // en dash
        {"ABCD-EFGJ", "ABCD-EFGJ", {}},
        {"3HN7-TVWE", "3HN7-TVWE", {}},
        {"3HN7-TUWE", "3HN7-TVWE", {}},  // U is read as V
        {"K7M4-QX9P", "", keys::reference_checksum},
        {"K7M4-XQ9N", "", keys::reference_checksum},  // adjacent swap
        {"K7M4-QX9", "", keys::reference_format},
        {"K7M4-QX9NN", "", keys::reference_format},
        {"K0M4-QX9N", "", keys::reference_format},  // 0 is never issued
        {"KIM4-QX9N", "", keys::reference_format},  // I is never issued
        {"K7M4/QX9N", "", keys::reference_format},
        {"ك7M4-QX9N", "", keys::reference_format},
        {"", "", keys::required},
        {" - ", "", keys::required},
    };
    for (const auto& c : cases) {
        const Checked<std::string> got = parse_reference(c.typed);
        EXPECT_EQ(got.error, c.error) << c.typed;
        EXPECT_EQ(got.value, c.expected) << c.typed;
    }
}

}  // namespace
}  // namespace kiosk::domain
