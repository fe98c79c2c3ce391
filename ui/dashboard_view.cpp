#include "dashboard_view.hpp"

#include "comparison_panel.hpp"
#include "dashboard_controller.hpp"
#include "host_panel.hpp"
#include "launcher_panel.hpp"
#include "process_view.hpp"
#include "series_chart.hpp"
#include "stack_controller.hpp"
#include "stacks_view.hpp"
#include "summary_view.hpp"
#include "time_window_bar.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/series/series_store.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace isolens;

namespace {

struct CpuChoice {
    const char* label;
    Metric metric;
    const char* tip;
};
const CpuChoice kCpuChoices[] = {
    {"CPU as docker stats shows it", Metric::CpuPercent,
     "Linux: 100% per busy CPU; Windows: percent of the whole host"},
    {"CPU, % of the host", Metric::CpuHostPercent, "0-100% of all the host's CPUs"},
    {"CPU, % of the container's CPUs", Metric::CpuAllotmentPercent,
     "0-100% of the CPUs the container may use (its limit; 2 vCPUs for a Hyper-V utility VM)"},
};

} // namespace

DashboardView::DashboardView(DashboardController* controller, QWidget* parent)
    : QWidget(parent)
    , controller_(controller)
    , engine_(new QLabel(this))
    , reconnect_(new QPushButton(tr("Reconnect"), this))
    , session_(new QLabel(this))
    , launcher_(new LauncherPanel(this))
    , timeBar_(new TimeWindowBar(this))
    , cpuMetric_(new QComboBox(this))
    , overlay_(new QCheckBox(tr("&Overlay both modes"), this))
    , comparison_(new ComparisonPanel(this))
    , host_(new HostPanel(this))
    , processes_(new ProcessView(this))
    , summary_(new SummaryView(this))
    , stacks_(new StacksView(this))
    , tabs_(new QTabWidget(this))
{
    engine_->setObjectName(QStringLiteral("engineBar"));
    engine_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    reconnect_->setToolTip(tr("Connect to the engine again (F5)"));
    session_->setObjectName(QStringLiteral("sessionCaption"));
    session_->setWordWrap(true);
    for (const auto& choice : kCpuChoices) {
        cpuMetric_->addItem(tr(choice.label));
        cpuMetric_->setItemData(cpuMetric_->count() - 1, tr(choice.tip), Qt::ToolTipRole);
    }
    overlay_->setToolTip(tr("Draw both modes in one chart per metric (Ctrl+L)"));

    auto* engineBar = new QHBoxLayout;
    engineBar->addWidget(engine_, 1);
    engineBar->addWidget(reconnect_);

    auto* compareTab = new QWidget(this);
    auto* compareLayout = new QVBoxLayout(compareTab);
    auto* compareBar = new QHBoxLayout;
    compareBar->addWidget(cpuMetric_);
    compareBar->addWidget(overlay_);
    compareBar->addStretch();
    compareLayout->addLayout(compareBar);
    compareLayout->addWidget(comparison_, 1);
    tabs_->addTab(compareTab, tr("&Compare"));
    tabs_->addTab(host_, tr("&Host"));
    tabs_->addTab(processes_, tr("&Processes"));
    tabs_->addTab(summary_, tr("S&ummary"));
    // Two compose projects side by side (stacks_view.hpp), in a scroll area so that the tab's columns
    // and tables never make the window wider than the screen.
    stacksTab_ = new QScrollArea(this);
    stacksTab_->setWidget(stacks_);
    stacksTab_->setWidgetResizable(true);
    stacksTab_->setFrameShape(QFrame::NoFrame);
    tabs_->addTab(stacksTab_, tr("S&tacks"));
    stacks_->controller()->setRecordingFolder([controller] { return controller->recordingDirectory(); });

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(session_);
    rightLayout->addWidget(timeBar_);
    rightLayout->addWidget(tabs_, 1);

    auto* launcherScroll = new QScrollArea(this);
    launcherScroll->setWidget(launcher_);
    launcherScroll->setWidgetResizable(true);
    launcherScroll->setMinimumWidth(280);
    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("dashboardSplitter"));
    splitter->addWidget(launcherScroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({300, 900});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(engineBar);
    layout->addWidget(splitter, 1);

    connect(reconnect_, &QPushButton::clicked, this, &DashboardView::reconnectRequested);
    connect(timeBar_, &TimeWindowBar::changed, this, &DashboardView::refresh);
    connect(cpuMetric_, &QComboBox::currentIndexChanged, this, [this](int index) {
        comparison_->setCpuMetric(kCpuChoices[std::max(index, 0)].metric);
        refresh();
    });
    connect(overlay_, &QCheckBox::toggled, this, [this](bool on) {
        comparison_->setOverlay(on);
        refresh();
    });
    for (auto* chart : allCharts()) {
        chart->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(chart, &QWidget::customContextMenuRequested, this, [this, chart](const QPoint& where) {
            QMenu menu;
            menu.addAction(tr("Export this chart as PNG\u2026"), this,
                           [this, chart] { emit exportChartRequested(chart); });
            menu.exec(chart->mapToGlobal(where));
        });
    }
}

QList<SeriesChart*> DashboardView::allCharts() const
{
    return {comparison_->cpuChart(0),    comparison_->cpuChart(1),       comparison_->memoryChart(0),
            comparison_->memoryChart(1), comparison_->overlayCpuChart(), comparison_->overlayMemoryChart(),
            host_->cpuChart(),           host_->memoryChart(),           host_->taxChart()};
}

void DashboardView::refresh()
{
    const auto store = controller_->store();
    comparison_->setModes(controller_->modeKeys());
    auto span = store->timeSpan();
    if (!span) {
        const auto now = wallClockNanos();
        span = std::make_pair(now, now);
    }
    timeBar_->setEndLabel(controller_->isReplay()    ? tr("end of recording")
                          : controller_->isRunning() ? tr("live")
                                                     : tr("now"));
    timeBar_->setSpan(span->first, span->second);
    const auto [first, last] = timeBar_->window();
    comparison_->refresh(*store, first, last);
    host_->refresh(*store, first, last);
    if (tabs_->currentWidget() == summary_ || !controller_->isRunning())
        summary_->refresh(store, controller_->modeKeys(), controller_->startupTimes());
    if (showsStacks())
        stacks_->refresh();
}

void DashboardView::showStacks()
{
    tabs_->setCurrentWidget(stacksTab_);
}

bool DashboardView::showsStacks() const
{
    return tabs_->currentWidget() == stacksTab_;
}

void DashboardView::setEngineSummary(const QString& text, const QString& details, bool connected)
{
    engine_->setText(text);
    engine_->setToolTip(details);
    launcher_->setEnabledForEngine(connected);
}

QString DashboardView::engineSummary() const
{
    return engine_->text();
}

void DashboardView::setSessionCaption(const QString& text)
{
    session_->setText(text);
    session_->setVisible(!text.isEmpty());
}

QString DashboardView::sessionCaption() const
{
    return session_->text();
}

void DashboardView::setCpuMetricIndex(int index)
{
    if (index >= 0 && index < cpuMetric_->count())
        cpuMetric_->setCurrentIndex(index);
}

int DashboardView::cpuMetricIndex() const
{
    return cpuMetric_->currentIndex();
}

void DashboardView::setOverlay(bool overlay)
{
    overlay_->setChecked(overlay);
}

bool DashboardView::isOverlay() const
{
    return overlay_->isChecked();
}
