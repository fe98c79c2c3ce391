#pragma once

#include <QTextBrowser>

#include <array>
#include <optional>

namespace isolens {
class SeriesStore;
} // namespace isolens

// Start-up times of one side, when this session started it (a replay knows them from its events).
struct StartupTimes {
    std::optional<double> createToRunningMillis;
    std::optional<double> startToFirstSampleMillis;
};

// The pair's figures in a table: mean, p95 and peak of CPU and memory per mode, the percent
// difference in words, start-up times, and the published reference beside them, labelled as such.
class SummaryView : public QTextBrowser {
    Q_OBJECT
public:
    explicit SummaryView(QWidget* parent = nullptr);

    void refresh(const isolens::SeriesStore& store, const std::array<QString, 2>& modes,
                 const std::array<StartupTimes, 2>& startup);
};
