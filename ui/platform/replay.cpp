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

Result run_step(Host& host, App& app, const json& step, const ReplayOptions& options) {
    if (!step.is_object() || step.size() == 0) return std::unexpected("a step must be a JSON object");
    if (auto it = step.find("tap"); it != step.end()) {
        auto rect = target_rect(host, app, *it);
        if (!rect) return std::unexpected(rect.error());
        tap_at(host, app, rect->cx(), rect->cy());
        return {};
    }
    if (auto it = step.find("tap_xy"); it != step.end()) {
        auto xy = point(*it);
        if (!xy) return std::unexpected(xy.error());
        tap_at(host, app, xy->first, xy->second);
        return {};
    }
    if (auto it = step.find("type"); it != step.end()) {
        if (!it->is_string()) return std::unexpected("type needs a string");
        host.push_text(it->get<std::string>());
        host.settle(app);
        return {};
    }
    if (auto it = step.find("key"); it != step.end()) {
        auto key = key_named(*it);
        if (!key) return std::unexpected(key.error());
        host.push_key(*key);
        host.settle(app);
        return {};
    }
    if (auto it = step.find("drag"); it != step.end()) {
        auto path = parse_path(*it);
        if (!path) return std::unexpected(path.error());
        return drag_through(host, app, *path);
    }
    if (auto it = step.find("drag_in"); it != step.end()) {
        auto rect = target_rect(host, app, *it);
        if (!rect) return std::unexpected(rect.error());
        auto fractions = parse_path(step.value("path", json()));
        if (!fractions) return std::unexpected(fractions.error());
        for (auto& [fx, fy] : *fractions) {
            fx = rect->x + fx * rect->w;
            fy = rect->y + fy * rect->h;
        }
        return drag_through(host, app, *fractions);
    }
    if (auto it = step.find("hold"); it != step.end()) {
        auto rect = target_rect(host, app, *it);
        if (!rect) return std::unexpected(rect.error());
        double ms = step.value("ms", options.hold_ms);
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
    if (auto it = step.find("wait_ms"); it != step.end()) {
        if (!it->is_number() || it->get<double>() < 0) return std::unexpected("wait_ms needs a number >= 0");
        host.advance(app, it->get<double>());
        host.settle(app);
        return {};
    }
    if (auto it = step.find("screenshot"); it != step.end()) return screenshot_step(host, *it, options);
    if (auto it = step.find("expect_screen"); it != step.end()) {
        if (!it->is_string()) return std::unexpected("expect_screen needs a screen id");
        if (app.screen_id() != it->get<std::string>())
            return std::unexpected("expected screen '" + it->get<std::string>() + "' but '" +
                                   std::string(app.screen_id()) + "' is shown");
        return {};
    }
    if (auto it = step.find("wait_sync"); it != step.end()) {
        if (!it->is_number() || it->get<double>() < 0) return std::unexpected("wait_sync needs seconds >= 0");
        bool synced = app.wait_until_synced(it->get<double>());
        host.settle(app);
        if (!synced) return std::unexpected("outbox still not empty after " + it->dump() + " s");
        return {};
    }
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
