#pragma once

#include "isolens/core/base/cancel_token.hpp"

#include <atomic>
#include <thread>

// Ctrl+C, a closed terminal (SIGHUP) and a kill (SIGTERM) all end a run the same way, so that what it
// started is removed; on Windows also Ctrl+Break, a closed console window, a log-off and a shut-down. A
// closed pipe (| head) must not kill the process either: SIGPIPE is ignored, and a closed output ends the run
// like an interrupt.
void handleInterrupts();
// A signal came, or nobody reads the output any more: the run should end.
bool interrupted();
// Another stop request, such as a Windows service's stop: the run ends as after SIGTERM.
void requestStop();
// A write to the output failed: the run ends as if interrupted.
void noteOutputClosed();
// The run has removed what it started (a closing console window waits for this, a few seconds at most).
void noteRunEnded();
// 128 plus the signal, as a shell reports a process that a signal ended.
int interruptedExitCode();

// CancelToken::cancel takes a mutex and runs a callback, which a signal handler may not: this thread
// turns the handler's flag into a cancel of the token (a pull, a start). It also notices a closed
// output, which a run may not write to for a long time.
class InterruptWatcher {
public:
    explicit InterruptWatcher(isolens::CancelToken& token);
    InterruptWatcher(const InterruptWatcher&) = delete;
    InterruptWatcher& operator=(const InterruptWatcher&) = delete;
    ~InterruptWatcher();

private:
    std::atomic<bool> done_{false};
    std::thread thread_;
};
