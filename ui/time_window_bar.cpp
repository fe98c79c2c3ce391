#include "time_window_bar.hpp"

#include "isolens/core/series/chart_scale.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

struct WidthChoice {
    const char* label;
    std::int64_t seconds; // 0: the whole session
};
constexpr WidthChoice kWidths[] = {
    {"Last minute", 60},        {"Last 5 minutes", 300},      {"Last 15 minutes", 900}, {"Last hour", 3600},
    {"Last 6 hours", 6 * 3600}, {"Last 24 hours", 24 * 3600}, {"Whole session", 0}};

} // namespace

TimeWindowBar::TimeWindowBar(QWidget* parent)
    : QWidget(parent)
    , width_(new QComboBox(this))
    , scroll_(new QScrollBar(Qt::Horizontal, this))
    , live_(new QLabel(this))
{
    for (const auto& choice : kWidths)
        width_->addItem(tr(choice.label));
    width_->setCurrentIndex(1);
    width_->setToolTip(tr("How much of the session the charts show"));
    scroll_->setToolTip(tr("Scroll back through the session; at the right end the charts follow live data"));
    scroll_->setRange(0, 0);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(width_);
    layout->addWidget(scroll_, 1);
    layout->addWidget(live_);
    connect(width_, &QComboBox::currentIndexChanged, this, [this] {
        setSpan(spanFirst_, spanLast_);
        emit changed();
    });
    connect(scroll_, &QScrollBar::valueChanged, this, [this] {
        live_->setText(isLive() ? endLabel_ : tr("scrolled back"));
        emit changed();
    });
    setEndLabel(tr("live"));
}

void TimeWindowBar::setEndLabel(const QString& label)
{
    endLabel_ = label;
    live_->setText(isLive() ? endLabel_ : tr("scrolled back"));
}

std::int64_t TimeWindowBar::widthNanos() const
{
    return kWidths[std::max(width_->currentIndex(), 0)].seconds * kSecond;
}

void TimeWindowBar::setWidthIndex(int index)
{
    if (index >= 0 && index < width_->count())
        width_->setCurrentIndex(index);
}

int TimeWindowBar::widthIndex() const
{
    return width_->currentIndex();
}

bool TimeWindowBar::isLive() const
{
    return scroll_->value() >= scroll_->maximum();
}

void TimeWindowBar::setSpan(std::int64_t firstNanos, std::int64_t lastNanos)
{
    const bool wasLive = isLive();
    spanFirst_ = firstNanos;
    spanLast_ = lastNanos;
    const auto width = widthNanos();
    const auto scrollable =
        width > 0 ? std::max<std::int64_t>(0, (lastNanos - firstNanos - width) / kSecond) : 0;
    const QSignalBlocker block(scroll_);
    const int oldValue = scroll_->value();
    scroll_->setRange(0, static_cast<int>(scrollable));
    scroll_->setPageStep(static_cast<int>(std::max<std::int64_t>(1, width / kSecond)));
    // Live stays live; a view scrolled back stays on the same moment as data arrives.
    scroll_->setValue(wasLive ? scroll_->maximum() : oldValue);
    scroll_->setEnabled(scrollable > 0);
    live_->setText(isLive() ? endLabel_ : tr("scrolled back"));
}

std::pair<std::int64_t, std::int64_t> TimeWindowBar::window() const
{
    const std::int64_t offset = static_cast<std::int64_t>(scroll_->maximum() - scroll_->value()) * kSecond;
    const auto window = isolens::visibleWindow(spanFirst_, spanLast_, widthNanos(), offset);
    return {window.first, window.last};
}
