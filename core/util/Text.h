#pragma once

#include <QString>

namespace kinspect {

// Node data (paths, argv, names) can hold anything a hostile node put there. Before it reaches a
// terminal, control characters (ESC, CR, BEL, C1 controls, bidi overrides) become visible escapes
// ("\x1b", "\u202e") so they can never move the cursor, retitle the window or hide text.
QString sanitizeForTerminal(const QString &text);

// The first paragraph of a catalog text, on one line (for summaries).
QString firstParagraph(const QString &text);

} // namespace kinspect
