#pragma once

#include <QString>
#include <QStringList>

namespace kinspect::ui {

// Loads the UI translation (compiled into the binary under :/i18n) and Qt's own, at run time.
// An empty language follows the system locale.
class Translations
{
public:
    // Languages with a translation besides English: {"de", "fr"}.
    static QStringList available();
    // Installs `language` ("de", "fr", "en", or "" for the system's); returns the one in effect.
    static QString install(const QString &language);
    static QString current();
    // "Deutsch", "Français", "English", in their own language.
    static QString nativeName(const QString &language);
};

} // namespace kinspect::ui
