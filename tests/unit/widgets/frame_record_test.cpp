// The frame record as widgets fill it (ui/platform/frame_record.h, Ui's record_*): items in
// drawing order with their roles, ids, colours and clips; what is scrolled out of view left
// out; and no buffer growing once a frame as busy has been recorded. A headless host draws
// a small page of real widgets through the real text engine.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ui/platform/host.h"
#include "ui/platform/resources.h"
#include "ui/widgets/controls.h"
#include "ui/widgets/scroll.h"

namespace ui::widgets {
namespace {

using ui::platform::FrameRecord;
using ui::platform::RecordItem;

// A heading, a button, two chips, a field, a scroll area with one line in view and one far
// below it, and an error line.
class Page final : public ui::platform::App {
public:
    Page(ui::text::Engine& engine, bool rtl, FrameRecord* own) : engine_(engine), rtl_(rtl), own_(own) {}

    void frame(const ui::platform::Frame& f) override {
        ui::platform::Frame frame = f;
        if (own_) {
            own_->clear();
            frame.record = own_;
        }
        Ui ui(engine_, frame, Theme::standard(), rtl_, ui::text::Digits::Western);
        ui.begin();
        ui.label("Welcome", Rect{20, 10, 600, 0}, TextOptions{.role = TextRole::Heading});
        button(ui, "page.ok", "OK", Rect{20, 70, 200, 70}, ButtonKind::Primary);
        const std::array<Choice, 2> choices{Choice{"a", "First"}, Choice{"b", "Second"}};
        choice_chips(ui, "page.kind", choices, chosen_, 20, 160, 600);
        text_field(ui, focus_, "page.name", name_, 20, 240, 400, FieldOptions{.label = "Name", .hint = "Your name"});
        const Rect viewport{20, 400, 600, 100};
        const float top = begin_scroll(ui, scroll_, viewport);
        ui.label("In view", Rect{20, top + 10, 500, 0});
        ui.label("Far below", Rect{20, top + 900, 500, 0});
        end_scroll(ui, scroll_, viewport, top + 950);
        ui.label("Something is missing", Rect{20, 520, 600, 0}, TextOptions{.colour = ui.theme().danger});
        ui.end();
    }
    std::string_view screen_id() const override { return "page"; }

private:
    ui::text::Engine& engine_;
    bool rtl_;
    FrameRecord* own_;
    std::string chosen_ = "b";
    Focus focus_;
    std::string name_;
    ScrollState scroll_;
};

struct Fixture {
    std::unique_ptr<ui::platform::Host> host;
    std::unique_ptr<ui::text::Engine> engine;

    Fixture() {
        auto created = ui::platform::Host::create({.headless = true, .width = 800, .height = 600});
        EXPECT_TRUE(created.has_value());
        host = std::move(*created);
        auto made = ui::text::Engine::create(ui::platform::share_dir() + "/fonts");
        EXPECT_TRUE(made.has_value());
        engine = std::move(*made);
        engine->set_texture_sink(&host->texture_sink());
    }
    ~Fixture() { engine->set_texture_sink(nullptr); }
};

struct Seen {
    std::string role;
    std::string id;
    std::string text;
};

std::vector<Seen> seen(const FrameRecord& record) {
    std::vector<Seen> out;
    for (const RecordItem& item : record.items())
        out.push_back({std::string(ui::platform::role_name(item.role)), std::string(record.id(item)),
                       std::string(record.text(item))});
    return out;
}

const RecordItem* find(const FrameRecord& record, std::string_view id) {
    for (const RecordItem& item : record.items())
        if (record.id(item) == id) return &item;
    return nullptr;
}

TEST(FrameRecord, ItemsComeInDrawingOrderWithRolesAndIds) {
    Fixture fx;
    Page page(*fx.engine, false, nullptr);
    fx.host->settle(page);
    const auto items = seen(fx.host->record());
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"heading", "Welcome"}, {"button", "OK"},       {"chip", "First"},   {"chip", "Second"},
        {"text", "Name"},       {"field", "Your name"}, {"text", "In view"}, {"error", "Something is missing"}};
    ASSERT_EQ(items.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(items[i].role, expected[i].first) << i;
        EXPECT_EQ(items[i].text, expected[i].second) << i;
    }
    EXPECT_EQ(items[1].id, "page.ok");
    EXPECT_EQ(items[2].id, "page.kind.a");
    EXPECT_EQ(items[3].id, "page.kind.b");
    EXPECT_EQ(items[5].id, "page.name");
    EXPECT_EQ(items[0].id, "");
}

TEST(FrameRecord, ControlsKeepTheirBoxStateAndColours) {
    Fixture fx;
    Page page(*fx.engine, false, nullptr);
    fx.host->settle(page);
    const FrameRecord& record = fx.host->record();
    const Theme theme = Theme::standard();
    const RecordItem* ok = find(record, "page.ok");
    ASSERT_NE(ok, nullptr);
    EXPECT_EQ(ok->box.x, 20.0f);
    EXPECT_EQ(ok->box.w, 200.0f);
    EXPECT_TRUE(ok->box.contains(ok->text_box.cx(), ok->text_box.cy()));
    EXPECT_EQ(ok->foreground, theme.on_primary);
    EXPECT_EQ(ok->background, theme.primary);  // the button's own fill, not the screen's
    EXPECT_EQ(find(record, "page.kind.b")->flags & ui::platform::kRecordSelected, ui::platform::kRecordSelected);
    EXPECT_EQ(find(record, "page.kind.a")->flags & ui::platform::kRecordSelected, 0);
    EXPECT_EQ(find(record, "page.name")->flags & ui::platform::kRecordPlaceholder, ui::platform::kRecordPlaceholder);
    EXPECT_EQ(record.items().front().background, theme.background);
}

TEST(FrameRecord, ScrolledTextCarriesItsClipAndWhatIsOutOfViewIsLeftOut) {
    Fixture fx;
    Page page(*fx.engine, false, nullptr);
    fx.host->settle(page);
    const FrameRecord& record = fx.host->record();
    bool found = false;
    for (const RecordItem& item : record.items()) {
        EXPECT_NE(record.text(item), "Far below");
        if (record.text(item) != "In view") continue;
        found = true;
        EXPECT_EQ(item.clip.y, 400.0f);
        EXPECT_EQ(item.clip.h, 100.0f);
    }
    EXPECT_TRUE(found);
}

TEST(FrameRecord, RightToLeftKeepsReadingOrderWhileBoxesMirror) {
    Fixture fx;
    Page page(*fx.engine, true, nullptr);
    fx.host->settle(page);
    const FrameRecord& record = fx.host->record();
    const RecordItem* first = find(record, "page.kind.a");
    const RecordItem* second = find(record, "page.kind.b");
    ASSERT_NE(first, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_LT(first, second);                // read first
    EXPECT_GT(first->box.x, second->box.x);  // and drawn at the right
}

TEST(FrameRecord, SteadyFramesDoNotGrowItsBuffers) {
    Fixture fx;
    FrameRecord own;
    Page page(*fx.engine, true, &own);
    fx.host->settle(page);  // the warm-up frame
    const std::size_t items = own.items().size();
    const FrameRecord::Capacity after_warm_up = own.capacity();
    for (int i = 0; i < 5; ++i) fx.host->advance(page, 100.0), fx.host->settle(page);
    EXPECT_EQ(own.items().size(), items);
    EXPECT_EQ(own.capacity(), after_warm_up);
}

TEST(FrameRecord, TextsAndIdsSurviveTheArenaGrowing) {
    FrameRecord record;
    auto filler = [](int i) { return std::string(50, static_cast<char>('a' + i % 26)); };
    std::vector<std::size_t> added;
    for (int i = 0; i < 200; ++i) added.push_back(record.add(RecordItem{}, "id." + std::to_string(i), filler(i)));
    record.set_text(added[3], "late");
    EXPECT_EQ(record.id(record.items()[199]), "id.199");
    EXPECT_EQ(record.text(record.items()[198]), filler(198));
    EXPECT_EQ(record.text(record.items()[3]), "late");
    record.clear();
    EXPECT_TRUE(record.items().empty());
}

}  // namespace
}  // namespace ui::widgets
