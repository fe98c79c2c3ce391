// isolens: the dashboard.
#include "main_window.hpp"

#include "isolens/core/endpoint_resolver.hpp"

#include "isolens/core/version.hpp"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("IsoLens"));
    QApplication::setOrganizationName(QStringLiteral("IsoLens"));
    QApplication::setApplicationVersion(QString::fromLatin1(isolens::kIsoLensVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("What does Hyper-V isolation cost compared with process isolation?"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption host({QStringLiteral("H"), QStringLiteral("host")},
                            QStringLiteral("Engine address (unix://, npipe://, tcp://)"),
                            QStringLiteral("URL"));
    QCommandLineOption context({QStringLiteral("c"), QStringLiteral("context")},
                               QStringLiteral("docker CLI context to use"), QStringLiteral("NAME"));
    QCommandLineOption insecure(QStringLiteral("allow-insecure-tcp"),
                                QStringLiteral("Allow plain tcp:// without TLS"));
    parser.addOptions({host, context, insecure});
    parser.process(app);

    isolens::EndpointRequest endpoint;
    if (parser.isSet(host))
        endpoint.hostFlag = parser.value(host).toStdString();
    if (parser.isSet(context))
        endpoint.contextFlag = parser.value(context).toStdString();
    endpoint.allowInsecureTcp = parser.isSet(insecure);

    MainWindow window(endpoint);
    window.show();
    return QApplication::exec();
}
