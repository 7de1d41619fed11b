// Saved kiosk settings; see settings_store.h.
#include "kiosk/staff/settings_store.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace kiosk::staff {

namespace {

constexpr std::string_view kDigits = "kiosk.digits";           // "western" | "arabic-indic"
constexpr std::string_view kIdle = "kiosk.idle_seconds";       // 20 … 600
constexpr std::string_view kLang = "kiosk.default_lang";       // "ar" | "en"
constexpr std::string_view kText = "kiosk.bigger_text";        // "0" | "1"
constexpr std::string_view kContrast = "kiosk.high_contrast";  // "0" | "1"

void read_flag(store::Store& store, std::string_view key, std::string_view on, std::string_view off, bool& out) {
    auto v = store.setting(key);
    if (!v || !*v) return;
    if (**v == on) out = true;
    else if (**v == off) out = false;
}

}  // namespace

KioskSettings load_settings(store::Store& store, KioskSettings s) {
    read_flag(store, kDigits, "arabic-indic", "western", s.arabic_digits);
    read_flag(store, kLang, "en", "ar", s.english_default);
    read_flag(store, kText, "1", "0", s.bigger_text);
    read_flag(store, kContrast, "1", "0", s.high_contrast);
    if (auto v = store.setting(kIdle); v && *v) {
        int seconds = 0;
        const auto& text = **v;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
        if (ec == std::errc{} && end == text.data() + text.size() && seconds >= 20 && seconds <= 600)
            s.idle_seconds = seconds;
    }
    return s;
}

std::expected<void, store::StoreError> save_settings(store::Store& store, const KioskSettings& s) {
    const std::pair<std::string_view, std::string> values[] = {
        {kDigits, s.arabic_digits ? "arabic-indic" : "western"},
        {kIdle, std::to_string(std::clamp(s.idle_seconds, 20, 600))},
        {kLang, s.english_default ? "en" : "ar"},
        {kText, s.bigger_text ? "1" : "0"},
        {kContrast, s.high_contrast ? "1" : "0"}};
    for (const auto& [key, value] : values)
        if (auto ok = store.set_setting(key, value); !ok) return std::unexpected(ok.error());
    return {};
}

}  // namespace kiosk::staff
