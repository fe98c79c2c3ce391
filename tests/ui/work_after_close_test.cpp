// Engine work that outlives its window: posts to a receiver that has gone are dropped, an engine queue's
// end does not wait for the job under way, and that job still runs to its end, waited for after close;
// windows closed one after another leave none of it unfinished.
#include "engine_jobs.hpp"
#include "gui_inbox.hpp"
#include "main_window.hpp"
#include "ui_test_support.hpp"
#include "work_after_close.hpp"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <thread>

using namespace std::chrono_literals;

TEST(GuiInbox, RunsWhatArrivesWhileItsReceiverLivesAndDropsWhatArrivesAfter)
{
    auto receiver = std::make_unique<QObject>();
    GuiInbox inbox(receiver.get());
    int ran = 0;
    std::thread([inbox, &ran] { inbox.post([&ran] { ++ran; }); }).join();
    QCoreApplication::processEvents();
    EXPECT_EQ(ran, 1);

    std::thread([inbox, &ran] { inbox.post([&ran] { ++ran; }); }).join();
    receiver.reset(); // gone before the GUI thread gets to the post
    QCoreApplication::processEvents();
    EXPECT_EQ(ran, 1) << "a post that arrived after its receiver had gone ran";
}

TEST(WorkAfterClose, RunsToItsEndAfterItsOwnerHasGoneAndIsWaitedFor)
{
    std::promise<void> release;
    auto owned = std::make_shared<int>(7);
    std::weak_ptr<int> watch = owned;
    finishAfterClose(
        [released = release.get_future().share(), owned = std::move(owned)] { released.wait(); });
    EXPECT_GE(workAfterCloseRunning(), 1);
    EXPECT_FALSE(waitForWorkAfterClose(50ms)) << "the work has not ended yet";
    release.set_value();
    EXPECT_TRUE(waitForWorkAfterClose(5s));
    EXPECT_TRUE(watch.expired()) << "what the work owns goes before it counts as ended";
}

TEST(WorkAfterClose, WindowsClosedOneAfterAnotherLeaveNoWorkUnfinished)
{
    // Each closed window hands its engine queues' ends to work after close, as a user who opens and
    // closes IsoLens does. Under Wine, a thread detached as it was made sometimes never ran, so one of
    // these pieces never ended and the wait for it ran out (seen on a loaded machine).
    ASSERT_TRUE(waitForWorkAfterClose(30s)) << "an earlier test's work is still running";
    constexpr int kWindows = 30;
    for (int i = 0; i < kWindows; ++i) {
        MainWindow window(unreachableEndpoint());
        window.show();
        ASSERT_TRUE(waitForProbe(window)) << "window " << i;
    }
    EXPECT_TRUE(waitForWorkAfterClose(30s)) << workAfterCloseRunning() << " piece(s) of work never ended";
}

TEST(EngineJobs, EndingTheQueueNeverWaitsForTheJobUnderWayWhichStillRunsAfterIt)
{
    std::promise<void> release; // as a request waiting on a hung engine, answered 300 ms later
    auto released = release.get_future().share();
    std::thread answer([&release] {
        std::this_thread::sleep_for(300ms);
        release.set_value();
    });
    std::atomic<int> done{0};
    QElapsedTimer clock;
    {
        EngineJobs jobs;
        jobs.start([released, &done] {
            released.wait();
            ++done;
        });
        jobs.start([&done] { ++done; }); // queued behind it, in order
        clock.start();
    }
    EXPECT_LT(clock.elapsed(), 100) << "the queue's end waited for its jobs";
    EXPECT_EQ(done.load(), 0);
    answer.join();
    EXPECT_TRUE(waitForWorkAfterClose(5s));
    EXPECT_EQ(done.load(), 2) << "both jobs ran after the queue's end";
}
