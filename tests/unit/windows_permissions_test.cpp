#include "isolens/core/platform/windows_permissions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace isolens;

namespace {

struct HintCase {
    WindowsEngineProduct product;
    Elevation elevation;
    std::vector<std::string> says;
    std::vector<std::string> saysNot;
};

} // namespace

class PipeAccessHint : public testing::TestWithParam<HintCase> {};

// Docker Desktop admits docker-users (joining takes a new sign-in); the Windows Server service admits
// administrators, or the group named in daemon.json; refused as an administrator, neither helps.
TEST_P(PipeAccessHint, IsWordedForTheDockerThatServesThePipe)
{
    const auto& c = GetParam();
    const auto hint = pipeAccessHint(c.product, c.elevation);
    for (const auto& word : c.says)
        EXPECT_NE(hint.find(word), std::string::npos) << "'" << word << "' missing from: " << hint;
    for (const auto& word : c.saysNot)
        EXPECT_EQ(hint.find(word), std::string::npos) << "'" << word << "' should not be in: " << hint;
}

INSTANTIATE_TEST_SUITE_P(Windows, PipeAccessHint,
                         testing::Values(HintCase{WindowsEngineProduct::DockerDesktop,
                                                  Elevation::NotElevated,
                                                  {"docker-users", "sign out"},
                                                  {"Run as administrator", "daemon.json"}},
                                         HintCase{WindowsEngineProduct::DockerEngineService,
                                                  Elevation::NotElevated,
                                                  {"administrators only", "Run as administrator", "\"group\"",
                                                   "daemon.json", "Restart-Service docker"},
                                                  {"sign out"}},
                                         HintCase{WindowsEngineProduct::Unknown,
                                                  Elevation::NotElevated,
                                                  {"Docker Desktop", "docker-users", "Docker service",
                                                   "Run as administrator"},
                                                  {}},
                                         HintCase{WindowsEngineProduct::DockerEngineService,
                                                  Elevation::Unknown,
                                                  {"Run as administrator", "daemon.json"},
                                                  {}},
                                         HintCase{WindowsEngineProduct::DockerDesktop,
                                                  Elevation::Elevated,
                                                  {"even administrator rights", "restart"},
                                                  {"Run as administrator", "docker-users"}},
                                         HintCase{WindowsEngineProduct::DockerEngineService,
                                                  Elevation::Elevated,
                                                  {"even administrator rights", "Restart-Service docker"},
                                                  {"Run as administrator"}}));

TEST(DeniedProcesses, AnAdministratorIsNotToldToRunAsAdministrator)
{
    EXPECT_NE(deniedProcessesReason(Elevation::NotElevated).find("run IsoLens as an administrator"),
              std::string::npos);
    EXPECT_NE(deniedProcessesReason(Elevation::Unknown).find("run IsoLens as an administrator"),
              std::string::npos);
    const auto elevated = deniedProcessesReason(Elevation::Elevated);
    EXPECT_EQ(elevated.find("run IsoLens as an administrator"), std::string::npos) << elevated;
    EXPECT_NE(elevated.find("protected"), std::string::npos) << elevated;
}
