#include "run_command.hpp"

#include <gtest/gtest.h>

#include <string>

// isolens-cli compare's hardening options, before any engine is asked: the address below answers
// nothing, so a value taken by mistake ends in "Cannot connect" (exit 1), not in a usage error.
namespace {

CommandRun compare(const std::string& arguments)
{
    return runCommand(std::string(ISOLENS_CLI_PATH) +
                      " --host unix:///nonexistent/isolens.sock compare --image busybox " + arguments);
}

} // namespace

TEST(CompareHardeningOptions, BadValuesAreUsageErrorsThatNameTheOption)
{
    struct Case {
        const char* arguments;
        const char* message;
    };
    const Case cases[] = {
        {"--pids-limit abc", "--pids-limit takes a whole number of processes, not 'abc'"},
        {"--pids-limit 12x", "--pids-limit takes a whole number of processes, not '12x'"},
        {"--pids-limit ''", "--pids-limit takes a whole number of processes, not ''"},
        {"--pids-limit 0", "--pids-limit must be between 1 and 4194304, not 0"},
        {"--pids-limit -1", "--pids-limit must be between 1 and 4194304, not -1"},
        {"--pids-limit 4194305", "--pids-limit must be between 1 and 4194304, not 4194305"},
        {"--hardened --pids-limit 0", "--pids-limit must be between 1 and 4194304, not 0"},
        {"--network host", "--network takes only none"},
        {"--network bridge", "--network takes only none"},
        {"--hardened --groups a=b,c", "Hardening applies to the pair IsoLens starts, not to --groups"},
    };
    for (const auto& c : cases) {
        const auto run = compare(c.arguments);
        EXPECT_EQ(run.exitCode, 2) << c.arguments << "\n" << run.output;
        EXPECT_NE(run.output.find(std::string("isolens-cli: error: ") + c.message), std::string::npos)
            << c.arguments << "\n"
            << run.output;
    }
}

TEST(CompareHardeningOptions, GoodValuesGoOnToTheEngine)
{
    for (const char* arguments :
         {"--hardened", "--network none", "--pids-limit 1", "--pids-limit 4194304", "--no-new-privileges",
          "--hardened --pids-limit 64 --network none --no-new-privileges"}) {
        const auto run = compare(arguments);
        EXPECT_EQ(run.exitCode, 1) << arguments << "\n" << run.output;
        EXPECT_NE(run.output.find("Cannot connect to the Docker engine"), std::string::npos)
            << arguments << "\n"
            << run.output;
    }
}

TEST(CompareHardeningOptions, HelpSaysTheyChangeWhatIsMeasured)
{
    const auto run = runCommand(std::string(ISOLENS_CLI_PATH) + " compare --help");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    EXPECT_NE(run.output.find("Hardening (both containers alike; each CHANGES WHAT IS MEASURED)"),
              std::string::npos)
        << run.output;
    for (const char* option : {"--hardened", "--network none", "--pids-limit N", "--no-new-privileges"})
        EXPECT_NE(run.output.find(option), std::string::npos) << option;
    EXPECT_NE(run.output.find("--pids-limit 256"), std::string::npos) << "the default limit is named";
}
