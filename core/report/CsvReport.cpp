#include "report/CsvReport.h"

namespace kinspect {

QString csvField(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar c = v.front();
        if (c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') ||
            c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            v.prepend(QLatin1Char('\''));
    }
    if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
        v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r'))) {
        v.replace(QLatin1Char('"'), QLatin1String("\"\""));
        v = QLatin1Char('"') + v + QLatin1Char('"');
    }
    return v;
}

namespace {

QString row(const QStringList &cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString &c : cells)
        out << csvField(c);
    return out.join(QLatin1Char(',')) + QLatin1String("\r\n");
}

QString evidenceText(const ControlResult &r)
{
    QStringList parts;
    for (const Evidence &e : r.evidence) {
        QString where = e.path;
        if (!e.key.isEmpty())
            where += (where.isEmpty() ? QString() : QStringLiteral(" ")) + e.key;
        parts << QStringLiteral("%1: %2 = '%3' (expected %4)")
                     .arg(e.source, where, e.actual, e.expected);
    }
    return parts.join(QLatin1String("; "));
}

} // namespace

QByteArray csvReport(const Benchmark &benchmark, const ClusterResult &result)
{
    QString out =
        row({QStringLiteral("cluster"), QStringLiteral("benchmark"), QStringLiteral("node"),
             QStringLiteral("host"), QStringLiteral("roles"), QStringLiteral("control"),
             QStringLiteral("title"), QStringLiteral("section"), QStringLiteral("automated"),
             QStringLiteral("status"), QStringLiteral("original_status"), QStringLiteral("reason"),
             QStringLiteral("evidence"), QStringLiteral("remediation_file"),
             QStringLiteral("waiver_id"), QStringLiteral("waiver_owner"),
             QStringLiteral("waiver_expires"), QStringLiteral("waiver_justification")});
    for (const NodeResult &n : result.nodes) {
        const QString roles = n.roles.join(QLatin1Char(' '));
        if (!n.audited) {
            out += row({result.cluster, benchmark.id, n.name, n.host, roles, QString(), QString(),
                        QString(), QString(), QStringLiteral("NOT_AUDITED"), QString(),
                        QStringLiteral("%1: %2").arg(n.errorKind, n.errorMessage), QString(),
                        QString(), QString(), QString(), QString(), QString()});
            continue;
        }
        for (const ControlResult &r : n.results) {
            const Control *c = benchmark.control(r.controlId);
            const AppliedWaiver w = r.waiver.value_or(AppliedWaiver{});
            out += row({result.cluster, benchmark.id, n.name, n.host, roles, r.controlId,
                        c ? c->title : QString(), c ? c->sectionId : QString(),
                        c && c->automated ? QStringLiteral("true") : QStringLiteral("false"),
                        statusName(r.status),
                        r.originalStatus ? statusName(*r.originalStatus) : QString(), r.reason,
                        evidenceText(r), r.remediationFile, w.id, w.owner,
                        w.expires.toString(Qt::ISODate), w.justification});
        }
    }
    return out.toUtf8();
}

} // namespace kinspect
