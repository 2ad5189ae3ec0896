#include "settings/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace kinspect::ui {

namespace {

QTranslator *&appTranslator()
{
    static QTranslator *t = nullptr;
    return t;
}

QTranslator *&qtTranslator()
{
    static QTranslator *t = nullptr;
    return t;
}

QString &currentLanguage()
{
    static QString lang = QStringLiteral("en");
    return lang;
}

} // namespace

QStringList Translations::available()
{
    return {QStringLiteral("de"), QStringLiteral("fr")};
}

QString Translations::current()
{
    return currentLanguage();
}

QString Translations::nativeName(const QString &language)
{
    if (language == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (language == QLatin1String("fr"))
        return QStringLiteral("Français");
    return QStringLiteral("English");
}

QString Translations::install(const QString &language)
{
    QString lang = language;
    if (lang.isEmpty()) {
        lang = QStringLiteral("en");
        for (const QString &ui : QLocale::system().uiLanguages()) {
            const QString code = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0);
            if (available().contains(code) || code == QLatin1String("en")) {
                lang = code;
                break;
            }
        }
    }
    for (QTranslator **t : {&appTranslator(), &qtTranslator()}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    if (available().contains(lang)) {
        auto *app = new QTranslator;
        if (app->load(QStringLiteral(":/i18n/kinspect_") + lang)) {
            QCoreApplication::installTranslator(app);
            appTranslator() = app;
        } else {
            delete app;
            lang = QStringLiteral("en");
        }
        auto *qt = new QTranslator;
        if (qt->load(QStringLiteral("qtbase_") + lang,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
            qtTranslator() = qt;
        } else {
            delete qt;
        }
    } else {
        lang = QStringLiteral("en");
    }
    currentLanguage() = lang;
    return lang;
}

} // namespace kinspect::ui
