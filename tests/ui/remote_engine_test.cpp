// An engine on another machine: this PC's host figures, VM workers and process list are not its, so the
// dashboard neither samples them for it nor shows them as if they were; a local engine gets them.
#include "dashboard_controller.hpp"
#include "dashboard_view.hpp"
#include "process_view.hpp"
#include "ui_test_support.hpp"

#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/engine_facts.hpp"
#include "isolens/core/host/host_series.hpp"
#include "isolens/core/series/series_store.hpp"

#include <gtest/gtest.h>

#include <QLabel>
#include <QTest>

#include <algorithm>

namespace {

// The window as the probe leaves it once an engine at `url` has answered (nothing listens there: the
// test looks at what the window does with the engine's place, not at the engine).
void connectAs(MainWindow& window, const char* url)
{
    window.show();
    ASSERT_TRUE(waitForProbe(window)); // the unreachable engine it was opened with
    auto endpoint = isolens::parseHostUrl(url);
    ASSERT_TRUE(endpoint) << endpoint.error().message;
    isolens::EngineFacts facts;
    facts.info.osType = "windows";
    facts.info.defaultIsolation = "hyperv";
    facts.version.version = "29.1.0";
    emit window.engineProbe()->factsReady(QString::fromLatin1(url) + QStringLiteral(" (from --host)"), facts,
                                          {}, std::make_shared<isolens::EngineClient>(endpoint.value()));
    ASSERT_TRUE(window.isShowingDashboard());
}

bool hasHostFigures(const MainWindow& window)
{
    const auto keys = window.controller()->store()->keys();
    return std::find(keys.begin(), keys.end(), isolens::kHostSeries) != keys.end();
}

QString hostNotes(const MainWindow& window)
{
    auto* notes = window.findChild<QLabel*>(QStringLiteral("hostNotes"));
    return notes ? notes->text() : QString();
}

} // namespace

TEST(RemoteEngine, ItsHostIsNotSampledAndTheHostViewsSaySo)
{
    MainWindow window(unreachableEndpoint());
    ASSERT_NO_FATAL_FAILURE(connectAs(window, "tcp://build-agent-7.invalid:2376"));

    EXPECT_TRUE(hostNotes(window).contains(QStringLiteral("another machine")))
        << hostNotes(window).toStdString();
    const auto note = window.dashboard()->processes()->note();
    EXPECT_TRUE(note.contains(QStringLiteral("tcp://build-agent-7.invalid:2376"))) << note.toStdString();
    EXPECT_TRUE(note.contains(QStringLiteral("Run IsoLens on the engine's host"))) << note.toStdString();
    QTest::qWait(2500); // the host sampler, were it running, samples every second
    EXPECT_FALSE(hasHostFigures(window)) << "this PC's figures were recorded as the remote engine's host's";
}

TEST(RemoteEngine, ALocalEngineGetsTheHostFigures)
{
    MainWindow window(unreachableEndpoint());
    ASSERT_NO_FATAL_FAILURE(connectAs(window, "tcp://127.0.0.1:1"));
    EXPECT_TRUE(waitUntil([&] { return hasHostFigures(window); }, 5000));
    EXPECT_FALSE(hostNotes(window).contains(QStringLiteral("another machine")));
    EXPECT_TRUE(window.dashboard()->processes()->note().isEmpty());
}
