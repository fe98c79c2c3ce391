#include "comparison_panel.hpp"

#include "dashboard_colors.hpp"
#include "series_chart.hpp"

#include "isolens/core/series/series_store.hpp"

#include <QGridLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace isolens;

ComparisonPanel::ComparisonPanel(QWidget* parent)
    : QWidget(parent)
    , views_(new QStackedWidget(this))
{
    auto* sideBySide = new QWidget(this);
    auto* grid = new QGridLayout(sideBySide);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int side = 0; side < 2; ++side) {
        captions_[side] = new QLabel(sideBySide);
        captions_[side]->setAlignment(Qt::AlignCenter);
        captions_[side]->setTextInteractionFlags(Qt::TextSelectableByMouse);
        cpu_[side] = new SeriesChart(tr("CPU"), Metric::CpuPercent, ChartUnit::Percent, sideBySide);
        memory_[side] = new SeriesChart(tr("Memory"), Metric::MemoryBytes, ChartUnit::Bytes, sideBySide);
        cpu_[side]->setObjectName(QStringLiteral("cpuChart%1").arg(side));
        memory_[side]->setObjectName(QStringLiteral("memoryChart%1").arg(side));
        grid->addWidget(captions_[side], 0, side);
        grid->addWidget(cpu_[side], 1, side);
        grid->addWidget(memory_[side], 2, side);
    }
    grid->setRowStretch(1, 1);
    grid->setRowStretch(2, 1);

    auto* overlay = new QWidget(this);
    auto* column = new QVBoxLayout(overlay);
    column->setContentsMargins(0, 0, 0, 0);
    overlayCpu_ = new SeriesChart(tr("CPU, both modes"), Metric::CpuPercent, ChartUnit::Percent, overlay);
    overlayMemory_ =
        new SeriesChart(tr("Memory, both modes"), Metric::MemoryBytes, ChartUnit::Bytes, overlay);
    overlayCpu_->setObjectName(QStringLiteral("overlayCpuChart"));
    overlayMemory_->setObjectName(QStringLiteral("overlayMemoryChart"));
    column->addWidget(overlayCpu_);
    column->addWidget(overlayMemory_);

    views_->addWidget(sideBySide);
    views_->addWidget(overlay);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(views_);
    setModes({tr("mode A"), tr("mode B")});
}

void ComparisonPanel::setModes(const std::array<QString, 2>& keys)
{
    if (keys == keys_)
        return;
    keys_ = keys;
    QVector<ChartLine> both;
    for (int side = 0; side < 2; ++side) {
        const ChartLine line{keys[side], keys[side], colors::mode(side)};
        cpu_[side]->setLines({line});
        memory_[side]->setLines({line});
        both.push_back(line);
    }
    showCaptions();
    overlayCpu_->setLines(both);
    overlayMemory_->setLines(both);
    for (auto* chart : {overlayCpu_, overlayMemory_})
        chart->setEmptyText(tr("No samples yet: start a pair, or open a recording"));
}

void ComparisonPanel::setNotes(const std::array<QString, 2>& notes, const std::array<QString, 2>& details)
{
    notes_ = notes;
    for (int side = 0; side < 2; ++side)
        captions_[side]->setToolTip(details[side]);
    showCaptions();
}

QString ComparisonPanel::caption(int side) const
{
    return captions_[side]->text();
}

void ComparisonPanel::showCaptions()
{
    for (int side = 0; side < 2; ++side) {
        auto text = QStringLiteral("<b>%1</b>").arg(keys_[side].toHtmlEscaped());
        if (!notes_[side].isEmpty())
            text += QStringLiteral("<br><span style='color:#c92a2a'>%1</span>")
                        .arg(notes_[side].toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
        captions_[side]->setText(text);
        for (auto* chart : {cpu_[side], memory_[side]})
            chart->setEmptyText(notes_[side].isEmpty()
                                    ? tr("No samples yet: start a pair, or open a recording")
                                    : tr("No samples: the container ended before its first one"));
    }
}

void ComparisonPanel::setCpuMetric(Metric metric)
{
    for (auto* chart : {cpu_[0], cpu_[1], overlayCpu_})
        chart->setMetric(metric);
}

void ComparisonPanel::setOverlay(bool overlay)
{
    views_->setCurrentIndex(overlay ? 1 : 0);
}

bool ComparisonPanel::isOverlay() const
{
    return views_->currentIndex() == 1;
}

QList<SeriesChart*> ComparisonPanel::visibleCharts() const
{
    if (isOverlay())
        return {overlayCpu_, overlayMemory_};
    return {cpu_[0], cpu_[1], memory_[0], memory_[1]};
}

void ComparisonPanel::refresh(const SeriesStore& store, std::int64_t firstNanos, std::int64_t lastNanos)
{
    // Both columns share one axis per metric, whichever mode reached higher.
    const int buckets = cpu_[0]->bucketCount();
    const double cpuTop = std::max(cpu_[0]->collect(store, firstNanos, lastNanos, buckets),
                                   cpu_[1]->collect(store, firstNanos, lastNanos, buckets));
    const double memoryTop = std::max(memory_[0]->collect(store, firstNanos, lastNanos, buckets),
                                      memory_[1]->collect(store, firstNanos, lastNanos, buckets));
    for (int side = 0; side < 2; ++side) {
        cpu_[side]->draw(cpuTop);
        memory_[side]->draw(memoryTop);
    }
    const int overlayBuckets = overlayCpu_->bucketCount();
    overlayCpu_->draw(overlayCpu_->collect(store, firstNanos, lastNanos, overlayBuckets));
    overlayMemory_->draw(overlayMemory_->collect(store, firstNanos, lastNanos, overlayBuckets));
}
