#include "util/Text.h"

namespace kinspect {

namespace {
bool isControl(char16_t u)
{
    return (u < 0x20 && u != u'\n' && u != u'\t') || u == 0x7f || (u >= 0x80 && u < 0xa0);
}
bool isBidi(char16_t u)
{
    // Embeddings/overrides, isolates, marks, and the line/paragraph separators (which some
    // terminals and viewers treat as a line break).
    return (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) || u == 0x200e ||
           u == 0x200f || u == 0x061c || u == 0x2028 || u == 0x2029;
}
} // namespace

bool isTerminalControl(char16_t u)
{
    return isControl(u) || isBidi(u);
}

QString escapeTerminalControls(const QString &text)
{
    // Nearly every text has nothing to escape: then it is returned as it is (shared, no copy).
    qsizetype first = 0;
    while (first < text.size()) {
        const char16_t u = text[first].unicode();
        if (isTerminalControl(u) &&
            !(u == u'\r' && first + 1 < text.size() && text[first + 1] == u'\n'))
            break;
        ++first;
    }
    if (first == text.size())
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (u == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
            out += text[i];
        else if (isTerminalControl(u))
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += text[i];
    }
    return out;
}

QByteArray escapeTerminalControls(const QByteArray &utf8)
{
    // In UTF-8 every character escapeTerminalControls() changes has a byte below 0x20 (other
    // than LF and TAB), 0x7f, or a lead byte 0xc2 (C1 controls), 0xd8 (U+061C) or 0xe2 (the
    // other bidi marks): valid UTF-8 without such a byte is returned as it is, without decoding
    // it. Invalid UTF-8 takes the slow way (a stray 0x9b is a CSI to a terminal not in UTF-8).
    for (const char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f || b == 0xc2 || b == 0xd8 ||
            b == 0xe2)
            return escapeTerminalControls(QString::fromUtf8(utf8)).toUtf8();
    }
    if (!QByteArrayView(utf8).isValidUtf8())
        return escapeTerminalControls(QString::fromUtf8(utf8)).toUtf8();
    return utf8;
}

QString sanitizeForTerminal(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = isControl(u);
        const bool bidi = isBidi(u);
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
