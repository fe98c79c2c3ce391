#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>
#include <QVector>

#include <cstdint>

namespace isolens {
class SeriesStore;
enum class Metric;
} // namespace isolens

class QCategoryAxis;
class QLineSeries;
class QValueAxis;

// What a chart's axis counts.
enum class ChartUnit { Percent, Bytes };

// One line of a chart: a series of the store, under a label, in a colour.
struct ChartLine {
    QString key;
    QString label;
    QColor color;
};

// One metric of one or more series over a time window. Refreshing is two steps so charts side by
// side can share one value axis: collect() reads downsampled points (min/max buckets, so peaks
// survive) and tells the largest value; draw() scales them and replaces each line's points at once
// (QXYSeries::replace, never per-point appends). Gaps break a line; they never fall to zero.
class SeriesChart : public QChartView {
    Q_OBJECT
public:
    SeriesChart(const QString& title, isolens::Metric metric, ChartUnit unit, QWidget* parent = nullptr);

    void setLines(const QVector<ChartLine>& lines);
    void setMetric(isolens::Metric metric) { metric_ = metric; }

    // Enough slices for the chart's width (two pixels each), and a floor for tiny charts.
    int bucketCount() const;
    // Reads [first, last) in `buckets` slices; returns the largest value (0 when none).
    double collect(const isolens::SeriesStore& store, std::int64_t firstNanos, std::int64_t lastNanos,
                   int buckets);
    // Draws what collect() read with the value axis running from 0 to at least axisMax.
    void draw(double axisMax);

    // The placeholder shown over an empty chart ("no data yet", "not in this recording").
    void setEmptyText(const QString& text);

    int drawnPoints() const;
    double axisTop() const;
    QString valueAxisTitle() const;

    // Light or dark, to match the application's palette.
    void followPalette();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    struct Line {
        ChartLine spec;
        QList<QList<QPointF>> segments; // collected, in raw units
        QVector<QLineSeries*> drawn;    // one series per segment, reused between refreshes
    };
    QLineSeries* segmentSeries(Line& line, int index);
    void showValueTip(const Line& line, const QPointF& point, bool entering);
    void setTimeRange(qint64 firstMillis, qint64 lastMillis);

    QString title_;
    isolens::Metric metric_;
    ChartUnit unit_;
    // Labelled at round instants (niceTimeTicks): a category axis places each label on its value;
    // QDateTimeAxis only divides the range evenly, which put labels at 11:58:25, 11:59:40 ...
    QCategoryAxis* timeAxis_;
    QValueAxis* valueAxis_;
    QVector<Line> lines_;
    double divisor_ = 1.0;
    std::int64_t firstNanos_ = 0;
    std::int64_t lastNanos_ = 0;
    QString emptyText_;
};
