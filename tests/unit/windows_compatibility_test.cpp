#include "isolens/core/host/host_os.hpp"
#include "isolens/core/session/windows_compatibility.hpp"

#include <gtest/gtest.h>

using namespace isolens::windows;

TEST(WindowsBuilds, TagsAndVersionsNameBuilds)
{
    const std::pair<const char*, std::optional<unsigned>> cases[] = {{"ltsc2019", 17763},
                                                                     {"LTSC2019", 17763},
                                                                     {"1809", 17763},
                                                                     {"2004", 19041},
                                                                     {"20H2", 19042},
                                                                     {"ltsc2022", 20348},
                                                                     {"ltsc2025", 26100},
                                                                     {"ltsc2022-amd64", 20348},
                                                                     {"10.0.17763.5458", 17763},
                                                                     {"10.0.20348.2113-amd64", 20348},
                                                                     {"latest", std::nullopt},
                                                                     {"ltsc20222", std::nullopt},
                                                                     {"", std::nullopt},
                                                                     {"10.0.x", std::nullopt}};
    for (const auto& [tag, build] : cases)
        EXPECT_EQ(buildOfTag(tag), build) << tag;
}

TEST(WindowsBuilds, ParsesBuildArgumentsAndKernelVersions)
{
    EXPECT_EQ(parseBuild("20348")->number, 20348u);
    EXPECT_FALSE(parseBuild("20348")->revision);
    EXPECT_EQ(parseBuild("20348.2113")->revision, 2113u);
    EXPECT_EQ(parseBuild("10.0.17763.5458")->number, 17763u);
    EXPECT_FALSE(parseBuild("abc"));
    EXPECT_FALSE(parseBuild("12"));
    EXPECT_FALSE(parseBuild("20348.x"));
    EXPECT_EQ(buildFromKernelVersion("10.0 20348 (20348.1.amd64fre.fe_release.210507-1500)"), 20348u);
    EXPECT_EQ(buildFromKernelVersion("10.0 19042 (19041.1.amd64fre.vb_release.191206-1406)"), 19042u);
    EXPECT_FALSE(buildFromKernelVersion("6.18.44-fc-v509"));
}

struct MatrixCase {
    unsigned host;
    unsigned image;
    Verdict process;
    Verdict hyperv;
};

constexpr auto kOk = Verdict::Ok;
constexpr auto kMismatch = Verdict::OsMismatch;
constexpr auto kNoManifest = Verdict::NoMatchingManifest;

// The compatibility rule over the hosts and images of REFERENCE.md §3.
TEST(WindowsCompatibility, VerdictMatrix)
{
    const MatrixCase cases[] = {
        // Server 2019 host: process needs exactly 17763; anything newer cannot be pulled.
        {17763, 17763, kOk, kOk},
        {17763, 19041, kNoManifest, kNoManifest},
        {17763, 20348, kNoManifest, kNoManifest},
        {17763, 26100, kNoManifest, kNoManifest},
        // Windows 10 2004 / 20H2: exact match only for process isolation.
        {19041, 17763, kMismatch, kOk},
        {19041, 19041, kOk, kOk},
        {19041, 19042, kNoManifest, kNoManifest},
        {19042, 19041, kMismatch, kOk},
        {19042, 19042, kOk, kOk},
        // Windows 10 22H2: no image matches its build, so Hyper-V only.
        {19045, 17763, kMismatch, kOk},
        {19045, 19042, kMismatch, kOk},
        {19045, 20348, kNoManifest, kNoManifest},
        // Server 2022: from 20348 on the range rule applies.
        {20348, 17763, kMismatch, kOk},
        {20348, 19042, kMismatch, kOk},
        {20348, 20348, kOk, kOk},
        {20348, 26100, kNoManifest, kNoManifest},
        // Windows 11 and Server 23H2 run ltsc2022 images in process isolation.
        {22000, 20348, kOk, kOk},
        {22621, 20348, kOk, kOk},
        {22621, 17763, kMismatch, kOk},
        {25398, 20348, kOk, kOk},
        // Server 2025: 20348 is still the last LTSC strictly below it.
        {26100, 20348, kOk, kOk},
        {26100, 26100, kOk, kOk},
        {26100, 17763, kMismatch, kOk},
        // A later host: the window starts at 26100.
        {26200, 26100, kOk, kOk},
        {26200, 20348, kMismatch, kOk},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(predict("process", c.host, c.image), c.process)
            << "host " << c.host << " image " << c.image;
        EXPECT_EQ(predict("hyperv", c.host, c.image), c.hyperv) << "host " << c.host << " image " << c.image;
    }
}

TEST(WindowsCompatibility, ExpectedMessagesQuoteTheEngine)
{
    EXPECT_NE(expectedMessage(kMismatch, 20348, 17763)
                  .find("The container operating system does not match the "
                        "host operating system"),
              std::string::npos);
    EXPECT_NE(expectedMessage(kNoManifest, 17763, 20348)
                  .find("no matching manifest for windows/amd64 10.0.17763 in the manifest list entries"),
              std::string::npos);
    EXPECT_EQ(expectedMessage(kOk, 1, 1), "");
}

TEST(WindowsCompatibility, SuggestsTheTagThatMatchesTheHost)
{
    const std::string servercore = "mcr.microsoft.com/windows/servercore";
    EXPECT_EQ(suggestTag(servercore, 17763, "process"), servercore + ":ltsc2019");
    EXPECT_EQ(suggestTag(servercore, 20348, "process"), servercore + ":ltsc2022");
    EXPECT_EQ(suggestTag(servercore, 22621, "process"), servercore + ":ltsc2022");
    EXPECT_EQ(suggestTag(servercore, 26100, "process"), servercore + ":ltsc2025");
    EXPECT_EQ(suggestTag(servercore, 19042, "process"), servercore + ":20H2");
    EXPECT_FALSE(suggestTag(servercore, 19045, "process")); // Hyper-V only
    EXPECT_EQ(suggestTag(servercore, 19045, "hyperv"), servercore + ":20H2");
    EXPECT_EQ(suggestTag("mcr.microsoft.com/windows/nanoserver", 17763, "process"),
              "mcr.microsoft.com/windows/nanoserver:1809");
    EXPECT_FALSE(suggestTag("mcr.microsoft.com/windows/server", 17763, "process"));
    EXPECT_EQ(suggestTag("mcr.microsoft.com/windows/server", 26100, "hyperv"),
              "mcr.microsoft.com/windows/server:ltsc2022");
    EXPECT_FALSE(suggestTag("docker.io/library/busybox", 20348, "process"));
    EXPECT_TRUE(isMicrosoftBaseImage("mcr.microsoft.com/windows/nanoserver"));
    EXPECT_FALSE(isMicrosoftBaseImage("example.com/windows/nanoserver"));
}

TEST(WindowsProductName, FromTheBuildAndTheProductType)
{
    struct Case {
        unsigned major;
        unsigned build;
        bool server;
        const char* expected;
    };
    const Case cases[] = {
        {10, 19045, false, "Windows 10"},         {10, 22000, false, "Windows 11"},
        {10, 22631, false, "Windows 11"},         {10, 26100, false, "Windows 11"},
        {10, 14393, true, "Windows Server 2016"}, {10, 17763, true, "Windows Server 2019"},
        {10, 20348, true, "Windows Server 2022"}, {10, 26100, true, "Windows Server 2025"},
        {10, 25398, true, "Windows Server"},      {6, 7601, false, ""},
    };
    for (const auto& c : cases)
        EXPECT_EQ(isolens::windowsProductName(c.major, c.build, c.server), c.expected)
            << c.build << (c.server ? " server" : " client");
}
