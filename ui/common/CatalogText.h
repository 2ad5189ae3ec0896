#pragma once

#include <QString>
#include <QStringList>

namespace kinspect::ui {

// The catalog's prose as rich text: paragraphs, ``` fenced blocks and `inline code` in a
// monospace face, bare URLs as links. Everything else is escaped (catalog text is data).
QString catalogTextToHtml(const QString &text);
// One reference per list item, the URL clickable.
QString referencesToHtml(const QStringList &references);

} // namespace kinspect::ui
