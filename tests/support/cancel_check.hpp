#pragma once

#include "isolens/core/transport/http_transport.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

// Streams from an endpoint that sends one line and then goes quiet (an idle events stream), cancels
// from another thread 50 ms after the line, and checks that the stream stops within 100 ms.
inline void expectCancelStopsQuietStreamWithin100ms(const isolens::Endpoint& endpoint)
{
    using namespace std::chrono_literals;
    isolens::CancelToken cancel;
    std::atomic<bool> gotLine{false};
    std::chrono::steady_clock::time_point cancelledAt;
    std::thread canceller([&] {
        while (!gotLine)
            std::this_thread::sleep_for(1ms);
        std::this_thread::sleep_for(50ms);
        cancelledAt = std::chrono::steady_clock::now();
        cancel.cancel();
    });
    auto reply = isolens::streamRequest(
        endpoint, isolens::HttpRequest{isolens::HttpMethod::Get, "/events", std::nullopt},
        [&](std::string_view) {
            gotLine = true;
            return true;
        },
        isolens::RequestOptions{}, &cancel);
    const auto stoppedAfter = std::chrono::steady_clock::now() - cancelledAt;
    canceller.join();
    ASSERT_FALSE(reply);
    EXPECT_EQ(reply.error().kind, isolens::ErrorKind::Cancelled);
    EXPECT_LT(stoppedAfter, 100ms);
}
