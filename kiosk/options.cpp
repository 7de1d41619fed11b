// Parsing the kiosk's command line; see options.h.
#include "kiosk/options.h"

#include <charconv>
#include <string_view>

namespace kiosk {

const char* usage() {
    return "usage: kiosk [--windowed] [--data DIR] [--config FILE] [--hq URL] [--lang ar|en]\n"
           "       kiosk --headless --size WxH --replay FILE [--screenshots DIR] [--lang ar|en]\n"
           "       kiosk --data DIR --set-staff-pin   (reads the new PIN from standard input)\n";
}

namespace {

bool parse_size(std::string_view s, int& w, int& h) {
    auto x = s.find('x');
    if (x == std::string_view::npos) return false;
    auto a = std::from_chars(s.data(), s.data() + x, w);
    auto b = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    return a.ec == std::errc() && b.ec == std::errc() && a.ptr == s.data() + x && b.ptr == s.data() + s.size() &&
           w >= 320 && h >= 320 && w <= 8192 && h <= 8192;
}

}  // namespace

std::expected<Options, std::string> parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        auto value = [&]() -> std::expected<std::string, std::string> {
            if (i + 1 >= argc) return std::unexpected(std::string(arg) + " needs a value");
            return std::string(argv[++i]);
        };
        auto take = [&](std::string& out) -> std::expected<void, std::string> {
            auto v = value();
            if (!v) return std::unexpected(v.error());
            out = *v;
            return {};
        };
        std::expected<void, std::string> ok;
        if (arg == "--headless") o.headless = true;
        else if (arg == "--windowed") o.windowed = true;
        else if (arg == "--stats") o.stats = true;
        else if (arg == "--set-staff-pin") o.set_staff_pin = true;
        else if (arg == "--help" || arg == "-h") o.help = true;
        else if (arg == "--replay") ok = take(o.replay);
        else if (arg == "--screenshots") ok = take(o.screenshots);
        else if (arg == "--data") ok = take(o.data_dir);
        else if (arg == "--config") ok = take(o.config_file);
        else if (arg == "--hq") ok = take(o.hq_url);
        else if (arg == "--size") {
            std::string s;
            ok = take(s);
            if (ok && !parse_size(s, o.width, o.height)) return std::unexpected("--size wants WxH, e.g. 1280x800");
        } else if (arg == "--lang") {
            std::string s;
            ok = take(s);
            if (ok && s != "ar" && s != "en") return std::unexpected("--lang wants ar or en");
            o.lang = s == "en" ? ui::i18n::Lang::En : ui::i18n::Lang::Ar;
        } else if (arg == "--run-for") {
            std::string s;
            ok = take(s);
            if (ok) o.run_for_s = std::strtod(s.c_str(), nullptr);
        } else return std::unexpected("unknown option " + std::string(arg));
        if (!ok) return std::unexpected(ok.error());
    }
    if (!o.replay.empty() && !o.headless) return std::unexpected("--replay needs --headless");
    return o;
}

}  // namespace kiosk
