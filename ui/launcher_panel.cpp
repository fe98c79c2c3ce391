#include "launcher_panel.hpp"

#include "dashboard_colors.hpp"

#include "isolens/core/engine/command_line.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/engine/image_reference.hpp"
#include "isolens/core/session/isolation_modes.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace isolens;

namespace {

// A zero-width space: where a label may wrap a long word.
constexpr QChar kWrapHere(0x200b);

// A path such as $Env:ProgramFiles\Docker\Docker\DockerCli.exe is one word: a label that shows it may wrap
// after each backslash instead of widening the panel past its scroll bar.
QString wrappable(QString text)
{
    return text.replace(QLatin1Char('\\'), QStringLiteral("\\") + kWrapHere);
}

} // namespace

LauncherPanel::LauncherPanel(QWidget* parent)
    : QWidget(parent)
    , image_(new QComboBox(this))
    , imageProblem_(new QLabel(this))
    , command_(new QLineEdit(this))
    , workload_(new QLineEdit(this))
    , hardened_(new QCheckBox(tr("Harde&ned (changes what is measured)"), this))
    , modeReason_(new QLabel(this))
    , start_(new QPushButton(tr("&Start pair"), this))
    , stop_(new QPushButton(tr("S&top"), this))
    , removeLeftovers_(new QPushButton(tr("&Remove leftovers"), this))
    , pull_(new QProgressBar(this))
    , pullDetail_(new QLabel(this))
    , cancelPull_(new QPushButton(tr("Cancel pull"), this))
    , busy_(new QLabel(this))
    , syntax_(CommandSyntax::Posix)
    , os_(EngineOs::Linux)
{
    image_->setEditable(true);
    image_->setInsertPolicy(QComboBox::NoInsert);
    image_->setObjectName(QStringLiteral("imagePicker"));
    command_->setObjectName(QStringLiteral("command"));
    workload_->setObjectName(QStringLiteral("workload"));
    hardened_->setObjectName(QStringLiteral("hardened"));
    hardened_->setToolTip(tr("Both containers alike: %1.\nThis changes what is measured: %2.")
                              .arg(QString::fromStdString(describeHardening(fullHardening())),
                                   QString::fromStdString(hardeningEffects(fullHardening()))));
    image_->lineEdit()->setPlaceholderText(tr("image, e.g. mcr.microsoft.com/windows/nanoserver:ltsc2022"));
    image_->setToolTip(tr("A local image, or any reference: it is pulled when missing"));
    imageProblem_->setWordWrap(true);
    imageProblem_->setStyleSheet(QStringLiteral("color: #c92a2a"));
    modeReason_->setWordWrap(true);
    start_->setObjectName(QStringLiteral("startPair"));
    stop_->setObjectName(QStringLiteral("stopPair"));
    start_->setToolTip(tr("Start the same image and command once per mode (Ctrl+Return)"));
    stop_->setToolTip(tr("Stop watching, stop and remove both containers (Ctrl+.)"));
    removeLeftovers_->setToolTip(tr("Remove containers left behind by IsoLens sessions that ended"));
    pull_->setRange(0, 1000);
    pull_->setObjectName(QStringLiteral("pullProgress"));
    pullDetail_->setWordWrap(true);
    busy_->setWordWrap(true);

    auto* pair = new QGroupBox(tr("Pair"), this);
    auto* form = new QFormLayout(pair);
    form->addRow(tr("Image"), image_);
    form->addRow(QString(), imageProblem_);
    form->addRow(tr("Command"), command_);
    form->addRow(tr("Workload"), workload_);
    form->addRow(hardened_); // the whole width: its text says what it changes
    for (int side = 0; side < 2; ++side) {
        modes_[side] = new QComboBox(pair);
        modes_[side]->setObjectName(QStringLiteral("mode%1").arg(side));
        badges_[side] = new QLabel(pair);
        badges_[side]->setWordWrap(true);
        badges_[side]->setObjectName(QStringLiteral("preflight%1").arg(side));
        auto* swatch = new QLabel(pair);
        swatch->setFixedSize(12, 12);
        swatch->setStyleSheet(QStringLiteral("background: %1").arg(colors::mode(side).name()));
        auto* rowLayout = new QHBoxLayout;
        rowLayout->addWidget(swatch);
        rowLayout->addWidget(modes_[side], 1);
        form->addRow(side == 0 ? tr("Mode A") : tr("Mode B"), rowLayout);
        form->addRow(QString(), badges_[side]);
        connect(modes_[side], &QComboBox::currentIndexChanged, this, [this] {
            validate();
            emit imageChosen(image_->currentText().trimmed());
        });
    }
    form->addRow(modeReason_); // the whole width: the reason can be long
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(start_);
    buttons->addWidget(stop_);
    form->addRow(buttons);
    form->addRow(removeLeftovers_);

    auto* pullBox = new QGroupBox(tr("Pull"), this);
    auto* pullLayout = new QVBoxLayout(pullBox);
    pullLayout->addWidget(pull_);
    pullLayout->addWidget(pullDetail_);
    pullLayout->addWidget(cancelPull_, 0, Qt::AlignRight);
    pullBox->setObjectName(QStringLiteral("pullBox"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pair);
    layout->addWidget(busy_);
    layout->addWidget(pullBox);
    layout->addStretch();
    hidePullProgress();

    // A typed reference is checked at once; the preflight waits until typing pauses.
    auto* settle = new QTimer(this);
    settle->setSingleShot(true);
    settle->setInterval(600);
    connect(image_, &QComboBox::editTextChanged, this, [this, settle] {
        validate();
        settle->start();
    });
    connect(settle, &QTimer::timeout, this, [this] {
        if (inputProblem().isEmpty())
            emit imageChosen(image_->currentText().trimmed());
    });
    connect(image_, &QComboBox::activated, this,
            [this] { emit imageChosen(image_->currentText().trimmed()); });
    connect(start_, &QPushButton::clicked, this, [this] {
        if (inputProblem().isEmpty())
            emit startRequested(choice());
    });
    connect(stop_, &QPushButton::clicked, this, &LauncherPanel::stopRequested);
    connect(cancelPull_, &QPushButton::clicked, this, &LauncherPanel::cancelPullRequested);
    connect(removeLeftovers_, &QPushButton::clicked, this, &LauncherPanel::removeLeftoversRequested);
    connect(command_, &QLineEdit::textChanged, this, &LauncherPanel::validate);
    connect(workload_, &QLineEdit::textChanged, this, &LauncherPanel::validate);
    connect(hardened_, &QCheckBox::toggled, this, &LauncherPanel::validate);
    setLeftovers(0);
    setCommandSyntax(CommandSyntax::Posix);
    setEnabledForEngine(false);
}

void LauncherPanel::setCommandSyntax(CommandSyntax syntax)
{
    syntax_ = syntax;
    const bool windows = syntax == CommandSyntax::Windows;
    command_->setPlaceholderText(
        windows ? tr("the image's own command, or e.g. cmd /c \"ping -n 100 localhost\"")
                : tr("the image's own command, or e.g. sh -c 'while true; do sleep 1; done'"));
    const auto quoting =
        windows ? tr("Words are split by the Windows command-line rules: \"...\" keeps spaces.")
                : tr("Words are split as a POSIX shell splits them: '...' and \"...\" keep spaces.");
    const auto execForm = tr("A JSON array, e.g. [\"sh\",\"-c\",\"sleep 1\"], is taken as it is.");
    command_->setToolTip(tr("The same command runs in both containers. %1 %2").arg(quoting, execForm));
    workload_->setPlaceholderText(windows ? tr("optional, e.g. ping -t localhost")
                                          : tr("optional, e.g. dd if=/dev/zero of=/dev/null"));
    workload_->setToolTip(
        tr("Run in both containers at the same moment, once both are running. %1").arg(quoting));
    validate();
}

void LauncherPanel::setEngineOs(EngineOs os)
{
    os_ = os;
    validate();
}

void LauncherPanel::setImages(const QStringList& images)
{
    const auto typed = image_->currentText();
    const QSignalBlocker block(image_);
    image_->clear();
    image_->addItems(images);
    image_->setEditText(typed);
}

void LauncherPanel::setModes(const std::vector<IsolationMode>& modes, const QString& reason)
{
    modeList_ = modes;
    for (int side = 0; side < 2; ++side) {
        const QSignalBlocker block(modes_[side]);
        // The engine lists its modes again on a reconnect: a mode chosen (or running) stays chosen.
        const auto chosen = modes_[side]->currentText();
        modes_[side]->clear();
        for (const auto& mode : modes)
            modes_[side]->addItem(QString::fromStdString(mode.label));
        const auto kept = chosen.isEmpty() ? -1 : modes_[side]->findText(chosen);
        modes_[side]->setCurrentIndex(kept >= 0 ? kept
                                                : std::min<int>(side, static_cast<int>(modes.size()) - 1));
    }
    modeReason_->setText(wrappable(reason));
    modeReason_->setVisible(!reason.isEmpty());
    validate();
}

const IsolationMode* LauncherPanel::mode(int index) const
{
    return index >= 0 && index < static_cast<int>(modeList_.size()) ? &modeList_[index] : nullptr;
}

void LauncherPanel::setPreflight(int side, const QString& verdict, const QString& detail)
{
    QString color = QStringLiteral("#868e96");
    QString mark = QStringLiteral("?");
    if (verdict == QLatin1String("ok")) {
        color = QStringLiteral("#2b8a3e");
        mark = QStringLiteral("\u2713");
    } else if (verdict == QLatin1String("os-mismatch") || verdict == QLatin1String("no-matching-manifest")) {
        color = QStringLiteral("#c92a2a");
        mark = QStringLiteral("\u2717");
    }
    badges_[side]->setText(QStringLiteral("<span style='color:%1'><b>%2</b> %3</span>")
                               .arg(color, mark, detail.toHtmlEscaped()));
    badges_[side]->setToolTip(detail);
}

void LauncherPanel::setRunning(bool running)
{
    running_ = running;
    pending_ = false;
    busy_->clear();
    validate();
}

void LauncherPanel::setBusy(const QString& what)
{
    busy_->setText(what);
    pending_ = true;
    validate();
}

void LauncherPanel::setPullProgress(double fraction, const QString& detail)
{
    pull_->parentWidget()->show();
    pull_->setValue(static_cast<int>(fraction * 1000.0));
    pullDetail_->setText(detail);
}

void LauncherPanel::hidePullProgress()
{
    pull_->parentWidget()->hide();
}

void LauncherPanel::setLeftovers(int count)
{
    removeLeftovers_->setVisible(count > 0);
    removeLeftovers_->setText(tr("&Remove %n leftover container(s)", nullptr, count));
}

void LauncherPanel::setEnabledForEngine(bool engine)
{
    engine_ = engine;
    validate();
}

PairChoice LauncherPanel::choice() const
{
    return {image_->currentText().trimmed(),
            command_->text().trimmed(),
            workload_->text().trimmed(),
            {modes_[0]->currentIndex(), modes_[1]->currentIndex()},
            hardened_->isChecked()};
}

void LauncherPanel::setChoice(const PairChoice& choice)
{
    image_->setEditText(choice.image);
    command_->setText(choice.command);
    workload_->setText(choice.workload);
    hardened_->setChecked(choice.hardened);
    for (int side = 0; side < 2; ++side)
        if (choice.modeIndexes[side] >= 0 && choice.modeIndexes[side] < modes_[side]->count())
            modes_[side]->setCurrentIndex(choice.modeIndexes[side]);
}

QString LauncherPanel::inputProblem() const
{
    if (!engine_)
        return tr("No engine connected");
    const auto image = image_->currentText().trimmed();
    if (image.isEmpty())
        return tr("Choose an image, or type a reference");
    if (auto parsed = parseImageReference(image.toStdString()); !parsed)
        return QString::fromStdString(parsed.error().message);
    if (modeList_.size() < 2)
        return modeReason_->text().remove(kWrapHere); // the reason as the core wrote it
    if (modes_[0]->currentIndex() == modes_[1]->currentIndex())
        return tr("Choose two different modes");
    for (auto [field, edit] : {std::pair{tr("Command"), command_}, std::pair{tr("Workload"), workload_}})
        if (auto words = parseCommandLine(edit->text().toStdString(), syntax_); !words)
            return QStringLiteral("%1: %2. %3")
                .arg(field, QString::fromStdString(words.error().message),
                     QString::fromStdString(words.error().hint));
    if (hardened_->isChecked())
        if (auto checked = checkHardening(fullHardening(), os_); !checked)
            return tr("Hardened: %1. For a Windows pair without network, use isolens-cli compare --network "
                      "none")
                .arg(QString::fromStdString(checked.error().message));
    return {};
}

void LauncherPanel::validate()
{
    const auto problem = inputProblem();
    const bool typedSomething = !image_->currentText().trimmed().isEmpty() ||
                                !command_->text().trimmed().isEmpty() ||
                                !workload_->text().trimmed().isEmpty();
    imageProblem_->setText(engine_ && typedSomething ? wrappable(problem) : QString());
    imageProblem_->setVisible(!imageProblem_->text().isEmpty());
    // From Start until the pair has stopped (or failed to start) the fields describe that pair.
    const bool locked = running_ || pending_;
    start_->setEnabled(problem.isEmpty() && !locked);
    start_->setToolTip(problem.isEmpty() ? tr("Start the same image and command once per mode (Ctrl+Return)")
                                         : problem);
    stop_->setEnabled(running_);
    for (auto* combo : modes_)
        combo->setEnabled(engine_ && !locked);
    image_->setEnabled(engine_ && !locked);
    command_->setEnabled(engine_ && !locked);
    workload_->setEnabled(engine_ && !locked);
    hardened_->setEnabled(engine_ && !locked);
}
