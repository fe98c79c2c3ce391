#pragma once

#include "isolens/core/recording/event_kind.hpp"

#include <QString>

#include <array>

class DashboardController;
class QLabel;
class QStatusBar;

// The status bar's account of the pair: each side's sampling health (the core's rule: live, stale, gap;
// or how its container ended), the lines recorded, and the recording file. It also keeps what the session's
// caption needs to tell an engine outage from containers that ended: how long the running sides have been
// silent, and the collectors' latest complaint.
//
// The core's SeriesHealth says whether a series is live, stale or in a gap now, not how many gaps it has
// had; those are counted here from the pair's own gap events.
class SamplingStatus {
public:
    explicit SamplingStatus(QStatusBar* bar); // its labels go into bar

    // A new store is shown (a new pair, or a replay): nothing of the last one is kept.
    void reset();
    // The pair's events as they arrive (keys: the modes shown, in side order).
    void onSessionEvent(const std::array<QString, 2>& keys, const QString& mode, isolens::EventKind kind,
                        const QString& detail);
    void onContainerExited(const std::array<QString, 2>& keys, const QString& mode, const QString& summary,
                           const QString& details);

    // Once per tick.
    void update(const DashboardController& controller);
    QString text() const;

    // How each side's container ended on its own, if it did ("exited with code 2 after 0.1 s").
    const std::array<QString, 2>& exits() const { return exits_; }
    // The same with the engine's error and the last output, for the comparison's captions.
    const std::array<QString, 2>& exitDetails() const { return exitDetails_; }
    // The fresher running side's silence at the last update, in seconds; 0 while one is live, and very
    // large when no side is running (or none has been sampled).
    double quietSeconds() const { return quietSeconds_; }
    // The collectors' latest complaint, until sampling resumes.
    const QString& lastError() const { return lastError_; }

private:
    QLabel* health_;
    QLabel* samples_;
    QLabel* recording_;
    std::array<int, 2> gaps_{0, 0};
    std::array<QString, 2> exits_;
    std::array<QString, 2> exitDetails_;
    QString lastError_;
    double quietSeconds_ = 1e9;
};
