// Reference numbers: mod-29 weighted check symbol; see reference.h for why it detects
// every single substitution and adjacent transposition.
#include "kiosk/domain/reference.h"

#include <array>
#include <cstdint>
#include <optional>

#include "kiosk/domain/message_keys.h"
#include "kiosk/domain/text.h"
#include "kiosk/domain/utf8.h"

namespace kiosk::domain {
namespace {

constexpr int kModulus = static_cast<int>(kReferenceAlphabet.size());
static_assert(kModulus == 29, "the check relies on a prime alphabet size");
static_assert(kReferenceSymbols < kModulus, "weights 1..n must stay distinct mod the alphabet size");

int symbol_value(char c) {
    const std::size_t at = kReferenceAlphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

int inverse_mod(int a) {
    for (int x = 1; x < kModulus; ++x) {
        if ((a * x) % kModulus == 1) return x;
    }
    return 0;  // unreachable for a prime modulus and 0 < a < modulus
}

std::string formatted(std::string_view symbols) {
    return std::string(symbols.substr(0, 4)) + "-" + std::string(symbols.substr(4));
}

// The symbol a typed code point stands for, 0 for a separator to skip, -1 for anything else.
int canonical_symbol(char32_t cp) {
    if (cp == U'-' || cp == U' ' || (cp >= U'\u2010' && cp <= U'\u2015') || cp == U'_') return 0;
    if (const int d = text::digit_value(cp); d >= 0) return '0' + d;
    if (cp >= U'a' && cp <= U'z') cp = cp - U'a' + U'A';
    if (cp == U'S') return '5';
    if (cp == U'U') return 'V';
    if (cp >= U'A' && cp <= U'Z') return static_cast<int>(cp);
    return -1;
}

}  // namespace

char reference_check_symbol(std::string_view payload) {
    int sum = 0;
    for (std::size_t i = 0; i < payload.size(); ++i) {
        sum += static_cast<int>(i + 1) * symbol_value(payload[i]);
    }
    const int weight = static_cast<int>(kReferenceSymbols);
    const int value = ((kModulus - sum % kModulus) % kModulus * inverse_mod(weight)) % kModulus;
    return kReferenceAlphabet[static_cast<std::size_t>(value)];
}

std::string new_reference(const RandomSource& random) {
    std::string symbols;
    std::array<std::uint8_t, 16> bytes{};
    // Rejection sampling: only bytes below 232 = 8 * 29, so every symbol is equally likely.
    while (symbols.size() + 1 < kReferenceSymbols) {
        random(bytes);
        for (std::uint8_t b : bytes) {
            if (b >= 8 * kModulus || symbols.size() + 1 >= kReferenceSymbols) continue;
            symbols.push_back(kReferenceAlphabet[b % kModulus]);
        }
    }
    symbols.push_back(reference_check_symbol(symbols));
    return formatted(symbols);
}

Checked<std::string> parse_reference(std::string_view typed) {
    if (typed.size() > 256) return {{}, keys::reference_format, 0};
    const std::optional<std::u32string> cps = utf8::decode(typed);
    if (!cps) return {{}, keys::reference_format, 0};
    std::string symbols;
    for (char32_t cp : *cps) {
        const int symbol = canonical_symbol(cp);
        if (symbol == 0) continue;
        if (symbol < 0 || symbol_value(static_cast<char>(symbol)) < 0) return {{}, keys::reference_format, 0};
        symbols.push_back(static_cast<char>(symbol));
    }
    if (symbols.empty()) return {{}, keys::required, 0};
    if (symbols.size() != kReferenceSymbols) return {{}, keys::reference_format, 0};
    const std::string_view payload = std::string_view(symbols).substr(0, kReferenceSymbols - 1);
    if (reference_check_symbol(payload) != symbols.back()) return {{}, keys::reference_checksum, 0};
    return {formatted(symbols), {}, 0};
}

}  // namespace kiosk::domain
