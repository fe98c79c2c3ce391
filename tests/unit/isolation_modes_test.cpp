#include "isolens/core/session/isolation_modes.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(IsolationModes, WindowsComparesIsolationLinuxComparesRuntimes)
{
    EngineInfo windows;
    windows.osType = "windows";
    const auto windowsModes = availableModes(windows);
    ASSERT_EQ(windowsModes.modes.size(), 2u);
    EXPECT_EQ(windowsModes.modes[0].isolation, "hyperv");
    EXPECT_EQ(windowsModes.modes[1].isolation, "process");

    EngineInfo linux;
    linux.osType = "linux";
    linux.runtimes = {"io.containerd.runc.v2", "io.containerd.runtime.v1.linux", "kata", "runc"};
    const auto linuxModes = availableModes(linux, ClientPlatform::Linux);
    ASSERT_EQ(linuxModes.modes.size(), 2u);
    EXPECT_EQ(linuxModes.modes[0].runtime, "kata");
    EXPECT_EQ(linuxModes.modes[1].runtime, "runc");
    EXPECT_TRUE(linuxModes.reason.empty());

    linux.runtimes = {"io.containerd.runc.v2", "runc"};
    const auto one = availableModes(linux, ClientPlatform::Linux);
    EXPECT_EQ(one.modes.size(), 1u);
    EXPECT_NE(one.reason.find("register a second runtime"), std::string::npos);
}

TEST(IsolationModes, TheHyperVSideIsExplicitOrTheWindowsDefault)
{
    EngineInfo windows;
    windows.osType = "windows";
    windows.defaultIsolation = "process";
    const std::array<IsolationMode, 2> explicitModes{{{"Hyper-V", "hyperv", ""}, {"process", "process", ""}}};
    EXPECT_EQ(hyperVModeLabel(explicitModes, windows), "Hyper-V");
    const std::array<IsolationMode, 2> byDefault{{{"a", "", ""}, {"b", "process", ""}}};
    EXPECT_EQ(hyperVModeLabel(byDefault, windows), "");
    windows.defaultIsolation = "hyperv";
    EXPECT_EQ(hyperVModeLabel(byDefault, windows), "a");

    EngineInfo linux;
    linux.osType = "linux";
    EXPECT_EQ(hyperVModeLabel(explicitModes, linux), "") << "a Linux engine has no Hyper-V";
}

TEST(IsolationModes, AModeIsNamedByItsLabelIsolationOrRuntime)
{
    EngineInfo windows;
    windows.osType = "windows";
    const auto offered = availableModes(windows);
    EXPECT_EQ(findMode(offered, windows, "Hyper-V").value(), 0u);
    EXPECT_EQ(findMode(offered, windows, "hyperv").value(), 0u);
    EXPECT_EQ(findMode(offered, windows, "process").value(), 1u);
    auto missing = findMode(offered, windows, "kata");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().message, "This windows engine has no mode 'kata'; it offers: Hyper-V, process");
}

struct DockerDesktopCase {
    const char* what;
    const char* operatingSystem;
    const char* kernelVersion;
    std::vector<std::string> runtimes;
    ClientPlatform client;
    bool toldToSwitch;
    std::size_t modes;
};

class DockerDesktopLinuxMode : public testing::TestWithParam<DockerDesktopCase> {};

// Docker Desktop's default is its Linux engine; on a Windows PC the way to Hyper-V against process
// isolation is its switch to Windows containers, not a second runtime in daemon.json.
TEST_P(DockerDesktopLinuxMode, IsToldToSwitchToWindowsContainersOnlyWhereItCan)
{
    const auto& c = GetParam();
    EngineInfo engine;
    engine.osType = "linux";
    engine.operatingSystem = c.operatingSystem;
    engine.kernelVersion = c.kernelVersion;
    engine.runtimes = c.runtimes;
    const auto choices = availableModes(engine, c.client);
    EXPECT_EQ(choices.modes.size(), c.modes) << c.what;
    EXPECT_EQ(choices.reason.find("Switch to Windows containers") != std::string::npos, c.toldToSwitch)
        << c.what << ": " << choices.reason;
    EXPECT_EQ(choices.reason.find("-SwitchWindowsEngine") != std::string::npos, c.toldToSwitch) << c.what;
    EXPECT_EQ(choices.reason.find("register a second runtime") != std::string::npos,
              !c.toldToSwitch && c.modes < 2)
        << c.what << ": " << choices.reason;
    EXPECT_EQ(choices.reason.empty(), !c.toldToSwitch && c.modes >= 2) << c.what;
}

INSTANTIATE_TEST_SUITE_P(
    Engines, DockerDesktopLinuxMode,
    testing::Values(DockerDesktopCase{"Docker Desktop, WSL 2, from a Windows IsoLens",
                                      "Docker Desktop",
                                      "5.15.153.1-microsoft-standard-WSL2",
                                      {"io.containerd.runc.v2", "runc"},
                                      ClientPlatform::Windows,
                                      true,
                                      1},
                    DockerDesktopCase{"Docker Desktop, Hyper-V back end, from a Windows IsoLens",
                                      "Docker Desktop",
                                      "6.10.14-linuxkit",
                                      {"io.containerd.runc.v2", "runc"},
                                      ClientPlatform::Windows,
                                      true,
                                      1},
                    DockerDesktopCase{"Docker Desktop, WSL 2, from IsoLens inside WSL",
                                      "Docker Desktop",
                                      "5.15.153.1-microsoft-standard-WSL2",
                                      {"runc"},
                                      ClientPlatform::Linux,
                                      true,
                                      1},
                    DockerDesktopCase{"Docker Desktop on a Mac: no Windows containers there",
                                      "Docker Desktop",
                                      "6.10.14-linuxkit",
                                      {"runc"},
                                      ClientPlatform::Linux,
                                      false,
                                      1},
                    DockerDesktopCase{"a Linux server with one runtime",
                                      "Debian GNU/Linux 12 (bookworm)",
                                      "6.1.0-18-amd64",
                                      {"io.containerd.runc.v2", "runc"},
                                      ClientPlatform::Linux,
                                      false,
                                      1},
                    DockerDesktopCase{"a Linux server with two runtimes",
                                      "Debian GNU/Linux 12 (bookworm)",
                                      "6.1.0-18-amd64",
                                      {"kata", "runc"},
                                      ClientPlatform::Linux,
                                      false,
                                      2},
                    DockerDesktopCase{"a Linux engine with two runtimes, from a Windows IsoLens",
                                      "Docker Desktop",
                                      "5.15.153.1-microsoft-standard-WSL2",
                                      {"kata", "runc"},
                                      ClientPlatform::Windows,
                                      true,
                                      2}));

TEST(IsolationModes, AWindowsEngineIsNeverToldToSwitch)
{
    EngineInfo windows;
    windows.osType = "windows";
    windows.operatingSystem = "Docker Desktop";
    for (const auto client : {ClientPlatform::Windows, ClientPlatform::Linux}) {
        EXPECT_FALSE(isSwitchableToWindowsContainers(windows, client));
        EXPECT_TRUE(availableModes(windows, client).reason.empty());
    }
}
