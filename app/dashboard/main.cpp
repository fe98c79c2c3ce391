// isolens: the dashboard.
#include "dashboard_controller.hpp"
#include "main_window.hpp"
#include "png_export.hpp"
#include "startup_messages.hpp"
#include "ui_font.hpp"

#include "isolens/core/base/licence.hpp"
#include "isolens/core/base/version.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    // Settings go under organization/application (~/.config/IsoLens/IsoLens.conf); the recordings
    // folder does not follow these (DashboardController::recordingDirectory).
    QApplication::setApplicationName(QStringLiteral("IsoLens"));
    QApplication::setOrganizationName(QStringLiteral("IsoLens"));
    QApplication::setApplicationVersion(QString::fromLatin1(isolens::kIsoLensVersion));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/isolens/isolens.png")));
    applyUiFont(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("What does Hyper-V isolation cost compared with process isolation?"));
    parser.addHelpOption();
    // Not addVersionOption(): Qt's prints the name and version only, this one the licence too.
    QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                               QStringLiteral("Displays version and licence information."));
    QCommandLineOption host({QStringLiteral("H"), QStringLiteral("host")},
                            QStringLiteral("Engine address (unix://, npipe://, tcp://)"),
                            QStringLiteral("URL"));
    QCommandLineOption context({QStringLiteral("c"), QStringLiteral("context")},
                               QStringLiteral("docker CLI context to use"), QStringLiteral("NAME"));
    QCommandLineOption insecure(QStringLiteral("allow-insecure-tcp"),
                                QStringLiteral("Allow plain tcp:// without TLS"));
    QCommandLineOption replay(QStringLiteral("replay"), QStringLiteral("Open a recording (or 'sample')"),
                              QStringLiteral("FILE"));
    QCommandLineOption exportPng(
        QStringLiteral("export-png"),
        QStringLiteral("Write the dashboard as a PNG and quit (works without a display "
                       "with QT_QPA_PLATFORM=offscreen)"),
        QStringLiteral("FILE"));
    QCommandLineOption after(QStringLiteral("after"),
                             QStringLiteral("With --export-png: wait this long first (default 3)"),
                             QStringLiteral("SECONDS"), QStringLiteral("3"));
    QCommandLineOption size(
        QStringLiteral("size"),
        QStringLiteral("With --export-png: the image's size, e.g. 1920x1080 (default: the "
                       "window at the display's pixel ratio)"),
        QStringLiteral("WxH"));
    QCommandLineOption view(QStringLiteral("view"),
                            QStringLiteral("The tab to show: compare, host, processes, summary or stacks"),
                            QStringLiteral("TAB"));
    QCommandLineOption start(QStringLiteral("start"),
                             QStringLiteral("Start a pair from this image as soon as the engine answers"),
                             QStringLiteral("IMAGE"));
    QCommandLineOption command(QStringLiteral("cmd"), QStringLiteral("With --start: the command in both"),
                               QStringLiteral("COMMAND"));
    QCommandLineOption workload(QStringLiteral("workload"),
                                QStringLiteral("With --start: run this in both once they are up"),
                                QStringLiteral("COMMAND"));
    QCommandLineOption modes(QStringLiteral("modes"),
                             QStringLiteral("With --start: the two modes, e.g. hyperv,process or runc,kata"),
                             QStringLiteral("A,B"));
    parser.addOptions({version, host, context, insecure, replay, exportPng, after, size, view, start, command,
                       workload, modes});
    parser.process(app);
    if (parser.isSet(version)) {
        if (startupMessageChannel() == MessageChannel::Dialog)
            tellUser(QString::fromStdString(isolens::versionStatement("isolens")),
                     MessageSeverity::Information);
        else
            std::printf("%s\n", isolens::versionStatement("isolens").c_str());
        return 0;
    }

    isolens::EndpointRequest endpoint;
    if (parser.isSet(host))
        endpoint.hostFlag = parser.value(host).toStdString();
    if (parser.isSet(context))
        endpoint.contextFlag = parser.value(context).toStdString();
    endpoint.allowInsecureTcp = parser.isSet(insecure);

    bool afterOk = false;
    const double afterSeconds = parser.value(after).toDouble(&afterOk);
    if (!afterOk || afterSeconds < 0) {
        tellUser(QStringLiteral("--after takes a number of seconds, not '%1'").arg(parser.value(after)),
                 MessageSeverity::Problem);
        return 2;
    }
    QSize imageSize;
    if (parser.isSet(size)) {
        imageSize = parseImageSize(parser.value(size));
        if (!imageSize.isValid()) {
            tellUser(
                QStringLiteral("--size takes WIDTHxHEIGHT, e.g. 1920x1080, not '%1'").arg(parser.value(size)),
                MessageSeverity::Problem);
            return 2;
        }
    }

    MainWindow window(endpoint);
    window.show();
    if (parser.isSet(view) && !window.showView(parser.value(view))) {
        tellUser(QStringLiteral("--view takes compare, host, processes, summary or stacks, not '%1'")
                     .arg(parser.value(view)),
                 MessageSeverity::Problem);
        return 2;
    }
    if (parser.isSet(start)) {
        const auto wanted = parser.value(modes).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (parser.isSet(modes) && wanted.size() != 2) {
            tellUser(QStringLiteral("--modes takes two modes, e.g. runc,kata"), MessageSeverity::Problem);
            return 2;
        }
        window.startPairOnConnect(parser.value(start), parser.value(command), parser.value(workload), wanted);
    }
    if (parser.isSet(replay)) {
        const auto file = parser.value(replay);
        const auto error = file == QLatin1String("sample") ? window.openSampleRecording(true)
                                                           : window.openRecording(file, true);
        if (!error.isEmpty()) {
            tellUser(QStringLiteral("cannot replay %1: %2").arg(file, error), MessageSeverity::Problem);
            if (parser.isSet(exportPng))
                return 1;
        }
        if (parser.isSet(view)) // asked for, it wins over the tab a recording opens on (a stacks one: Stacks)
            window.showView(parser.value(view));
    }
    if (parser.isSet(exportPng)) {
        const auto path = parser.value(exportPng);
        QTimer::singleShot(static_cast<int>(afterSeconds * 1000), &window, [&window, path, imageSize] {
            const auto error = window.exportDashboardPng(path, imageSize);
            if (!error.isEmpty()) {
                tellUser(error, MessageSeverity::Problem);
                QApplication::exit(1);
                return;
            }
            tellUser(QStringLiteral("wrote %1").arg(path), MessageSeverity::Information);
            QApplication::exit(0);
        });
    }
    return QApplication::exec();
}
