#pragma once

#include "isolens/core/stats/startup_times.hpp"

#include <QTextBrowser>

#include <array>
#include <memory>
#include <optional>

namespace isolens {
class SeriesStore;
} // namespace isolens

// The pair's figures in a table: mean, p95 and peak of CPU and memory per mode, the percent
// difference in words, start-up times, and the published reference beside them, labelled as such.
class SummaryView : public QTextBrowser {
    Q_OBJECT
public:
    explicit SummaryView(QWidget* parent = nullptr);

    // Recomputes only when something it shows has changed (a replayed day is summarized once).
    void refresh(const std::shared_ptr<const isolens::SeriesStore>& store,
                 const std::array<QString, 2>& modes, const std::array<isolens::StartupTimes, 2>& startup);

private:
    // What the summary was made from; another store (even one at a freed store's address) never matches.
    struct Input {
        std::weak_ptr<const isolens::SeriesStore> store;
        std::array<QString, 2> modes;
        std::array<std::size_t, 2> samples{0, 0};
        std::array<std::optional<double>, 2> createToRunning;
        std::array<std::optional<double>, 2> firstSample;
        bool sameAs(const Input& other) const;
    };
    Input shown_;
};
