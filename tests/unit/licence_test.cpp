#include "isolens/core/base/licence.hpp"

#ifdef ISOLENS_CLI_PATH
#include "run_command.hpp"
#endif

#include <gtest/gtest.h>

using namespace isolens;

TEST(Licence, TheVersionStatementNamesTheProgramThenTheLicence)
{
    const auto text = versionStatement("isolens-cli");
    EXPECT_EQ(text.substr(0, text.find('\n')), std::string("isolens-cli ") + kIsoLensVersion);
    EXPECT_NE(text.find("GPL-3.0-or-later"), std::string::npos) << text;
    EXPECT_NE(text.find("ABSOLUTELY NO WARRANTY"), std::string::npos) << text;
    EXPECT_NE(kLicenceStatement.find(kLicenceId), std::string_view::npos);
    EXPECT_NE(kLicenceStatement.find(kLicenceUrl), std::string_view::npos);
}

#ifdef ISOLENS_CLI_PATH
TEST(Licence, CliVersionNamesTheLicence)
{
    const auto run = runCommand(std::string(ISOLENS_CLI_PATH) + " --version");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_EQ(run.output.substr(0, run.output.find('\n')), std::string("isolens-cli ") + kIsoLensVersion);
    EXPECT_NE(run.output.find("Licence GPL-3.0-or-later"), std::string::npos) << run.output;
    EXPECT_NE(run.output.find("ABSOLUTELY NO WARRANTY"), std::string::npos) << run.output;
}
#endif
