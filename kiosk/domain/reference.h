// kiosk/domain/reference.h — the short reference a visitor writes down to follow a request.
// For: making one (7 random symbols and a check symbol, shown XXXX-XXXX), and reading one
// back however it was typed. Not for: the record's identity (the UUID in ids.h).
//
// The alphabet has 29 symbols — digits 2–9 and letters without I, L, O, S, U — so nothing
// printed can be misread as another symbol (0/O, 1/I/L, 5/S, U/V). 29 is prime, and the
// check makes Σ (i+1)·value(symbol i) ≡ 0 (mod 29) over all 8 positions. Because every weight
// 1..8 and every difference of adjacent weights is non-zero mod a prime, every single-symbol
// substitution and every swap of two adjacent symbols changes the sum: all are detected.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/domain/random.h"
#include "kiosk/domain/validation.h"

namespace kiosk::domain {

inline constexpr std::string_view kReferenceAlphabet = "23456789ABCDEFGHJKMNPQRTVWXYZ";
inline constexpr std::size_t kReferenceSymbols = 8;  // including the check symbol

// A fresh reference, formatted "XXXX-XXXX".
std::string new_reference(const RandomSource& random);

// The check symbol for 7 payload symbols from the alphabet (upper case, no dash).
char reference_check_symbol(std::string_view payload);

// Reads what a visitor typed: any case, with or without the dash or spaces, Arabic-Indic
// or Eastern Arabic-Indic digits, S read as 5 and U as V (never issued, so unambiguous).
// value: the canonical "XXXX-XXXX"; errors: required, reference_format, reference_checksum.
Checked<std::string> parse_reference(std::string_view typed);

}  // namespace kiosk::domain
