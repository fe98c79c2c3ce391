#include "engine_probe.hpp"
#include "engine_status_view.hpp"
#include "main_window.hpp"

#include "private_engine.hpp"

#include "isolens/core/endpoint_resolver.hpp"

#include <gtest/gtest.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>

namespace {

// Runs the event loop until the probe reports (or 10 s pass).
bool waitForProbe(MainWindow& window)
{
    QElapsedTimer timer;
    timer.start();
    while (window.engineProbe()->isRunning() && timer.elapsed() < 10000)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    return !window.engineProbe()->isRunning();
}

} // namespace

TEST(DashboardWindow, WithoutAnEngineShowsWhatWasTriedAndWhatToDo)
{
    isolens::EndpointRequest endpoint;
    endpoint.hostFlag = "unix:///nonexistent-isolens/docker.sock";
    MainWindow window(endpoint);
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    auto* status = window.engineStatus();
    EXPECT_TRUE(status->isShowingBanner());
    const auto banner = status->bannerText();
    EXPECT_TRUE(banner.contains("No Docker engine")) << banner.toStdString();
    EXPECT_TRUE(banner.contains("unix:///nonexistent-isolens/docker.sock")) << banner.toStdString();
    EXPECT_TRUE(banner.contains("Start the Docker engine")) << banner.toStdString();
    auto* label = window.findChild<QLabel*>("noEngineBanner");
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
}

TEST(DashboardWindow, WithThePrivateEngineShowsItsFacts)
{
    isolens::EndpointRequest endpoint;
    endpoint.hostFlag = privateEngine().var("ISOLENS_TEST_DOCKER_HOST");
    MainWindow window(endpoint);
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    auto* status = window.engineStatus();
    ASSERT_FALSE(status->isShowingBanner()) << status->bannerText().toStdString();
    const auto facts = status->factsText();
    EXPECT_TRUE(facts.contains("<td>linux</td>")) << facts.toStdString();
    EXPECT_TRUE(facts.contains("1.41 (negotiated)")) << facts.toStdString();
    EXPECT_TRUE(facts.contains(QString::fromStdString(privateEngine().secondRuntime())));
}

TEST(DashboardWindow, RetryAfterAFailureProbesAgain)
{
    isolens::EndpointRequest endpoint;
    endpoint.hostFlag = "unix:///nonexistent-isolens/docker.sock";
    MainWindow window(endpoint);
    ASSERT_TRUE(waitForProbe(window));
    emit window.engineStatus()->retryRequested();
    EXPECT_TRUE(window.engineProbe()->isRunning());
    ASSERT_TRUE(waitForProbe(window));
    EXPECT_TRUE(window.engineStatus()->isShowingBanner());
}
