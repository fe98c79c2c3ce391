#include "batch_dialog.hpp"

#include "batch_plan.hpp"
#include "batch_progress_view.hpp"
#include "batch_queue.hpp"
#include "batch_results_table.hpp"
#include "dashboard_controller.hpp"
#include "dashboard_exports.hpp"
#include "launcher_panel.hpp"
#include "report_export.hpp"

#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/engine/command_line.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/engine/image_reference.hpp"
#include "isolens/core/session/isolation_modes.hpp"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace isolens;

namespace {

PairControls controlsOf(QPointer<DashboardController> controller)
{
    PairControls controls;
    controls.canStart = [controller] {
        return controller && controller->hasEngine() && !controller->isRunning() && !controller->isBusy();
    };
    controls.start = [controller](const PairRequest& request) {
        if (controller)
            controller->startPair(request);
    };
    controls.stop = [controller] {
        if (controller)
            controller->stopPair();
    };
    controls.cancelPull = [controller] {
        if (controller)
            controller->cancelPull();
    };
    controls.recordingPath = [controller] { return controller ? controller->recordingPath() : QString(); };
    return controls;
}

} // namespace

BatchDialog::BatchDialog(DashboardController* controller, LauncherPanel* launcher, QWidget* parent)
    : QDialog(parent)
    , controller_(controller)
    , launcher_(launcher)
    , pair_(std::make_unique<BatchPlan>())
    , queue_(new BatchQueue(controlsOf(controller), this))
    , images_(new QPlainTextEdit(this))
    , command_(new QLineEdit(this))
    , workload_(new QLineEdit(this))
    , modes_(new QLabel(this))
    , repeats_(new QSpinBox(this))
    , seconds_(new QSpinBox(this))
    , problem_(new QLabel(this))
    , progress_(new BatchProgressView(this))
    , results_(new QTableWidget(this))
    , summary_(new QLabel(this))
    , start_(new QPushButton(tr("&Start"), this))
    , cancel_(new QPushButton(tr("&Cancel batch"), this))
    , exportReport_(new QPushButton(tr("Export &report\u2026"), this))
    , tick_(new QTimer(this))
{
    setObjectName(QStringLiteral("batchDialog"));
    setWindowTitle(tr("Compare several images"));
    setModal(false);
    images_->setObjectName(QStringLiteral("batchImages"));
    images_->setMaximumHeight(6 * images_->fontMetrics().lineSpacing());
    images_->setPlaceholderText(tr("One image per line, e.g.\nalpine:3.20\nnginx:1.27"));
    command_->setObjectName(QStringLiteral("batchCommand"));
    command_->setPlaceholderText(tr("the image's own command"));
    workload_->setObjectName(QStringLiteral("batchWorkload"));
    modes_->setObjectName(QStringLiteral("batchModes"));
    repeats_->setObjectName(QStringLiteral("batchRepeats"));
    repeats_->setRange(1, kMaxBatchRepeats);
    seconds_->setObjectName(QStringLiteral("batchSeconds"));
    seconds_->setRange(1, 3600);
    seconds_->setValue(30);
    seconds_->setSuffix(tr(" s"));
    problem_->setObjectName(QStringLiteral("batchProblem"));
    problem_->setWordWrap(true);
    summary_->setObjectName(QStringLiteral("batchSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    results_->setObjectName(QStringLiteral("batchTable"));
    results_->verticalHeader()->hide();
    results_->hide();
    start_->setObjectName(QStringLiteral("startBatch"));
    cancel_->setObjectName(QStringLiteral("cancelBatch"));
    exportReport_->setObjectName(QStringLiteral("exportBatchReport"));
    exportReport_->setEnabled(false);

    auto* form = new QFormLayout;
    form->addRow(tr("Images:"), images_);
    form->addRow(tr("Command:"), command_);
    form->addRow(tr("Workload:"), workload_);
    form->addRow(tr("Modes:"), modes_);
    form->addRow(tr("Runs per image:"), repeats_);
    form->addRow(tr("Each run measures:"), seconds_);
    auto* runs = new QScrollArea(this);
    runs->setWidget(progress_);
    runs->setWidgetResizable(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(start_, QDialogButtonBox::ActionRole);
    buttons->addButton(cancel_, QDialogButtonBox::ActionRole);
    buttons->addButton(exportReport_, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(runs, 1);
    layout->addWidget(results_, 2);
    layout->addWidget(summary_);
    layout->addWidget(buttons);
    resize(820, 640);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide); // the batch goes on
    connect(start_, &QPushButton::clicked, this, &BatchDialog::startBatch);
    connect(cancel_, &QPushButton::clicked, queue_, &BatchQueue::cancel);
    connect(exportReport_, &QPushButton::clicked, this, [this] {
        const auto path =
            askReportPath(this, tr("Export the batch's report"), QStringLiteral("isolens-batch-report.html"));
        if (path.isEmpty())
            return;
        const auto error = exportReport(path);
        summary_->setText(error.isEmpty() ? tr("Saved the report to %1").arg(QDir::toNativeSeparators(path))
                                          : error);
    });
    connect(images_, &QPlainTextEdit::textChanged, this, &BatchDialog::updateState);
    connect(command_, &QLineEdit::textChanged, this, &BatchDialog::updateState);
    connect(workload_, &QLineEdit::textChanged, this, &BatchDialog::updateState);
    connect(queue_, &BatchQueue::changed, this, &BatchDialog::updateState);
    connect(queue_, &BatchQueue::finished, this, &BatchDialog::showFinished);
    if (controller) {
        connect(controller, &DashboardController::pairStarted, queue_, &BatchQueue::onPairStarted);
        connect(controller, &DashboardController::pairFailed, queue_, &BatchQueue::onPairFailed);
        connect(controller, &DashboardController::pairStopped, queue_, &BatchQueue::onPairStopped);
        connect(controller, &DashboardController::pullProgress, queue_,
                [this](double fraction, const QString&) { queue_->onPullProgress(fraction); });
        // A pair started or stopped outside the batch enables or disables Start.
        connect(controller, &DashboardController::pairStarting, this, &BatchDialog::updateState);
        connect(controller, &DashboardController::pairStarted, this, &BatchDialog::updateState);
        connect(controller, &DashboardController::pairStopped, this, &BatchDialog::updateState);
        connect(controller, &DashboardController::pairFailed, this, &BatchDialog::updateState);
    }
    // The running bar moves with time, not with events; a few redraws a second are enough.
    tick_->setInterval(250);
    connect(tick_, &QTimer::timeout, this, [this] { progress_->update(*queue_); });
    prefill();
    updateState();
}

BatchDialog::~BatchDialog() = default;

void BatchDialog::showPrefilled()
{
    if (!queue_->isActive())
        prefill();
    show();
    raise();
    activateWindow();
}

void BatchDialog::prefill()
{
    hasModes_ = false;
    if (!launcher_)
        return;
    const auto choice = launcher_->choice();
    command_->setText(choice.command);
    workload_->setText(choice.workload);
    if (images_->toPlainText().trimmed().isEmpty() && !choice.image.isEmpty())
        images_->setPlainText(choice.image);
    const auto* a = launcher_->mode(choice.modeIndexes[0]);
    const auto* b = launcher_->mode(choice.modeIndexes[1]);
    hasModes_ = a && b;
    if (hasModes_)
        pair_->pair.modes = {*a, *b};
    pair_->pair.hardening = choice.hardened ? fullHardening() : Hardening{};
    modes_->setText(hasModes_ ? tr("%1 vs %2%3 (as in the launcher)")
                                    .arg(QString::fromStdString(a->label), QString::fromStdString(b->label),
                                         choice.hardened ? tr(", hardened") : QString())
                              : tr("none yet: connect to an engine"));
    updateState();
}

void BatchDialog::setImages(const QStringList& images)
{
    images_->setPlainText(images.join(QLatin1Char('\n')));
}

void BatchDialog::setRepeats(int repeats)
{
    repeats_->setValue(repeats);
}

void BatchDialog::setRunSeconds(int seconds)
{
    seconds_->setValue(seconds);
}

QStringList BatchDialog::images() const
{
    QStringList images;
    for (const auto& line : images_->toPlainText().split(QLatin1Char('\n'))) {
        const auto image = line.trimmed();
        if (!image.isEmpty())
            images << image;
    }
    return images;
}

QString BatchDialog::startProblem() const
{
    if (queue_->isActive())
        return queue_->isCancelling() ? tr("Cancelling: the running pair is being stopped and removed")
                                      : tr("The batch is running");
    const auto list = images();
    if (list.isEmpty())
        return tr("Add at least one image, one per line");
    for (const auto& image : list)
        if (auto parsed = parseImageReference(image.toStdString()); !parsed)
            return tr("%1: %2").arg(image, QString::fromStdString(parsed.error().message));
    if (!controller_ || !controller_->hasEngine())
        return tr("No engine connected");
    if (!hasModes_)
        return tr("The engine offers fewer than two modes: open this again once it is connected");
    if (controller_->isRunning() || controller_->isBusy())
        return tr("A pair is running: stop it before starting a batch");
    const auto syntax = launcher_ ? launcher_->commandSyntax() : CommandSyntax::Posix;
    if (auto parsed = parseCommandLine(command_->text().toStdString(), syntax); !parsed)
        return tr("Command: %1").arg(QString::fromStdString(parsed.error().message));
    if (auto parsed = parseCommandLine(workload_->text().toStdString(), syntax); !parsed)
        return tr("Workload: %1").arg(QString::fromStdString(parsed.error().message));
    return {};
}

void BatchDialog::updateState()
{
    const auto problem = startProblem();
    const bool active = queue_->isActive();
    start_->setEnabled(problem.isEmpty());
    cancel_->setEnabled(active && !queue_->isCancelling());
    const auto table = queue_->table();
    exportReport_->setEnabled(!active && std::any_of(table.rows.begin(), table.rows.end(),
                                                     [](const auto& row) { return row.measuredRuns() > 0; }));
    problem_->setText(active ? QString() : problem);
    for (QWidget* field : std::initializer_list<QWidget*>{images_, command_, workload_, repeats_, seconds_})
        field->setEnabled(!active);
    progress_->update(*queue_);
}

void BatchDialog::startBatch()
{
    if (!startProblem().isEmpty())
        return;
    const auto syntax = launcher_ ? launcher_->commandSyntax() : CommandSyntax::Posix;
    BatchPlan plan = *pair_;
    plan.pair.command = parseCommandLine(command_->text().toStdString(), syntax).value();
    plan.pair.workload = parseCommandLine(workload_->text().toStdString(), syntax).value();
    for (const auto& image : images())
        plan.images.push_back(image.toStdString());
    plan.repeats = repeats_->value();
    plan.duration = std::chrono::seconds(seconds_->value());
    results_->hide();
    summary_->clear();
    if (!queue_->start(plan))
        return;
    progress_->rebuild(*queue_);
    tick_->start();
    updateState();
}

QString BatchDialog::exportReport(const QString& path) const
{
    if (queue_->isActive())
        return tr("The batch is still running: export its report once it has ended");
    return exportTableReport(queue_->table(), path);
}

void BatchDialog::showFinished()
{
    tick_->stop();
    progress_->update(*queue_);
    const auto table = queue_->table();
    showBatchTable(*results_, table);
    results_->show();
    std::size_t measured = 0;
    std::size_t runs = 0;
    for (const auto& row : table.rows) {
        measured += row.measuredRuns();
        runs += static_cast<std::size_t>(queue_->repeats());
    }
    const auto folder = controller_ ? QDir::toNativeSeparators(controller_->recordingDirectory()) : QString();
    summary_->setText(
        (table.cancelled ? tr("Cancelled: %1 of %2 runs measured.") : tr("Done: %1 of %2 runs measured."))
            .arg(measured)
            .arg(runs) +
        QLatin1Char(' ') + tr("Each run has its own recording in %1.").arg(folder));
    updateState();
}
