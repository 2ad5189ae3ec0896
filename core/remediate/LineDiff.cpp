#include "remediate/LineDiff.h"

#include <vector>

namespace kinspect {

namespace {

QList<QByteArray> splitLines(const QByteArray &data)
{
    QList<QByteArray> out;
    qsizetype s = 0;
    while (s < data.size()) {
        qsizetype nl = data.indexOf('\n', s);
        const qsizetype e = nl < 0 ? data.size() : nl + 1;
        out << data.mid(s, e - s);
        s = e;
    }
    return out;
}

QString shown(const QByteArray &line)
{
    QByteArray l = line;
    if (l.endsWith('\n'))
        l.chop(1);
    if (l.endsWith('\r'))
        l.chop(1);
    return QString::fromUtf8(l);
}

} // namespace

LineDiff LineDiff::compute(const QByteArray &before, const QByteArray &after, int context)
{
    const QList<QByteArray> a = splitLines(before), b = splitLines(after);
    // Common prefix and suffix first: remediation changes a few lines of a file.
    qsizetype pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre])
        ++pre;
    qsizetype suf = 0;
    while (suf < a.size() - pre && suf < b.size() - pre &&
           a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
        ++suf;
    const qsizetype n = a.size() - pre - suf, m = b.size() - pre - suf;
    // LCS on the middle.
    std::vector<std::vector<int>> L(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            L[i][j] =
                a[pre + i] == b[pre + j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
    QList<Line> all;
    for (qsizetype i = 0; i < pre; ++i)
        all << Line{Line::Kind::Same, int(i + 1), int(i + 1), shown(a[i])};
    qsizetype i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[pre + i] == b[pre + j]) {
            all << Line{Line::Kind::Same, int(pre + i + 1), int(pre + j + 1), shown(a[pre + i])};
            ++i;
            ++j;
        } else if (i < n && (j >= m || L[i + 1][j] >= L[i][j + 1])) {
            all << Line{Line::Kind::Removed, int(pre + i + 1), 0, shown(a[pre + i])};
            ++i;
        } else {
            all << Line{Line::Kind::Added, 0, int(pre + j + 1), shown(b[pre + j])};
            ++j;
        }
    }
    for (qsizetype k = 0; k < suf; ++k)
        all << Line{Line::Kind::Same, int(a.size() - suf + k + 1), int(b.size() - suf + k + 1),
                    shown(a[a.size() - suf + k])};

    LineDiff d;
    qsizetype k = 0;
    while (k < all.size()) {
        if (all[k].kind == Line::Kind::Same) {
            ++k;
            continue;
        }
        // A hunk: from `context` lines before the change to `context` after the last change
        // that is not separated by more than 2*context unchanged lines.
        qsizetype start = std::max<qsizetype>(0, k - context);
        qsizetype end = k;
        qsizetype same = 0;
        for (qsizetype x = k; x < all.size(); ++x) {
            if (all[x].kind == Line::Kind::Same) {
                if (++same > 2 * context)
                    break;
            } else {
                same = 0;
                end = x;
            }
        }
        const qsizetype stop = std::min<qsizetype>(all.size(), end + 1 + context);
        Hunk h;
        for (qsizetype x = start; x < stop; ++x) {
            const Line &l = all[x];
            h.lines << l;
            if (l.kind != Line::Kind::Added)
                ++h.oldCount;
            if (l.kind != Line::Kind::Removed)
                ++h.newCount;
        }
        // Start lines: the first line of each side in the hunk (unified convention).
        int oldStart = 0, newStart = 0, oldBefore = 0, newBefore = 0;
        for (qsizetype x = 0; x < start; ++x) {
            oldBefore += all[x].kind != Line::Kind::Added;
            newBefore += all[x].kind != Line::Kind::Removed;
        }
        oldStart = h.oldCount ? oldBefore + 1 : oldBefore;
        newStart = h.newCount ? newBefore + 1 : newBefore;
        h.oldStart = oldStart;
        h.newStart = newStart;
        d.m_hunks << h;
        k = stop;
    }
    return d;
}

int LineDiff::added() const
{
    int n = 0;
    for (const Hunk &h : m_hunks)
        for (const Line &l : h.lines)
            n += l.kind == Line::Kind::Added;
    return n;
}

int LineDiff::removed() const
{
    int n = 0;
    for (const Hunk &h : m_hunks)
        for (const Line &l : h.lines)
            n += l.kind == Line::Kind::Removed;
    return n;
}

QString LineDiff::unified(const QString &oldName, const QString &newName) const
{
    if (m_hunks.isEmpty())
        return QString();
    QString out = QStringLiteral("--- %1\n+++ %2\n").arg(oldName, newName);
    for (const Hunk &h : m_hunks) {
        out += QStringLiteral("@@ -%1,%2 +%3,%4 @@\n")
                   .arg(h.oldStart)
                   .arg(h.oldCount)
                   .arg(h.newStart)
                   .arg(h.newCount);
        for (const Line &l : h.lines) {
            out += l.kind == Line::Kind::Same      ? QLatin1Char(' ')
                   : l.kind == Line::Kind::Removed ? QLatin1Char('-')
                                                   : QLatin1Char('+');
            out += l.text + QLatin1Char('\n');
        }
    }
    return out;
}

QList<LineDiff::Row> LineDiff::sideBySide() const
{
    QList<Row> rows;
    for (const Hunk &h : m_hunks) {
        qsizetype x = 0;
        while (x < h.lines.size()) {
            const Line &l = h.lines[x];
            if (l.kind == Line::Kind::Same) {
                rows << Row{l.oldLine, l.text, l.newLine, l.text, false};
                ++x;
                continue;
            }
            // Pair a run of removed lines with the run of added lines that follows.
            QList<Line> rem, add;
            while (x < h.lines.size() && h.lines[x].kind == Line::Kind::Removed)
                rem << h.lines[x++];
            while (x < h.lines.size() && h.lines[x].kind == Line::Kind::Added)
                add << h.lines[x++];
            for (qsizetype r = 0; r < std::max(rem.size(), add.size()); ++r) {
                Row row;
                row.changed = true;
                if (r < rem.size()) {
                    row.leftLine = rem[r].oldLine;
                    row.left = rem[r].text;
                }
                if (r < add.size()) {
                    row.rightLine = add[r].newLine;
                    row.right = add[r].text;
                }
                rows << row;
            }
        }
        rows << Row{}; // a separator between hunks (both line numbers 0)
    }
    if (!rows.isEmpty())
        rows.removeLast();
    return rows;
}

} // namespace kinspect
