// ui/platform/sdl_texture_sink.h — glyph atlas pages as SDL textures (RGBA, white + alpha).
#pragma once

#include <SDL.h>

#include "ui/text/text.h"

namespace ui::platform {

class SdlTextureSink final : public ui::text::TextureSink {
public:
    explicit SdlTextureSink(SDL_Renderer* renderer) : renderer_(renderer) {}

    void* create(int width, int height) override {
        // Static textures with an alpha channel: SDL's software renderer never RLE-encodes
        // those, which keeps updates cheap.
        SDL_Texture* texture =
            SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, width, height);
        if (texture) SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
        return texture;
    }
    void update(void* texture, int x, int y, int w, int h, const std::uint32_t* rgba) override {
        SDL_Rect rect{x, y, w, h};
        SDL_UpdateTexture(static_cast<SDL_Texture*>(texture), &rect, rgba, w * 4);
    }
    void destroy(void* texture) override { SDL_DestroyTexture(static_cast<SDL_Texture*>(texture)); }

private:
    SDL_Renderer* renderer_;
};

}  // namespace ui::platform
