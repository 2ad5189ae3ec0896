#include "inventory/importers/KubectlLogs.h"

#include <QRegularExpression>

namespace kinspect {

Expected<QList<LoggedSnapshot>> splitKubectlLogs(const QByteArray &log, const QString &source)
{
    static const QRegularExpression prefix(QStringLiteral("^\\[pod/[^\\]\\s]+\\] "));
    const QByteArray begin(KubectlLogBeginMarker), end(KubectlLogEndMarker);
    QList<LoggedSnapshot> out;
    std::optional<LoggedSnapshot> cur;
    QList<QByteArray> lines = log.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (int i = 0; i < lines.size(); ++i) {
        QByteArray line = lines[i];
        if (line.startsWith("[pod/")) {
            const auto m = prefix.match(QString::fromUtf8(line.left(512)));
            if (m.hasMatch())
                line =
                    line.mid(m.capturedEnd(0)); // the prefix is ASCII: byte offset == char offset
        }
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith(begin + ' ')) {
            if (cur)
                return Error{QStringLiteral("the log of node \"%1\" (line %2) ends without %3; a "
                                            "truncated or interleaved log (use 'kubectl logs' per "
                                            "pod or with --prefix)")
                                 .arg(cur->node)
                                 .arg(cur->line)
                                 .arg(QLatin1String(KubectlLogEndMarker)),
                             source, i + 1};
            cur =
                LoggedSnapshot{QString::fromUtf8(line.mid(begin.size() + 1)).trimmed(), {}, i + 1};
            if (cur->node.isEmpty())
                return Error{QStringLiteral("%1 without a node name").arg(QLatin1String(begin)),
                             source, i + 1};
            continue;
        }
        if (line.startsWith(end + ' ') || line == end) {
            if (!cur)
                return Error{
                    QStringLiteral("%1 without %2").arg(QLatin1String(end), QLatin1String(begin)),
                    source, i + 1};
            const QList<QByteArray> f = line.mid(end.size()).simplified().split(' ');
            const QByteArray code = f.size() > 1 ? f.at(1) : QByteArray();
            if (!code.isEmpty() && code != "0")
                return Error{QStringLiteral("the collector on node \"%1\" exited with status %2")
                                 .arg(cur->node, QString::fromLatin1(code)),
                             source, i + 1};
            for (int k = 0; k < out.size(); ++k)
                if (out[k].node == cur->node) {
                    out.removeAt(k);
                    break;
                }
            out << *cur;
            cur.reset();
            continue;
        }
        if (cur) {
            cur->data += line;
            cur->data += '\n';
        }
    }
    if (cur)
        return Error{QStringLiteral("the log of node \"%1\" ends without %2 (truncated log?)")
                         .arg(cur->node, QLatin1String(end)),
                     source, cur->line};
    if (out.isEmpty())
        return Error{QStringLiteral("no %1 line: not the log of a kinspect collector pod")
                         .arg(QLatin1String(begin)),
                     source, 0};
    return out;
}

} // namespace kinspect
