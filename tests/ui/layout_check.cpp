// layout-check SHOTS_DIR SIZE KNOWN: DESIGN.md's rules for every screen, checked on the frame
// records a replay wrote beside its screenshots (NAME.labels.jsonl), never by eye:
//   clipped   a text or control partly outside the area it is clipped to (whole or not at all)
//   overlap   two controls, or a text and a control it is not part of, on top of each other
//   target    a control smaller than 60 px at 1280x800 (scaled with the screen's shorter side)
//   contrast  text under 4.5:1 against what it is drawn on (3:1 from 24 px up, WCAG's large text)
//   cut       a string from the catalogues drawn with an ellipsis (a visitor's own input may be)
// Each violation is one line "SHOT: RULE: WHAT". KNOWN lists the violations a screen still has
// (written by KIOSK_UPDATE_GOLDENS=1, like the goldens): the check fails on any violation not
// listed, and on a listed one that no longer occurs, so the list only ever shrinks.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using Json = nlohmann::json;

namespace {

struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    double right() const { return x + w; }
    double bottom() const { return y + h; }
    double area() const { return std::max(0.0, w) * std::max(0.0, h); }
    bool empty() const { return w <= 0 || h <= 0; }
};

Box box_of(const Json& j) {
    if (!j.is_array() || j.size() != 4) return {};
    return {j[0].get<double>(), j[1].get<double>(), j[2].get<double>(), j[3].get<double>()};
}

Box intersect(const Box& a, const Box& b) {
    const double x = std::max(a.x, b.x), y = std::max(a.y, b.y);
    return {x, y, std::min(a.right(), b.right()) - x, std::min(a.bottom(), b.bottom()) - y};
}

bool inside(const Box& in, const Box& out, double slack = 1.5) {
    return in.x >= out.x - slack && in.y >= out.y - slack && in.right() <= out.right() + slack &&
           in.bottom() <= out.bottom() + slack;
}

struct Item {
    std::string role, text, id;
    Box box, text_box, clip;
    std::string fg, bg;
    double size = 0;
    int layer = 0;
    bool truncated = false, placeholder = false;

    bool control() const { return role != "text" && role != "heading" && role != "error"; }
    std::string name() const {
        if (!id.empty()) return id;
        std::string t = text.substr(0, 48);
        while (!t.empty() && (static_cast<unsigned char>(t.back()) & 0xC0) == 0x80) t.pop_back();
        if (!t.empty() && static_cast<unsigned char>(t.back()) >= 0xC0) t.pop_back();
        return "\"" + t + "\"";
    }
};

double luminance(const std::string& hex) {
    if (hex.size() != 7) return 0;
    auto channel = [&](int i) {
        const double c = std::stoi(hex.substr(static_cast<std::size_t>(1 + 2 * i), 2), nullptr, 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

double contrast(const std::string& a, const std::string& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<Item> read_items(const fs::path& labels) {
    std::vector<Item> items;
    std::ifstream in(labels);
    std::string line;
    while (std::getline(in, line)) {
        const Json j = Json::parse(line, nullptr, false);
        if (!j.is_object()) continue;
        Item it{.role = j.value("role", ""), .text = j.value("text", ""), .id = j.value("id", "")};
        it.box = box_of(j["box"]);
        it.text_box = box_of(j["text_box"]);
        it.clip = box_of(j["clip"]);
        it.fg = j["fg"].is_string() ? j["fg"].get<std::string>() : "";
        it.bg = j["bg"].is_string() ? j["bg"].get<std::string>() : "";
        it.size = j.value("size", 0.0);
        it.layer = j.value("layer", 0);
        for (const auto& f : j.value("flags", Json::array())) {
            it.truncated = it.truncated || f == "truncated";
            it.placeholder = it.placeholder || f == "placeholder";
        }
        items.push_back(std::move(it));
    }
    return items;
}

// The violations of one screenshot's record.
std::vector<std::string> check(const std::string& shot, std::vector<Item> items, double unit) {
    std::vector<std::string> out;
    auto say = [&](std::string_view rule, const std::string& what) {
        out.push_back(shot + ": " + std::string(rule) + ": " + what);
    };
    // What lies under an overlay cannot be touched or read: only the top layer counts.
    int top = 0;
    for (const auto& it : items) top = std::max(top, it.layer);
    std::erase_if(items, [&](const Item& it) { return it.layer != top; });
    for (const auto& it : items) {
        const Box shape = it.control() || it.text_box.empty() ? it.box : it.text_box;
        const Box seen = intersect(shape, it.clip);
        if (!seen.empty() && !inside(shape, it.clip)) say("clipped", it.role + " " + it.name());
        if (it.control() && !seen.empty() && std::min(it.box.w, it.box.h) < 60.0 * unit - 0.5)
            say("target", it.role + " " + it.name() + " is " +
                              std::to_string(static_cast<int>(std::min(it.box.w, it.box.h))) + " px");
        if (!it.fg.empty() && !it.bg.empty() && !it.text.empty() && !seen.empty()) {
            const double need = it.size >= 24.0 * unit ? 3.0 : 4.5;
            const double got = contrast(it.fg, it.bg);
            if (got < need) say("contrast", it.role + " " + it.name() + " " + std::to_string(got).substr(0, 4) + ":1");
        }
        if (it.truncated && it.role != "field") say("cut", it.role + " " + it.name());
    }
    for (std::size_t a = 0; a < items.size(); ++a) {
        for (std::size_t b = a + 1; b < items.size(); ++b) {
            const Item& p = items[a];
            const Item& q = items[b];
            if (!p.control() && !q.control()) continue;  // text on text is the clip rule's business
            const Box pb = intersect(p.control() ? p.box : p.text_box, p.clip);
            const Box qb = intersect(q.control() ? q.box : q.text_box, q.clip);
            if (pb.empty() || qb.empty() || intersect(pb, qb).area() < 4.0) continue;
            // A label inside its tile or button, a button inside a card: a part, not an overlap.
            if (inside(pb, qb) || inside(qb, pb)) continue;
            say("overlap", p.role + " " + p.name() + " / " + q.role + " " + q.name());
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: layout-check SHOTS_DIR WxH KNOWN\n";
        return 2;
    }
    const std::string size = argv[2];
    const auto x = size.find('x');
    const double w = std::atof(size.substr(0, x).c_str()), h = std::atof(size.substr(x + 1).c_str());
    const double unit = std::clamp(std::min(w, h) / 800.0, 0.5, 3.0);
    std::vector<fs::path> records;
    for (const auto& entry : fs::directory_iterator(argv[1]))
        if (entry.path().string().ends_with(".labels.jsonl")) records.push_back(entry.path());
    std::sort(records.begin(), records.end());
    std::vector<std::string> found;
    for (const auto& r : records) {
        const std::string shot = r.filename().string().substr(0, r.filename().string().size() - 13);
        for (auto& v : check(shot, read_items(r), unit)) found.push_back(std::move(v));
    }
    const fs::path known_path = argv[3];
    if (std::getenv("KIOSK_UPDATE_GOLDENS")) {
        std::ofstream outf(known_path);
        for (const auto& v : found) outf << v << "\n";
        std::cout << found.size() << " known layout violations written to " << known_path << "\n";
        return 0;
    }
    std::set<std::string> known;
    std::ifstream in(known_path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) known.insert(line);
    int failures = 0;
    for (const auto& v : found)
        if (!known.contains(v)) {
            std::cerr << "new layout violation: " << v << "\n";
            ++failures;
        }
    const std::set<std::string> now(found.begin(), found.end());
    for (const auto& v : known)
        if (!now.contains(v)) {
            std::cerr << "fixed, remove it from " << known_path.filename().string() << ": " << v << "\n";
            ++failures;
        }
    std::cout << found.size() << " layout violations, " << known.size() << " known\n";
    return failures == 0 ? 0 : 1;
}
