// The dashboard's text font falls back to a sans-serif UI face only when the platform's own is missing.
#include "ui_font.hpp"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFontInfo>

namespace {

struct FontCase {
    const char* what;
    QString requested;
    QString resolved;
    QStringList installed;
    QString expected;
};

} // namespace

TEST(UiFont, KeepsThePlatformsFontAndReplacesOnlyAMissingOne)
{
    const QStringList wine{"C059", "DejaVu Sans", "DejaVu Serif", "MS Shell Dlg", "Nimbus Sans"};
    const FontCase cases[] = {
        {"Windows: MS Shell Dlg 2 is Segoe UI",
         "MS Shell Dlg 2",
         "Segoe UI",
         {"Segoe UI", "Tahoma"},
         "Segoe UI"},
        {"Wine with its fonts: Tahoma", "MS Shell Dlg 2", "Tahoma", {"Tahoma"}, "Tahoma"},
        {"Wine without Tahoma: a serif stands in", "MS Shell Dlg", "C059", wine, "DejaVu Sans"},
        {"Linux: the desktop's font as it is",
         "Cantarell",
         "Cantarell",
         {"Cantarell", "DejaVu Sans"},
         "Cantarell"},
        {"Linux: a generic name resolved to a UI face",
         "Sans Serif",
         "DejaVu Sans",
         {"DejaVu Sans"},
         "DejaVu Sans"},
        {"no UI face installed: what there is", "MS Shell Dlg", "C059", {"C059"}, "C059"},
        {"names compare without case", "ms shell dlg 2", "tahoma", {"Tahoma"}, "tahoma"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(uiFontFamily(c.requested, c.resolved, c.installed), c.expected) << c.what;
}

TEST(UiFont, TheAppliedFontResolvesToTheChosenFamily)
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    ASSERT_NE(app, nullptr);
    const QFont before = QApplication::font();
    const QString family = applyUiFont(*app);
    EXPECT_EQ(QFontInfo(QApplication::font()).family(), family);
    QApplication::setFont(before);
}
