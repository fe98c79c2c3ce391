#include "stacks_view.hpp"

#include "dashboard_colors.hpp"
#include "host_panel.hpp"
#include "series_chart.hpp"
#include "stack_controller.hpp"
#include "stack_member_model.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/base/units.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/stack_figures.hpp"
#include "isolens/core/session/stack_membership.hpp"

#include <QChart>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace isolens;

StacksView::StacksView(QWidget* parent)
    : QWidget(parent)
    , controller_(new StackController(this))
    , label_(new QLineEdit(this))
    , start_(new QPushButton(tr("Start"), this))
    , stop_(new QPushButton(tr("Stop"), this))
    , status_(new QLabel(this))
    , host_(new HostPanel(this))
{
    label_->setObjectName(QStringLiteral("stackLabel"));
    label_->setPlaceholderText(tr("label, e.g. com.docker.compose.project"));
    start_->setObjectName(QStringLiteral("startStacks"));
    stop_->setObjectName(QStringLiteral("stopStacks"));
    status_->setObjectName(QStringLiteral("stacksStatus"));
    status_->setWordWrap(true);
    // The host's notes (the isolation tax, what was not measured) are the Host tab's: one place.
    if (auto* notes = host_->findChild<QLabel*>(QStringLiteral("hostNotes"))) {
        notes->setObjectName(QStringLiteral("stackHostNotes"));
        notes->hide();
    }
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Label:"), this));
    bar->addWidget(label_, 2);

    auto* columns = new QWidget(this);
    auto* grid = new QGridLayout(columns);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int side = 0; side < 2; ++side) {
        values_[side] = new QLineEdit(this);
        values_[side]->setObjectName(QStringLiteral("stackValue%1").arg(side));
        values_[side]->setPlaceholderText(side == 0 ? tr("first value") : tr("second value"));
        bar->addWidget(new QLabel(side == 0 ? tr("A:") : tr("B:"), this));
        bar->addWidget(values_[side], 1);

        captions_[side] = new QLabel(columns);
        captions_[side]->setAlignment(Qt::AlignCenter);
        cpu_[side] = new SeriesChart(tr("CPU, summed"), Metric::CpuPercent, ChartUnit::Percent, columns);
        memory_[side] = new SeriesChart(tr("Memory, summed"), Metric::MemoryBytes, ChartUnit::Bytes, columns);
        cpu_[side]->setObjectName(QStringLiteral("stackCpuChart%1").arg(side));
        memory_[side]->setObjectName(QStringLiteral("stackMemoryChart%1").arg(side));
        // One line each, named by the caption above: the legend's room goes to the value axis' labels.
        for (auto* chart : {cpu_[side], memory_[side]})
            chart->chart()->legend()->hide();
        models_[side] = new StackMemberModel(this);
        auto* table = new QTableView(columns);
        table->setObjectName(QStringLiteral("stackMembers%1").arg(side));
        table->setModel(models_[side]);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setSectionResizeMode(StackMemberModel::Name, QHeaderView::Stretch);
        table->setSelectionMode(QAbstractItemView::NoSelection);
        grid->addWidget(captions_[side], 0, side);
        grid->addWidget(cpu_[side], 1, side);
        grid->addWidget(memory_[side], 2, side);
        grid->addWidget(table, 3, side);
    }
    grid->setRowStretch(1, 3);
    grid->setRowStretch(2, 3);
    grid->setRowStretch(3, 2);
    bar->addWidget(start_);
    bar->addWidget(stop_);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(columns);
    splitter->addWidget(host_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(status_);
    layout->addWidget(splitter, 1);

    connect(start_, &QPushButton::clicked, this, &StacksView::start);
    connect(stop_, &QPushButton::clicked, this, &StacksView::stop);
    for (auto* field : {label_, values_[0], values_[1]})
        connect(field, &QLineEdit::returnPressed, this, &StacksView::start);
    connect(controller_, &StackController::started, this, &StacksView::showState);
    connect(controller_, &StackController::stopped, this, &StacksView::showState);
    connect(controller_, &StackController::storeReplaced, this, [this] {
        showState();
        if (isVisible()) // hidden, it is drawn when shown (showEvent): a chart laid out tiny elides its
                         // labels
            refresh();
    });
    connect(controller_, &StackController::message, this,
            [this](const QString& text) { status_->setText(text); });
    showState();
}

void StacksView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh();
}

void StacksView::setRequest(const QString& label, const QString& first, const QString& second)
{
    label_->setText(label);
    values_[0]->setText(first);
    values_[1]->setText(second);
}

void StacksView::focusFields()
{
    label_->setFocus();
}

void StacksView::start()
{
    StackRequest request{
        label_->text().trimmed().toStdString(),
        {values_[0]->text().trimmed().toStdString(), values_[1]->text().trimmed().toStdString()}};
    const auto error = controller_->start(request);
    if (!error.isEmpty())
        status_->setText(error);
}

void StacksView::stop()
{
    controller_->stop();
    showState();
}

QString StacksView::statusText() const
{
    return status_->text();
}

void StacksView::enableButtons()
{
    const bool running = controller_->isRunning();
    const bool stopping = controller_->isStopping();
    start_->setEnabled(!running && !stopping && controller_->hasEngine());
    stop_->setEnabled(running && !stopping);
    for (auto* field : {label_, values_[0], values_[1]})
        field->setEnabled(!running && !stopping);
}

void StacksView::showState()
{
    enableButtons();
    const bool running = controller_->isRunning();
    const bool stopping = controller_->isStopping();
    const auto groups = controller_->groups();
    if (groups != shownGroups_) { // new lines only for new groups: the charts keep their series otherwise
        shownGroups_ = groups;
        for (int side = 0; side < 2; ++side) {
            const ChartLine line{groups[side], groups[side], colors::mode(side)};
            cpu_[side]->setLines({line});
            memory_[side]->setLines({line});
        }
    }
    if (stopping)
        status_->setText(tr("Stopping\u2026 (the stacks' containers are left running)"));
    else if (running)
        status_->setText(tr("Following %1 = %2 and %3, recording to %4")
                             .arg(controller_->label(), groups[0], groups[1], controller_->recordingPath()));
    else if (controller_->isReplay())
        status_->setText(tr("Recording of %1 = %2 and %3: %4")
                             .arg(controller_->label(), groups[0], groups[1], controller_->recordingPath()));
    else if (!controller_->hasEngine())
        status_->setText(tr("Connect to an engine to compare two stacks, or open a stacks recording."));
    else
        status_->setText(tr("Two stacks side by side: the containers whose label has the first value "
                            "against those with the second (e.g. com.docker.compose.project)."));
}

void StacksView::refresh()
{
    enableButtons();
    const auto store = controller_->store();
    auto span = store->timeSpan();
    const auto now = wallClockNanos();
    const std::int64_t first = span ? span->first : now;
    // Live: up to now; a replay (or a stopped session): up to its last sample.
    const std::int64_t last = controller_->isRunning() || !span ? now : span->second;
    const int buckets = cpu_[0]->bucketCount();
    // Both columns on one scale: the comparison is the point.
    double cpuTop = 0.0, memoryTop = 0.0;
    for (int side = 0; side < 2; ++side) {
        cpuTop = std::max(cpuTop, cpu_[side]->collect(*store, first, last, buckets));
        memoryTop = std::max(memoryTop, memory_[side]->collect(*store, first, last, buckets));
    }
    const auto groups = controller_->groups();
    const auto counts = controller_->memberCounts();
    for (int side = 0; side < 2; ++side) {
        cpu_[side]->draw(cpuTop);
        memory_[side]->draw(memoryTop);
        const auto column = stackColumnFigures(*store, groups[side].toStdString(), last);
        QVector<StackMemberModel::Row> rows;
        for (const auto& member : column.members)
            rows.push_back({QString::fromStdString(member.name), member.cpuPercent, member.memoryBytes});
        models_[side]->setRows(rows);
        // Live, members beyond those with a series of their own are in the sum, not in the table.
        const auto members = counts && (*counts)[side] > static_cast<int>(rows.size())
                                 ? tr("%1 members (%2 listed)").arg((*counts)[side]).arg(rows.size())
                             : rows.size() == 1 ? tr("1 member")
                                                : tr("%1 members").arg(rows.size());
        captions_[side]->setText(column.cpuPercent && column.memoryBytes
                                     ? tr("<b>%1</b>: %2, CPU %3%, memory %4")
                                           .arg(groups[side].toHtmlEscaped(), members)
                                           .arg(*column.cpuPercent, 0, 'f', 1)
                                           .arg(QString::fromStdString(
                                               formatBytes(static_cast<std::int64_t>(*column.memoryBytes))))
                                     : tr("<b>%1</b>: %2, --").arg(groups[side].toHtmlEscaped(), members));
    }
    host_->refresh(*store, first, last);
}
