#include "private_engine.hpp"
#include "run_command.hpp"

#include "isolens/core/platform/processes.hpp"
#include "isolens/core/session/pair_session.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <random>

using namespace isolens;

namespace {

// Above any pid_max: no process has it, so its session counts as ended.
constexpr const char* kGonePid = "2147483646";

std::string dockerHost()
{
    return privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
}

std::string cli()
{
    return std::string(ISOLENS_CLI_PATH) + " --host " + dockerHost();
}

std::string docker()
{
    return "docker -H " + dockerHost();
}

// A session as IsoLens draws one: eight hex digits.
std::string randomSession()
{
    char session[16];
    std::snprintf(session, sizeof session, "%08x", static_cast<unsigned>(std::random_device{}()));
    return session;
}

bool containerExists(const std::string& name)
{
    return runCommand(docker() + " container inspect " + name + " >/dev/null").exitCode == 0;
}

// The orphans' JSON entries of a cleanup run whose session is the given one.
std::vector<nlohmann::json> listedFor(const CommandRun& run, const std::string& session)
{
    std::vector<nlohmann::json> entries;
    const auto parsed = nlohmann::json::parse(run.output.substr(run.output.find('{')));
    for (const auto& orphan : parsed["orphans"])
        if (orphan["session"] == session)
            entries.push_back(orphan);
    return entries;
}

} // namespace

// An image that carries IsoLens' labels passes them to every container run from it (a database,
// say): such a container, and its anonymous volume, are not IsoLens' to remove, even when named
// as IsoLens names its own.
TEST(Cleanup, AContainerWhoseLabelsComeFromItsImageSurvivesCleanup)
{
    const auto session = randomSession();
    const auto tag = "isolens-test-labelled:" + session;
    const auto build = runCommand(
        "printf 'FROM " + privateEngine().testImage() + "\\nLABEL " + kSessionLabel + "=" + session + " " +
        kOwnerHostLabel + "=" + thisHostName() + " " + kOwnerPidLabel + "=" + kGonePid + " " + kModeLabel +
        "=runc\\nVOLUME /data\\n' | DOCKER_BUILDKIT=0 " + docker() + " build -q -t " + tag + " -");
    ASSERT_EQ(build.exitCode, 0) << build.output;
    const auto name = "isolens-" + session + "-runc";
    const auto run = runCommand(docker() + " run -d --name " + name + " " + tag + " sleep 600");
    ASSERT_EQ(run.exitCode, 0) << run.output;
    const auto volume =
        runCommand(docker() + " container inspect -f '{{range .Mounts}}{{.Name}}{{end}}' " + name);
    ASSERT_EQ(volume.exitCode, 0) << volume.output;
    const auto volumeName = volume.output.substr(0, volume.output.find('\n'));
    ASSERT_FALSE(volumeName.empty());

    const auto cleanup = runCommand(cli() + " cleanup --yes --json");
    EXPECT_EQ(cleanup.exitCode, 0) << cleanup.output;
    EXPECT_TRUE(listedFor(cleanup, session).empty()) << cleanup.output;
    EXPECT_TRUE(containerExists(name)) << cleanup.output;
    EXPECT_EQ(runCommand(docker() + " volume inspect " + volumeName + " >/dev/null").exitCode, 0)
        << "cleanup must never remove volumes";

    (void)runCommand(docker() + " rm -f -v " + name);
    (void)runCommand(docker() + " rmi " + tag);
}

// A pair that another machine started on a shared engine is listed, and removed only when asked
// for explicitly.
TEST(Cleanup, AnotherHostsContainerIsListedButRemovedOnlyWithItsFlag)
{
    const auto session = randomSession();
    auto client = privateEngine().client();
    ContainerSpec spec;
    spec.name = "isolens-" + session + "-runc";
    spec.image = privateEngine().testImage();
    spec.command = {"sleep", "600"};
    spec.labels = {{kSessionLabel, session},
                   {kModeLabel, "runc"},
                   {kOwnerPidLabel, kGonePid},
                   {kOwnerHostLabel, "another-machine-" + session}};
    auto created = client.createContainer(spec);
    ASSERT_TRUE(created) << created.error().message;

    const auto kept = runCommand(cli() + " cleanup --yes --json");
    EXPECT_EQ(kept.exitCode, 0) << kept.output;
    const auto listed = listedFor(kept, session);
    ASSERT_EQ(listed.size(), 1u) << kept.output;
    EXPECT_EQ(listed[0].value("verdict", ""), "other-host");
    EXPECT_NE(listed[0].value("action", "").find("--include-other-hosts"), std::string::npos);
    EXPECT_TRUE(containerExists(spec.name));

    const auto removed = runCommand(cli() + " cleanup --yes --include-other-hosts --json");
    EXPECT_EQ(removed.exitCode, 0) << removed.output;
    const auto action = listedFor(removed, session);
    ASSERT_EQ(action.size(), 1u) << removed.output;
    EXPECT_EQ(action[0].value("action", ""), "removed");
    EXPECT_FALSE(containerExists(spec.name));
    (void)client.removeContainer(created.value().id, /*force=*/true);
}
