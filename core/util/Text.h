#pragma once

#include <QByteArray>
#include <QString>

namespace kinspect {

// Node data (paths, argv, names) can hold anything a hostile node put there. Before it reaches a
// terminal, control characters (ESC, CR, BEL, C1 controls, bidi overrides) become visible escapes
// ("\x1b", "\u202e") so they can never move the cursor, retitle the window or hide text.
QString sanitizeForTerminal(const QString &text);

// The same characters as sanitizeForTerminal(), written as JSON-compatible "\u001b" escapes, and a
// CR kept where it ends a line (CRLF). For output that may be JSON or CSV and reaches a terminal:
// a JSON document stays valid, and nothing can drive the terminal.
QString escapeTerminalControls(const QString &text);
// The same on UTF-8 bytes; text without any byte that could start such a character (the usual
// case: a large JSON report) is returned without being decoded and encoded again.
QByteArray escapeTerminalControls(const QByteArray &utf8);

// True for the characters sanitizeForTerminal() escapes (C0 except TAB/LF, DEL, C1, bidi).
bool isTerminalControl(char16_t u);

// False when QString::toDouble() must fail on `text`: it holds an ASCII letter that no number
// spelling uses (digits, sign, point, exponent, inf, nan, infinity). toDouble() is costly (a
// locale-aware parse); the evaluator asks it of many values that are plainly not numbers.
inline bool mayBeNumber(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z'))) {
            switch (u | 0x20) { // lower case
            case u'e':
            case u'i':
            case u'n':
            case u'f':
            case u'a':
            case u't':
            case u'y':
                break;
            default:
                return false;
            }
        }
    }
    return true;
}

// The first paragraph of a catalog text, on one line (for summaries).
QString firstParagraph(const QString &text);

} // namespace kinspect
