// ui/i18n/strings.h — the catalogue of every visible string, in Arabic and English.
//
// Strings live in assets/strings/<lang>.json (and <lang>.<part>.json, one per flow) as {"key": "ICU MessageFormat
// pattern"}; counted phrases use ICU plural rules ("{n, plural, zero{...} one{...} two{...} few{...} many{...}
// other{...}}" — Arabic has six forms). Numbers are always formatted with Western digits here;
// whether they are shown as Arabic-Indic is a display setting of the text engine.
// Not for: choosing fonts or direction (ui/text does that from the text itself).
#pragma once

#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ui::i18n {

enum class Lang { Ar, En };

std::string_view code(Lang lang);  // "ar" / "en"
bool is_rtl(Lang lang);

// A named argument of a message: a number (plural selection, formatting) or a string.
struct Arg {
    std::string_view name;
    double number = 0.0;
    std::string text;
    bool is_number = false;

    static Arg num(std::string_view name, double value) { return Arg{name, value, {}, true}; }
    static Arg str(std::string_view name, std::string value) { return Arg{name, 0.0, std::move(value), false}; }
};

class Catalog {
public:
    // Reads one language file; every value must be a string that ICU accepts as a pattern.
    static std::expected<Catalog, std::string> load(const std::string& path, Lang lang);
    // Adds the entries of another file; a key defined twice is an error.
    std::expected<void, std::string> merge(const std::string& path);

    Lang lang() const { return lang_; }
    bool has(std::string_view key) const;
    // The raw pattern; an unknown key yields the key itself so a gap is visible, never a crash.
    std::string_view get(std::string_view key) const;
    // The pattern formatted with ICU MessageFormat in this catalogue's locale.
    std::string format(std::string_view key, const std::vector<Arg>& args) const;
    std::vector<std::string> keys() const;

private:
    Lang lang_ = Lang::Ar;
    std::map<std::string, std::string, std::less<>> entries_;
};

// Both catalogues and the visitor's current language.
class Strings {
public:
    static std::expected<Strings, std::string> load(const std::string& strings_dir);

    Lang lang() const { return lang_; }
    void set_lang(Lang lang) { lang_ = lang; }
    const Catalog& active() const { return lang_ == Lang::Ar ? ar_ : en_; }
    const Catalog& catalog(Lang lang) const { return lang == Lang::Ar ? ar_ : en_; }

    std::string_view operator()(std::string_view key) const { return active().get(key); }
    std::string format(std::string_view key, const std::vector<Arg>& args) const { return active().format(key, args); }

private:
    Catalog ar_;
    Catalog en_;
    Lang lang_ = Lang::Ar;
};

// Keys present in one catalogue and missing from the other, for tests and start-up checks.
std::vector<std::string> missing_keys(const Catalog& a, const Catalog& b);

}  // namespace ui::i18n
