// The dashboard's Remove leftovers removes the containers it showed, not whatever a new listing finds.
#include "dashboard_controller.hpp"
#include "private_engine.hpp"
#include "ui_test_support.hpp"

#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/platform/processes.hpp"
#include "isolens/core/session/pair_session.hpp"

#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <cstdio>
#include <random>

using namespace isolens;

namespace {

// Above any pid_max: no process has it, so its session counts as ended.
constexpr const char* kGonePid = "2147483646";

// A container as a killed pair on this machine leaves it, recorded in the user's ledger.
std::string leaveOrphan(EngineClient& client)
{
    char session[16];
    std::snprintf(session, sizeof session, "%08x", static_cast<unsigned>(std::random_device{}()));
    ContainerSpec spec;
    spec.name = pairContainerName(session, "runc");
    spec.image = privateEngine().testImage();
    spec.command = {"sleep", "600"};
    spec.labels = {{kSessionLabel, session},
                   {kModeLabel, "runc"},
                   {kOwnerPidLabel, kGonePid},
                   {kOwnerHostLabel, thisHostName()}};
    auto created = client.createContainer(spec);
    EXPECT_TRUE(created) << created.error().message;
    if (!created)
        return {};
    EXPECT_TRUE(
        ContainerLedger(ContainerLedger::defaultFile()).append({created.value().id, session, "runc", "", 0}));
    return created.value().id;
}

} // namespace

TEST(DashboardLeftovers, RemovesExactlyTheContainersItShowed)
{
    QTemporaryDir dataHome;
    ASSERT_TRUE(dataHome.isValid());
    const QByteArray saved = qgetenv("XDG_DATA_HOME");
    const bool wasSet = qEnvironmentVariableIsSet("XDG_DATA_HOME");
    qputenv("XDG_DATA_HOME", dataHome.path().toLocal8Bit());

    auto client = std::make_shared<EngineClient>(privateEngine().unixEndpoint());
    auto info = client->info();
    ASSERT_TRUE(info) << info.error().message;
    const auto shown = leaveOrphan(*client);
    ASSERT_FALSE(shown.empty());
    {
        DashboardController controller;
        int reports = 0;
        int lastCount = -1;
        QObject::connect(&controller, &DashboardController::leftoversFound, [&](int count, const QString&) {
            ++reports;
            lastCount = count;
        });
        controller.setEngine(client, info.value());
        controller.findLeftovers();
        ASSERT_TRUE(waitUntil([&] { return reports == 1; }, 10000));
        EXPECT_EQ(lastCount, 1);

        // Left after the list was shown: the user has not seen it, so it is not removed.
        const auto unseen = leaveOrphan(*client);
        controller.removeLeftovers();
        ASSERT_TRUE(waitUntil([&] { return reports == 2; }, 10000)) << "a new listing follows the removal";
        EXPECT_FALSE(client->inspectContainer(shown)) << "the shown leftover is removed";
        EXPECT_TRUE(client->inspectContainer(unseen)) << "the unseen one is kept";
        EXPECT_EQ(lastCount, 1) << "and shown now";
        (void)client->removeContainer(unseen, /*force=*/true);
        controller.clearEngine();
    }
    (void)client->removeContainer(shown, /*force=*/true);
    if (wasSet)
        qputenv("XDG_DATA_HOME", saved);
    else
        qunsetenv("XDG_DATA_HOME");
}
