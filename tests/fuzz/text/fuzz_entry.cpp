// What the fuzzer exercises: layout (every stage), caret and hit testing, drawing through a
// CPU texture sink, editing boundaries and the edit state, and sanitize_input. Invariants
// that must hold for any input are checked here, so a violation is a crash the fuzzer keeps.
#include "tests/fuzz/text/fuzz_entry.h"

#include <imgui.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ui/text/editing.h"
#include "ui/text/text.h"

namespace ui::text::fuzz {
namespace {

void require(bool ok) {
    if (!ok) __builtin_trap();
}

class NullSink final : public TextureSink {
public:
    void* create(int w, int h) override {
        pages_.push_back(std::make_unique<int[]>(2));
        pages_.back()[0] = w;
        pages_.back()[1] = h;
        return pages_.back().get();
    }
    void update(void* tex, int x, int y, int w, int h, const std::uint32_t* rgba) override {
        const int* page = static_cast<const int*>(tex);
        require(rgba != nullptr && x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= page[0] && y + h <= page[1]);
    }
    void destroy(void*) override {}

private:
    std::vector<std::unique_ptr<int[]>> pages_;
};

Engine& engine() {
    static Engine* e = [] {
        EngineOptions options;
        options.cache_bytes = 1u << 20;
        options.atlas_bytes = 4u << 20;
        auto created = Engine::create(options);
        if (!created) std::abort();
        static NullSink sink;
        (*created)->set_texture_sink(&sink);
        ImGui::CreateContext();
        return created->release();
    }();
    return *e;
}

void check_layout(const Layout& l, std::string_view text) {
    require(!l.lines.empty());
    for (const Line& line : l.lines) {
        require(line.begin <= line.end && line.end <= text.size());
        for (const Glyph& g : line.glyphs) require(g.cluster <= text.size() && g.face < engine().face_paths().size());
        for (const Run& r : line.runs) require(r.glyph_begin <= r.glyph_end && r.glyph_end <= line.glyphs.size());
    }
}

void exercise_editing(std::string_view text) {
    std::size_t steps = 0;
    for (std::size_t i = 0; i < text.size() && steps < 64; ++steps) {
        const std::size_t next = next_boundary(text, i);
        require(next > i && next <= text.size());
        require(previous_boundary(text, next) < next);
        i = next;
    }
    EditState e;
    e.insert(text.substr(0, 256));
    require(e.caret <= e.text.size());
    for (int k = 0; k < 8; ++k) {
        e.backspace();
        require(e.caret <= e.text.size());
    }
    e.move_home();
    e.move_next();
    e.erase_forward();
    require(e.caret <= e.text.size());
    (void)erase_last_character(text);
    (void)sanitize_input(text);
}

}  // namespace

int one_input(const std::uint8_t* data, std::size_t size) {
    std::uint8_t h[6] = {0, 0, 0, 0, 16, 0};
    const std::size_t header = size < 6 ? size : 6;
    for (std::size_t i = 0; i < header; ++i) h[i] = data[i];
    const std::string_view text(reinterpret_cast<const char*>(data) + header, size - header);

    LayoutRequest r;
    r.text = text;
    r.max_width = static_cast<float>(h[0]) * 4.0f;
    r.direction = static_cast<Direction>(h[1] % 3);
    r.align = static_cast<Align>(h[2] % 3);
    r.max_lines = h[3] % 5;
    r.style.size_px = 6.0f + static_cast<float>(h[4] % 90);
    r.style.digits = (h[5] & 1) != 0 ? Digits::ArabicIndic : Digits::Western;
    r.style.weight = (h[5] & 2) != 0 ? Weight::Bold : Weight::Regular;
    Engine& eng = engine();
    const Layout& l = eng.layout(r);
    check_layout(l, text);
    for (const std::size_t i : {std::size_t{0}, text.size() / 2, text.size(), text.size() + 7}) (void)eng.caret(l, i);
    for (float x = -10.0f; x < l.width + 10.0f; x += 17.0f) require(eng.hit_test(l, x, l.height * 0.5f) <= text.size());
    if ((h[5] & 4) != 0) {
        ImDrawList list(ImGui::GetDrawListSharedData());
        list._ResetForNewFrame();
        eng.draw(&list, l, 3.0f, 5.0f, 0xFF00FFFFu);
    }
    exercise_editing(text);
    return 0;
}

}  // namespace ui::text::fuzz
