#include "common/CatalogText.h"

#include <QRegularExpression>

namespace kinspect::ui {

namespace {

// Escapes, then turns `code` into <code> and URLs into links, within one line of prose.
QString inlineHtml(const QString &line)
{
    static const QRegularExpression url(
        QStringLiteral(R"((https?://[^\s<>"'`]+[^\s<>"'`.,;:)\]]))"));
    QString out;
    const QStringList parts = line.split(QLatin1Char('`'));
    const bool balanced = parts.size() % 2 == 1; // an even number of backticks
    for (int i = 0; i < parts.size(); ++i) {
        const QString escaped = parts[i].toHtmlEscaped();
        const bool odd = i % 2 == 1;
        if (odd && (balanced || i < parts.size() - 1)) {
            out += QStringLiteral("<code style=\"font-family: monospace;\">") + escaped +
                   QStringLiteral("</code>");
            continue;
        }
        if (odd) // the last backtick has no partner: keep it literally
            out += QLatin1Char('`');
        QString linked = escaped;
        linked.replace(url, QStringLiteral("<a href=\"\\1\">\\1</a>"));
        out += linked;
    }
    return out;
}

} // namespace

QString catalogTextToHtml(const QString &text)
{
    QString html;
    QStringList paragraph;
    auto flush = [&] {
        if (paragraph.isEmpty())
            return;
        html += QStringLiteral("<p>") + paragraph.join(QLatin1Char(' ')) + QStringLiteral("</p>");
        paragraph.clear();
    };
    bool inFence = false;
    QStringList fence;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("```"))) {
            if (inFence) {
                html += QStringLiteral("<pre style=\"font-family: monospace;\">") +
                        fence.join(QLatin1Char('\n')).toHtmlEscaped() + QStringLiteral("</pre>");
                fence.clear();
                inFence = false;
            } else {
                flush();
                inFence = true;
            }
            continue;
        }
        if (inFence) {
            QString l = raw;
            while (l.endsWith(QLatin1Char(' ')) || l.endsWith(QLatin1Char('\r')))
                l.chop(1);
            fence << l;
            continue;
        }
        if (line.isEmpty()) {
            flush();
            continue;
        }
        paragraph << inlineHtml(line);
    }
    if (inFence) // unterminated fence: still show it as code
        html += QStringLiteral("<pre style=\"font-family: monospace;\">") +
                fence.join(QLatin1Char('\n')).toHtmlEscaped() + QStringLiteral("</pre>");
    flush();
    return html;
}

QString referencesToHtml(const QStringList &references)
{
    if (references.isEmpty())
        return QString();
    QString html = QStringLiteral("<ol>");
    for (const QString &r : references)
        html += QStringLiteral("<li>") + inlineHtml(r.trimmed()) + QStringLiteral("</li>");
    return html + QStringLiteral("</ol>");
}

} // namespace kinspect::ui
