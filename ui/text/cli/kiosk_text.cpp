// kiosk-text: the text engine from the command line, for tests and reviewers comparing it
// with hb-shape and other renderers.
//   kiosk-text layout [options] TEXT      JSON: per line, glyphs in visual order
//   kiosk-text render [options] TEXT --out FILE.png
// Options: --size PX, --width PX, --dir auto|rtl|ltr, --font ROLE, --align start|center|end,
// --max-lines N, --digits western|arabic, --bold, --fonts DIR.
//
// Not for: anything the kiosk needs at run time.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ui/text/cli/png_render.h"
#include "ui/text/font_set.h"
#include "ui/text/text.h"

namespace {

using namespace ui::text;

struct Args {
    std::string command;
    std::string text;
    std::string out;
    std::string font_dir;
    EngineOptions engine;
    LayoutRequest request;
    bool have_text = false;
};

int usage(const char* why) {
    std::fprintf(stderr,
                 "kiosk-text: %s\n"
                 "usage: kiosk-text layout|render [--size PX] [--width PX] [--dir auto|rtl|ltr] [--font ROLE]\n"
                 "       [--align start|center|end] [--max-lines N] [--digits western|arabic] [--bold]\n"
                 "       [--fonts DIR] [--out FILE.png] TEXT\n",
                 why);
    return 2;
}

bool parse_option(Args& a, std::string_view opt, const char* value) {
    const std::string_view v = value;
    if (opt == "--size") a.request.style.size_px = std::strtof(value, nullptr);
    else if (opt == "--width") a.request.max_width = std::strtof(value, nullptr);
    else if (opt == "--max-lines") a.request.max_lines = std::atoi(value);
    else if (opt == "--font") a.engine.first_role = v;
    else if (opt == "--fonts") a.font_dir = v;
    else if (opt == "--out") a.out = v;
    else if (opt == "--dir" && (v == "auto" || v == "rtl" || v == "ltr"))
        a.request.direction = v == "rtl" ? Direction::Rtl : v == "ltr" ? Direction::Ltr : Direction::Auto;
    else if (opt == "--align" && (v == "start" || v == "center" || v == "end"))
        a.request.align = v == "end" ? Align::End : v == "center" ? Align::Center : Align::Start;
    else if (opt == "--digits" && (v == "western" || v == "arabic"))
        a.request.style.digits = v == "arabic" ? Digits::ArabicIndic : Digits::Western;
    else return false;
    return true;
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else out += c;
    }
    return out + "\"";
}

void print_json(const Layout& layout, const std::vector<std::string>& paths) {
    std::printf("{\"width\":%g,\"height\":%g,\"rtl\":%s,\"truncated\":%s,\"lines\":[",
                static_cast<double>(layout.width), static_cast<double>(layout.height), layout.rtl ? "true" : "false",
                layout.truncated ? "true" : "false");
    for (std::size_t l = 0; l < layout.lines.size(); ++l) {
        const Line& line = layout.lines[l];
        std::printf("%s\n{\"x\":%g,\"baseline\":%g,\"width\":%g,\"begin\":%u,\"end\":%u,\"rtl\":%s,\"glyphs\":[",
                    l ? "," : "", static_cast<double>(line.x), static_cast<double>(line.baseline),
                    static_cast<double>(line.width), line.begin, line.end, line.rtl ? "true" : "false");
        for (std::size_t i = 0; i < line.glyphs.size(); ++i) {
            const Glyph& g = line.glyphs[i];
            std::printf("%s\n {\"font\":%s,\"gid\":%u,\"cluster\":%u,\"x\":%g,\"y\":%g,\"advance\":%g}", i ? "," : "",
                        json_string(paths[g.face]).c_str(), g.gid, g.cluster, static_cast<double>(g.x),
                        static_cast<double>(g.y), static_cast<double>(g.advance));
        }
        std::printf("]}");
    }
    std::printf("]}\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage("no command");
    Args a;
    a.command = argv[1];
    if (a.command != "layout" && a.command != "render") return usage("command must be layout or render");
    for (int i = 2; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--bold") {
            a.request.style.weight = Weight::Bold;
            continue;
        }
        if (arg.starts_with("--") && arg.size() > 2) {
            if (i + 1 >= argc || !parse_option(a, arg, argv[i + 1])) return usage("bad option or value");
            ++i;
            continue;
        }
        if (a.have_text) return usage("more than one TEXT (quote it)");
        a.text = arg;
        a.have_text = true;
    }
    if (!a.have_text) return usage("no TEXT");
    if (a.command == "render" && a.out.empty()) return usage("render needs --out FILE.png");
    a.engine.font_dir = a.font_dir.empty() ? default_font_dir() : a.font_dir;
    auto engine = Engine::create(a.engine);
    if (!engine) {
        std::fprintf(stderr, "kiosk-text: %s\n", engine.error().c_str());
        return 1;
    }
    a.request.text = a.text;
    const Layout& layout = (*engine)->layout(a.request);
    if (a.command == "layout") {
        print_json(layout, (*engine)->face_paths());
        return 0;
    }
    auto fonts = FontSet::load(a.engine.font_dir, a.engine.first_role);
    if (!fonts) {
        std::fprintf(stderr, "kiosk-text: %s\n", fonts.error().c_str());
        return 1;
    }
    const GreyImage image = render_layout(*fonts, layout, static_cast<int>(layout.line_height * 0.25f) + 4);
    if (auto written = write_png(image, a.out); !written) {
        std::fprintf(stderr, "kiosk-text: %s\n", written.error().c_str());
        return 1;
    }
    return 0;
}
