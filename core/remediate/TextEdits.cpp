#include "remediate/TextEdits.h"

#include <algorithm>

namespace kinspect {

Expected<QByteArray> applyTextEdits(const QByteArray &data, QList<TextEdit> edits)
{
    std::stable_sort(edits.begin(), edits.end(),
                     [](const TextEdit &a, const TextEdit &b) { return a.pos < b.pos; });
    QByteArray out;
    out.reserve(data.size() + 256);
    qsizetype at = 0;
    for (const TextEdit &e : edits) {
        if (e.pos < at || e.pos + e.len > data.size())
            return Error{QStringLiteral("internal: overlapping edits"), QString(),
                         text::lineNumber(data, e.pos)};
        out += data.mid(at, e.pos - at);
        out += e.text;
        at = e.pos + e.len;
    }
    out += data.mid(at);
    return out;
}

namespace text {

qsizetype lineStart(const QByteArray &data, qsizetype pos)
{
    if (pos <= 0)
        return 0;
    const qsizetype nl = data.lastIndexOf('\n', pos - 1);
    return nl < 0 ? 0 : nl + 1;
}

qsizetype lineEnd(const QByteArray &data, qsizetype pos)
{
    const qsizetype nl = data.indexOf('\n', pos);
    return nl < 0 ? data.size() : nl + 1;
}

int lineNumber(const QByteArray &data, qsizetype pos)
{
    return int(data.left(pos).count('\n')) + 1;
}

QByteArray lineBreak(const QByteArray &data)
{
    const qsizetype nl = data.indexOf('\n');
    if (nl > 0 && data.at(nl - 1) == '\r')
        return QByteArrayLiteral("\r\n");
    return QByteArrayLiteral("\n");
}

} // namespace text

} // namespace kinspect
