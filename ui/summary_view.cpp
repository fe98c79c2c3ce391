#include "summary_view.hpp"

#include "isolens/core/analysis/pair_summary.hpp"
#include "isolens/core/analysis/published_reference.hpp"
#include "isolens/core/analysis/summary.hpp"
#include "isolens/core/base/units.hpp"

#include <QScrollBar>

using namespace isolens;

namespace {

QString bytes(double value, std::size_t count)
{
    return count == 0 ? QStringLiteral("--")
                      : QString::fromStdString(formatBytes(static_cast<std::int64_t>(value)));
}

QString percent(double value, std::size_t count)
{
    return count == 0 ? QStringLiteral("--") : QStringLiteral("%1%").arg(value, 0, 'f', 2);
}

QString millis(const std::optional<double>& value)
{
    return value ? QStringLiteral("%1 ms").arg(*value, 0, 'f', 0) : QStringLiteral("--");
}

QString row(const QString& label, const QString& a, const QString& b)
{
    return QStringLiteral("<tr><th align=left>%1</th><td align=right>%2</td><td align=right>%3</td></tr>")
        .arg(label.toHtmlEscaped(), a.toHtmlEscaped(), b.toHtmlEscaped());
}

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

SummaryView::SummaryView(QWidget* parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("summaryView"));
    setOpenExternalLinks(true);
}

bool SummaryView::Input::sameAs(const Input& other) const
{
    const bool sameStore =
        !store.expired() && !store.owner_before(other.store) && !other.store.owner_before(store);
    return sameStore && modes == other.modes && samples == other.samples &&
           createToRunning == other.createToRunning && firstSample == other.firstSample;
}

void SummaryView::refresh(const std::shared_ptr<const SeriesStore>& storePointer,
                          const std::array<QString, 2>& modes, const std::array<StartupTimes, 2>& startup)
{
    const auto& store = *storePointer;
    Input input{storePointer, modes, {}, {}, {}};
    for (int side = 0; side < 2; ++side) {
        input.samples[side] = store.size(modes[side].toStdString());
        input.createToRunning[side] = startup[side].createToRunningMillis;
        input.firstSample[side] = startup[side].startToFirstSampleMillis;
    }
    if (input.sameAs(shown_))
        return;
    shown_ = input;
    const auto summaries = summarizeModes(store, {modes[0].toStdString(), modes[1].toStdString()});
    const auto& a = summaries[0];
    const auto& b = summaries[1];
    QString html = tr("<h3>Measured in this session</h3>");
    html +=
        QStringLiteral("<table cellspacing=0 cellpadding=4 border=1><tr><th></th><th>%1</th><th>%2</th></tr>")
            .arg(modes[0].toHtmlEscaped(), modes[1].toHtmlEscaped());
    html +=
        row(tr("Memory, mean"), bytes(a.memory.mean, a.memory.count), bytes(b.memory.mean, b.memory.count));
    html += row(tr("Memory, p95"), bytes(a.memory.p95, a.memory.count), bytes(b.memory.p95, b.memory.count));
    html +=
        row(tr("Memory, peak"), bytes(a.memory.peak, a.memory.count), bytes(b.memory.peak, b.memory.count));
    html += row(tr("CPU, mean"), percent(a.cpu.mean, a.cpu.count), percent(b.cpu.mean, b.cpu.count));
    html += row(tr("CPU, p95"), percent(a.cpu.p95, a.cpu.count), percent(b.cpu.p95, b.cpu.count));
    html += row(tr("CPU, peak"), percent(a.cpu.peak, a.cpu.count), percent(b.cpu.peak, b.cpu.count));
    html += row(tr("Samples"), QString::number(a.memory.count), QString::number(b.memory.count));
    html += row(tr("Create to running"), millis(startup[0].createToRunningMillis),
                millis(startup[1].createToRunningMillis));
    html += row(tr("Start to first sample"), millis(startup[0].startToFirstSampleMillis),
                millis(startup[1].startToFirstSampleMillis));
    html += QStringLiteral("</table>");
    if (a.memory.count > 0 && b.memory.count > 0) {
        const auto memory = describeDifference(modes[0].toStdString(), modes[1].toStdString(), "memory",
                                               a.memory.mean, b.memory.mean);
        const auto cpu =
            describeDifference(modes[0].toStdString(), modes[1].toStdString(), "CPU", a.cpu.mean, b.cpu.mean);
        html += QStringLiteral("<p><b>%1.</b><br>%2.</p>")
                    .arg(QString::fromStdString(memory).toHtmlEscaped(),
                         QString::fromStdString(cpu).toHtmlEscaped());
    } else {
        html += tr("<p>No samples yet: start a pair, or open a recording.</p>");
    }

    const auto& published = publishedReference();
    html += tr("<h3>%1</h3><p>Source: %2</p>")
                .arg(fromStd(published.label).toHtmlEscaped(), fromStd(published.source).toHtmlEscaped());
    html += tr("<table cellspacing=0 cellpadding=4 border=1><tr><th>Image</th><th>Hyper-V</th>"
               "<th>Process</th><th>Difference</th></tr>");
    for (const auto& reference : published.rows)
        html += QStringLiteral("<tr><td>%1</td><td align=right>%2 MB</td><td align=right>%3 MB</td>"
                               "<td align=right>%4</td></tr>")
                    .arg(fromStd(reference.image).toHtmlEscaped())
                    .arg(reference.hyperVMegabytes, 0, 'f', 0)
                    .arg(reference.processMegabytes, 0, 'f', 0)
                    .arg(fromStd(reference.difference).toHtmlEscaped());
    html += QStringLiteral("</table>");
    for (const auto& note : published.notes)
        html += QStringLiteral("<p><small>%1</small></p>").arg(fromStd(note).toHtmlEscaped());
    // Keep the reader's place while the figures update.
    const int scroll = verticalScrollBar()->value();
    setHtml(html);
    verticalScrollBar()->setValue(scroll);
}
