#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QList>

namespace kinspect {

// One replacement in a file's bytes: [pos, pos + len) becomes `text`. Remediation edits are
// always expressed this way, so every byte outside the edited spans stays exactly as it was
// (comments, order, indentation, quoting, CRLF).
struct TextEdit
{
    qsizetype pos = 0;
    qsizetype len = 0;
    QByteArray text;
};

// Applies non-overlapping edits (any order); an overlap is an error naming the line.
Expected<QByteArray> applyTextEdits(const QByteArray &data, QList<TextEdit> edits);

namespace text {
// Start of the line holding byte `pos`.
qsizetype lineStart(const QByteArray &data, qsizetype pos);
// End of that line including its line break (LF or CRLF), or data.size().
qsizetype lineEnd(const QByteArray &data, qsizetype pos);
// 1-based line number of byte `pos`.
int lineNumber(const QByteArray &data, qsizetype pos);
// The line break the file uses ("\r\n" when its first line break is CRLF, else "\n").
QByteArray lineBreak(const QByteArray &data);
} // namespace text

} // namespace kinspect
