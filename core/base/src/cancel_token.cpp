#include "isolens/core/base/cancel_token.hpp"

namespace isolens {

void CancelToken::cancel()
{
    std::lock_guard lock(mutex_);
    if (cancelled_.exchange(true))
        return;
    if (callback_)
        callback_();
}

CancelToken::Registration CancelToken::onCancel(std::function<void()> callback)
{
    std::lock_guard lock(mutex_);
    if (cancelled_.load()) {
        callback();
        return Registration{};
    }
    callback_ = std::move(callback);
    return Registration{this};
}

CancelToken::Registration::~Registration()
{
    if (!token_)
        return;
    std::lock_guard lock(token_->mutex_);
    token_->callback_ = nullptr;
}

} // namespace isolens
