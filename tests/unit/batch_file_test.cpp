#include "isolens/core/batch/batch_file.hpp"
#include "isolens/core/batch/batch_recording_name.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(BatchFile, RowsSetWhatTheyNameAndTheCommandLineTheRest)
{
    const auto rows = parseBatchFile(R"(# three images, as the published test had
{"image":"mcr.microsoft.com/windows/nanoserver:ltsc2022","cmd":"ping -t localhost"}

{"image":"mcr.microsoft.com/windows/servercore:ltsc2022","memory":"2g","cpus":2}
{"image":"mcr.microsoft.com/windows/server:ltsc2022","cmd":["cmd","/c","ping -t localhost"],"memory":1073741824,"cpus":"1.5"}
)");
    ASSERT_TRUE(rows) << rows.error().message;
    ASSERT_EQ(rows.value().size(), 3u);
    EXPECT_EQ(rows.value()[0].line, 2u);
    EXPECT_EQ(rows.value()[1].line, 4u);
    EXPECT_EQ(rows.value()[1].memoryBytes, 2ll << 30);
    EXPECT_EQ(rows.value()[1].nanoCpus, 2'000'000'000);
    EXPECT_EQ(rows.value()[2].memoryBytes, 1ll << 30);
    EXPECT_EQ(rows.value()[2].nanoCpus, 1'500'000'000);

    BatchDefaults defaults{"ping -n 100 localhost", "", 512ll << 20, std::nullopt};
    const auto entries = batchEntries(rows.value(), defaults, CommandSyntax::Windows);
    ASSERT_TRUE(entries) << entries.error().message;
    EXPECT_EQ(entries.value()[0].command, (std::vector<std::string>{"ping", "-t", "localhost"}));
    EXPECT_EQ(entries.value()[0].memoryBytes, 512ll << 20) << "the command line's limit";
    EXPECT_FALSE(entries.value()[0].nanoCpus);
    EXPECT_EQ(entries.value()[1].command, (std::vector<std::string>{"ping", "-n", "100", "localhost"}));
    EXPECT_EQ(entries.value()[1].memoryBytes, 2ll << 30) << "the row's own limit";
    EXPECT_EQ(entries.value()[2].command, (std::vector<std::string>{"cmd", "/c", "ping -t localhost"}))
        << "an array is the exec form, taken as is";
    EXPECT_TRUE(entries.value()[2].workload.empty());
}

TEST(BatchFile, ABadLineIsNamedWithWhatToWrite)
{
    struct Case {
        const char* text;
        const char* says;
    };
    const Case cases[] = {
        {"{\"image\":\"a\"}\nnot json\n", "line 2: not valid JSON"},
        {"[1,2]\n", "line 1: not a JSON object"},
        {"{\"cmd\":\"sh\"}\n", "line 1: \"image\" is missing"},
        {"{\"image\":\"a\",\"memroy\":\"1g\"}\n", "line 1: unknown key \"memroy\""},
        {"{\"image\":\"a\",\"memory\":\"lots\"}\n", "line 1: \"memory\" takes"},
        {"{\"image\":\"a\",\"cpus\":0}\n", "line 1: \"cpus\" takes at least 0.01"},
        {"{\"image\":\"a\",\"cmd\":[1]}\n", "line 1: \"cmd\" must be text or an array"},
        {"{\"image\":\"Not An Image\"}\n", "line 1:"},
        {"# only a comment\n\n", "names no image"},
    };
    for (const auto& c : cases) {
        const auto rows = parseBatchFile(c.text);
        ASSERT_FALSE(rows) << c.text;
        EXPECT_NE(rows.error().message.find(c.says), std::string::npos) << rows.error().message;
        EXPECT_NE(rows.error().hint.find("{\"image\""), std::string::npos) << rows.error().hint;
    }
    // A limit's error names the key, not the command line's option, and says what to write there.
    const auto limit = parseBatchFile("{\"image\":\"a\",\"memory\":\"1k\"}\n");
    ASSERT_FALSE(limit);
    EXPECT_EQ(limit.error().message.find("--memory"), std::string::npos) << limit.error().message;
    EXPECT_NE(limit.error().hint.find("such as 512m"), std::string::npos) << limit.error().hint;
}

TEST(BatchFile, WindowsLineEndsAreRead)
{
    const auto rows = parseBatchFile("{\"image\":\"a:1\"}\r\n{\"image\":\"b:2\"}\r\n");
    ASSERT_TRUE(rows) << rows.error().message;
    EXPECT_EQ(rows.value().size(), 2u);
}

TEST(BatchFile, AnUnsplittableCommandNamesItsLine)
{
    const auto rows =
        parseBatchFile("{\"image\":\"a\"}\n{\"image\":\"b\",\"cmd\":\"sh -c 'unterminated\"}\n");
    ASSERT_TRUE(rows);
    const auto entries = batchEntries(rows.value(), {}, CommandSyntax::Posix);
    ASSERT_FALSE(entries);
    EXPECT_NE(entries.error().message.find("batch file, line 2, cmd:"), std::string::npos)
        << entries.error().message;
}

TEST(BatchFile, ImagesFromTheCommandLine)
{
    const auto rows = rowsOfImages("busybox:1.36, busybox:1.37,,alpine");
    ASSERT_TRUE(rows);
    ASSERT_EQ(rows.value().size(), 3u);
    EXPECT_EQ(rows.value()[1].image, "busybox:1.37");
    EXPECT_FALSE(rowsOfImages(" , "));
    const auto bad = rowsOfImages("busybox,UPPER CASE");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().message.rfind("--images: ", 0), 0u) << bad.error().message;
    std::string many;
    for (std::size_t i = 0; i <= kMaxBatchRows; ++i)
        many += "i" + std::to_string(i) + ",";
    const auto tooMany = rowsOfImages(many);
    ASSERT_FALSE(tooMany);
    EXPECT_NE(tooMany.error().message.find("at most 100"), std::string::npos);
}

TEST(BatchRecordingName, RowImageAndRunInAnyFileSystemsCharacters)
{
    EXPECT_EQ(batchRecordingName(2, 1, "127.0.0.1:5000/isolens/batch:b"),
              "02-127.0.0.1_5000_isolens_batch_b-run1.jsonl");
    EXPECT_EQ(batchRecordingName(12, 3, "mcr.microsoft.com/windows/nanoserver:ltsc2022"),
              "12-mcr.microsoft.com_windows_nanoserver_ltsc2022-run3.jsonl");
    EXPECT_EQ(batchRecordingName(1, 1, "caf\xc3\xa9"), "01-caf__-run1.jsonl");
    EXPECT_EQ(batchRecordingName(1, 1, std::string(100, 'a')), "01-" + std::string(60, 'a') + "-run1.jsonl");
    EXPECT_EQ(batchFolderName(0).rfind("isolens-batch-19", 0), 0u) << batchFolderName(0);
    EXPECT_EQ(batchFolderName(0).size(), std::string("isolens-batch-19700101-000000").size());
}
