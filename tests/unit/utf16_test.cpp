#include "isolens/core/base/utf16.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace isolens;

namespace {

struct Both {
    std::string utf8;
    std::u16string utf16;
};

// Well-formed text, the same in both forms: every boundary of the UTF-8 lengths and of the surrogates.
const std::vector<Both> kWellFormed{
    {"", u""},
    {"docker", u"docker"},
    {"Jos\xc3\xa9", u"Jos\u00e9"},
    {"\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88", u"\u30c6\u30b9\u30c8"}, // テスト
    {"C:\\Users\\Jos\xc3\xa9\\.docker", u"C:\\Users\\Jos\u00e9\\.docker"},
    {"\x7f", {0x7F}},
    {"\xc2\x80", {0x80}},
    {"\xdf\xbf", {0x7FF}},
    {"\xe0\xa0\x80", {0x800}},
    {"\xed\x9f\xbf", {0xD7FF}}, // the last before the surrogates
    {"\xee\x80\x80", {0xE000}}, // the first after them
    {"\xef\xbf\xbf", {0xFFFF}},
    {"\xf0\x90\x80\x80", {0xD800, 0xDC00}}, // U+10000
    {"\xf0\x9f\x98\x80", {0xD83D, 0xDE00}}, // U+1F600
    {"\xf4\x8f\xbf\xbf", {0xDBFF, 0xDFFF}}, // U+10FFFF
    {std::string("a\0b", 3), std::u16string{u'a', 0, u'b'}},
};

struct FromUtf8 {
    std::string utf8;
    std::u16string utf16;
    const char* why;
};

const std::vector<FromUtf8> kIllFormedUtf8{
    {"\xff", {0xFFFD}, "a byte no UTF-8 has"},
    {"a\x80z", {u'a', 0xFFFD, u'z'}, "a stray continuation byte"},
    {"Jos\xc3", {u'J', u'o', u's', 0xFFFD}, "a character cut at the end"},
    {"\xe3\x83z", {0xFFFD, 0xFFFD, u'z'}, "a character cut in the middle"},
    {"\xc0\xaf", {0xFFFD, 0xFFFD}, "an overlong form of '/'"},
    {"\xe0\x80\xaf", {0xFFFD, 0xFFFD, 0xFFFD}, "an overlong three-byte form"},
    {"\xed\xa0\x80", {0xFFFD, 0xFFFD, 0xFFFD}, "a surrogate written as UTF-8 (CESU)"},
    {"\xf4\x90\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}, "beyond U+10FFFF"},
    {"\xe9t\xe9", {0xFFFD, u't', 0xFFFD}, "Latin-1, not UTF-8"},
};

struct FromUtf16 {
    std::u16string utf16;
    std::string utf8;
    const char* why;
};

const std::string kReplacement = "\xef\xbf\xbd";

const std::vector<FromUtf16> kIllFormedUtf16{
    {{0xD800}, kReplacement, "a high surrogate alone"},
    {{0xDC00, u'x'}, kReplacement + "x", "a low surrogate alone"},
    {{u'a', 0xD83D}, "a" + kReplacement, "a pair cut at the end"},
    {{0xDE00, 0xD83D}, kReplacement + kReplacement, "a pair the wrong way round"},
    {{0xD83D, 0xD83D, 0xDE00}, kReplacement + "\xf0\x9f\x98\x80", "a high surrogate before a whole pair"},
};

} // namespace

TEST(Utf16, WellFormedTextConvertsBothWays)
{
    for (const auto& row : kWellFormed) {
        EXPECT_EQ(utf16FromUtf8(row.utf8), row.utf16) << row.utf8;
        EXPECT_EQ(utf8FromUtf16(row.utf16), row.utf8) << row.utf8;
    }
}

TEST(Utf16, EachByteThatIsNoCharacterBecomesOneReplacementCharacter)
{
    for (const auto& row : kIllFormedUtf8)
        EXPECT_EQ(utf16FromUtf8(row.utf8), row.utf16) << row.why;
}

TEST(Utf16, AnUnpairedSurrogateBecomesAReplacementCharacter)
{
    for (const auto& row : kIllFormedUtf16)
        EXPECT_EQ(utf8FromUtf16(row.utf16), row.utf8) << row.why;
}

#ifdef _WIN32
TEST(Utf16, WideStringsAreUtf16)
{
    EXPECT_EQ(wideFromUtf8("Jos\xc3\xa9-\xe3\x83\x86"), L"Jos\u00e9-\u30c6");
    EXPECT_EQ(utf8FromWide(L"Jos\u00e9-\u30c6"), "Jos\xc3\xa9-\xe3\x83\x86");
}
#endif
