// RAII owners for the C handles ui/text uses: HarfBuzz, FreeType and ICU's UBiDi.
//
// Not for: any behaviour. One deleter per handle type, so no stage ever calls a destroy
// function by hand.
#pragma once

#include <memory>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>
#include <unicode/ubidi.h>

namespace ui::text {

struct HbBlobDeleter {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};
struct HbFaceDeleter {
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
};
struct HbFontDeleter {
    void operator()(hb_font_t* p) const { hb_font_destroy(p); }
};
struct HbBufferDeleter {
    void operator()(hb_buffer_t* p) const { hb_buffer_destroy(p); }
};
struct HbSetDeleter {
    void operator()(hb_set_t* p) const { hb_set_destroy(p); }
};
struct FtLibraryDeleter {
    void operator()(FT_Library p) const { FT_Done_FreeType(p); }
};
struct FtFaceDeleter {
    void operator()(FT_Face p) const { FT_Done_Face(p); }
};
struct UBiDiDeleter {
    void operator()(UBiDi* p) const { ubidi_close(p); }
};

using HbBlobPtr = std::unique_ptr<hb_blob_t, HbBlobDeleter>;
using HbFacePtr = std::unique_ptr<hb_face_t, HbFaceDeleter>;
using HbFontPtr = std::unique_ptr<hb_font_t, HbFontDeleter>;
using HbBufferPtr = std::unique_ptr<hb_buffer_t, HbBufferDeleter>;
using HbSetPtr = std::unique_ptr<hb_set_t, HbSetDeleter>;
using FtLibraryPtr = std::unique_ptr<FT_LibraryRec_, FtLibraryDeleter>;
using FtFacePtr = std::unique_ptr<FT_FaceRec_, FtFaceDeleter>;
using UBiDiPtr = std::unique_ptr<UBiDi, UBiDiDeleter>;

}  // namespace ui::text
