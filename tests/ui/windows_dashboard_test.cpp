// The dashboard on Windows (under Wine in the test command): the default endpoint, the named pipe's
// missing and busy cases as the user sees them.
#include "engine_status_view.hpp"
#include "main_window.hpp"
#include "scripted_pipe_server.hpp"
#include "ui_test_support.hpp"

#include "isolens/core/transport/endpoint_resolver.hpp"

#include <gtest/gtest.h>

#include <QLabel>

#include <windows.h>

namespace {

// No --host and no DOCKER_HOST: what a user who starts IsoLens from the Start menu gets.
isolens::EndpointRequest defaultEndpoint()
{
    qunsetenv("DOCKER_HOST");
    qunsetenv("DOCKER_CONTEXT");
    return {};
}

} // namespace

TEST(WindowsDashboard, WithNoEngineItNamesTheDefaultPipeAndSaysWhatToDo)
{
    MainWindow window(defaultEndpoint());
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_FALSE(window.isShowingDashboard());
    const auto banner = window.engineStatus()->bannerText();
    EXPECT_TRUE(banner.contains("npipe:////./pipe/docker_engine")) << banner.toStdString();
    EXPECT_TRUE(banner.contains("Docker Desktop")) << banner.toStdString();
    auto* label = window.findChild<QLabel*>("noEngineBanner");
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->isVisible());
}

TEST(WindowsDashboard, ABusyPipeIsShownAsBusyNotAsMissing)
{
    // One instance only, held by another client: the engine is there but answers nobody else.
    ScriptedPipeServer server({{http_script::reply(200, "{}")}}, ScriptedPipeServer::Ending::HoldOpen,
                              /*maxInstances=*/1);
    const auto address = server.endpoint().address;
    const std::wstring name(address.begin(), address.end());
    HANDLE holder =
        CreateFileW(name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING, 0, nullptr);
    ASSERT_NE(holder, INVALID_HANDLE_VALUE);
    isolens::EndpointRequest endpoint;
    endpoint.hostFlag = "npipe://" + [&] {
        std::string slashes = address;
        for (auto& c : slashes)
            if (c == '\\')
                c = '/';
        return slashes;
    }();
    MainWindow window(endpoint);
    window.show();
    const bool reported = waitUntil([&] { return !window.engineProbe()->isRunning(); }, 30000);
    CloseHandle(holder);
    ASSERT_TRUE(reported);
    ASSERT_FALSE(window.isShowingDashboard());
    const auto banner = window.engineStatus()->bannerText();
    EXPECT_TRUE(banner.contains("busy")) << banner.toStdString();
    EXPECT_FALSE(banner.contains("File not found")) << banner.toStdString();
}
