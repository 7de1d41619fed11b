// ICU's ubidi over a UTF-16 copy of one paragraph, with byte maps in both directions so the
// rest of the engine never sees UTF-16.
#include "ui/text/bidi.h"

#include <unicode/uchar.h>
#include <algorithm>

#include "ui/text/utf8.h"

namespace ui::text {

BidiParagraph::BidiParagraph() : para_(ubidi_open()), line_(ubidi_open()) {}

bool BidiParagraph::analyze(std::string_view s, Direction direction) {
    u16_.clear();
    u16_to_u8_.clear();
    u8_to_u16_.assign(s.size() + 1, 0);
    for (std::size_t i = 0; i < s.size();) {
        const auto d = utf8::decode(s, i);
        u8_to_u16_[i] = static_cast<std::uint32_t>(u16_.size());
        const auto at = static_cast<std::uint32_t>(i);
        if (d.cp >= 0x10000) {
            u16_.push_back(static_cast<char16_t>(0xD800 + ((d.cp - 0x10000) >> 10)));
            u16_.push_back(static_cast<char16_t>(0xDC00 + ((d.cp - 0x10000) & 0x3FF)));
            u16_to_u8_.push_back(at);
            u16_to_u8_.push_back(at);
        } else {
            u16_.push_back(static_cast<char16_t>(d.cp));
            u16_to_u8_.push_back(at);
        }
        for (std::uint32_t k = 1; k < d.length && i + k < s.size(); ++k)
            u8_to_u16_[i + k] = static_cast<std::uint32_t>(u16_.size());
        i += d.length;
    }
    u8_to_u16_[s.size()] = static_cast<std::uint32_t>(u16_.size());
    u16_to_u8_.push_back(static_cast<std::uint32_t>(s.size()));

    const UBiDiLevel requested = direction == Direction::Rtl ? 1 : direction == Direction::Ltr ? 0 : UBIDI_DEFAULT_LTR;
    UErrorCode err = U_ZERO_ERROR;
    ubidi_setPara(para_.get(), u16_.data(), static_cast<int32_t>(u16_.size()), requested, nullptr, &err);
    ok_ = U_SUCCESS(err);
    base_level_ = ok_ ? ubidi_getParaLevel(para_.get()) : (direction == Direction::Rtl ? 1 : 0);
    byte_levels_.assign(s.size(), base_level_);
    if (!ok_ || u16_.empty()) return ok_;
    const UBiDiLevel* levels = ubidi_getLevels(para_.get(), &err);
    if (U_FAILURE(err) || levels == nullptr) return ok_ = false;
    for (std::size_t b = 0; b < s.size(); ++b)
        byte_levels_[b] = levels[u8_to_u16_[b] - (utf8::is_continuation(s[b]) ? 1 : 0)];
    return true;
}

void BidiParagraph::visual_runs(std::uint32_t begin, std::uint32_t end, std::vector<VisualRun>& out) {
    out.clear();
    if (begin >= end) return;
    UErrorCode err = U_ZERO_ERROR;
    const auto b16 = static_cast<int32_t>(u8_to_u16_[begin]);
    const auto e16 = static_cast<int32_t>(u8_to_u16_[end]);
    if (ok_) ubidi_setLine(para_.get(), b16, e16, line_.get(), &err);
    const int32_t count = ok_ && U_SUCCESS(err) ? ubidi_countRuns(line_.get(), &err) : -1;
    if (count < 0 || U_FAILURE(err)) {
        out.push_back({begin, end, rtl()});
        return;
    }
    for (int32_t i = 0; i < count; ++i) {
        int32_t start = 0;
        int32_t length = 0;
        const UBiDiDirection dir = ubidi_getVisualRun(line_.get(), i, &start, &length);
        out.push_back({u16_to_u8_[static_cast<std::size_t>(b16 + start)],
                       u16_to_u8_[static_cast<std::size_t>(b16 + start + length)], dir == UBIDI_RTL});
    }
}

void BidiParagraph::line_levels_and_order(std::vector<std::uint8_t>& levels, std::vector<std::uint32_t>& order) {
    levels.clear();
    order.clear();
    const auto n = static_cast<int32_t>(u16_.size());
    UErrorCode err = U_ZERO_ERROR;
    if (!ok_ || n == 0) return;
    // The paragraph object is itself the line over the whole paragraph (L1 included).
    // ubidi_setLine would do for order, but for a unidirectional paragraph it reports every
    // level as the paragraph level, which the conformance data does not expect.
    const UBiDiLevel* l = ubidi_getLevels(para_.get(), &err);
    scratch_map_.assign(static_cast<std::size_t>(n), 0);
    ubidi_getVisualMap(para_.get(), scratch_map_.data(), &err);
    if (U_FAILURE(err) || l == nullptr) return;
    // Code point indices: count UTF-16 units that start a code point.
    std::vector<std::uint32_t> cp_index(static_cast<std::size_t>(n), 0);
    std::uint32_t next = 0;
    for (int32_t i = 0; i < n; ++i) {
        const bool trail = i > 0 && U16_IS_TRAIL(u16_[static_cast<std::size_t>(i)]) &&
                           U16_IS_LEAD(u16_[static_cast<std::size_t>(i - 1)]);
        cp_index[static_cast<std::size_t>(i)] = trail ? next - 1 : next++;
        if (!trail) levels.push_back(l[i]);
    }
    for (int32_t v = 0; v < n; ++v) {
        const auto logical = static_cast<std::size_t>(scratch_map_[static_cast<std::size_t>(v)]);
        const bool trail = logical > 0 && U16_IS_TRAIL(u16_[logical]) && U16_IS_LEAD(u16_[logical - 1]);
        if (!trail) order.push_back(cp_index[logical]);
    }
}

Direction detect_direction(std::string_view s, Direction fallback) {
    for (std::size_t i = 0; i < s.size();) {
        const auto d = utf8::decode(s, i);
        i += d.length;
        switch (u_charDirection(static_cast<UChar32>(d.cp))) {
        case U_LEFT_TO_RIGHT: return Direction::Ltr;
        case U_RIGHT_TO_LEFT:
        case U_RIGHT_TO_LEFT_ARABIC: return Direction::Rtl;
        default: break;
        }
    }
    return fallback;
}

}  // namespace ui::text
