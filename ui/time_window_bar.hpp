#pragma once

#include <QWidget>

#include <cstdint>

class QComboBox;
class QLabel;
class QScrollBar;

// Which stretch of the session the charts show: a width (1 minute ... 24 hours, or all of it) and a
// scroll bar back through the session. At the right end the charts follow live data.
class TimeWindowBar : public QWidget {
    Q_OBJECT
public:
    explicit TimeWindowBar(QWidget* parent = nullptr);

    // The data's span changed (once per tick); keeps the view live or where the user scrolled to.
    void setSpan(std::int64_t firstNanos, std::int64_t lastNanos);
    // The window to draw now: [first, last).
    std::pair<std::int64_t, std::int64_t> window() const;

    std::int64_t widthNanos() const;
    void setWidthIndex(int index);
    int widthIndex() const;
    bool isLive() const;
    // What the right end is called: "live" while a pair runs, "end" for a replay.
    void setEndLabel(const QString& label);

signals:
    void changed();

private:
    QComboBox* width_;
    QScrollBar* scroll_;
    QLabel* live_;
    std::int64_t spanFirst_ = 0;
    std::int64_t spanLast_ = 0;
    QString endLabel_;
};
