// The replay driver; see replay.h. Each input step is followed by frames until the app
// settles, so the next step sees the screen the visitor would see.
#include "ui/platform/replay.h"

#include <filesystem>
#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

namespace ui::platform {
namespace {

using nlohmann::json;
using Result = std::expected<void, std::string>;

constexpr double kMoveStepMs = 16.0;

std::expected<Rect, std::string> target_rect(Host& host, App& app, const json& id) {
    if (!id.is_string()) return std::unexpected("target id must be a string");
    const Rect* rect = host.targets().find(id.get<std::string>());
    if (!rect && host.targets().is_hidden(id.get<std::string>())) {
        app.reveal(id.get<std::string>());
        host.settle(app);
        rect = host.targets().find(id.get<std::string>());
    }
    if (!rect) return std::unexpected("unknown or hidden target '" + id.get<std::string>() + "'");
    return *rect;
}

std::expected<std::pair<float, float>, std::string> point(const json& p) {
    if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number())
        return std::unexpected("a point must be [x, y]");
    return std::pair{p[0].get<float>(), p[1].get<float>()};
}

void tap_at(Host& host, App& app, float x, float y) {
    host.set_pointer(x, y, false);
    host.settle(app);
    host.set_pointer(x, y, true);
    host.settle(app);
    host.advance(app, 80.0);
    host.set_pointer(x, y, false);
    host.settle(app);
}

Result drag_through(Host& host, App& app, const std::vector<std::pair<float, float>>& path) {
    if (path.empty()) return std::unexpected("a drag needs at least one point");
    host.set_pointer(path.front().first, path.front().second, false);
    host.settle(app);
    for (const auto& [x, y] : path) {
        host.set_pointer(x, y, true);
        host.advance(app, kMoveStepMs);
        host.settle(app);
    }
    host.set_pointer(path.back().first, path.back().second, false);
    host.settle(app);
    return {};
}

std::expected<std::vector<std::pair<float, float>>, std::string> parse_path(const json& j) {
    if (!j.is_array()) return std::unexpected("a path must be an array of [x, y]");
    std::vector<std::pair<float, float>> path;
    for (const json& p : j) {
        auto xy = point(p);
        if (!xy) return std::unexpected(xy.error());
        path.push_back(*xy);
    }
    return path;
}

std::expected<Key, std::string> key_named(const json& name) {
    static const std::map<std::string, Key> keys = {
        {"backspace", Key::Backspace}, {"enter", Key::Enter}, {"tab", Key::Tab},   {"escape", Key::Escape},
        {"left", Key::Left},           {"right", Key::Right}, {"home", Key::Home}, {"end", Key::End},
        {"delete", Key::Delete},       {"space", Key::Space}};
    if (!name.is_string()) return std::unexpected("key must be a string");
    auto it = keys.find(name.get<std::string>());
    if (it == keys.end()) return std::unexpected("unknown key '" + name.get<std::string>() + "'");
    return it->second;
}

Result screenshot_step(Host& host, const json& name, const ReplayOptions& options) {
    if (!name.is_string() || name.get<std::string>().empty()) return std::unexpected("screenshot needs a name");
    if (options.screenshots_dir.empty()) return {};
    std::string file = name.get<std::string>();
    for (char& c : file)
        if (c == '/' || c == '\\') c = '_';
    std::error_code ec;
    std::filesystem::create_directories(options.screenshots_dir, ec);
    const std::string base = options.screenshots_dir + "/" + file;
    if (auto shot = host.screenshot(base + ".png"); !shot) return shot;
    // What the picture shows, for checks and speech that read screens without reading pixels.
    std::ofstream labels(base + ".labels.jsonl", std::ios::binary | std::ios::trunc);
    write_record_jsonl(host.record(), labels);
    if (!labels.flush()) return std::unexpected("cannot write " + base + ".labels.jsonl");
    return {};
}

// One handler per kind of step: the step's value (`it`), the whole step (for extra fields).
using StepHandler = Result (*)(Host&, App&, const json& value, const json& step, const ReplayOptions&);

Result tap_step(Host& host, App& app, const json& value, const json&, const ReplayOptions&) {
    auto rect = target_rect(host, app, value);
    if (!rect) return std::unexpected(rect.error());
    tap_at(host, app, rect->cx(), rect->cy());
    return {};
}

Result tap_xy_step(Host& host, App& app, const json& value, const json&, const ReplayOptions&) {
    auto xy = point(value);
    if (!xy) return std::unexpected(xy.error());
    tap_at(host, app, xy->first, xy->second);
    return {};
}

Result type_step(Host& host, App& app, const json& value, const json&, const ReplayOptions&) {
    if (!value.is_string()) return std::unexpected("type needs a string");
    host.push_text(value.get<std::string>());
    host.settle(app);
    return {};
}

Result key_step(Host& host, App& app, const json& value, const json&, const ReplayOptions&) {
    auto key = key_named(value);
    if (!key) return std::unexpected(key.error());
    host.push_key(*key);
    host.settle(app);
    return {};
}

Result drag_step(Host& host, App& app, const json& value, const json&, const ReplayOptions&) {
    auto path = parse_path(value);
    if (!path) return std::unexpected(path.error());
    return drag_through(host, app, *path);
}

Result drag_in_step(Host& host, App& app, const json& value, const json& step, const ReplayOptions&) {
    auto rect = target_rect(host, app, value);
    if (!rect) return std::unexpected(rect.error());
    auto fractions = parse_path(step.value("path", json()));
    if (!fractions) return std::unexpected(fractions.error());
    for (auto& [fx, fy] : *fractions) {
        fx = rect->x + fx * rect->w;
        fy = rect->y + fy * rect->h;
    }
    return drag_through(host, app, *fractions);
}

Result hold_step(Host& host, App& app, const json& value, const json& step, const ReplayOptions& options) {
    auto rect = target_rect(host, app, value);
    if (!rect) return std::unexpected(rect.error());
    const double ms = step.value("ms", options.hold_ms);
    host.set_pointer(rect->cx(), rect->cy(), false);
    host.settle(app);
    host.set_pointer(rect->cx(), rect->cy(), true);
    host.settle(app);
    for (double t = 0.0; t < ms; t += 100.0) {
        host.advance(app, 100.0);
        host.settle(app);
    }
    host.set_pointer(rect->cx(), rect->cy(), false);
    host.settle(app);
    return {};
}

Result wait_step(Host& host, App& app, const json& value, const json&, const ReplayOptions&) {
    if (!value.is_number() || value.get<double>() < 0) return std::unexpected("wait_ms needs a number >= 0");
    host.advance(app, value.get<double>());
    host.settle(app);
    return {};
}

Result screenshot_handler(Host& host, App&, const json& value, const json&, const ReplayOptions& options) {
    return screenshot_step(host, value, options);
}

Result expect_screen_step(Host&, App& app, const json& value, const json&, const ReplayOptions&) {
    if (!value.is_string()) return std::unexpected("expect_screen needs a screen id");
    if (app.screen_id() != value.get<std::string>())
        return std::unexpected("expected screen '" + value.get<std::string>() + "' but '" +
                               std::string(app.screen_id()) + "' is shown");
    return {};
}

Result wait_sync_step(Host& host, App& app, const json& value, const json&, const ReplayOptions&) {
    if (!value.is_number() || value.get<double>() < 0) return std::unexpected("wait_sync needs seconds >= 0");
    const bool synced = app.wait_until_synced(value.get<double>());
    host.settle(app);
    if (!synced) return std::unexpected("outbox still not empty after " + value.dump() + " s");
    return {};
}

constexpr std::pair<std::string_view, StepHandler> kSteps[] = {
    {"tap", tap_step},
    {"tap_xy", tap_xy_step},
    {"type", type_step},
    {"key", key_step},
    {"drag", drag_step},
    {"drag_in", drag_in_step},
    {"hold", hold_step},
    {"wait_ms", wait_step},
    {"screenshot", screenshot_handler},
    {"expect_screen", expect_screen_step},
    {"wait_sync", wait_sync_step},
};

Result run_step(Host& host, App& app, const json& step, const ReplayOptions& options) {
    if (!step.is_object() || step.size() == 0) return std::unexpected("a step must be a JSON object");
    for (const auto& [name, handler] : kSteps)
        if (auto it = step.find(std::string(name)); it != step.end()) return handler(host, app, *it, step, options);
    return std::unexpected("unknown step " + step.dump());
}

}  // namespace

std::expected<void, ReplayFailure> run_replay(Host& host, App& app, std::istream& steps, const ReplayOptions& options) {
    host.settle(app);
    std::string line;
    int number = 0;
    while (std::getline(steps, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        ++number;
        json step = json::parse(line, nullptr, false);
        if (step.is_discarded()) return std::unexpected(ReplayFailure{number, "not valid JSON: " + line});
        if (auto ok = run_step(host, app, step, options); !ok)
            return std::unexpected(ReplayFailure{number, ok.error()});
    }
    return {};
}

}  // namespace ui::platform
