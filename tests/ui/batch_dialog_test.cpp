// Session → Compare several images… without an engine: reachable from the menu, shown without blocking,
// and Start says why it cannot start.
#include "batch_dialog.hpp"
#include "main_window.hpp"
#include "ui_test_support.hpp"

#include <gtest/gtest.h>

#include <QAction>
#include <QMenuBar>
#include <QPushButton>

TEST(BatchDialog, OpensFromTheSessionMenuAndStartIsDisabledWithoutImages)
{
    MainWindow window(unreachableEndpoint());
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    QAction* entry = nullptr;
    for (auto* action : window.menuBar()->findChildren<QAction*>())
        if (action->text().remove(QLatin1Char('&')) == QStringLiteral("Compare several images\u2026"))
            entry = action;
    ASSERT_NE(entry, nullptr);
    entry->trigger();
    auto* dialog = window.batchDialog();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->isModal());

    auto* start = dialog->findChild<QPushButton*>("startBatch");
    auto* cancel = dialog->findChild<QPushButton*>("cancelBatch");
    ASSERT_NE(start, nullptr);
    ASSERT_NE(cancel, nullptr);
    dialog->setImages({});
    EXPECT_FALSE(start->isEnabled());
    EXPECT_FALSE(cancel->isEnabled());
    EXPECT_TRUE(dialog->startProblem().contains("image")) << dialog->startProblem().toStdString();
    dialog->setImages({"Not A Valid Image!"});
    EXPECT_FALSE(start->isEnabled());
    dialog->setImages({"alpine:3.20"});
    EXPECT_FALSE(start->isEnabled());
    EXPECT_EQ(dialog->startProblem(), "No engine connected");
}
