#include "isolens/core/platform/system_text.hpp"

#include "non_ascii_folder.hpp"
#include "scoped_environment.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <vector>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

struct PathRow {
    std::string utf8;
    fs::path::string_type native; // what the system is given
};

#ifdef _WIN32
const std::vector<PathRow> kPaths{
    {"", L""},
    {"recording.jsonl", L"recording.jsonl"},
    {"C:\\Users\\Jos\xc3\xa9\\.docker\\config.json", L"C:\\Users\\Jos\u00e9\\.docker\\config.json"},
    {"D:/\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88/run 1.jsonl", L"D:/\u30c6\u30b9\u30c8/run 1.jsonl"},
    {"\xf0\x9f\x98\x80.csv", L"\xd83d\xde00.csv"},
    {"bad\xff.png", L"bad\ufffd.png"}, // not UTF-8: the byte becomes U+FFFD, never a throw
};
#else
const std::vector<PathRow> kPaths{
    {"", ""},
    {"recording.jsonl", "recording.jsonl"},
    {"/home/Jos\xc3\xa9/.docker/config.json", "/home/Jos\xc3\xa9/.docker/config.json"},
    {"/tmp/\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88/run 1.jsonl",
     "/tmp/\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88/run 1.jsonl"},
    {"bad\xff.png", "bad\xff.png"}, // a POSIX name is bytes: kept as they are
};
#endif

} // namespace

TEST(SystemText, PathsFromUtf8AreWhatTheSystemIsGiven)
{
    for (const auto& row : kPaths)
        EXPECT_TRUE(pathFromUtf8(row.utf8).native() == row.native) << row.utf8;
}

TEST(SystemText, PathsAsUtf8ComeBackAsTheyWent)
{
    for (const auto& row : kPaths) {
        if (row.utf8.find('\xff') != std::string::npos)
            continue; // not UTF-8 to begin with
        EXPECT_EQ(utf8FromPath(pathFromUtf8(row.utf8)), row.utf8);
        EXPECT_EQ(utf8FromPath(fs::path(row.native)), row.utf8);
    }
}

#ifdef _WIN32
TEST(SystemText, APathWithAnUnpairedSurrogateIsStillText)
{
    // NTFS allows such names; they are shown with U+FFFD instead of throwing as path::string() does.
    EXPECT_EQ(utf8FromPath(fs::path(std::wstring{L'a', wchar_t(0xD800), L'b'})), "a\xef\xbf\xbd"
                                                                                 "b");
}
#endif

TEST(SystemText, AFileNamedOutsideAsciiIsCreatedListedAndReadUnderThatName)
{
    NonAsciiFolder folder;
    const std::string name = "donn\xc3\xa9"
                             "es-\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88.txt";
    std::ofstream(pathFromUtf8(folder.utf8()) / pathFromUtf8(name), std::ios::binary) << "contents";
    std::vector<std::string> listed;
    for (const auto& entry : fs::directory_iterator(folder.path()))
        listed.push_back(utf8FromPath(entry.path().filename()));
    EXPECT_EQ(listed, std::vector<std::string>{name});
    std::ifstream in(folder.path() / pathFromUtf8(name), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_EQ(text.str(), "contents");
}

TEST(SystemText, EnvironmentVariablesAreReadAsUtf8)
{
    const std::string value = "C:\\Users\\Jos\xc3\xa9-\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88";
    {
        ScopedEnvironment set("ISOLENS_TEST_VARIABLE", value);
        EXPECT_EQ(environmentVariable("ISOLENS_TEST_VARIABLE"), value);
        EXPECT_EQ(environmentPath("ISOLENS_TEST_VARIABLE"), pathFromUtf8(value));
    }
    EXPECT_EQ(environmentVariable("ISOLENS_TEST_VARIABLE"), std::nullopt) << "put back as it was: unset";
    EXPECT_EQ(environmentPath("ISOLENS_TEST_VARIABLE"), std::nullopt);
}

TEST(SystemText, ALongValueIsReadWhole)
{
    std::string value;
    for (int i = 0; i < 100; ++i)
        value += "\xc3\xa9\xe3\x83\x86"; // é テ: 300 UTF-16 units, more than a first guess holds
    ScopedEnvironment set("ISOLENS_TEST_VARIABLE", value);
    EXPECT_EQ(environmentVariable("ISOLENS_TEST_VARIABLE"), value);
}

TEST(SystemText, AnEmptyVariableIsSetButNamesNoFolder)
{
    ScopedEnvironment set("ISOLENS_TEST_VARIABLE", "");
    EXPECT_EQ(environmentVariable("ISOLENS_TEST_VARIABLE"), "");
    EXPECT_EQ(environmentPath("ISOLENS_TEST_VARIABLE"), std::nullopt);
}

TEST(SystemText, TheArgumentsAreThoseOfThisProgram)
{
    const auto& real = ::testing::internal::GetArgvs(); // as the test was started; ASCII here
    std::vector<char*> argv;
    std::vector<std::string> copies(real.begin(), real.end());
    for (auto& argument : copies)
        argv.push_back(argument.data());
    const auto arguments = commandLineArguments(static_cast<int>(argv.size()), argv.data());
    ASSERT_EQ(arguments.size(), real.size());
    for (std::size_t i = 1; i < real.size(); ++i)
        EXPECT_EQ(arguments[i], real[i]);
}
