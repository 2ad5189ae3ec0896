#include "util/Text.h"

namespace kinspect {

QString sanitizeForTerminal(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool control =
            (u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7f || (u >= 0x80 && u < 0xa0);
        const bool bidi = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) ||
                          u == 0x200e || u == 0x200f;
        if (control)
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else if (bidi)
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString firstParagraph(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype end = t.indexOf(QLatin1String("\n\n"));
    QString p = end < 0 ? t : t.left(end);
    return p.simplified();
}

} // namespace kinspect
