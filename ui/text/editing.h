// Editing helpers for text fields: caret steps by user-perceived character, backspace that
// removes a haraka typed last on its own, and a small edit state any widget can hold.
// Indices are UTF-8 byte offsets of the logical (typed) text, the same indices a Layout's
// clusters, Engine::caret() and Engine::hit_test() use.
//
// Not for: drawing, selection, or visual (left/right) caret movement, which needs a Layout.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ui::text {

// The caret position one user-perceived character before `index` (0 stays 0). A combining
// Arabic mark (haraka, shadda, sukun, superscript alef...) counts as a character of its own,
// so backspace after typing "بَ" removes only the fatha.
std::size_t previous_boundary(std::string_view utf8, std::size_t index);
// One grapheme cluster after `index` (size stays size). Harakat stay with their letter.
std::size_t next_boundary(std::string_view utf8, std::size_t index);

struct EditState {
    std::string text;
    std::size_t caret = 0;  // byte offset, always on a code point boundary

    // Inserts at the caret (invalid UTF-8 and bidi controls are dropped, see sanitize_input).
    void insert(std::string_view utf8);
    void backspace();      // removes the character before the caret
    void erase_forward();  // removes the grapheme after the caret
    void move_previous() { caret = previous_boundary(text, caret); }
    void move_next() { caret = next_boundary(text, caret); }
    void move_home() { caret = 0; }
    void move_end() { caret = text.size(); }
    void set_text(std::string_view utf8);  // caret at the end
    void clear() {
        text.clear();
        caret = 0;
    }
    bool operator==(const EditState&) const = default;
};

}  // namespace ui::text
