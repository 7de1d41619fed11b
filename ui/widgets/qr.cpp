// QR codes; see qr.h. Always dark on white, whatever the contrast theme: scanners need it.
#include "ui/widgets/qr.h"

#include <algorithm>
#include <cmath>
#include <string>

#include <imgui.h>
#include <qrcodegen/qrcodegen.hpp>

namespace ui::widgets {

bool draw_qr(std::string_view payload, const Rect& box) {
    std::vector<qrcodegen::QrSegment> segments;
    try {
        segments = qrcodegen::QrSegment::makeSegments(std::string(payload).c_str());
        auto code = qrcodegen::QrCode::encodeSegments(segments, qrcodegen::QrCode::Ecc::MEDIUM);
        const int n = code.getSize();
        const int quiet = 2;
        const float side = std::min(box.w, box.h);
        const float module = std::floor(side / static_cast<float>(n + 2 * quiet));
        if (module < 1.0f) return false;
        const float drawn = module * static_cast<float>(n + 2 * quiet);
        const float x0 = std::round(box.x + (box.w - drawn) * 0.5f);
        const float y0 = std::round(box.y + (box.h - drawn) * 0.5f);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + drawn, y0 + drawn), IM_COL32_WHITE);
        for (int y = 0; y < n; ++y)
            for (int x = 0; x < n; ++x)
                if (code.getModule(x, y)) {
                    float px = x0 + static_cast<float>(x + quiet) * module;
                    float py = y0 + static_cast<float>(y + quiet) * module;
                    dl->AddRectFilled(ImVec2(px, py), ImVec2(px + module, py + module), IM_COL32_BLACK);
                }
        return true;
    } catch (const qrcodegen::data_too_long&) {
        return false;  // qrcodegen reports an oversized payload only by exception
    }
}

}  // namespace ui::widgets
