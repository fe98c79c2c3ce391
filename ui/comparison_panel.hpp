#pragma once

#include <QWidget>

#include <array>
#include <cstdint>

namespace isolens {
class SeriesStore;
enum class Metric;
} // namespace isolens

class QLabel;
class QStackedWidget;
class SeriesChart;

// The two modes side by side: one column per mode, CPU above memory, each pair of charts on the same
// value axis and time axis so the eye compares like with like. The overlay view draws both modes in
// one chart per metric instead.
class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonPanel(QWidget* parent = nullptr);

    // keys: the modes' series names, written above each column.
    void setModes(const std::array<QString, 2>& keys);
    // Plain text under a column's name (how its container ended, with its last output), and the whole
    // story as the caption's tool tip; empty for none.
    void setNotes(const std::array<QString, 2>& notes, const std::array<QString, 2>& details);
    QString caption(int side) const; // as shown
    void setCpuMetric(isolens::Metric metric);
    void setOverlay(bool overlay);
    bool isOverlay() const;

    void refresh(const isolens::SeriesStore& store, std::int64_t firstNanos, std::int64_t lastNanos);

    SeriesChart* cpuChart(int side) const { return cpu_[side]; }
    SeriesChart* memoryChart(int side) const { return memory_[side]; }
    SeriesChart* overlayCpuChart() const { return overlayCpu_; }
    SeriesChart* overlayMemoryChart() const { return overlayMemory_; }
    QList<SeriesChart*> visibleCharts() const;

private:
    QStackedWidget* views_;
    std::array<QString, 2> keys_;
    void showCaptions();

    std::array<QLabel*, 2> captions_;
    std::array<QString, 2> notes_;
    std::array<SeriesChart*, 2> cpu_;
    std::array<SeriesChart*, 2> memory_;
    SeriesChart* overlayCpu_;
    SeriesChart* overlayMemory_;
};
