// The on-screen keyboard; see keyboard.h. Physical keyboard layouts are not mirrored in RTL:
// an Arabic keyboard has ض at the far left, as every Arabic keyboard the visitor has used.
#include "ui/widgets/keyboard.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace ui::widgets {
namespace {

struct Key {
    std::string_view label;
    std::string_view text;
};

using Row = std::vector<Key>;

// The layouts, one keyboard row a line as a visitor sees them.
// clang-format off
const std::vector<Row> kArabic = {
    {{"ض", "ض"}, {"ص", "ص"}, {"ث", "ث"}, {"ق", "ق"}, {"ف", "ف"}, {"غ", "غ"}, {"ع", "ع"}, {"ه", "ه"}, {"خ", "خ"}, {"ح", "ح"}, {"ج", "ج"}, {"د", "د"}},
    {{"ش", "ش"}, {"س", "س"}, {"ي", "ي"}, {"ب", "ب"}, {"ل", "ل"}, {"ا", "ا"}, {"ت", "ت"}, {"ن", "ن"}, {"م", "م"}, {"ك", "ك"}, {"ط", "ط"}},
    {{"ئ", "ئ"}, {"ء", "ء"}, {"ؤ", "ؤ"}, {"ر", "ر"}, {"لا", "لا"}, {"ى", "ى"}, {"ة", "ة"}, {"و", "و"}, {"ز", "ز"}, {"ظ", "ظ"}, {"ذ", "ذ"}}};
// The second layer: hamza forms, harakat (shown on a tatweel so they can be seen), marks.
const std::vector<Row> kArabicShift = {
    {{"أ", "أ"}, {"إ", "إ"}, {"آ", "آ"}, {"ـَ", "\u064E"}, {"ـً", "\u064B"}, {"ـُ", "\u064F"}, {"ـٌ", "\u064C"}, {"ـِ", "\u0650"}, {"ـٍ", "\u064D"}, {"ـْ", "\u0652"}, {"ـّ", "\u0651"}, {"ـ", "ـ"}},
    {{"،", "،"}, {"؛", "؛"}, {"؟", "؟"}, {".", "."}, {":", ":"}, {"!", "!"}, {"(", "("}, {")", ")"}, {"-", "-"}, {"/", "/"}, {"\"", "\""}},
    {{"ئ", "ئ"}, {"ء", "ء"}, {"ؤ", "ؤ"}, {"ر", "ر"}, {"لا", "لا"}, {"ى", "ى"}, {"ة", "ة"}, {"و", "و"}, {"ز", "ز"}, {"ظ", "ظ"}, {"ذ", "ذ"}}};
const std::vector<Row> kEnglish = {
    {{"q", "q"}, {"w", "w"}, {"e", "e"}, {"r", "r"}, {"t", "t"}, {"y", "y"}, {"u", "u"}, {"i", "i"}, {"o", "o"}, {"p", "p"}},
    {{"a", "a"}, {"s", "s"}, {"d", "d"}, {"f", "f"}, {"g", "g"}, {"h", "h"}, {"j", "j"}, {"k", "k"}, {"l", "l"}, {"'", "'"}},
    {{"z", "z"}, {"x", "x"}, {"c", "c"}, {"v", "v"}, {"b", "b"}, {"n", "n"}, {"m", "m"}, {",", ","}, {".", "."}, {"@", "@"}, {"-", "-"}}};
const std::vector<Row> kEnglishShift = {
    {{"Q", "Q"}, {"W", "W"}, {"E", "E"}, {"R", "R"}, {"T", "T"}, {"Y", "Y"}, {"U", "U"}, {"I", "I"}, {"O", "O"}, {"P", "P"}},
    {{"A", "A"}, {"S", "S"}, {"D", "D"}, {"F", "F"}, {"G", "G"}, {"H", "H"}, {"J", "J"}, {"K", "K"}, {"L", "L"}, {"?", "?"}},
    {{"Z", "Z"}, {"X", "X"}, {"C", "C"}, {"V", "V"}, {"B", "B"}, {"N", "N"}, {"M", "M"}, {"!", "!"}, {"(", "("}, {")", ")"}, {"_", "_"}}};
const std::vector<Row> kDigits = {
    {{"1", "1"}, {"2", "2"}, {"3", "3"}, {"4", "4"}, {"5", "5"}},
    {{"6", "6"}, {"7", "7"}, {"8", "8"}, {"9", "9"}, {"0", "0"}},
    {{"+", "+"}, {"-", "-"}, {".", "."}, {"/", "/"}}};
// clang-format on

const std::vector<Row>& rows_for(KeyboardLayout layout, bool shift) {
    switch (layout) {
    case KeyboardLayout::Arabic: return shift ? kArabicShift : kArabic;
    case KeyboardLayout::English: return shift ? kEnglishShift : kEnglish;
    case KeyboardLayout::Digits: return kDigits;
    }
    return kArabic;
}

bool key_button(Ui& ui, std::string_view id, std::string_view label, const Rect& r, bool on) {
    const auto& t = ui.theme();
    const bool tapped = ui.tap_area(id, r);
    ui.mark(RecordRole::Key, on ? ui::platform::kRecordSelected : 0);
    const bool pressed = ui.is_pressed();
    ui.fill(r, on || pressed ? t.primary : t.surface, 10.0f * ui.scale());
    ui.outline(r, t.border, 10.0f * ui.scale(), 1.5f);
    ui.label(label, r,
             TextOptions{.role = TextRole::Label,
                         .weight = ui::text::Weight::Bold,
                         .colour = on || pressed ? t.on_primary : t.text,
                         .align = ui::text::Align::Center,
                         .wrap = false,
                         .centre_vertically = true,
                         .max_lines = 1,
                         .direction = ui::text::Direction::Auto});
    return tapped;
}

}  // namespace

float keyboard_height(const Ui& ui) {
    const float u = ui.scale();
    return 4.0f * 58.0f * u + 5.0f * 8.0f * u;
}

namespace {

// Where the keys go: rows of `key_w` x `key_h` keys with `gap` between them, from `y` down.
struct KeyGrid {
    Rect area;
    float key_w = 0;
    float key_h = 0;
    float gap = 0;
    float y = 0;
};

// The layout's rows, centred; a tapped key queues its text. Leaves g.y below the last row.
bool letter_rows(Ui& ui, Focus& focus, const std::vector<Row>& rows, KeyGrid& g) {
    bool pressed = false;
    for (const Row& row : rows) {
        const float row_w = static_cast<float>(row.size()) * g.key_w + static_cast<float>(row.size() - 1) * g.gap;
        float x = g.area.x + (g.area.w - row_w) * 0.5f;
        for (const Key& k : row) {
            if (key_button(ui, "keyboard.key." + std::string(k.text), k.label, Rect{x, g.y, g.key_w, g.key_h}, false)) {
                focus.pending.push_back(Edit{Edit::Kind::Text, std::string(k.text)});
                pressed = true;
            }
            x += g.key_w + g.gap;
        }
        g.y += g.key_h + g.gap;
    }
    return pressed;
}

// Bottom row: layouts, shift, space, backspace, done.
bool bottom_row(Ui& ui, Focus& focus, const KeyGrid& g, const KeyboardLabels& labels) {
    const bool grid = focus.layout == KeyboardLayout::Digits;
    const float wide = std::min(150.0f * ui.scale(), (g.area.w - 8 * g.gap) / 7.0f);
    bool pressed = false;
    float x = g.area.x + g.gap;
    auto special = [&](std::string_view id, std::string_view label, float w, bool on) {
        const bool hit = key_button(ui, id, label, Rect{x, g.y, w, g.key_h}, on);
        x += w + g.gap;
        pressed = pressed || hit;
        return hit;
    };
    auto switch_to = [&](KeyboardLayout layout) {
        focus.layout = layout;
        focus.shift = false;
    };
    if (special("keyboard.layout.ar", labels.arabic, wide, focus.layout == KeyboardLayout::Arabic))
        switch_to(KeyboardLayout::Arabic);
    if (special("keyboard.layout.en", labels.english, wide, focus.layout == KeyboardLayout::English))
        switch_to(KeyboardLayout::English);
    if (special("keyboard.layout.digits", labels.digits, wide, grid)) switch_to(KeyboardLayout::Digits);
    if (!grid && special("keyboard.shift", "⇧", wide * 0.75f, focus.shift)) focus.shift = !focus.shift;
    const float tail = wide * 2 + g.gap * 2;
    const float space_w = std::max(g.key_w, g.area.right() - x - tail - g.gap);
    if (special("keyboard.space", labels.space, space_w, false)) focus.pending.push_back(Edit{Edit::Kind::Text, " "});
    if (special("keyboard.backspace", "⌫", wide, false))
        focus.pending.push_back(Edit{Edit::Kind::Key, {}, ui::platform::Key::Backspace});
    if (special("keyboard.done", labels.done, wide, false)) focus.clear();
    return pressed;
}

}  // namespace

bool keyboard(Ui& ui, Focus& focus, const Rect& r, const KeyboardLabels& labels) {
    const auto& t = ui.theme();
    const float u = ui.scale();
    KeyGrid g{.area = r, .gap = 8.0f * u, .y = r.y + 8.0f * u};
    ui.fill(r, t.background);
    ui.fill(Rect{r.x, r.y, r.w, 2.0f * u}, t.border);
    const auto& rows = rows_for(focus.layout, focus.shift);
    const bool grid = focus.layout == KeyboardLayout::Digits;
    g.key_h = (r.h - 5.0f * g.gap) / 4.0f;
    std::size_t columns = 0;
    for (const Row& row : rows) columns = std::max(columns, row.size());
    // Keys never grow past a comfortable size: digits stay a compact block in the middle.
    g.key_w = std::min(grid ? 150.0f * u : 110.0f * u,
                       (r.w - static_cast<float>(columns + 1) * g.gap) / static_cast<float>(columns));
    const bool typed = letter_rows(ui, focus, rows, g);
    const bool special = bottom_row(ui, focus, g, labels);
    return typed || special;
}

}  // namespace ui::widgets
