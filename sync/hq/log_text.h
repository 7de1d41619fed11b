// sync/hq/log_text.h — making text from outside (URL paths, header values, a bundle's kiosk
// field, reasons that quote them) safe to print on an operator's terminal or into a log:
// control bytes, C1 controls, bidi overrides and invalid UTF-8 become visible escapes, and
// the result has a length cap, so nothing a client sends can move the cursor, recolour the
// terminal, forge a log line or fill the disk. Not here: deciding what to log (callers).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk_sync::hq {

inline constexpr std::size_t kLogFieldLimit = 200;

// Printable UTF-8: valid, non-control characters pass; everything else as \xNN (bytes) or
// \u{NNNN} (characters); cut to at most max_bytes of output with "…" when cut.
std::string printable(std::string_view text, std::size_t max_bytes = kLogFieldLimit);

}  // namespace kiosk_sync::hq
