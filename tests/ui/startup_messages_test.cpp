// The dashboard's command-line messages reach the user: on standard error when it goes somewhere, in a
// dialog when it does not (a Windows program started from the Start menu has none).
#include "startup_messages.hpp"

#include <gtest/gtest.h>

#include <QApplication>
#include <QMessageBox>
#include <QTimer>

TEST(StartupMessages, GoToStandardErrorWhenItIsThere)
{
    // ctest gives the test a pipe for its standard error, as a console or a redirection would.
    EXPECT_EQ(startupMessageChannel(), MessageChannel::StandardError);
    testing::internal::CaptureStderr();
    tellUser(QStringLiteral("--size takes WIDTHxHEIGHT, e.g. 1920x1080, not 'big'"), MessageSeverity::Problem,
             MessageChannel::StandardError);
    EXPECT_EQ(testing::internal::GetCapturedStderr(),
              "isolens: --size takes WIDTHxHEIGHT, e.g. 1920x1080, not 'big'\n");
}

TEST(StartupMessages, AreShownInADialogWhenThereIsNoStandardError)
{
    QString shown;
    QMessageBox::Icon icon = QMessageBox::NoIcon;
    QTimer::singleShot(200, [&] {
        for (auto* widget : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(widget);
                box && box->objectName() == QLatin1String("startupMessage") && box->isVisible()) {
                shown = box->text();
                icon = box->icon();
                box->accept();
            }
    });
    QTimer::singleShot(5000, [] { // a dialog nobody found would otherwise wait forever
        for (auto* widget : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(widget))
                box->reject();
    });
    tellUser(QStringLiteral("cannot replay C:\\missing.jsonl: no such file"), MessageSeverity::Problem,
             MessageChannel::Dialog);
    EXPECT_EQ(shown, QStringLiteral("cannot replay C:\\missing.jsonl: no such file"));
    EXPECT_EQ(icon, QMessageBox::Warning);
}
