#pragma once

#include <QWidget>

#include <cstdint>

namespace isolens {
class SeriesStore;
} // namespace isolens

class QLabel;
class SeriesChart;

// The host under the pair: its CPU and memory, the VM worker processes' (vmmem, qemu-system-*), and
// the isolation tax (the utility VM's memory beyond the container's own) over time.
class HostPanel : public QWidget {
    Q_OBJECT
public:
    explicit HostPanel(QWidget* parent = nullptr);

    void refresh(const isolens::SeriesStore& store, std::int64_t firstNanos, std::int64_t lastNanos);
    // Why there is or is not an isolation tax figure, and which VM workers are running.
    // unavailable: what the host would not tell (permissions, PDH), one line each.
    void setNotes(const QString& taxExplanation, const QString& vmWorkers, const QStringList& unavailable);

    SeriesChart* cpuChart() const { return cpu_; }
    SeriesChart* memoryChart() const { return memory_; }
    SeriesChart* taxChart() const { return tax_; }

private:
    SeriesChart* cpu_;
    SeriesChart* memory_;
    SeriesChart* tax_;
    QLabel* notes_;
};
