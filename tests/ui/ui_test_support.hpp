#pragma once

#include "engine_probe.hpp"
#include "main_window.hpp"

#include "isolens/core/transport/endpoint_resolver.hpp"

#include <QApplication>
#include <QElapsedTimer>

#include <functional>

// Runs the event loop until the condition holds or the time is up; returns the condition.
inline bool waitUntil(const std::function<bool()>& condition, int timeoutMillis)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < timeoutMillis)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    return condition();
}

// Runs the event loop until the probe reports (or 10 s pass).
inline bool waitForProbe(MainWindow& window)
{
    return waitUntil([&] { return !window.engineProbe()->isRunning(); }, 10000);
}

// An engine address where nothing answers, of the kind this platform's engines listen on.
#ifdef _WIN32
inline constexpr const char* kUnreachableEngine = "npipe:////./pipe/nonexistent-isolens";
#else
inline constexpr const char* kUnreachableEngine = "unix:///nonexistent-isolens/docker.sock";
#endif

inline isolens::EndpointRequest unreachableEndpoint()
{
    isolens::EndpointRequest endpoint;
    endpoint.hostFlag = kUnreachableEngine;
    return endpoint;
}
