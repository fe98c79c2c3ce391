#include "interrupts.hpp"

#include <chrono>
#include <csignal>

#ifndef _WIN32
#include <poll.h>
#include <unistd.h>
#endif

namespace {

// The signal that ended the run (0: none). A handler may only store to a lock-free atomic.
std::atomic<int> signalled{0};
static_assert(std::atomic<int>::is_always_lock_free);
#ifdef SIGPIPE
constexpr int kOutputClosed = SIGPIPE;
#else
constexpr int kOutputClosed = SIGTERM;
#endif

extern "C" void onRunInterrupt(int signal)
{
    signalled = signal;
}

// Nobody reads the output any more (| head has exited): a pipe's write end reports an error.
bool outputClosed()
{
#ifdef _WIN32
    return false;
#else
    for (const int fd : {STDOUT_FILENO, STDERR_FILENO}) {
        pollfd output{fd, 0, 0};
        if (poll(&output, 1, 0) == 1 && (output.revents & POLLERR))
            return true;
    }
    return false;
#endif
}

} // namespace

void handleInterrupts()
{
    std::signal(SIGINT, onRunInterrupt);
    std::signal(SIGTERM, onRunInterrupt);
#ifndef _WIN32
    std::signal(SIGHUP, onRunInterrupt);
    std::signal(SIGPIPE, SIG_IGN);
#endif
}

bool interrupted()
{
    return signalled.load() != 0;
}

void noteOutputClosed()
{
    signalled = kOutputClosed;
}

int interruptedExitCode()
{
    return 128 + signalled.load();
}

InterruptWatcher::InterruptWatcher(isolens::CancelToken& token)
    : thread_([this, &token] {
        while (!done_ && !interrupted()) {
            if (outputClosed())
                noteOutputClosed();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (interrupted())
            token.cancel();
    })
{}

InterruptWatcher::~InterruptWatcher()
{
    done_ = true;
    thread_.join();
}
