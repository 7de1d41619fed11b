// kiosk/session/content.h — the association's published content (assets/content.json, later
// refreshed from HQ): about text, services and channels, in both languages.
// Not for: interface strings (assets/strings) or anything a visitor enters.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "ui/i18n/strings.h"

namespace kiosk::session {

struct AboutText {
    std::string title;
    std::string intro;
    std::string services_title;
    std::vector<std::string> services;
    std::string channels_title;
    std::vector<std::string> channels;
    std::string qr_web;
    std::string qr_mail;
};

struct Content {
    AboutText about_ar;
    AboutText about_en;
    std::string website;
    std::string email;

    const AboutText& about(ui::i18n::Lang lang) const { return lang == ui::i18n::Lang::Ar ? about_ar : about_en; }
};

std::expected<Content, std::string> load_content(const std::string& path);

}  // namespace kiosk::session
