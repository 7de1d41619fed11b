// Shared fixtures of the ui/text tests: one Engine and one FontSet per test binary, found the
// way the kiosk finds them (KIOSK_SHARE_DIR, set by ctest), and a CPU TextureSink.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ui/text/font_set.h"
#include "ui/text/text.h"

namespace ui::text::testing {

inline FontSet& fonts() {
    static FontSet* set = [] {
        auto loaded = FontSet::load(default_font_dir());
        if (!loaded) {
            ADD_FAILURE() << loaded.error();
            std::abort();
        }
        return new FontSet(std::move(*loaded));
    }();
    return *set;
}

inline std::unique_ptr<Engine> make_engine(EngineOptions options = {}) {
    auto e = Engine::create(options);
    if (!e) {
        ADD_FAILURE() << e.error();
        std::abort();
    }
    return std::move(*e);
}

// Index of a role's face in FontSet / Engine::face_paths().
inline std::uint16_t face_of(const std::string& role) {
    for (std::uint16_t i = 0; i < fonts().size(); ++i)
        if (fonts().face(i).role == role) return i;
    ADD_FAILURE() << "no role " << role;
    return 0;
}

// Textures in memory; checks every update stays inside its texture.
class CpuSink final : public TextureSink {
public:
    struct Texture {
        int w = 0;
        int h = 0;
        std::vector<std::uint32_t> pixels;
    };
    void* create(int w, int h) override {
        auto t = std::make_unique<Texture>();
        t->w = w;
        t->h = h;
        t->pixels.assign(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0);
        void* id = t.get();
        textures[id] = std::move(t);
        ++created;
        return id;
    }
    void update(void* tex, int x, int y, int w, int h, const std::uint32_t* rgba) override {
        auto it = textures.find(tex);
        ASSERT_NE(it, textures.end());
        Texture& t = *it->second;
        ASSERT_GE(x, 0);
        ASSERT_GE(y, 0);
        ASSERT_LE(x + w, t.w);
        ASSERT_LE(y + h, t.h);
        for (int r = 0; r < h; ++r)
            for (int c = 0; c < w; ++c)
                t.pixels[static_cast<std::size_t>(y + r) * static_cast<std::size_t>(t.w) +
                         static_cast<std::size_t>(x + c)] =
                    rgba[static_cast<std::size_t>(r) * static_cast<std::size_t>(w) + static_cast<std::size_t>(c)];
        ++updates;
    }
    void destroy(void* tex) override {
        textures.erase(tex);
        ++destroyed;
    }
    std::map<void*, std::unique_ptr<Texture>> textures;
    int created = 0;
    int updates = 0;
    int destroyed = 0;
};

}  // namespace ui::text::testing
