#include "engine_status_view.hpp"

#include "isolens/core/base/units.hpp"
#include "isolens/core/engine/engine_facts.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace isolens;

namespace {

QString row(const QString& label, const QString& value)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

EngineStatusView::EngineStatusView(QWidget* parent)
    : QWidget(parent)
    , pages_(new QStackedWidget(this))
    , banner_(new QLabel(this))
    , facts_(new QLabel(this))
    , retry_(new QPushButton(tr("&Retry"), this))
{
    banner_->setWordWrap(true);
    banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    banner_->setObjectName(QStringLiteral("noEngineBanner"));
    facts_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    facts_->setObjectName(QStringLiteral("engineFacts"));
    facts_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* bannerPage = new QWidget(this);
    auto* bannerLayout = new QVBoxLayout(bannerPage);
    bannerLayout->addWidget(banner_);
    auto* buttons = new QHBoxLayout;
    auto* openRecording = new QPushButton(tr("&Open recording\u2026"), bannerPage);
    auto* openSample = new QPushButton(tr("Show the &sample recording"), bannerPage);
    openRecording->setToolTip(tr("Replay a session recorded earlier (Ctrl+O)"));
    openSample->setToolTip(tr("A short recording of a real paired run, shipped with IsoLens"));
    openSample->setObjectName(QStringLiteral("openSampleRecording"));
    buttons->addWidget(retry_);
    buttons->addWidget(openRecording);
    buttons->addWidget(openSample);
    buttons->addStretch();
    bannerLayout->addLayout(buttons);
    connect(openRecording, &QPushButton::clicked, this, &EngineStatusView::openRecordingRequested);
    connect(openSample, &QPushButton::clicked, this, &EngineStatusView::openSampleRequested);
    bannerLayout->addStretch();
    pages_->addWidget(bannerPage);
    pages_->addWidget(facts_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(pages_);
    connect(retry_, &QPushButton::clicked, this, &EngineStatusView::retryRequested);
}

void EngineStatusView::showProbing(const QString& endpoint)
{
    banner_->setText(tr("<h3>Connecting to the Docker engine\u2026</h3><p>%1</p>")
                         .arg(endpoint.isEmpty() ? tr("(default endpoint)") : endpoint.toHtmlEscaped()));
    retry_->setEnabled(false);
    pages_->setCurrentIndex(0);
}

void EngineStatusView::showFacts(const QString& endpoint, const EngineFacts& facts,
                                 const QStringList& warnings)
{
    const auto& info = facts.info;
    QString html = QStringLiteral("<h3>%1</h3><table cellspacing=6>").arg(tr("Docker engine"));
    html += row(tr("Endpoint"), endpoint);
    html += row(tr("OS type"), fromStd(info.osType));
    html += row(tr("Engine version"), fromStd(facts.version.version));
    html += row(tr("API version"),
                fromStd(facts.apiVersion.str()) +
                    (facts.apiVersionPinned ? tr(" (pinned by DOCKER_API_VERSION)") : tr(" (negotiated)")));
    html += row(tr("Default isolation"), fromStd(describeDefaultIsolation(info)));
    QStringList runtimes;
    for (const auto& runtime : info.runtimes)
        runtimes << fromStd(runtime);
    html += row(tr("Runtimes"), runtimes.join(QStringLiteral(", ")));
    html += row(tr("CPUs"), QString::number(info.cpus));
    html += row(tr("Memory"), fromStd(formatBytes(info.memoryBytes)));
    html += row(tr("Engine OS"), fromStd(info.operatingSystem));
    html += QStringLiteral("</table>");
    for (const auto& warning : warnings)
        html += QStringLiteral("<p style='color:#b00'>%1</p>").arg(warning.toHtmlEscaped());
    facts_->setText(html);
    pages_->setCurrentIndex(1);
}

void EngineStatusView::showFailure(const QString& endpoint, const Error& error)
{
    banner_->setText(tr("<h3>No Docker engine</h3>"
                        "<p><b>Tried:</b> %1</p><p><b>What happened:</b> %2</p><p><b>What to do:</b> %3</p>")
                         .arg(endpoint.toHtmlEscaped(), fromStd(error.message).toHtmlEscaped(),
                              fromStd(error.hint).toHtmlEscaped()));
    retry_->setEnabled(true);
    pages_->setCurrentIndex(0);
}

bool EngineStatusView::isShowingBanner() const
{
    return pages_->currentIndex() == 0;
}

QString EngineStatusView::bannerText() const
{
    return banner_->text();
}

QString EngineStatusView::factsText() const
{
    return facts_->text();
}
