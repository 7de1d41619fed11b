// Paragraphs are split at every bidi paragraph separator (ICU's ubidi_setLine must not cross
// one). Truncation lays out "what fits + …" as a one-line paragraph of its own, forced to the
// paragraph's direction, so the ellipsis lands at the reading end: the left for Arabic.
#include "ui/text/layout_builder.h"

#include <algorithm>
#include <limits>

#include "ui/text/font_set.h"

namespace ui::text {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026

// Length in bytes of a paragraph separator starting at s[i], or 0.
std::size_t separator_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n' || (c >= 0x1C && c <= 0x1E)) return 1;
    if (c == '\r') return i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x85) return 2;
    if (c == 0xE2 && s.substr(i, 3) == "\xE2\x80\xA9") return 3;
    return 0;
}

}  // namespace

LayoutBuilder::LayoutBuilder(const FontSet& fonts)
    : fonts_(fonts), shaper_(fonts), paragraph_(fonts, shaper_, breaker_) {}

void LayoutBuilder::split_paragraphs(std::string_view text) {
    paragraphs_.clear();
    std::uint32_t begin = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t sep = separator_length(text, i);
        if (sep == 0) {
            ++i;
            continue;
        }
        paragraphs_.push_back({begin, static_cast<std::uint32_t>(i), false});
        i += sep;
        begin = static_cast<std::uint32_t>(i);
    }
    paragraphs_.push_back({begin, static_cast<std::uint32_t>(text.size()), false});
}

Layout LayoutBuilder::build(const LayoutRequest& r) {
    prepare_display_text(r.text, r.style.digits, display_);
    split_paragraphs(display_.text);
    Layout out;
    out.size_px = r.style.size_px;
    sources_.clear();
    line_paragraph_.clear();
    const std::size_t limit =
        r.max_lines > 0 ? static_cast<std::size_t>(r.max_lines) : std::numeric_limits<std::size_t>::max();
    bool more = false;
    const std::span<const std::uint32_t> map(display_.to_source);
    for (std::size_t k = 0; k < paragraphs_.size(); ++k) {
        if (out.lines.size() >= limit) {
            more = true;  // no need to shape what will not be shown
            break;
        }
        ParagraphSpan& p = paragraphs_[k];
        const std::string_view text = std::string_view(display_.text).substr(p.begin, p.end - p.begin);
        p.rtl = paragraph_.layout(text, map.subspan(p.begin, text.size() + 1), r.style, r.max_width, r.direction,
                                  out.lines, &sources_);
        line_paragraph_.resize(out.lines.size(), static_cast<std::uint32_t>(k));
        if (k == 0) out.rtl = p.rtl;
    }
    if (more || out.lines.size() > limit) truncate(r, out);
    place_lines(r, out);
    return out;
}

void LayoutBuilder::truncate(const LayoutRequest& r, Layout& out) {
    const std::size_t k = static_cast<std::size_t>(r.max_lines) - 1;
    out.lines.resize(k + 1);
    out.truncated = true;
    const ParagraphSpan& p = paragraphs_[line_paragraph_[k]];
    const LineSource src = sources_[k];
    const std::string_view para = std::string_view(display_.text).substr(p.begin, p.end - p.begin);
    const std::span<const std::uint32_t> map = std::span<const std::uint32_t>(display_.to_source).subspan(p.begin);
    const Direction dir = p.rtl ? Direction::Rtl : Direction::Ltr;
    std::uint32_t cut = src.visible_end;
    std::vector<Line> scratch;
    if (r.max_width > 0.0f) {
        // What of the rest of the paragraph fits on one line beside the ellipsis.
        const float ellipsis = static_cast<float>(paragraph_.measure(kEllipsis, r.style, dir)) / 64.0f;
        const std::string_view rest = para.substr(src.begin);
        synthetic_map_.resize(rest.size() + 1);
        for (std::size_t i = 0; i < synthetic_map_.size(); ++i) synthetic_map_[i] = static_cast<std::uint32_t>(i);
        std::vector<LineSource> rest_lines;
        paragraph_.layout(rest, synthetic_map_, r.style, std::max(r.max_width - ellipsis, 1.0f), dir, scratch,
                          &rest_lines);
        cut = src.begin + rest_lines.front().visible_end;
        scratch.clear();
    }
    synthetic_.assign(para.substr(src.begin, cut - src.begin));
    synthetic_map_.assign(map.begin() + src.begin, map.begin() + cut);
    synthetic_.append(kEllipsis);
    synthetic_map_.resize(synthetic_.size() + 1, map[cut]);
    paragraph_.layout(synthetic_, synthetic_map_, r.style, 0.0f, dir, scratch, nullptr);
    Line& last = out.lines[k];
    last = std::move(scratch.front());
    last.begin = map[src.begin];
    last.end = map[src.end];
}

void LayoutBuilder::place_lines(const LayoutRequest& r, Layout& out) const {
    const FontSet::Metrics m = fonts_.metrics(r.style.weight, to_26_6(r.style.size_px));
    const float ascent = static_cast<float>(m.ascent) / 64.0f;
    const float gap = static_cast<float>(m.gap) / 64.0f;
    out.line_height = static_cast<float>(m.ascent + m.descent + m.gap) / 64.0f;
    float widest = 0.0f;
    for (const Line& line : out.lines) widest = std::max(widest, line.width);
    const float box = r.max_width > 0.0f ? r.max_width : widest;
    for (std::size_t i = 0; i < out.lines.size(); ++i) {
        Line& line = out.lines[i];
        line.baseline = static_cast<float>(i) * out.line_height + gap * 0.5f + ascent;
        const float slack = box - line.width;
        switch (r.align) {
        case Align::Start: line.x = line.rtl ? slack : 0.0f; break;
        case Align::End: line.x = line.rtl ? 0.0f : slack; break;
        case Align::Center: line.x = slack * 0.5f; break;
        }
    }
    out.width = box;
    out.height = static_cast<float>(out.lines.size()) * out.line_height;
}

}  // namespace ui::text
