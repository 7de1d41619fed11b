// One reusable hb_buffer_t and one hb_font_t per (face, size): creating either per call
// would dominate the cost of shaping short labels.
#include "ui/text/shaper.h"

#include "ui/text/font_set.h"

namespace ui::text {
namespace {

constexpr std::size_t kMaxSizedFonts = 64;  // distinct (face, size) pairs kept; a UI uses a handful

}  // namespace

Shaper::Shaper(const FontSet& fonts) : fonts_(fonts), buffer_(hb_buffer_create()) {}

hb_font_t* Shaper::font(std::uint16_t face, std::uint32_t size26) {
    const std::uint64_t key = (static_cast<std::uint64_t>(face) << 32) | size26;
    auto it = sized_fonts_.find(key);
    if (it != sized_fonts_.end()) return it->second.get();
    if (sized_fonts_.size() >= kMaxSizedFonts) sized_fonts_.clear();
    HbFontPtr f(hb_font_create(fonts_.face(face).hb_face.get()));
    const auto scale = static_cast<int>(size26);
    hb_font_set_scale(f.get(), scale, scale);
    return sized_fonts_.emplace(key, std::move(f)).first->second.get();
}

void Shaper::shape(std::string_view text, std::uint32_t context_begin, std::uint32_t context_end, const Item& item,
                   std::uint32_t size26, std::vector<ShapedGlyph>& out) {
    hb_buffer_t* buf = buffer_.get();
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf8(buf, text.data() + context_begin, static_cast<int>(context_end - context_begin),
                       item.begin - context_begin, static_cast<int>(item.end - item.begin));
    hb_buffer_set_direction(buf, item.rtl() ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, item.script);
    static const hb_language_t arabic = hb_language_from_string("ar", -1);
    static const hb_language_t english = hb_language_from_string("en", -1);
    hb_buffer_set_language(buf, item.script == HB_SCRIPT_ARABIC ? arabic : english);
    unsigned flags = HB_BUFFER_FLAG_DEFAULT;
    if (item.begin == 0) flags |= HB_BUFFER_FLAG_BOT;
    if (item.end == text.size()) flags |= HB_BUFFER_FLAG_EOT;
    hb_buffer_set_flags(buf, static_cast<hb_buffer_flags_t>(flags));
    hb_shape(font(item.face, size26), buf, nullptr, 0);
    ++calls_;

    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    out.reserve(out.size() + count);
    for (unsigned i = 0; i < count; ++i) {
        ShapedGlyph g;
        g.gid = info[i].codepoint;
        g.cluster = info[i].cluster + context_begin;
        g.advance = pos[i].x_advance;
        g.x_offset = pos[i].x_offset;
        g.y_offset = pos[i].y_offset;
        g.face = item.face;
        g.unsafe_to_break = (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
        out.push_back(g);
    }
}

}  // namespace ui::text
