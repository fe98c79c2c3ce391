#pragma once

#include <atomic>
#include <functional>
#include <mutex>

namespace isolens {

// Lets another thread stop a running request or stream. Thread-safe.
class CancelToken {
public:
    void cancel();
    bool isCancelled() const { return cancelled_.load(); }

    // While the returned guard lives, cancel() calls the callback (once). If the token is already
    // cancelled, the callback runs at once. Only one callback is registered at a time.
    class Registration {
    public:
        Registration() = default;
        explicit Registration(CancelToken* token)
            : token_(token)
        {}
        Registration(Registration&& other) noexcept
            : token_(other.token_)
        {
            other.token_ = nullptr;
        }
        Registration& operator=(Registration&&) = delete;
        ~Registration();

    private:
        CancelToken* token_ = nullptr;
    };
    [[nodiscard]] Registration onCancel(std::function<void()> callback);

private:
    std::atomic<bool> cancelled_{false};
    std::mutex mutex_;
    std::function<void()> callback_;
};

} // namespace isolens
