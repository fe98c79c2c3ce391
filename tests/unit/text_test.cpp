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
