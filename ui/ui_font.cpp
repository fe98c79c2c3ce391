#include "ui_font.hpp"

#include <QApplication>
#include <QFontDatabase>
#include <QFontInfo>

namespace {

// Windows' UI faces first, then the sans-serif faces Linux (and Wine through fontconfig) usually have.
const QStringList& uiFaces()
{
    static const QStringList faces{QStringLiteral("Segoe UI"),    QStringLiteral("Tahoma"),
                                   QStringLiteral("Arial"),       QStringLiteral("Liberation Sans"),
                                   QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans"),
                                   QStringLiteral("Nimbus Sans")};
    return faces;
}

} // namespace

QString uiFontFamily(const QString& requested, const QString& resolved, const QStringList& installed)
{
    if (resolved.compare(requested, Qt::CaseInsensitive) == 0 ||
        uiFaces().contains(resolved, Qt::CaseInsensitive))
        return resolved;
    for (const auto& face : uiFaces())
        if (installed.contains(face, Qt::CaseInsensitive))
            return face;
    return resolved;
}

QString applyUiFont(QApplication& app)
{
    QFont font = QApplication::font();
    const QString resolved = QFontInfo(font).family();
    const QString family = uiFontFamily(font.family(), resolved, QFontDatabase::families());
    if (family != resolved) {
        font.setFamilies({family});
        font.setStyleHint(QFont::SansSerif);
        app.setFont(font);
    }
    return family;
}
