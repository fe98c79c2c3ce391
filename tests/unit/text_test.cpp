#include "isolens/core/base/text.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(Text, SplitWordsLeavesOutEmptyOnes)
{
    EXPECT_EQ(splitWords("ping  -n 5 localhost ", ' '),
              (std::vector<std::string>{"ping", "-n", "5", "localhost"}));
    EXPECT_EQ(splitWords("runc,,kata", ','), (std::vector<std::string>{"runc", "kata"}));
    EXPECT_TRUE(splitWords("", ',').empty());
    EXPECT_TRUE(splitWords("   ", ' ').empty());
}

TEST(Text, LowerCaseAscii)
{
    EXPECT_EQ(toLowerAscii("VMMEM.exe"), "vmmem.exe");
}

TEST(Text, CsvFieldsAreQuotedOnlyWhenTheyMustBe)
{
    const std::pair<const char*, const char*> cases[] = {
        {"runc", "runc"},
        {"", ""},
        {"a,b", "\"a,b\""},
        {"say \"hi\"", "\"say \"\"hi\"\"\""},
        {"two\nlines", "\"two\nlines\""},
        {"cr\r", "\"cr\r\""},
        {"caf\xc3\xa9", "caf\xc3\xa9"},
    };
    for (const auto& [text, field] : cases)
        EXPECT_EQ(csvField(text), field) << text;
}
