#pragma once

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

// True for the characters sanitizeForTerminal() escapes (C0 except TAB/LF, DEL, C1, bidi).
bool isTerminalControl(char16_t u);

// The first paragraph of a catalog text, on one line (for summaries).
QString firstParagraph(const QString &text);

} // namespace kinspect
