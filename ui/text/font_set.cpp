// Loading the font roles of fonts.json: one HarfBuzz face (for shaping and coverage) and one
// FreeType face (for bitmaps) per file, plus the regular and bold fallback chains.
#include "ui/text/font_set.h"

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ui/text/font_manifest.h"

namespace ui::text {
namespace {

Expected<FontFace, std::string> open_face(FT_Library ft, const std::string& role, const std::string& path) {
    FontFace f;
    f.role = role;
    f.path = path;
    HbBlobPtr blob(hb_blob_create_from_file_or_fail(path.c_str()));
    if (!blob) return Unexpected("cannot read font file " + path + " (role " + role + ")");
    f.hb_face.reset(hb_face_create(blob.get(), 0));
    f.upem = hb_face_get_upem(f.hb_face.get());
    if (hb_face_get_glyph_count(f.hb_face.get()) == 0) return Unexpected("not a font: " + path);
    f.hb_font.reset(hb_font_create(f.hb_face.get()));
    f.coverage.reset(hb_set_create());
    hb_face_collect_unicodes(f.hb_face.get(), f.coverage.get());
    FT_Face face = nullptr;
    if (FT_New_Face(ft, path.c_str(), 0, &face) != 0) return Unexpected("FreeType cannot open " + path);
    f.ft_face.reset(face);
    return f;
}

Expected<std::string, std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Unexpected("cannot open " + path + " (is the font directory right? set KIOSK_SHARE_DIR)");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The bold chain swaps each role for its "-bold" sibling when the manifest has one.
std::vector<std::uint16_t> make_chain(const FontManifest& m, const std::vector<FontFace>& faces,
                                      const std::string& first_role, bool bold) {
    auto index_of = [&](const std::string& role) -> int {
        for (std::size_t i = 0; i < faces.size(); ++i)
            if (faces[i].role == role) return static_cast<int>(i);
        return -1;
    };
    std::vector<std::string> roles;
    if (!first_role.empty()) roles.push_back(first_role);
    roles.insert(roles.end(), m.fallback_chain.begin(), m.fallback_chain.end());
    std::vector<std::uint16_t> chain;
    for (const auto& role : roles) {
        int i = bold ? index_of(role + "-bold") : -1;
        if (i < 0) i = index_of(role);
        if (i < 0) continue;
        const auto idx = static_cast<std::uint16_t>(i);
        if (std::find(chain.begin(), chain.end(), idx) == chain.end()) chain.push_back(idx);
    }
    return chain;
}

}  // namespace

Expected<FontSet, std::string> FontSet::load(const std::string& dir, const std::string& first_role) {
    auto json = read_file(dir + "/fonts.json");
    if (!json) return Unexpected(json.error());
    auto manifest = parse_font_manifest(*json);
    if (!manifest) return Unexpected(manifest.error());
    if (!first_role.empty() && std::none_of(manifest->roles.begin(), manifest->roles.end(),
                                            [&](const auto& r) { return r.first == first_role; }))
        return Unexpected("unknown font role '" + first_role + "'");

    FontSet set;
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) return Unexpected(std::string("FreeType failed to initialise"));
    set.ft_.reset(lib);
    for (const auto& [role, file] : manifest->roles) {
        auto face = open_face(lib, role, dir + "/" + file);
        if (!face) return Unexpected(face.error());
        set.paths_.push_back(face->path);
        set.faces_.push_back(std::move(*face));
    }
    set.chain_ = make_chain(*manifest, set.faces_, first_role, false);
    set.bold_chain_ = make_chain(*manifest, set.faces_, first_role, true);
    return set;
}

FontSet::Metrics FontSet::metrics(Weight weight, std::uint32_t size26) const {
    Metrics m;
    const auto c = chain(weight);
    for (std::size_t k = 0; k < c.size() && k < 2; ++k) {
        const FontFace& f = faces_[c[k]];
        hb_font_extents_t e{};
        hb_font_get_h_extents(f.hb_font.get(), &e);
        const double scale = static_cast<double>(size26) / f.upem;
        m.ascent = std::max(m.ascent, static_cast<std::int32_t>(e.ascender * scale + 0.5));
        m.descent = std::max(m.descent, static_cast<std::int32_t>(-e.descender * scale + 0.5));
        m.gap = std::max(m.gap, static_cast<std::int32_t>(e.line_gap * scale + 0.5));
    }
    return m;
}

std::string default_font_dir() {
    if (const char* share = std::getenv("KIOSK_SHARE_DIR"); share != nullptr && *share != '\0')
        return std::string(share) + "/fonts";
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return "share/mouj-kiosk/fonts";
    return (exe.parent_path().parent_path() / "share" / "mouj-kiosk" / "fonts").string();
}

}  // namespace ui::text
