// The SDL2 + Dear ImGui host: window or off-screen canvas, renderer, clock, input, loop.
// See host.h for the contract. What was optimised: nothing is drawn while nothing changes
// (the loop sleeps in SDL_WaitEventTimeout); pointer motion without a press draws nothing,
// since a touch kiosk has no hover.
#include "ui/platform/host.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <cmath>
#include <utility>

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb_image_write.h>

#include "ui/platform/sdl_texture_sink.h"

namespace ui::platform {
namespace {

struct WindowDeleter {
    void operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
};
struct RendererDeleter {
    void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
};
struct SurfaceDeleter {
    void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};

double real_ms() {
    return static_cast<double>(SDL_GetPerformanceCounter()) * 1000.0 /
           static_cast<double>(SDL_GetPerformanceFrequency());
}

class SdlHost final : public Host {
public:
    explicit SdlHost(const HostOptions& options)
        : options_(options),
          clock_(options.clock      ? options.clock
                 : options.headless ? make_virtual_clock(options.headless_wall_start_ms)
                                    : make_system_clock()),
          created_ms_(real_ms()) {}
    ~SdlHost() override;

    std::expected<void, std::string> init();

    ui::text::TextureSink& texture_sink() override { return *sink_; }
    void run(App& app, double run_for_ms) override;
    void set_pointer(float x, float y, bool down) override;
    void push_text(const std::string& utf8) override { input_.text += utf8; }
    void push_key(Key key) override { input_.keys.push_back(key); }
    void settle(App& app) override;
    void advance(App& app, double ms) override;
    std::expected<void, std::string> screenshot(const std::string& png_path) override;
    const Targets& targets() const override { return targets_; }
    const FrameRecord& record() const override { return shown_record_; }
    const HostStats& stats() const override { return stats_; }
    double now_ms() const override { return clock_->now_ms(); }

private:
    void draw_frame(App& app);
    bool handle_event(App& app, const SDL_Event& event, bool& quit);
    void pointer_event(App& app, float x, float y, bool down);
    std::int64_t wall_ms() const { return clock_->wall_ms(); }

    HostOptions options_;
    std::shared_ptr<Clock> clock_;
    double created_ms_ = 0.0;  // real time, for the first frame's figure
    double last_frame_ms_ = -1.0;
    std::unique_ptr<SDL_Window, WindowDeleter> window_;
    std::unique_ptr<SDL_Surface, SurfaceDeleter> canvas_;
    std::unique_ptr<SDL_Renderer, RendererDeleter> renderer_;
    std::unique_ptr<SdlTextureSink> sink_;
    ImGuiContext* imgui_ = nullptr;
    bool sdl_platform_backend_ = false;
    Input input_;
    bool pointer_change_unseen_ = false;
    Targets targets_;
    // Two records swapped at the end of a frame: each keeps its buffers, so recording a
    // frame allocates nothing once frames as busy have been seen.
    FrameRecord building_record_;
    FrameRecord shown_record_;
    HostStats stats_;
};

std::expected<void, std::string> SdlHost::init() {
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");  // touches arrive once, as fingers
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (options_.headless) {
        if (SDL_Init(0) != 0) return std::unexpected(std::string("SDL_Init: ") + SDL_GetError());
        canvas_.reset(SDL_CreateRGBSurfaceWithFormat(0, options_.width, options_.height, 32, SDL_PIXELFORMAT_ARGB8888));
        if (!canvas_) return std::unexpected(std::string("canvas: ") + SDL_GetError());
        renderer_.reset(SDL_CreateSoftwareRenderer(canvas_.get()));
    } else {
        if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0)
            return std::unexpected(std::string("SDL_Init: ") + SDL_GetError());
        Uint32 flags =
            SDL_WINDOW_ALLOW_HIGHDPI | (options_.windowed ? SDL_WINDOW_RESIZABLE : SDL_WINDOW_FULLSCREEN_DESKTOP);
        window_.reset(SDL_CreateWindow(options_.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                       options_.width, options_.height, flags));
        if (!window_) return std::unexpected(std::string("window: ") + SDL_GetError());
        renderer_.reset(SDL_CreateRenderer(window_.get(), -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC));
        if (!renderer_) renderer_.reset(SDL_CreateRenderer(window_.get(), -1, SDL_RENDERER_SOFTWARE));
        if (!options_.windowed) SDL_ShowCursor(SDL_DISABLE);
    }
    if (!renderer_) return std::unexpected(std::string("renderer: ") + SDL_GetError());
    sink_ = std::make_unique<SdlTextureSink>(renderer_.get());

    IMGUI_CHECKVERSION();
    imgui_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the kiosk writes only inside its data directory
    io.LogFilename = nullptr;
    if (window_) {
        ImGui_ImplSDL2_InitForSDLRenderer(window_.get());
        sdl_platform_backend_ = true;
        SDL_StartTextInput();
    }
    ImGui_ImplSDLRenderer_Init(renderer_.get());
    return {};
}

SdlHost::~SdlHost() {
    if (imgui_) {
        ImGui_ImplSDLRenderer_Shutdown();
        if (sdl_platform_backend_) ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext(imgui_);
    }
    sink_.reset();
    renderer_.reset();
    canvas_.reset();
    window_.reset();
    SDL_Quit();
}

void SdlHost::draw_frame(App& app) {
    ImGui_ImplSDLRenderer_NewFrame();
    if (sdl_platform_backend_) ImGui_ImplSDL2_NewFrame();
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(renderer_.get(), &w, &h);
    ImGuiIO& io = ImGui::GetIO();
    // Our own pointer and clock override the backend's, so that headless replays and touch
    // screens take the same path and virtual time is the only time.
    const double now = now_ms();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime =
        last_frame_ms_ < 0.0 ? 1.0f / 60.0f : static_cast<float>(std::max(1.0, now - last_frame_ms_) / 1000.0);
    last_frame_ms_ = now;
    io.MousePos = ImVec2(input_.pointer_x, input_.pointer_y);
    for (bool& down : io.MouseDown) down = false;
    io.MouseDown[0] = input_.pointer_down;
    ImGui::NewFrame();

    targets_.begin_frame();
    building_record_.clear();
    Frame frame{now, wall_ms(), static_cast<float>(w), static_cast<float>(h), &input_, &targets_, &building_record_};
    app.frame(frame);
    targets_.end_frame();
    std::swap(building_record_, shown_record_);

    ImGui::Render();
    SDL_SetRenderDrawColor(renderer_.get(), 0, 0, 0, 255);
    SDL_RenderClear(renderer_.get());
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderPresent(renderer_.get());

    input_.text.clear();
    input_.keys.clear();
    pointer_change_unseen_ = false;
    if (++stats_.frames == 1) stats_.first_frame_ms = real_ms() - created_ms_;
}

void SdlHost::settle(App& app) {
    // A press, its release and the screen a release leads to each need a frame; the app says
    // when its state moved on, within a bound so a misbehaving screen cannot spin.
    // Headless, work the app runs beside the screen ends before each frame, so a replay sees
    // what a visitor who waited would see.
    auto frame = [&] {
        if (options_.headless) app.finish_background_work();
        draw_frame(app);
    };
    frame();
    for (int i = 0; i < 6 && app.wants_frame(); ++i) frame();
}

void SdlHost::advance(App& app, double ms) {
    const double end = clock_->now_ms() + std::max(0.0, ms);
    for (int guard = 0; guard < 100000; ++guard) {
        const double now = clock_->now_ms();
        const double wake = app.next_wakeup_ms(now);
        if (!(wake <= end)) break;
        clock_->advance_to(std::max(wake, now + 1.0));
        settle(app);
    }
    clock_->advance_to(end);
}

void SdlHost::set_pointer(float x, float y, bool down) {
    input_.pointer_x = x;
    input_.pointer_y = y;
    input_.pointer_down = down;
}

void SdlHost::pointer_event(App& app, float x, float y, bool down) {
    // A quick tap can bring press and release in one batch of events; ImGui must see the
    // press in a frame of its own or the tap is lost.
    if (down != input_.pointer_down && pointer_change_unseen_) draw_frame(app);
    if (down != input_.pointer_down) pointer_change_unseen_ = true;
    set_pointer(x, y, down);
}

bool SdlHost::handle_event(App& app, const SDL_Event& event, bool& quit) {
    if (sdl_platform_backend_) ImGui_ImplSDL2_ProcessEvent(&event);
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(renderer_.get(), &w, &h);
    switch (event.type) {
    case SDL_QUIT: quit = true; return false;
    case SDL_WINDOWEVENT: return true;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        pointer_event(app, event.tfinger.x * static_cast<float>(w), event.tfinger.y * static_cast<float>(h),
                      event.type != SDL_FINGERUP);
        return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) return false;
        pointer_event(app, static_cast<float>(event.button.x), static_cast<float>(event.button.y),
                      event.type == SDL_MOUSEBUTTONDOWN);
        return true;
    case SDL_MOUSEMOTION:
        if (event.motion.which == SDL_TOUCH_MOUSEID || !input_.pointer_down) return false;
        set_pointer(static_cast<float>(event.motion.x), static_cast<float>(event.motion.y), true);
        return true;
    case SDL_TEXTINPUT: input_.text += event.text.text; return true;
    case SDL_KEYDOWN:
        switch (event.key.keysym.sym) {
        case SDLK_BACKSPACE: push_key(Key::Backspace); return true;
        case SDLK_RETURN:
        case SDLK_KP_ENTER: push_key(Key::Enter); return true;
        case SDLK_TAB: push_key(Key::Tab); return true;
        case SDLK_ESCAPE: push_key(Key::Escape); return true;
        case SDLK_LEFT: push_key(Key::Left); return true;
        case SDLK_RIGHT: push_key(Key::Right); return true;
        case SDLK_HOME: push_key(Key::Home); return true;
        case SDLK_END: push_key(Key::End); return true;
        case SDLK_DELETE: push_key(Key::Delete); return true;
        default: return false;
        }
    default: return false;
    }
}

void SdlHost::run(App& app, double run_for_ms) {
    const double end = run_for_ms > 0.0 ? now_ms() + run_for_ms : std::numeric_limits<double>::infinity();
    settle(app);
    bool quit = false;
    while (!quit && !app.quit_requested() && now_ms() < end) {
        const double now = now_ms();
        const double wake = std::min(app.next_wakeup_ms(now), end);
        const double wait = std::clamp(wake - now, 0.0, static_cast<double>(INT_MAX / 2));
        SDL_Event event;
        bool dirty = false;
        if (std::isinf(wake) ? SDL_WaitEvent(&event)
                             : SDL_WaitEventTimeout(&event, static_cast<int>(std::ceil(wait)))) {
            dirty = handle_event(app, event, quit);
            while (SDL_PollEvent(&event)) dirty = handle_event(app, event, quit) || dirty;
        }
        if (now_ms() >= wake) dirty = true;
        if (dirty && !quit) settle(app);
    }
}

std::expected<void, std::string> SdlHost::screenshot(const std::string& png_path) {
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(renderer_.get(), &w, &h);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    if (SDL_RenderReadPixels(renderer_.get(), nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), w * 4) != 0)
        return std::unexpected(std::string("reading pixels: ") + SDL_GetError());
    for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
    if (!stbi_write_png(png_path.c_str(), w, h, 4, pixels.data(), w * 4))
        return std::unexpected("cannot write " + png_path);
    return {};
}

}  // namespace

std::expected<std::unique_ptr<Host>, std::string> Host::create(const HostOptions& options) {
    auto host = std::make_unique<SdlHost>(options);
    if (auto ok = host->init(); !ok) return std::unexpected(ok.error());
    return host;
}

}  // namespace ui::platform
