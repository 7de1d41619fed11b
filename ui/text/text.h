// ui/text — the text engine: the only way any visible string is laid out, drawn or edited.
//
// A string goes through one pipeline: UTF-8 → NFC → paragraph direction → bidi levels →
// runs by script and font coverage → HarfBuzz shaping → line breaking → visual reordering →
// alignment → glyph quads from a FreeType atlas → ImDrawList. Application code never sees
// fonts or glyph ids beyond this header: it asks for a Layout and draws it.
//
// Types: Style and LayoutRequest (what to lay out), Layout → Line → Run/Glyph (the result,
// positions in pixels, clusters as byte offsets of the caller's text), Caret, TextureSink
// (the platform's textures), Stats, Engine. Editing helpers live in ui/text/editing.h.
// What was optimised: a repeated request is a hash lookup (no shaping, no allocation); a
// new one reuses every scratch buffer; draw() uploads each changed atlas page once.
//
// Not for: widget layout, input handling or colours beyond one per draw call.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ui/text/expected.h"  // Expected = std::expected (see there for the one exception)

struct ImDrawList;

namespace ui::text {

enum class Direction : std::uint8_t { Auto, Ltr, Rtl };
enum class Align : std::uint8_t { Start, Center, End };  // Start is the right edge for RTL
enum class Weight : std::uint8_t { Regular, Bold };
enum class Digits : std::uint8_t { Western, ArabicIndic };  // how ASCII digits are shown

struct Style {
    float size_px = 24.0f;
    Weight weight = Weight::Regular;
    Digits digits = Digits::Western;
    bool operator==(const Style&) const = default;
};

struct LayoutRequest {
    std::string_view text;  // UTF-8; invalid bytes are shown as U+FFFD
    Style style;
    float max_width = 0.0f;  // 0: one line per paragraph, no wrapping
    Direction direction = Direction::Auto;
    Align align = Align::Start;
    int max_lines = 0;  // 0: unlimited; otherwise the last line ends in an ellipsis
};

// One positioned glyph. x is the pen position from the line's left edge, y the offset from
// the line's baseline (positive is down); cluster is a UTF-8 byte offset into the source text.
struct Glyph {
    std::uint16_t face = 0;  // index into Engine::face_paths()
    std::uint32_t gid = 0;
    std::uint32_t cluster = 0;
    float x = 0.0f;
    float y = 0.0f;
    float advance = 0.0f;
};

// A maximal piece of a line with one direction, in visual order (what hit testing walks).
struct Run {
    std::uint32_t begin = 0;  // logical byte range of the source text
    std::uint32_t end = 0;
    float x = 0.0f;  // from the line's left edge
    float width = 0.0f;
    std::uint32_t glyph_begin = 0;  // index range into Line::glyphs
    std::uint32_t glyph_end = 0;
    bool rtl = false;
};

struct Line {
    std::vector<Glyph> glyphs;  // visual order, left to right
    std::vector<Run> runs;      // visual order, left to right
    float x = 0.0f;             // left edge of the line inside the layout box (alignment)
    float baseline = 0.0f;      // from the layout's top
    float width = 0.0f;
    std::uint32_t begin = 0;  // logical byte range of the source text on this line
    std::uint32_t end = 0;
    bool rtl = false;  // paragraph direction of this line
};

struct Layout {
    std::vector<Line> lines;
    float width = 0.0f;  // widest line, or max_width when aligned within it
    float height = 0.0f;
    float line_height = 0.0f;
    float size_px = 0.0f;  // the style's size (draw() rasterises at it)
    bool rtl = false;      // resolved direction of the first paragraph
    bool truncated = false;
};

// Where a caret for a logical index is drawn, relative to the layout's top-left.
struct Caret {
    float x = 0.0f;
    float top = 0.0f;
    float bottom = 0.0f;
};

// The glyph atlas lives on the GPU side of whoever draws; the engine only asks for this.
class TextureSink {
public:
    virtual ~TextureSink() = default;
    // Creates an RGBA32 texture (white, alpha = coverage); returns an ImTextureID value.
    // A pixel passed to update() is (coverage << 24) | 0x00FFFFFF: bytes R, G, B, A in memory.
    virtual void* create(int width, int height) = 0;
    virtual void update(void* texture, int x, int y, int w, int h, const std::uint32_t* rgba) = 0;
    virtual void destroy(void* texture) = 0;
};

struct Stats {
    std::uint64_t shaped_runs = 0;    // HarfBuzz calls since start
    std::uint64_t layouts_built = 0;  // cache misses
    std::uint64_t cache_hits = 0;
    std::uint64_t atlas_uploads = 0;
    std::size_t cache_bytes = 0;
    std::size_t atlas_bytes = 0;
};

struct EngineOptions {
    std::string font_dir;                 // empty: default_font_dir()
    std::string first_role;               // a fonts.json role tried before the chain
    std::size_t cache_bytes = 8u << 20;   // shaped layouts kept (LRU)
    std::size_t atlas_bytes = 16u << 20;  // glyph pages kept (LRU by page)
    int atlas_page_size = 1024;           // square RGBA pages
};

class Engine {
public:
    // Reads fonts.json in font_dir (see fonts/README.md) and opens every face.
    static Expected<std::unique_ptr<Engine>, std::string> create(const std::string& font_dir);
    static Expected<std::unique_ptr<Engine>, std::string> create(const EngineOptions& options);
    virtual ~Engine() = default;

    // Cached by (text, style, width, direction, align, max_lines). The reference stays valid
    // until the next call to layout() that misses the cache or to clear_cache().
    virtual const Layout& layout(const LayoutRequest& request) = 0;

    // Appends glyph quads for `layout` with its top-left at (x, y). Needs a TextureSink.
    virtual void draw(ImDrawList* list, const Layout& layout, float x, float y, std::uint32_t colour) = 0;
    // Textures already made are destroyed through the previous sink; pass nullptr before
    // the sink (e.g. the SDL renderer) goes away.
    virtual void set_texture_sink(TextureSink* sink) = 0;

    // Caret for a logical byte index: at the visual edge of the character before it, in that
    // character's run (so at a direction boundary it follows what was typed last).
    virtual Caret caret(const Layout& layout, std::size_t logical_byte) const = 0;
    // Logical byte index nearest to (x, y), relative to the layout's top-left.
    virtual std::size_t hit_test(const Layout& layout, float x, float y) const = 0;
    // The same, knowing the text laid out: a touch inside a ligature lands between its letters.
    virtual std::size_t hit_test(const Layout& layout, std::string_view text, float x, float y) const = 0;

    virtual const std::vector<std::string>& face_paths() const = 0;
    virtual Stats stats() const = 0;
    virtual void clear_cache() = 0;
};

// Where the engine's fonts are: $KIOSK_SHARE_DIR/fonts if set, else
// <directory of the running executable>/../share/mouj-kiosk/fonts.
std::string default_font_dir();

// Text a visitor typed, made safe to display: malformed bytes and bidi controls removed (so
// nothing can reorder what is shown), line and paragraph separators made new lines, NFC
// applied. Which other characters a field accepts is the application's rule (a field's filter).
std::string sanitize_input(std::string_view utf8);

// Removes the last user-perceived character (a haraka typed last goes alone).
// See ui/text/editing.h for caret movement and an edit-state struct for text fields.
std::string_view erase_last_character(std::string_view utf8);

// ASCII digits as U+0660..U+0669 when `digits` is ArabicIndic (for text shown outside a
// Layout, e.g. accessibility strings); a Layout applies Style::digits itself.
std::string localize_digits(std::string_view utf8, Digits digits);

}  // namespace ui::text
