// The signature pad's ink: how points become strokes, undo, and scaling to a new pad size.
// (Drawing, and that a drag in the pad does not scroll the form, are covered by the
// request replays in tests/ui.)
#include <gtest/gtest.h>

#include "ui/widgets/signature_pad.h"

namespace ui::widgets {
namespace {

TEST(SignaturePad, FirstPointStartsAStroke) {
    Ink ink;
    EXPECT_TRUE(add_ink_point(ink, {10, 10}, false, 2));
    ASSERT_EQ(ink.strokes.size(), 1u);
    EXPECT_EQ(ink.strokes[0], (InkStroke{{10, 10}}));
}

TEST(SignaturePad, RestingFingerAddsNothing) {
    Ink ink;
    add_ink_point(ink, {10, 10}, true, 2);
    EXPECT_FALSE(add_ink_point(ink, {10, 10}, false, 2));
    EXPECT_FALSE(add_ink_point(ink, {11, 10.5f}, false, 2));
    EXPECT_TRUE(add_ink_point(ink, {13, 10}, false, 2));
    EXPECT_EQ(ink.strokes[0].size(), 2u);
}

TEST(SignaturePad, NewPressStartsANewStrokeEvenAtTheSamePlace) {
    Ink ink;
    add_ink_point(ink, {10, 10}, true, 2);
    EXPECT_TRUE(add_ink_point(ink, {10, 10}, true, 2));
    EXPECT_EQ(ink.strokes.size(), 2u);
}

TEST(SignaturePad, UndoRemovesOnlyTheLastStroke) {
    Ink ink;
    add_ink_point(ink, {1, 1}, true, 0);
    add_ink_point(ink, {5, 5}, false, 0);
    add_ink_point(ink, {9, 9}, true, 0);
    EXPECT_TRUE(undo_stroke(ink));
    ASSERT_EQ(ink.strokes.size(), 1u);
    EXPECT_EQ(ink.strokes[0].size(), 2u);
    EXPECT_TRUE(undo_stroke(ink));
    EXPECT_TRUE(ink.empty());
    EXPECT_FALSE(undo_stroke(ink));
}

TEST(SignaturePad, FitScalesPointsToTheNewPad) {
    Ink ink;
    fit_ink(ink, 200, 100);
    add_ink_point(ink, {100, 50}, true, 0);
    add_ink_point(ink, {200, 100}, false, 0);
    fit_ink(ink, 400, 50);
    EXPECT_EQ(ink.width, 400);
    EXPECT_EQ(ink.height, 50);
    EXPECT_EQ(ink.strokes[0], (InkStroke{{200, 25}, {400, 50}}));
}

TEST(SignaturePad, FitOfAnEmptyPadOnlyRecordsItsSize) {
    Ink ink;
    fit_ink(ink, 300, 120);
    EXPECT_EQ(ink.width, 300);
    EXPECT_EQ(ink.height, 120);
    EXPECT_TRUE(ink.empty());
}

}  // namespace
}  // namespace ui::widgets
