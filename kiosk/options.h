// kiosk/options.h — the kiosk's command line (DESIGN.md, "Command line").
#pragma once

#include <expected>
#include <optional>
#include <string>

#include "ui/i18n/strings.h"

namespace kiosk {

struct Options {
    bool headless = false;
    bool windowed = false;
    int width = 1280;
    int height = 800;
    std::string replay;
    std::string screenshots;
    std::string data_dir;
    std::string config_file;
    std::string hq_url;
    std::optional<ui::i18n::Lang> lang;  // unset: config.json's default_lang
    bool set_staff_pin = false;
    double run_for_s = 0.0;  // end the interactive loop after this long (measurements)
    bool stats = false;      // print frames drawn and time to first frame on exit
    bool help = false;
};

std::expected<Options, std::string> parse_options(int argc, char** argv);
const char* usage();

}  // namespace kiosk
