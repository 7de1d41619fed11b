// ui/platform/targets.h — stable ids of interactive widgets and where they were last drawn.
//
// Widgets register "screen.element" ids every frame; the replay driver (and tests) find a
// target by id in the last completed frame, so a tap lands where the visitor would touch.
// Not for: hit testing inside a widget (ImGui does that).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ui::platform {

struct Rect {
    float x = 0.0f;
    float y = 0.0f;
    float w = 0.0f;
    float h = 0.0f;

    float right() const { return x + w; }
    float bottom() const { return y + h; }
    float cx() const { return x + w * 0.5f; }
    float cy() const { return y + h * 0.5f; }
    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

class Targets {
public:
    void begin_frame() {
        building_.clear();
        building_hidden_.clear();
    }
    // Later registrations of the same id in one frame replace earlier ones.
    void add(std::string_view id, const Rect& rect) { building_[std::string(id)] = rect; }
    // A target laid out this frame but scrolled out of view: the app can bring it into view.
    void add_hidden(std::string_view id) { building_hidden_.emplace_back(id); }
    void end_frame() {
        shown_ = building_;
        hidden_ = building_hidden_;
    }
    bool is_hidden(std::string_view id) const;

    // Where `id` was in the last completed frame; nullptr when it was not shown.
    const Rect* find(std::string_view id) const;
    std::vector<std::string> ids() const;

private:
    std::unordered_map<std::string, Rect> building_;
    std::unordered_map<std::string, Rect> shown_;
    std::vector<std::string> building_hidden_;
    std::vector<std::string> hidden_;
};

}  // namespace ui::platform
