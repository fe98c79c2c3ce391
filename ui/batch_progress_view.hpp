#pragma once

#include <QWidget>

#include <vector>

class BatchQueue;
class QGridLayout;
class QLabel;
class QProgressBar;
struct RunProgress;

// A batch's runs as they go: a line per image with its status and a progress bar per run (the pull's
// share while pulling, the run's time while measured), named rowStatus-<row> and runProgress-<row>-<run>.
class BatchProgressView : public QWidget {
public:
    explicit BatchProgressView(QWidget* parent = nullptr);

    // One line per image of the queue's batch, in place of the last batch's.
    void rebuild(const BatchQueue& queue);
    void update(const BatchQueue& queue);

    // What a run's bar says ("pulling 40%", "measured", "failed: …").
    static QString phaseText(const RunProgress& progress);

private:
    QGridLayout* grid_;
    std::vector<QLabel*> statuses_;
    std::vector<std::vector<QProgressBar*>> bars_;
};
