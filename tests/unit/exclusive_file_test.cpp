#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/platform/system_text.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <string>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

// A folder of its own for each test, removed with everything in it.
struct ScratchFolder {
    fs::path path =
        fs::temp_directory_path() / ("isolens-exclusive-" + std::to_string(std::random_device{}()));
    ScratchFolder() { fs::create_directories(path); }
    ~ScratchFolder()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// Binary, so the bytes are the same on Windows (no CR before each LF).
void writeFile(const fs::path& path, const std::string& text)
{
    std::ofstream(path, std::ios::binary) << text;
}

std::string contents(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

} // namespace

TEST(ExclusiveFile, AnExistingFileIsNeverOpenedNorTruncated)
{
    ScratchFolder folder;
    const auto path = folder.path / "export.csv";
    writeFile(path, "precious\n");
    auto file = ExclusiveFile::create(path, FileAccess::Readable);
    ASSERT_FALSE(file);
    EXPECT_NE(file.error().message.find(utf8FromPath(path)), std::string::npos) << file.error().message;
    EXPECT_FALSE(file.error().hint.empty());
    EXPECT_EQ(contents(path), "precious\n");
}

TEST(ExclusiveFile, IsRemovedUnlessKept)
{
    ScratchFolder folder;
    const auto dropped = folder.path / "dropped.csv";
    const auto kept = folder.path / "kept.csv";
    {
        auto a = ExclusiveFile::create(dropped, FileAccess::Readable);
        auto b = ExclusiveFile::create(kept, FileAccess::Readable);
        ASSERT_TRUE(a && b);
        ASSERT_TRUE(a.value().write("half"));
        ASSERT_TRUE(b.value().write("whole\n"));
        b.value().keep();
    }
    EXPECT_FALSE(fs::exists(dropped));
    EXPECT_EQ(contents(kept), "whole\n");
}

TEST(ExclusiveFile, NumberedTakesTheFirstFreeName)
{
    ScratchFolder folder;
    writeFile(folder.path / "session.jsonl", "one\n");
    writeFile(folder.path / "session-2.jsonl", "two\n");
    auto file = ExclusiveFile::createNumbered(folder.path / "session.jsonl", FileAccess::OwnerOnly);
    ASSERT_TRUE(file) << file.error().message;
    EXPECT_EQ(file.value().path(), folder.path / "session-3.jsonl");
    EXPECT_EQ(contents(folder.path / "session.jsonl"), "one\n");
    EXPECT_EQ(contents(folder.path / "session-2.jsonl"), "two\n");
}

TEST(ExclusiveFile, TemporaryNamesCannotBeGuessedAndGoOnFailure)
{
    ScratchFolder folder;
    fs::path first;
    fs::path second;
    {
        auto a = ExclusiveFile::createTemporary(folder.path, "isolens-compare-", ".jsonl");
        auto b = ExclusiveFile::createTemporary(folder.path, "isolens-compare-", ".jsonl");
        ASSERT_TRUE(a && b);
        first = a.value().path();
        second = b.value().path();
        EXPECT_TRUE(fs::exists(first));
        EXPECT_TRUE(fs::exists(second));
#ifndef _WIN32
        EXPECT_EQ(fs::status(first).permissions(), fs::perms::owner_read | fs::perms::owner_write);
#endif
    }
    EXPECT_NE(first, second);
    EXPECT_EQ(first.parent_path(), folder.path);
    const std::regex name("isolens-compare-[a-z0-9]{12}\\.jsonl");
    EXPECT_TRUE(std::regex_match(first.filename().string(), name)) << first;
    EXPECT_FALSE(fs::exists(first)) << "a temporary file not kept is removed";
    EXPECT_FALSE(fs::exists(second));
}

#ifndef _WIN32
TEST(ExclusiveFile, ADanglingSymlinkIsNeitherFollowedNorReplaced)
{
    ScratchFolder folder;
    const auto link = folder.path / "session.jsonl";
    const auto target = folder.path / "elsewhere";
    fs::create_symlink(target, link);
    EXPECT_FALSE(ExclusiveFile::create(link, FileAccess::OwnerOnly));
    EXPECT_FALSE(fs::exists(target));
    auto numbered = ExclusiveFile::createNumbered(link, FileAccess::OwnerOnly);
    ASSERT_TRUE(numbered);
    EXPECT_EQ(numbered.value().path(), folder.path / "session-2.jsonl");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_FALSE(fs::exists(target));
}

TEST(ExclusiveFile, NewFoldersAreTheUsersAlone)
{
    ScratchFolder folder;
    fs::permissions(folder.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
    const auto nested = folder.path / "IsoLens" / "recordings";
    ASSERT_TRUE(createPrivateDirectories(nested));
    EXPECT_EQ(fs::status(folder.path / "IsoLens").permissions(), fs::perms::owner_all);
    EXPECT_EQ(fs::status(nested).permissions(), fs::perms::owner_all);
    EXPECT_EQ(fs::status(folder.path).permissions(),
              fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec)
        << "a folder that was there is left as it was";
    EXPECT_TRUE(createPrivateDirectories(nested)) << "an existing folder is fine";
    writeFile(folder.path / "file", "x");
    EXPECT_FALSE(createPrivateDirectories(folder.path / "file"));
}
#endif
