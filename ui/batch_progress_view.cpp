#include "batch_progress_view.hpp"

#include "batch_queue.hpp"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QWidget>

namespace {

bool isEnded(RunPhase phase)
{
    return phase == RunPhase::Measured || phase == RunPhase::Failed || phase == RunPhase::Cancelled;
}

// The line's status: the run under way, or once all have ended what came of them.
QString rowStatus(const BatchQueue& queue, int row)
{
    int measured = 0;
    const RunProgress* firstProblem = nullptr;
    std::vector<RunProgress> runs;
    for (int run = 0; run < queue.repeats(); ++run)
        runs.push_back(queue.progress(row, run));
    for (int run = 0; run < queue.repeats(); ++run) {
        const auto& progress = runs[static_cast<std::size_t>(run)];
        if (progress.phase != RunPhase::Waiting && !isEnded(progress.phase))
            return queue.repeats() > 1 ? QObject::tr("run %1 of %2: %3")
                                             .arg(run + 1)
                                             .arg(queue.repeats())
                                             .arg(BatchProgressView::phaseText(progress))
                                       : BatchProgressView::phaseText(progress);
        measured += progress.phase == RunPhase::Measured;
        if (!firstProblem && (progress.phase == RunPhase::Failed || progress.phase == RunPhase::Cancelled))
            firstProblem = &progress;
    }
    if (runs.front().phase == RunPhase::Waiting)
        return QObject::tr("waiting");
    if (!firstProblem)
        return queue.repeats() == 1 ? QObject::tr("measured")
                                    : QObject::tr("all %1 runs measured").arg(measured);
    auto text = BatchProgressView::phaseText(*firstProblem);
    if (!firstProblem->hint.isEmpty())
        text += QStringLiteral(" \u2014 ") + firstProblem->hint;
    if (measured > 0)
        text = QObject::tr("%1 of %2 measured; %3").arg(measured).arg(queue.repeats()).arg(text);
    return text;
}

} // namespace

BatchProgressView::BatchProgressView(QWidget* parent)
    : QWidget(parent)
    , grid_(new QGridLayout(this))
{
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setColumnStretch(2, 1);
}

QString BatchProgressView::phaseText(const RunProgress& progress)
{
    switch (progress.phase) {
    case RunPhase::Waiting:
        return QObject::tr("waiting");
    case RunPhase::Starting:
        return QObject::tr("starting\u2026");
    case RunPhase::Pulling:
        return QObject::tr("pulling %1%").arg(qRound(100 * progress.fraction));
    case RunPhase::Running:
        return QObject::tr("running %1%").arg(qRound(100 * progress.fraction));
    case RunPhase::Stopping:
        return QObject::tr("stopping and removing\u2026");
    case RunPhase::Reading:
        return QObject::tr("reading its recording\u2026");
    case RunPhase::Measured:
        return QObject::tr("measured");
    case RunPhase::Failed:
        return QObject::tr("failed: %1").arg(progress.reason);
    case RunPhase::Cancelled:
        return QObject::tr("cancelled");
    }
    return {};
}

void BatchProgressView::rebuild(const BatchQueue& queue)
{
    // Every cell is a widget (a row's bars sit in a widget of their own), so the last batch's cells go
    // with their widgets, bars included.
    while (auto* item = grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    statuses_.clear();
    bars_.clear();
    for (int row = 0; row < queue.rowCount(); ++row) {
        auto* image = new QLabel(queue.image(row), this);
        auto* status = new QLabel(this);
        status->setObjectName(QStringLiteral("rowStatus-%1").arg(row));
        status->setWordWrap(true);
        auto* barsCell = new QWidget(this);
        auto* bars = new QHBoxLayout(barsCell);
        bars->setContentsMargins(0, 0, 0, 0);
        std::vector<QProgressBar*> rowBars;
        for (int run = 0; run < queue.repeats(); ++run) {
            auto* bar = new QProgressBar(barsCell);
            bar->setObjectName(QStringLiteral("runProgress-%1-%2").arg(row).arg(run));
            bar->setRange(0, 100);
            bar->setTextVisible(true);
            bars->addWidget(bar);
            rowBars.push_back(bar);
        }
        grid_->addWidget(image, row, 0);
        grid_->addWidget(barsCell, row, 1);
        grid_->addWidget(status, row, 2);
        statuses_.push_back(status);
        bars_.push_back(std::move(rowBars));
    }
    update(queue);
}

void BatchProgressView::update(const BatchQueue& queue)
{
    for (int row = 0; row < static_cast<int>(bars_.size()) && row < queue.rowCount(); ++row) {
        statuses_[static_cast<std::size_t>(row)]->setText(rowStatus(queue, row));
        const auto& bars = bars_[static_cast<std::size_t>(row)];
        for (int run = 0; run < static_cast<int>(bars.size()); ++run) {
            const auto progress = queue.progress(row, run);
            auto* bar = bars[static_cast<std::size_t>(run)];
            const bool notYet = progress.phase == RunPhase::Waiting || progress.phase == RunPhase::Starting;
            bar->setValue(progress.phase == RunPhase::Stopping || progress.phase == RunPhase::Reading ? 100
                          : notYet                                                                    ? 0
                                   : qRound(100 * progress.fraction));
            // The reason is the line's status and the bar's tooltip: the bar is too narrow for it.
            bar->setFormat(progress.phase == RunPhase::Failed ? QObject::tr("failed") : phaseText(progress));
            bar->setToolTip(progress.hint.isEmpty() ? progress.reason
                                                    : progress.reason + QStringLiteral("\n") + progress.hint);
        }
    }
}
