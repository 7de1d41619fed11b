// Script resolution follows the usual practice (as in raqm and Pango): Inherited takes the
// previous character's script, Common takes the previous real script, and leading Common
// characters take the first real script that follows.
#include "ui/text/itemize.h"

#include "ui/text/font_set.h"
#include "ui/text/utf8.h"

namespace ui::text {
namespace {

struct CharInfo {
    std::uint32_t at;
    char32_t cp;
    hb_script_t script;  // resolved
    hb_script_t raw;     // as the UCD says
};

bool follows_neighbour_face(hb_unicode_funcs_t* uf, char32_t cp, hb_script_t script) {
    if (script == HB_SCRIPT_COMMON || script == HB_SCRIPT_INHERITED || script == HB_SCRIPT_UNKNOWN) return true;
    const auto gc = hb_unicode_general_category(uf, cp);
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK || gc == HB_UNICODE_GENERAL_CATEGORY_FORMAT;
}

bool invisible(hb_unicode_funcs_t* uf, char32_t cp) {
    return hb_unicode_general_category(uf, cp) == HB_UNICODE_GENERAL_CATEGORY_FORMAT || (cp >= 0xFE00 && cp <= 0xFE0F);
}

std::uint16_t pick_face(const FontSet& fonts, std::span<const std::uint16_t> chain, char32_t cp) {
    for (const auto f : chain)
        if (fonts.face(f).covers(cp)) return f;
    return chain.empty() ? 0 : chain.front();  // nobody has it: the first face's .notdef box
}

void resolve_scripts(std::vector<CharInfo>& chars) {
    hb_script_t last = HB_SCRIPT_COMMON;
    std::size_t leading = 0;
    for (auto& c : chars) {
        const bool weak =
            c.script == HB_SCRIPT_COMMON || c.script == HB_SCRIPT_INHERITED || c.script == HB_SCRIPT_UNKNOWN;
        if (!weak) {
            if (last == HB_SCRIPT_COMMON)
                for (std::size_t k = 0; k < leading; ++k) chars[k].script = c.script;
            last = c.script;
        } else {
            c.script = last;
            if (last == HB_SCRIPT_COMMON) ++leading;
        }
    }
}

}  // namespace

void itemize(std::string_view p, std::span<const std::uint8_t> levels, const FontSet& fonts,
             std::span<const std::uint16_t> chain, std::vector<Item>& out) {
    out.clear();
    if (p.empty()) return;
    hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
    thread_local std::vector<CharInfo> chars;
    chars.clear();
    for (std::size_t i = 0; i < p.size();) {
        const auto d = utf8::decode(p, i);
        const hb_script_t script = hb_unicode_script(uf, d.cp);
        chars.push_back({static_cast<std::uint32_t>(i), d.cp, script, script});
        i += d.length;
    }
    resolve_scripts(chars);

    std::uint16_t prev_face = 0;
    bool have_prev = false;
    for (std::size_t k = 0; k < chars.size(); ++k) {
        const CharInfo& c = chars[k];
        std::uint16_t face;
        if (have_prev && follows_neighbour_face(uf, c.cp, c.raw) &&
            (invisible(uf, c.cp) || fonts.face(prev_face).covers(c.cp)))
            face = prev_face;
        else face = pick_face(fonts, chain, c.cp);
        const std::uint8_t level = levels[c.at];
        if (!out.empty() && out.back().level == level && out.back().face == face && out.back().script == c.script) {
            out.back().end = k + 1 < chars.size() ? chars[k + 1].at : static_cast<std::uint32_t>(p.size());
        } else {
            const std::uint32_t end = k + 1 < chars.size() ? chars[k + 1].at : static_cast<std::uint32_t>(p.size());
            out.push_back({c.at, end, level, face, c.script});
        }
        prev_face = face;
        have_prev = true;
    }
}

}  // namespace ui::text
