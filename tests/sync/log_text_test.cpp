// What HQ prints of text from outside: escapes for everything a terminal acts on, invalid
// UTF-8 made visible, Arabic and ordinary text untouched, and a length cap.
#include <gtest/gtest.h>

#include "sync/hq/log_text.h"

namespace kiosk_sync::hq {
namespace {

TEST(SyncLogText, PassesOrdinaryTextAndArabicUnchanged) {
    EXPECT_EQ(printable("/v1/submissions?since=12"), "/v1/submissions?since=12");
    EXPECT_EQ(printable("طلب دعم"), "طلب دعم");
}

TEST(SyncLogText, EscapesControlsThatMoveOrRecolourATerminal) {
    EXPECT_EQ(printable("a\nb"), "a\\u{000A}b");
    EXPECT_EQ(printable("\x1b[31mred"), "\\u{001B}[31mred");
    EXPECT_EQ(printable("\x7f"), "\\u{007F}");
    EXPECT_EQ(printable("\xc2\x9b"
                        "2J"),
              "\\u{009B}2J");  // C1 CSI, two bytes in UTF-8
    EXPECT_EQ(printable("\xe2\x80\xae"
                        "gnp.exe"),
              "\\u{202E}gnp.exe");                         // right-to-left override
    EXPECT_EQ(printable("back\\slash"), "back\\\\slash");  // so an escape cannot be forged
}

TEST(SyncLogText, ShowsInvalidUtf8AsBytes) {
    EXPECT_EQ(printable("\xff\xfe"), "\\xFF\\xFE");
    EXPECT_EQ(printable("\xc0\xaf"), "\\xC0\\xAF");           // overlong '/'
    EXPECT_EQ(printable("\xed\xa0\x80"), "\\xED\\xA0\\x80");  // a surrogate
    EXPECT_EQ(printable("\xd8"), "\\xD8");                    // cut in the middle of a letter
}

TEST(SyncLogText, CapsTheLength) {
    auto out = printable(std::string(7u << 20, 'a'));
    EXPECT_LE(out.size(), kLogFieldLimit + 3);
    EXPECT_TRUE(out.ends_with("…"));
    EXPECT_EQ(printable(std::string(300, '\n'), 20).size(), 16u + 3u);  // never half an escape
}

}  // namespace
}  // namespace kiosk_sync::hq
