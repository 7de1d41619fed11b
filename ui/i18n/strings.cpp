// Loading string catalogues and formatting messages with ICU; see strings.h.
#include "ui/i18n/strings.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <unicode/msgfmt.h>
#include <unicode/unistr.h>
#include <nlohmann/json.hpp>

namespace ui::i18n {

std::string_view code(Lang lang) { return lang == Lang::Ar ? "ar" : "en"; }
bool is_rtl(Lang lang) { return lang == Lang::Ar; }

namespace {

// Western digits in both languages: digit shaping is the text engine's job, by setting.
icu::Locale locale_for(Lang lang) { return lang == Lang::Ar ? icu::Locale("ar@numbers=latn") : icu::Locale("en"); }

}  // namespace

std::expected<Catalog, std::string> Catalog::load(const std::string& path, Lang lang) {
    Catalog catalog;
    catalog.lang_ = lang;
    if (auto ok = catalog.merge(path); !ok) return std::unexpected(ok.error());
    return catalog;
}

std::expected<void, std::string> Catalog::merge(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::unexpected("cannot open " + path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto json = nlohmann::json::parse(buffer.str(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) return std::unexpected(path + " is not a JSON object");
    for (auto& [key, value] : json.items()) {
        if (!value.is_string()) return std::unexpected(path + ": value of '" + key + "' is not a string");
        auto pattern = value.get<std::string>();
        UErrorCode status = U_ZERO_ERROR;
        icu::MessageFormat check(icu::UnicodeString::fromUTF8(pattern), locale_for(lang_), status);
        if (U_FAILURE(status)) return std::unexpected(path + ": '" + key + "' is not a valid message pattern");
        if (!entries_.emplace(key, std::move(pattern)).second)
            return std::unexpected(path + ": '" + key + "' is defined twice");
    }
    return {};
}

bool Catalog::has(std::string_view key) const { return entries_.find(key) != entries_.end(); }

std::string_view Catalog::get(std::string_view key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? key : std::string_view(it->second);
}

std::string Catalog::format(std::string_view key, const std::vector<Arg>& args) const {
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::string(key);
    UErrorCode status = U_ZERO_ERROR;
    icu::MessageFormat formatter(icu::UnicodeString::fromUTF8(it->second), locale_for(lang_), status);
    if (U_FAILURE(status)) return it->second;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(args.size());
    values.reserve(args.size());
    for (const Arg& arg : args) {
        names.push_back(icu::UnicodeString::fromUTF8(arg.name));
        values.push_back(arg.is_number ? icu::Formattable(arg.number)
                                       : icu::Formattable(icu::UnicodeString::fromUTF8(arg.text)));
    }
    icu::UnicodeString result;
    formatter.format(names.data(), values.data(), static_cast<int32_t>(args.size()), result, status);
    if (U_FAILURE(status)) return it->second;
    std::string out;
    result.toUTF8String(out);
    return out;
}

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& [key, value] : entries_) out.push_back(key);
    return out;
}

namespace {

// <lang>.json first, then every <lang>.<part>.json in name order: each flow keeps its own file.
std::expected<Catalog, std::string> load_language(const std::string& dir, Lang lang) {
    const std::string prefix(code(lang));
    auto catalog = Catalog::load(dir + "/" + prefix + ".json", lang);
    if (!catalog) return catalog;
    std::vector<std::string> parts;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(prefix + ".") && name.ends_with(".json") && name != prefix + ".json")
            parts.push_back(name);
    }
    std::sort(parts.begin(), parts.end());
    for (const auto& part : parts)
        if (auto ok = catalog->merge(dir + "/" + part); !ok) return std::unexpected(ok.error());
    return catalog;
}

}  // namespace

std::expected<Strings, std::string> Strings::load(const std::string& strings_dir) {
    auto ar = load_language(strings_dir, Lang::Ar);
    if (!ar) return std::unexpected(ar.error());
    auto en = load_language(strings_dir, Lang::En);
    if (!en) return std::unexpected(en.error());
    Strings strings;
    strings.ar_ = std::move(*ar);
    strings.en_ = std::move(*en);
    return strings;
}

std::vector<std::string> missing_keys(const Catalog& a, const Catalog& b) {
    std::vector<std::string> missing;
    for (const auto& key : a.keys())
        if (!b.has(key)) missing.push_back(std::string(code(b.lang())) + ": " + key);
    for (const auto& key : b.keys())
        if (!a.has(key)) missing.push_back(std::string(code(a.lang())) + ": " + key);
    return missing;
}

}  // namespace ui::i18n
