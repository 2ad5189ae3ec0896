#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace kinspect {

// A line diff of two versions of a file: the unified text for the CLI and the PDF, and rows for
// a side-by-side view in the GUI. Lines compare with their line break, so a CRLF change would
// show; texts are shown without it.
class LineDiff
{
public:
    struct Line
    {
        enum class Kind
        {
            Same,
            Removed,
            Added
        };
        Kind kind = Kind::Same;
        int oldLine = 0; // 1-based, 0 for Added
        int newLine = 0; // 1-based, 0 for Removed
        QString text;
    };
    struct Hunk
    {
        int oldStart = 0, oldCount = 0, newStart = 0, newCount = 0;
        QList<Line> lines;
    };
    // One row of a side-by-side view: a changed pair, an added row (left empty), a removed row
    // (right empty) or context (both sides).
    struct Row
    {
        int leftLine = 0; // 0: empty cell
        QString left;
        int rightLine = 0;
        QString right;
        bool changed = false;
    };

    static LineDiff compute(const QByteArray &before, const QByteArray &after, int context = 3);

    bool isEmpty() const { return m_hunks.isEmpty(); }
    const QList<Hunk> &hunks() const { return m_hunks; }
    int added() const;
    int removed() const;
    // "--- a/PATH\n+++ b/PATH\n@@ -l,n +l,n @@\n lines..." (empty when nothing changed)
    QString unified(const QString &oldName, const QString &newName) const;
    QList<Row> sideBySide() const;

private:
    QList<Hunk> m_hunks;
};

} // namespace kinspect
