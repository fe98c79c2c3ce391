#include "series_chart.hpp"

#include "isolens/core/series/chart_scale.hpp"
#include "isolens/core/series/series_store.hpp"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QDateTime>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPainter>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

using namespace isolens;

namespace {

bool paletteIsDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QString formatValue(double raw, ChartUnit unit)
{
    if (unit == ChartUnit::Percent)
        return QStringLiteral("%1%").arg(raw, 0, 'f', 2);
    const auto scale = byteScaleFor(std::abs(raw));
    return QStringLiteral("%1 %2")
        .arg(raw / scale.divisor, 0, 'f', 1)
        .arg(QString::fromStdString(scale.unit));
}

QString timeLabel(const QDateTime& time, TimeLabelFormat format)
{
    switch (format) {
    case TimeLabelFormat::HoursMinutesSeconds:
        return time.toString(QStringLiteral("HH:mm:ss"));
    case TimeLabelFormat::HoursMinutes:
        return time.toString(QStringLiteral("HH:mm"));
    case TimeLabelFormat::DayHoursMinutes:
        return time.toString(QStringLiteral("d MMM HH:mm"));
    case TimeLabelFormat::Day:
        return time.toString(QStringLiteral("d MMM"));
    }
    return time.toString(Qt::ISODate);
}

// Enough room for each label (about 90 pixels for "HH:mm:ss" and its spacing).
int maxTimeLabels(int widthPixels)
{
    return std::clamp(widthPixels / 90, 2, 12);
}

} // namespace

SeriesChart::SeriesChart(const QString& title, Metric metric, ChartUnit unit, QWidget* parent)
    : QChartView(new QChart, parent)
    , title_(title)
    , metric_(metric)
    , unit_(unit)
    , timeAxis_(new QCategoryAxis(this))
    , valueAxis_(new QValueAxis(this))
{
    setRenderHint(QPainter::Antialiasing);
    chart()->setTitle(title);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->setBackgroundRoundness(0);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    timeAxis_->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // A real range from the start, labelled like any other.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setTimeRange(now - 300'000, now);
    // niceAxisMax gives 1, 2, 2.5 or 5 x 10^n: five intervals put every gridline on a round number.
    valueAxis_->setTickCount(6);
    valueAxis_->setLabelFormat(QStringLiteral("%g"));
    valueAxis_->setMin(0);
    chart()->addAxis(timeAxis_, Qt::AlignBottom);
    chart()->addAxis(valueAxis_, Qt::AlignLeft);
    setMinimumSize(260, 180);
    followPalette();
    draw(0.0);
}

void SeriesChart::setLines(const QVector<ChartLine>& lines)
{
    for (auto& line : lines_)
        for (auto* series : line.drawn) {
            chart()->removeSeries(series);
            delete series;
        }
    lines_.clear();
    for (const auto& spec : lines)
        lines_.push_back(Line{spec, {}, {}});
}

int SeriesChart::bucketCount() const
{
    return std::max(60, width() / 2);
}

double SeriesChart::collect(const SeriesStore& store, std::int64_t firstNanos, std::int64_t lastNanos,
                            int buckets)
{
    firstNanos_ = firstNanos;
    lastNanos_ = lastNanos;
    const double bucketMillis = (lastNanos - firstNanos) / 1e6 / std::max(buckets, 1);
    double largest = 0.0;
    for (auto& line : lines_) {
        line.segments.clear();
        QList<QPointF> segment;
        for (const auto& bucket :
             store.downsample(line.spec.key.toStdString(), metric_, firstNanos, lastNanos, buckets)) {
            if (bucket.count > 0) {
                const double x = bucket.startNanos / 1e6 + bucketMillis / 2.0;
                segment.append(QPointF(x, bucket.max));
                largest = std::max(largest, static_cast<double>(bucket.max));
            }
            if (bucket.hasGap && !segment.isEmpty()) {
                line.segments.append(segment);
                segment.clear();
            }
        }
        if (!segment.isEmpty())
            line.segments.append(segment);
    }
    return largest;
}

QLineSeries* SeriesChart::segmentSeries(Line& line, int index)
{
    while (line.drawn.size() <= index) {
        auto* series = new QLineSeries(this);
        series->setName(line.spec.label);
        chart()->addSeries(series);
        series->attachAxis(timeAxis_);
        series->attachAxis(valueAxis_);
        QPen pen(line.spec.color);
        pen.setWidthF(2.0);
        series->setPen(pen);
        // One legend entry per line, however many pieces gaps cut it into.
        if (!line.drawn.isEmpty())
            for (auto* marker : chart()->legend()->markers(series))
                marker->setVisible(false);
        const auto lineIndex = static_cast<int>(&line - lines_.data());
        connect(series, &QLineSeries::hovered, this, [this, lineIndex](const QPointF& point, bool state) {
            showValueTip(lines_[lineIndex], point, state);
        });
        line.drawn.push_back(series);
    }
    return line.drawn[index];
}

void SeriesChart::draw(double axisMax)
{
    if (unit_ == ChartUnit::Bytes) {
        const auto scale = byteScaleFor(axisMax);
        divisor_ = scale.divisor;
        valueAxis_->setTitleText(tr("Memory (%1)").arg(QString::fromStdString(scale.unit)));
        valueAxis_->setMax(niceAxisMax(axisMax / divisor_, 1.0));
    } else {
        divisor_ = 1.0;
        valueAxis_->setTitleText(tr("CPU (%)"));
        valueAxis_->setMax(niceAxisMax(axisMax, 1.0));
    }
    for (auto& line : lines_) {
        for (int i = 0; i < line.segments.size(); ++i) {
            QList<QPointF> scaled = line.segments[i];
            for (auto& point : scaled)
                point.setY(point.y() / divisor_);
            segmentSeries(line, i)->replace(scaled);
        }
        for (int i = static_cast<int>(line.segments.size()); i < line.drawn.size(); ++i)
            line.drawn[i]->clear();
        if (line.drawn.isEmpty())
            segmentSeries(line, 0); // the legend names every line, even before it has data
    }
    if (lastNanos_ > firstNanos_)
        setTimeRange(firstNanos_ / 1'000'000, lastNanos_ / 1'000'000);
    viewport()->update();
}

void SeriesChart::setTimeRange(qint64 firstMillis, qint64 lastMillis)
{
    const qint64 offsetMillis = QDateTime::fromMSecsSinceEpoch(firstMillis).offsetFromUtc() * 1000LL;
    const auto ticks = niceTimeTicks(firstMillis * 1'000'000, lastMillis * 1'000'000, maxTimeLabels(width()),
                                     offsetMillis * 1'000'000);
    timeAxis_->setRange(static_cast<double>(firstMillis), static_cast<double>(lastMillis));
    QList<QPair<QString, double>> wanted;
    for (const auto instant : ticks.instants) {
        const qint64 millis = instant / 1'000'000;
        if (millis > firstMillis) // a category ends after the axis' start
            wanted.append({timeLabel(QDateTime::fromMSecsSinceEpoch(millis), ticks.format),
                           static_cast<double>(millis)});
    }
    // Most refreshes move the window by less than a step: only the first category's start moves.
    QList<QPair<QString, double>> shown;
    for (const auto& label : timeAxis_->categoriesLabels())
        shown.append({label, timeAxis_->endValue(label)});
    if (shown == wanted) {
        timeAxis_->setStartValue(static_cast<double>(firstMillis));
        return;
    }
    for (const auto& [label, value] : shown)
        timeAxis_->remove(label);
    timeAxis_->setStartValue(static_cast<double>(firstMillis));
    for (const auto& [label, value] : wanted)
        timeAxis_->append(label, value);
}

void SeriesChart::resizeEvent(QResizeEvent* event)
{
    QChartView::resizeEvent(event);
    // How many labels fit depends on the width.
    setTimeRange(static_cast<qint64>(timeAxis_->min()), static_cast<qint64>(timeAxis_->max()));
}

void SeriesChart::setEmptyText(const QString& text)
{
    emptyText_ = text;
    viewport()->update();
}

int SeriesChart::drawnPoints() const
{
    int points = 0;
    for (const auto& line : lines_)
        for (const auto* series : line.drawn)
            points += series->count();
    return points;
}

double SeriesChart::axisTop() const
{
    return valueAxis_->max();
}

QString SeriesChart::valueAxisTitle() const
{
    return valueAxis_->titleText();
}

void SeriesChart::showValueTip(const Line& line, const QPointF& point, bool entering)
{
    if (!entering) {
        QToolTip::hideText();
        return;
    }
    const auto time = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(point.x()));
    QToolTip::showText(QCursor::pos(), QStringLiteral("%1 \u2014 %2\n%3")
                                           .arg(line.spec.label, time.toString(QStringLiteral("HH:mm:ss")),
                                                formatValue(point.y() * divisor_, unit_)));
}

void SeriesChart::followPalette()
{
    chart()->setTheme(paletteIsDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart()->setTitle(title_);
    // The theme resets pens: put each line's colour back.
    for (auto& line : lines_)
        for (auto* series : line.drawn) {
            QPen pen(line.spec.color);
            pen.setWidthF(2.0);
            series->setPen(pen);
        }
}

void SeriesChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        followPalette();
    QChartView::changeEvent(event);
}

void SeriesChart::drawForeground(QPainter* painter, const QRectF& rect)
{
    QChartView::drawForeground(painter, rect);
    if (emptyText_.isEmpty() || drawnPoints() > 0)
        return;
    painter->save();
    painter->setPen(palette().color(QPalette::PlaceholderText));
    painter->drawText(chart()->plotArea(), Qt::AlignCenter | Qt::TextWordWrap, emptyText_);
    painter->restore();
}
