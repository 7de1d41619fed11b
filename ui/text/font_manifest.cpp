// A recursive-descent reader for the JSON subset of fonts.json. Errors name the byte offset,
// so a broken manifest is fixed in one look.
#include "ui/text/font_manifest.h"

#include <cctype>
#include <cstdint>

#include "ui/text/utf8.h"

namespace ui::text {
namespace {

class Reader {
public:
    explicit Reader(std::string_view s) : s_(s) {}

    std::string error;

    void skip_ws() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_])) != 0) ++i_;
    }
    bool peek(char c) {
        skip_ws();
        return i_ < s_.size() && s_[i_] == c;
    }
    bool expect(char c) {
        if (peek(c)) {
            ++i_;
            return true;
        }
        fail(std::string("expected '") + c + "'");
        return false;
    }
    void fail(const std::string& what) {
        if (error.empty()) error = what + " at byte " + std::to_string(i_);
    }

    bool string(std::string& out) {
        out.clear();
        if (!expect('"')) return false;
        while (i_ < s_.size() && s_[i_] != '"') {
            char c = s_[i_++];
            if (c != '\\') {
                out.push_back(c);
                continue;
            }
            if (i_ >= s_.size()) break;
            c = s_[i_++];
            switch (c) {
            case 'n': out.push_back('\n'); break;
            case 't': out.push_back('\t'); break;
            case 'r': out.push_back('\r'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'u':
                if (!unicode_escape(out)) return false;
                break;
            default: out.push_back(c); break;
            }
        }
        return expect('"');
    }

    // Skips any value; used for members the manifest does not need.
    bool skip_value(int depth = 0) {
        if (depth > 64) {
            fail("nesting too deep");
            return false;
        }
        skip_ws();
        if (i_ >= s_.size()) {
            fail("unexpected end");
            return false;
        }
        std::string scratch;
        if (s_[i_] == '"') return string(scratch);
        if (s_[i_] == '{') return members([&](const std::string&) { return skip_value(depth + 1); });
        if (s_[i_] == '[') return elements([&] { return skip_value(depth + 1); });
        while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) != 0 || s_[i_] == '-' ||
                                  s_[i_] == '+' || s_[i_] == '.'))
            ++i_;
        return true;
    }

    template <class F>
    bool members(F&& on_member) {
        if (!expect('{')) return false;
        if (peek('}')) {
            ++i_;
            return true;
        }
        std::string key;
        do {
            if (!string(key) || !expect(':') || !on_member(key)) return false;
        } while (peek(',') && (++i_, true));
        return expect('}');
    }

    template <class F>
    bool elements(F&& on_element) {
        if (!expect('[')) return false;
        if (peek(']')) {
            ++i_;
            return true;
        }
        do {
            if (!on_element()) return false;
        } while (peek(',') && (++i_, true));
        return expect(']');
    }

private:
    bool unicode_escape(std::string& out) {
        if (i_ + 4 > s_.size()) {
            fail("short \\u escape");
            return false;
        }
        char32_t cp = 0;
        for (int k = 0; k < 4; ++k) {
            const char h = s_[i_++];
            cp <<= 4;
            if (h >= '0' && h <= '9') cp |= static_cast<char32_t>(h - '0');
            else if (h >= 'a' && h <= 'f') cp |= static_cast<char32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') cp |= static_cast<char32_t>(h - 'A' + 10);
            else {
                fail("bad \\u escape");
                return false;
            }
        }
        utf8::append(out, cp);
        return true;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

Expected<FontManifest, std::string> parse_font_manifest(std::string_view json) {
    Reader r(json);
    FontManifest m;
    const bool ok = r.members([&](const std::string& key) {
        if (key == "fallback_chain") {
            return r.elements([&] {
                std::string role;
                if (!r.string(role)) return false;
                m.fallback_chain.push_back(std::move(role));
                return true;
            });
        }
        if (key != "roles") return r.skip_value();
        return r.members([&](const std::string& role) {
            std::string file;
            const bool role_ok =
                r.members([&](const std::string& field) { return field == "file" ? r.string(file) : r.skip_value(); });
            if (role_ok && file.empty()) r.fail("role '" + role + "' has no file");
            if (!role_ok || file.empty()) return false;
            m.roles.emplace_back(role, std::move(file));
            return true;
        });
    });
    if (!ok) return Unexpected("fonts.json: " + r.error);
    if (m.fallback_chain.empty()) return Unexpected(std::string("fonts.json: empty fallback_chain"));
    for (const auto& role : m.fallback_chain) {
        bool found = false;
        for (const auto& [name, file] : m.roles) found = found || name == role;
        if (!found) return Unexpected("fonts.json: fallback role '" + role + "' is not defined");
    }
    return m;
}

}  // namespace ui::text
