#include "engine_jobs.hpp"

#include "work_after_close.hpp"

#include <QThreadPool>

EngineJobs::EngineJobs()
    : pool_(std::make_unique<QThreadPool>())
{
    pool_->setMaxThreadCount(1);
}

EngineJobs::~EngineJobs()
{
    // The pool is waited for, and deleted, on the thread that finishes its work: it leaves the GUI
    // thread's event processing first.
    pool_->moveToThread(nullptr);
    finishAfterClose([pool = std::shared_ptr<QThreadPool>(pool_.release())] { pool->waitForDone(); });
}

void EngineJobs::start(std::function<void()> job)
{
    pool_->start(std::move(job));
}
