#include "host_panel.hpp"

#include "dashboard_colors.hpp"
#include "series_chart.hpp"

#include "isolens/core/host/host_series.hpp"
#include "isolens/core/series/series_store.hpp"

#include <QGridLayout>
#include <QLabel>

using namespace isolens;

HostPanel::HostPanel(QWidget* parent)
    : QWidget(parent)
    , cpu_(new SeriesChart(tr("Host CPU"), Metric::CpuHostPercent, ChartUnit::Percent, this))
    , memory_(new SeriesChart(tr("Host memory in use"), Metric::MemoryBytes, ChartUnit::Bytes, this))
    , tax_(new SeriesChart(tr("Isolation tax: utility VM memory beyond the container's"), Metric::MemoryBytes,
                           ChartUnit::Bytes, this))
    , notes_(new QLabel(this))
{
    const ChartLine host{QString::fromLatin1(kHostSeries), tr("host"), colors::host()};
    const ChartLine workers{QString::fromLatin1(kVmWorkerSeries), tr("VM workers (vmmem, qemu\u2026)"),
                            colors::vmWorkers()};
    cpu_->setLines({host, workers});
    memory_->setLines({host, workers});
    tax_->setLines({{QString::fromLatin1(kIsolationTaxSeries), tr("isolation tax"), colors::isolationTax()}});
    cpu_->setObjectName(QStringLiteral("hostCpuChart"));
    memory_->setObjectName(QStringLiteral("hostMemoryChart"));
    tax_->setObjectName(QStringLiteral("isolationTaxChart"));
    cpu_->setEmptyText(tr("No host figures yet"));
    memory_->setEmptyText(tr("No host figures yet"));
    tax_->setEmptyText(
        tr("No isolation tax figure: it needs a Hyper-V container and its utility VM (vmmem)"));
    notes_->setWordWrap(true);
    notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notes_->setObjectName(QStringLiteral("hostNotes"));
    notes_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(cpu_, 0, 0);
    grid->addWidget(memory_, 0, 1);
    grid->addWidget(tax_, 1, 0);
    grid->addWidget(notes_, 1, 1);
}

void HostPanel::refresh(const SeriesStore& store, std::int64_t firstNanos, std::int64_t lastNanos)
{
    const int buckets = cpu_->bucketCount();
    for (auto* chart : {cpu_, memory_, tax_})
        chart->draw(chart->collect(store, firstNanos, lastNanos, buckets));
}

void HostPanel::setNotes(const QString& taxExplanation, const QString& vmWorkers,
                         const QStringList& unavailable)
{
    QString html = tr("<p><b>Isolation tax:</b> %1</p><p><b>VM workers now:</b> %2</p>")
                       .arg(taxExplanation.toHtmlEscaped(), vmWorkers.toHtmlEscaped());
    if (!unavailable.isEmpty()) {
        html += tr("<p><b>Not measured:</b></p><ul>");
        for (const auto& line : unavailable)
            html += QStringLiteral("<li>%1</li>").arg(line.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    html += tr("<p>A Hyper-V container runs inside a small utility VM, seen on the host as <i>vmmem</i>; its "
               "memory beyond the container's own is what the isolation costs. Process-isolated containers "
               "run as ordinary host processes.</p>");
    notes_->setText(html);
}
