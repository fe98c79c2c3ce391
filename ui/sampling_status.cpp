#include "sampling_status.hpp"

#include "dashboard_controller.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/series/sampling_health.hpp"
#include "isolens/core/series/series_store.hpp"

#include <QFileInfo>
#include <QLabel>
#include <QStatusBar>

#include <algorithm>

using namespace isolens;

SamplingStatus::SamplingStatus(QStatusBar* bar)
    : health_(new QLabel(bar))
    , samples_(new QLabel(bar))
    , recording_(new QLabel(bar))
{
    health_->setObjectName(QStringLiteral("samplingHealth"));
    samples_->setObjectName(QStringLiteral("samplesRecorded"));
    recording_->setObjectName(QStringLiteral("recordingFile"));
    recording_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addPermanentWidget(health_);
    bar->addPermanentWidget(samples_);
    bar->addPermanentWidget(recording_);
}

void SamplingStatus::reset()
{
    gaps_ = {0, 0};
    lastError_.clear();
    exits_ = {};
    exitDetails_ = {};
    quietSeconds_ = 1e9;
}

void SamplingStatus::onSessionEvent(const std::array<QString, 2>& keys, const QString& mode, EventKind kind,
                                    const QString& detail)
{
    for (int side = 0; side < 2; ++side)
        if (mode == keys[side] && kind == EventKind::Gap)
            ++gaps_[side];
    if (kind == EventKind::Error)
        lastError_ = detail;
    else if (kind == EventKind::Resumed)
        lastError_.clear();
}

void SamplingStatus::onContainerExited(const std::array<QString, 2>& keys, const QString& mode,
                                       const QString& summary, const QString& details)
{
    for (int side = 0; side < 2; ++side)
        if (mode == keys[side]) {
            exits_[side] = summary;
            exitDetails_[side] = QObject::tr("The container %1").arg(details);
        }
}

void SamplingStatus::update(const DashboardController& controller)
{
    quietSeconds_ = 1e9;
    const auto recordingName = QFileInfo(controller.recordingPath()).fileName();
    recording_->setToolTip(controller.recordingPath());
    if (controller.isReplay()) {
        health_->setText(QObject::tr("replay"));
        samples_->clear();
        recording_->setText(QObject::tr("Recording: %1").arg(recordingName));
        return;
    }
    if (!controller.isRunning()) {
        health_->setText(controller.isBusy() ? QObject::tr("starting") : QObject::tr("no pair running"));
        samples_->setText(controller.recordingPath().isEmpty() ? QString() : QObject::tr("last recording:"));
        recording_->setText(recordingName);
        return;
    }
    const auto keys = controller.modeKeys();
    const auto store = controller.store();
    const auto now = wallClockNanos();
    QStringList health;
    for (int side = 0; side < 2; ++side) {
        if (!exits_[side].isEmpty()) { // its silence is explained: it is not the engine's
            health << QStringLiteral("%1: %2").arg(keys[side], exits_[side]);
            continue;
        }
        const auto sideHealth = seriesHealth(*store, keys[side].toStdString(), now);
        const bool live = sideHealth.freshness == Freshness::Live;
        quietSeconds_ = std::min(quietSeconds_, live ? 0.0 : sideHealth.secondsSinceLast);
        auto text =
            QStringLiteral("%1: %2").arg(keys[side], QString::fromStdString(describeHealth(sideHealth)));
        if (gaps_[side] > 0)
            text += QObject::tr(" (%n gap(s))", nullptr, gaps_[side]);
        health << text;
    }
    health_->setText(health.join(QStringLiteral(" \u00b7 ")));
    const auto lines = static_cast<int>(controller.linesRecorded());
    if (controller.recordingProblem().isEmpty()) {
        samples_->setText(QObject::tr("%n line(s) recorded", nullptr, lines));
        samples_->setToolTip({});
    } else {
        // Stays in view for as long as the pair runs: the recording no longer grows.
        samples_->setText(QObject::tr("recording stopped after %n line(s)", nullptr, lines));
        samples_->setToolTip(controller.recordingProblem());
    }
    recording_->setText(QObject::tr("Recording: %1").arg(recordingName));
}

QString SamplingStatus::text() const
{
    return health_->text() + QLatin1Char(' ') + samples_->text() + QLatin1Char(' ') + recording_->text();
}
