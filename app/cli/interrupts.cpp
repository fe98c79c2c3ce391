#include "interrupts.hpp"

#include <chrono>
#include <csignal>

#ifdef _WIN32
#include <windows.h>
#else
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

#ifdef _WIN32
// The run has removed what it started: a closing console may end the process now.
std::atomic<bool> runEnded{false};

// Windows has only Ctrl+C and Ctrl+Break as signals, and the C runtime resets its handler after the first.
// A closed console window, a log-off and a shut-down come as console events: Windows ends the process when
// the handler returns, and after about 5 s in any case ("HandlerRoutine callback function", Microsoft's
// Win32 documentation), so the handler waits up to 4.5 s for the run to remove its containers.
BOOL WINAPI onConsoleEvent(DWORD event)
{
    switch (event) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
        signalled = SIGINT;
        return TRUE;
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        signalled = SIGTERM;
        for (int waited = 0; waited < 4500 && !runEnded; waited += 50)
            Sleep(50);
        return TRUE;
    default:
        return FALSE;
    }
}
#endif

} // namespace

void handleInterrupts()
{
    std::signal(SIGINT, onRunInterrupt);
    std::signal(SIGTERM, onRunInterrupt);
#ifdef _WIN32
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#else
    std::signal(SIGHUP, onRunInterrupt);
    std::signal(SIGPIPE, SIG_IGN);
#endif
}

bool interrupted()
{
    return signalled.load() != 0;
}

void requestStop()
{
    signalled = SIGTERM;
}

void noteOutputClosed()
{
    signalled = kOutputClosed;
}

void noteRunEnded()
{
#ifdef _WIN32
    runEnded = true;
#endif
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
