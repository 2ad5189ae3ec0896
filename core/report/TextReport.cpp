#include "report/TextReport.h"

#include "util/Text.h"

namespace kinspect {

namespace {

QString paint(const QString &text, const char *code, bool color)
{
    if (!color)
        return text;
    return QStringLiteral("\x1b[%1m%2\x1b[0m").arg(QLatin1String(code), text);
}

const char *colorOf(Status s)
{
    switch (s) {
    case Status::Pass:
        return "32";
    case Status::Fail:
        return "31;1";
    case Status::Error:
        return "35;1";
    case Status::Manual:
        return "33";
    case Status::NotApplicable:
        return "90";
    case Status::Waived:
        return "36";
    }
    return "0";
}

QString tag(Status s, bool color)
{
    QString name = statusName(s);
    if (s == Status::NotApplicable)
        name = QStringLiteral("N/A");
    return paint(QStringLiteral("[%1]").arg(name, -6), colorOf(s), color);
}

} // namespace

QString textReport(const Benchmark &benchmark, const ClusterResult &result,
                   const TextReportOptions &opt)
{
    QString out;
    out += QStringLiteral("%1 %2 (%3)").arg(benchmark.title, benchmark.version, benchmark.id);
    if (!result.cluster.isEmpty())
        out += QStringLiteral(" - cluster %1").arg(sanitizeForTerminal(result.cluster));
    out += QLatin1Char('\n');
    for (const NodeResult &n : result.nodes) {
        out += QLatin1Char('\n');
        out += paint(QStringLiteral("Node %1").arg(sanitizeForTerminal(n.name)), "1", opt.color);
        if (!n.host.isEmpty())
            out += QStringLiteral(" (%1)").arg(sanitizeForTerminal(n.host));
        if (!n.audited) {
            out += QStringLiteral(": ") +
                   paint(QStringLiteral("could not be audited [%1]").arg(n.errorKind), "35;1",
                         opt.color) +
                   QLatin1Char('\n') + QStringLiteral("  ") + sanitizeForTerminal(n.errorMessage) +
                   QLatin1Char('\n');
            continue;
        }
        QStringList facts;
        if (!n.roles.isEmpty())
            facts << n.roles.join(QLatin1String(", "));
        facts << n.distribution;
        if (!n.kubernetesVersion.isEmpty())
            facts << n.kubernetesVersion;
        out += QStringLiteral(": ") + sanitizeForTerminal(facts.join(QStringLiteral(" · "))) +
               QLatin1Char('\n');
        for (const ControlResult &r : n.results) {
            const bool show = opt.verbose || r.status == Status::Fail ||
                              r.status == Status::Error || r.status == Status::Waived;
            if (!show)
                continue;
            const Control *c = benchmark.control(r.controlId);
            out += QStringLiteral("  %1 %2 %3\n")
                       .arg(tag(r.status, opt.color), r.controlId.leftJustified(7),
                            c ? c->title : QString());
            if (!r.reason.isEmpty())
                out += QStringLiteral("           %1\n").arg(sanitizeForTerminal(r.reason));
            if (r.waiver && r.status == Status::Waived)
                out += QStringLiteral("           waived by %1 (%2, until %3): %4\n")
                           .arg(sanitizeForTerminal(r.waiver->id),
                                sanitizeForTerminal(r.waiver->owner),
                                r.waiver->expires.toString(Qt::ISODate),
                                sanitizeForTerminal(r.waiver->justification));
            else if (r.waiver)
                out += QStringLiteral("           waiver %1 expired on %2\n")
                           .arg(sanitizeForTerminal(r.waiver->id),
                                r.waiver->expires.toString(Qt::ISODate));
        }
        QStringList counts;
        for (Status s : {Status::Pass, Status::Fail, Status::Error, Status::Manual, Status::Waived,
                         Status::NotApplicable}) {
            const int k = n.count(s);
            if (k)
                counts << paint(QStringLiteral("%1 %2").arg(k).arg(statusName(s)), colorOf(s),
                                opt.color);
        }
        out += QStringLiteral("  %1\n").arg(counts.join(QLatin1String(", ")));
    }
    const auto sum = result.summary();
    int failedNodes = 0;
    for (const auto &n : result.nodes)
        failedNodes += !n.audited;
    QStringList counts;
    for (Status s : {Status::Pass, Status::Fail, Status::Error, Status::Manual, Status::Waived,
                     Status::NotApplicable})
        counts << QStringLiteral("%1 %2").arg(sum.value(s)).arg(statusName(s));
    out += QStringLiteral("\nSummary: %1 nodes (%2 not audited); %3\n")
               .arg(result.nodes.size())
               .arg(failedNodes)
               .arg(counts.join(QLatin1String(", ")));
    return out;
}

} // namespace kinspect
