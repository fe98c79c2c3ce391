#include "work_after_close.hpp"

#include <QCoreApplication>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace {

struct Running {
    std::mutex mutex;
    std::condition_variable ended;
    int count = 0;
    bool waitsAtExit = false;
    // Each piece's thread stays joinable, and is joined once it has said it ended: under Wine
    // (winpthreads), a thread detached as it was made sometimes never ran on a loaded machine, and the wait
    // for its work never ended.
    std::vector<std::thread> threads;
    std::vector<std::thread::id> endedThreads;
};

// Never destroyed: a piece of work that outlives the limit still finds it at the process's exit.
Running& running()
{
    static auto* state = new Running;
    return *state;
}

void waitAtExit()
{
    // A queue with nothing left ends at once, and a healthy engine removes a pair within about a second.
    constexpr std::chrono::seconds kQuiet{2};
    if (waitForWorkAfterClose(kQuiet))
        return;
    // Said where it can be read (a console); the window is gone already.
    std::fputs("IsoLens: waiting for the engine to finish the closed window's requests (a running pair's "
               "containers are removed)\n",
               stderr);
    if (!waitForWorkAfterClose(kWorkAfterCloseLimit - kQuiet))
        std::fputs("IsoLens: the engine did not answer in time; the next start offers to remove the "
                   "containers left behind (Remove leftovers)\n",
                   stderr);
}

// Joins the threads whose work has ended; called with the mutex held. Such a thread only has to release
// the mutex and return, so the join is short.
void joinEnded(Running& state)
{
    std::erase_if(state.threads, [&](std::thread& thread) {
        if (std::ranges::find(state.endedThreads, thread.get_id()) == state.endedThreads.end())
            return false;
        thread.join();
        return true;
    });
    state.endedThreads.clear();
}

} // namespace

void finishAfterClose(std::function<void()> work)
{
    auto& state = running();
    std::lock_guard lock(state.mutex);
    joinEnded(state);
    ++state.count;
    if (!state.waitsAtExit && QCoreApplication::instance()) {
        // Run when the QApplication is destroyed: after the window, before the process ends.
        qAddPostRoutine(waitAtExit);
        state.waitsAtExit = true;
    }
    state.threads.emplace_back([work = std::move(work)]() mutable {
        {
            auto job = std::move(work); // what it owns goes before it counts as ended
            job();
        }
        auto& state = running();
        std::lock_guard lock(state.mutex);
        --state.count;
        state.endedThreads.push_back(std::this_thread::get_id());
        state.ended.notify_all();
    });
}

bool waitForWorkAfterClose(std::chrono::milliseconds limit)
{
    auto& state = running();
    std::unique_lock lock(state.mutex);
    const bool none = state.ended.wait_for(lock, limit, [&] { return state.count == 0; });
    joinEnded(state);
    return none;
}

int workAfterCloseRunning()
{
    auto& state = running();
    std::lock_guard lock(state.mutex);
    return state.count;
}
