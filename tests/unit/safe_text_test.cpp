#include "isolens/core/base/safe_text.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(SafeText, JsonReplacesInvalidUtf8InsteadOfThrowing)
{
    const nlohmann::json value = {{"name", "a\xff"
                                           "b"},
                                  {"cut", "x\xc3"}};
    EXPECT_EQ(dumpJson(value), "{\"cut\":\"x\xef\xbf\xbd\",\"name\":\"a\xef\xbf\xbd"
                               "b\"}");
    EXPECT_EQ(dumpJson(nlohmann::json{{"ok", "\xc3\xa9"}}, 2), "{\n  \"ok\": \"\xc3\xa9\"\n}");
}

TEST(SafeText, ExcerptsEndOnACharacterBoundary)
{
    struct Case {
        std::string text;
        std::size_t max;
        std::string expected;
    };
    const Case cases[] = {
        {"abc", 10, "abc"},
        {"abcdef", 3, "abc"},
        {"ab\xc3\xa9", 3, "ab"},                      // é cut after its first byte
        {"a\xe2\x82\xac", 3, "a"},                    // € cut after two of its three bytes
        {"\xf0\x9f\x98\x80z", 4, "\xf0\x9f\x98\x80"}, // a whole four-byte character fits
        {"\xf0\x9f\x98\x80z", 2, ""},
        {"a\x80\x80\x80\x80"
         "b",
         3, "a\x80\x80"}, // stray continuation bytes are no character
        {"ab\xff\xff", 3, "ab\xff"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(utf8Prefix(c.text, c.max), c.expected) << c.text << " at " << c.max;
}

TEST(SafeText, TerminalEscapesWhatATerminalWouldActOn)
{
    struct Case {
        std::string text;
        std::string line;
        std::string cell;
    };
    const Case cases[] = {
        {"plain text", "plain text", "plain text"},
        {"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
         "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"},
        {"\x1b[2Jgone", "\\x1b[2Jgone", "\\x1b[2Jgone"},
        {"two\nlines\tand tab", "two\nlines\tand tab", "two\\x0alines\\x09and tab"},
        {"over\rwrite", "over\\x0dwrite", "over\\x0dwrite"},
        {"bell\a del\x7f nul" + std::string(1, '\0'), "bell\\x07 del\\x7f nul\\x00",
         "bell\\x07 del\\x7f nul\\x00"},
        {"csi \xc2\x9b"
         "2J nel \xc2\x85",
         "csi \\u009b2J nel \\u0085", "csi \\u009b2J nel \\u0085"},
        {"nbsp \xc2\xa0 ok", "nbsp \xc2\xa0 ok", "nbsp \xc2\xa0 ok"},
        {"raw \x9b \xff \xc3", "raw \\x9b \\xff \\xc3", "raw \\x9b \\xff \\xc3"},
        {"overlong \xc0\xaf surrogate \xed\xa0\x80", "overlong \\xc0\\xaf surrogate \\xed\\xa0\\x80",
         "overlong \\xc0\\xaf surrogate \\xed\\xa0\\x80"},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(escapeForTerminal(c.text), c.line) << c.text;
        EXPECT_EQ(escapeForTerminal(c.text, TerminalText::Cell), c.cell) << c.text;
    }
}

TEST(SafeText, PlainAsciiForAConsoleWithoutUtf8)
{
    struct Case {
        const char* what;
        std::string utf8;
        std::string ascii;
    };
    const Case cases[] = {
        {"ASCII as it is", "isolens-cli 0.1.0\n", "isolens-cli 0.1.0\n"},
        {"an em dash", "runc \u2014 kata", "runc - kata"},
        {"an ellipsis", "Pulling\u2026", "Pulling..."},
        {"comparisons", "\u2264 5 s, \u2265 2", "<= 5 s, >= 2"},
        {"a check mark and quotes", "\u2713 \u201cok\u201d \u2018x\u2019", "ok \"ok\" 'x'"},
        {"other characters, one ? each", "Jos\u00e9 \u4e2d", "Jos? ?"},
        {"a cut character", std::string("a\xe2\x80", 3), "a??"},
        {"a stray byte",
         std::string("a\xff"
                     "b",
                     3),
         "a?b"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(toPlainAscii(c.utf8), c.ascii) << c.what;
}
