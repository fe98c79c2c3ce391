#include "isolens/core/session/container_ledger.hpp"

#include "non_ascii_folder.hpp"
#include "scoped_environment.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

struct TemporaryFolder {
    fs::path path = fs::temp_directory_path() / ("isolens-ledger-" + std::to_string(std::random_device{}()));
    ~TemporaryFolder() { fs::remove_all(path); }
};

} // namespace

TEST(ContainerLedger, RecordsWhatWasCreatedAndReadsItBack)
{
    TemporaryFolder folder;
    const ContainerLedger ledger(folder.path / "IsoLens" / "created-containers.jsonl");
    ASSERT_TRUE(ledger.ids());
    EXPECT_TRUE(ledger.ids().value().empty()) << "nothing recorded yet is not an error";
    ASSERT_TRUE(ledger.append({"aaa", "1a2b3c4d", "runc", "unix:///run/docker.sock", 1}));
    ASSERT_TRUE(ledger.append({"bbb", "1a2b3c4d", "runsc", "unix:///run/docker.sock", 2}));
    {
        std::ofstream torn(ledger.file(), std::ios::app);
        torn << "{\"id\":\"cc"; // a crash in the middle of a line proves nothing
    }
    auto ids = ledger.ids();
    ASSERT_TRUE(ids) << ids.error().message;
    EXPECT_EQ(ids.value(), (std::set<std::string>{"aaa", "bbb"}));
}

#ifndef _WIN32
TEST(ContainerLedger, IsTheUsersAloneAndRefusedWhenOthersMayWriteIt)
{
    TemporaryFolder folder;
    const ContainerLedger ledger(folder.path / "IsoLens" / "created-containers.jsonl");
    ASSERT_TRUE(ledger.append({"aaa", "1a2b3c4d", "runc", "", 1}));
    EXPECT_EQ(fs::status(ledger.file()).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_EQ(fs::status(ledger.file().parent_path()).permissions() & fs::perms::all, fs::perms::owner_all);

    // A umask of 002 leaves a folder made elsewhere group-writable: it is made the user's alone.
    fs::permissions(ledger.file().parent_path(), fs::perms::group_write, fs::perm_options::add);
    ASSERT_TRUE(ledger.ids());
    EXPECT_EQ(fs::status(ledger.file().parent_path()).permissions() & fs::perms::group_write,
              fs::perms::none);

    fs::permissions(ledger.file(), fs::perms::others_write, fs::perm_options::add);
    auto ids = ledger.ids();
    ASSERT_FALSE(ids);
    EXPECT_NE(ids.error().message.find("not yours alone"), std::string::npos);
    EXPECT_FALSE(ids.error().hint.empty());
    EXPECT_FALSE(ledger.append({"bbb", "1a2b3c4d", "runc", "", 2}));
}

TEST(ContainerLedger, DefaultsToTheUsersDataFolder)
{
    const char* saved = std::getenv("XDG_DATA_HOME");
    const std::string previous = saved ? saved : "";
    setenv("XDG_DATA_HOME", "/data/of/user", 1);
    EXPECT_EQ(ContainerLedger::defaultFile(), fs::path("/data/of/user/IsoLens/created-containers.jsonl"));
    if (saved)
        setenv("XDG_DATA_HOME", previous.c_str(), 1);
    else
        unsetenv("XDG_DATA_HOME");
}
#endif

// The user's data folder named outside ASCII (%APPDATA% of a user named José on Windows): the ledger is
// found, written and read there.
TEST(ContainerLedger, LivesInADataFolderNamedOutsideAscii)
{
    NonAsciiFolder data;
#ifdef _WIN32
    ScopedEnvironment folder("APPDATA", data.utf8());
#else
    ScopedEnvironment folder("XDG_DATA_HOME", data.utf8());
#endif
    const ContainerLedger ledger(ContainerLedger::defaultFile());
    EXPECT_EQ(ledger.file(), data.path() / "IsoLens" / "created-containers.jsonl");
    ASSERT_TRUE(ledger.append({"aaa", "1a2b3c4d", "runc", "", 1}));
    auto ids = ledger.ids();
    ASSERT_TRUE(ids) << ids.error().message;
    EXPECT_EQ(ids.value(), std::set<std::string>{"aaa"});
    EXPECT_TRUE(fs::is_regular_file(data.path() / "IsoLens" / "created-containers.jsonl"));
}
