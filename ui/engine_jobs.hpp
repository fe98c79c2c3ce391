#pragma once

#include <functional>
#include <memory>

class QThreadPool;

// Engine requests run off the GUI thread, one at a time, in the order they were asked. The queue's end never
// waits for them on the GUI thread: what is still queued or under way (a request may wait on a hung engine
// for its whole time-out) runs to its end after close (work_after_close.hpp), and the queue goes then.
// Jobs must not touch their asker directly: they post to it through a GuiInbox.
class EngineJobs {
public:
    EngineJobs();
    ~EngineJobs();
    EngineJobs(const EngineJobs&) = delete;
    EngineJobs& operator=(const EngineJobs&) = delete;

    void start(std::function<void()> job);

private:
    std::unique_ptr<QThreadPool> pool_;
};
