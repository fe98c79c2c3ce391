#pragma once

// Boost 1.74's Asio uses std::exchange without including <utility> under GCC 12 in C++20.
#include <utility>

#include "isolens/core/base/cancel_token.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace isolens::detail {

// Watches one request on its io_context: a deadline that moves as the request progresses, and
// cancellation from another thread. Either one aborts the I/O by closing the stream.
class RequestGuard {
public:
    RequestGuard(boost::asio::io_context& io, std::function<void()> abortIo, CancelToken* cancel)
        : timer_(io)
        , abortIo_(std::move(abortIo))
    {
        if (cancel)
            registration_.emplace(cancel->onCancel(
                [this, &io] { boost::asio::post(io, [this] { abort(/*byCancel=*/true); }); }));
        wait();
    }
    RequestGuard(const RequestGuard&) = delete;
    RequestGuard& operator=(const RequestGuard&) = delete;

    // The next step must finish within this time; phase names it for the error message.
    void expireAfter(std::chrono::milliseconds limit, std::string phase)
    {
        deadline_ = std::chrono::steady_clock::now() + limit;
        phase_ = std::move(phase);
        timer_.cancel();
    }
    void noDeadline(std::string phase)
    {
        deadline_ = std::chrono::steady_clock::time_point::max();
        phase_ = std::move(phase);
        timer_.cancel();
    }
    // Stops watching: lets the io_context run out of work.
    void finish()
    {
        done_ = true;
        timer_.cancel();
    }

    bool timedOut() const { return timedOut_; }
    bool cancelled() const { return cancelled_; }
    const std::string& phase() const { return phase_; }

private:
    void wait()
    {
        timer_.expires_at(deadline_);
        timer_.async_wait([this](const boost::system::error_code&) {
            if (done_)
                return;
            if (std::chrono::steady_clock::now() >= deadline_)
                abort(/*byCancel=*/false);
            else
                wait(); // the deadline moved
        });
    }
    void abort(bool byCancel)
    {
        if (done_ || timedOut_ || cancelled_)
            return;
        (byCancel ? cancelled_ : timedOut_) = true;
        abortIo_();
    }

    boost::asio::steady_timer timer_;
    std::function<void()> abortIo_;
    std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
    std::string phase_ = "connecting";
    bool done_ = false;
    bool timedOut_ = false;
    bool cancelled_ = false;
    std::optional<CancelToken::Registration> registration_;
};

} // namespace isolens::detail
