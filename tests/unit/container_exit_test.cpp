#include "isolens/core/engine/container_exit.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace isolens;
using Lines = std::vector<std::string>;

TEST(ContainerExit, LastLinesOfAnOutput)
{
    struct Case {
        const char* output;
        std::size_t count;
        Lines lines;
    };
    const std::vector<Case> cases = {
        {"", 3, {}},
        {"\n\n", 3, {}},
        {"one", 3, {"one"}},
        {"one\ntwo\n", 3, {"one", "two"}},
        {"one\ntwo\nthree\nfour\n", 2, {"three", "four"}},
        {"a\r\nb\r\n", 5, {"a", "b"}},
        {"a\n\n\nb\n\n", 5, {"a", "b"}},
        {"sh: syntax error: unterminated quoted string\n",
         10,
         {"sh: syntax error: unterminated quoted string"}},
    };
    for (const auto& row : cases)
        EXPECT_EQ(lastLines(row.output, row.count), row.lines) << row.output;
}

TEST(ContainerExit, FromTheEnginesInspectReplyAndLogs)
{
    ContainerDetails details;
    details.exitCode = 2;
    details.startedAt = "2026-12-01T10:00:00.100000000Z";
    details.finishedAt = "2026-12-01T10:00:00.400000000Z";
    const auto exit = containerExitFrom(details, "sh: syntax error: unterminated quoted string\n");
    ASSERT_TRUE(exit.exitCode);
    EXPECT_EQ(*exit.exitCode, 2);
    ASSERT_TRUE(exit.ranSeconds);
    EXPECT_NEAR(*exit.ranSeconds, 0.3, 1e-9);
    EXPECT_EQ(exitSentence(exit), "exited with code 2 after 0.3 s");
    EXPECT_EQ(
        describeExit(exit),
        "exited with code 2 after 0.3 s; its last output:\n  sh: syntax error: unterminated quoted string");
}

TEST(ContainerExit, AFinishBeforeTheRecordedStartIsNoTimeAtAll)
{
    ContainerDetails details;
    details.exitCode = 3;
    details.startedAt = "2026-12-01T10:00:00.120Z";
    details.finishedAt = "2026-12-01T10:00:00.117Z";
    const auto exit = containerExitFrom(details, "");
    ASSERT_TRUE(exit.ranSeconds);
    EXPECT_EQ(*exit.ranSeconds, 0.0);
    EXPECT_EQ(exitSentence(exit), "exited with code 3 after 0.0 s");
}

TEST(ContainerExit, SaysWhatItDoesNotKnow)
{
    ContainerDetails details;
    details.exitCode = 127;
    details.startedAt = "0001-01-01T00:00:00Z"; // the engine's zero time: it never ran
    details.finishedAt = "2026-12-01T10:00:00Z";
    details.error = "exec: \"nosuch\": executable file not found in $PATH";
    const auto exit = containerExitFrom(details, "");
    EXPECT_FALSE(exit.ranSeconds);
    EXPECT_EQ(describeExit(exit),
              "exited with code 127 (the engine says: exec: \"nosuch\": executable file not "
              "found in $PATH); it wrote no output");
    EXPECT_EQ(exitSentence(removedContainerExit()), "was removed");
    EXPECT_EQ(describeExit(removedContainerExit()), "was removed");
}

TEST(ContainerExit, LongLinesAreCutOnACharacterBoundary)
{
    std::string line(kExitLineBytes - 1, 'x');
    line += "\xc3\xa9\xc3\xa9 and more"; // é straddles the limit
    const auto exit = containerExitFrom(ContainerDetails{}, line);
    ASSERT_EQ(exit.lastOutput.size(), 1u);
    EXPECT_EQ(exit.lastOutput[0], std::string(kExitLineBytes - 1, 'x') + "\xe2\x80\xa6");
}

TEST(ContainerExit, SurvivesARecording)
{
    ContainerExit exit;
    exit.exitCode = 3;
    exit.ranSeconds = 0.5;
    exit.engineError = "oops";
    exit.lastOutput = {"a", "b"};
    const auto back = exitFromJson(exitToJson(exit));
    EXPECT_EQ(back.exitCode, exit.exitCode);
    EXPECT_EQ(back.ranSeconds, exit.ranSeconds);
    EXPECT_EQ(back.engineError, exit.engineError);
    EXPECT_EQ(back.lastOutput, exit.lastOutput);
    EXPECT_FALSE(exitFromJson(exitToJson(removedContainerExit())).exitCode);
    EXPECT_FALSE(exitFromJson(nlohmann::json{{"exit_code", "3"}, {"output", 7}}).exitCode);
}

TEST(ContainerExit, AnExitCodeBeyondIntIsClamped)
{
    EXPECT_EQ(exitFromJson(nlohmann::json{{"exit_code", 1099511627776LL}}).exitCode,
              std::numeric_limits<int>::max());
    EXPECT_EQ(exitFromJson(nlohmann::json{{"exit_code", -1099511627776LL}}).exitCode,
              std::numeric_limits<int>::min());
}
