#include "report/JUnitReport.h"

#include <QXmlStreamWriter>

namespace kinspect {

namespace {

// XML 1.0 cannot carry most control characters even escaped: make them visible instead.
QString xmlSafe(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar ch : s) {
        const char16_t u = ch.unicode();
        if ((u < 0x20 && u != 0x9 && u != 0xA && u != 0xD) || u == 0xFFFE || u == 0xFFFF)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out;
}

QString evidenceText(const ControlResult &r)
{
    QStringList lines;
    for (const Evidence &e : r.evidence) {
        QString where = e.path;
        if (!e.key.isEmpty())
            where += (where.isEmpty() ? QString() : QStringLiteral(" ")) + e.key;
        lines << QStringLiteral("%1 %2: actual '%3', expected %4%5")
                     .arg(e.source, where, e.actual, e.expected,
                          e.command.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(e.command));
    }
    if (!r.remediationFile.isEmpty())
        lines << QStringLiteral("remediation file: %1").arg(r.remediationFile);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QByteArray junitReport(const Benchmark &benchmark, const ClusterResult &result)
{
    QByteArray data;
    QXmlStreamWriter w(&data);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    int tests = 0, failures = 0, errors = 0, skipped = 0;
    for (const NodeResult &n : result.nodes) {
        if (!n.audited) {
            ++tests;
            ++errors;
            continue;
        }
        for (const ControlResult &r : n.results) {
            ++tests;
            failures += r.status == Status::Fail;
            errors += r.status == Status::Error;
            skipped += r.status == Status::Manual || r.status == Status::NotApplicable ||
                       r.status == Status::Waived;
        }
    }
    w.writeStartElement(QStringLiteral("testsuites"));
    w.writeAttribute(QStringLiteral("name"),
                     xmlSafe(QStringLiteral("kinspect %1 %2").arg(benchmark.id, result.cluster)));
    w.writeAttribute(QStringLiteral("tests"), QString::number(tests));
    w.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    w.writeAttribute(QStringLiteral("errors"), QString::number(errors));
    w.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
    const QString cluster = result.cluster.isEmpty() ? QStringLiteral("cluster") : result.cluster;
    for (const NodeResult &n : result.nodes) {
        int t = 0, f = 0, e = 0, s = 0;
        for (const ControlResult &r : n.results) {
            ++t;
            f += r.status == Status::Fail;
            e += r.status == Status::Error;
            s += r.status == Status::Manual || r.status == Status::NotApplicable ||
                 r.status == Status::Waived;
        }
        if (!n.audited) {
            t = 1;
            e = 1;
        }
        const QString cls = xmlSafe(cluster + QLatin1Char('.') + n.name);
        w.writeStartElement(QStringLiteral("testsuite"));
        w.writeAttribute(QStringLiteral("name"), xmlSafe(n.name));
        w.writeAttribute(QStringLiteral("hostname"), xmlSafe(n.host));
        w.writeAttribute(QStringLiteral("tests"), QString::number(t));
        w.writeAttribute(QStringLiteral("failures"), QString::number(f));
        w.writeAttribute(QStringLiteral("errors"), QString::number(e));
        w.writeAttribute(QStringLiteral("skipped"), QString::number(s));
        if (result.startedAt.isValid())
            w.writeAttribute(QStringLiteral("timestamp"),
                             result.startedAt.toUTC().toString(Qt::ISODate));
        if (!n.audited) {
            w.writeStartElement(QStringLiteral("testcase"));
            w.writeAttribute(QStringLiteral("classname"), cls);
            w.writeAttribute(QStringLiteral("name"), QStringLiteral("node audit"));
            w.writeStartElement(QStringLiteral("error"));
            w.writeAttribute(QStringLiteral("type"), xmlSafe(n.errorKind));
            w.writeAttribute(QStringLiteral("message"), xmlSafe(n.errorMessage));
            w.writeEndElement();
            w.writeEndElement();
        }
        for (const ControlResult &r : n.results) {
            const Control *c = benchmark.control(r.controlId);
            w.writeStartElement(QStringLiteral("testcase"));
            w.writeAttribute(QStringLiteral("classname"), cls);
            w.writeAttribute(QStringLiteral("name"),
                             xmlSafe(r.controlId + QLatin1Char(' ') + (c ? c->title : QString())));
            const QString detail = xmlSafe(evidenceText(r));
            switch (r.status) {
            case Status::Fail:
                w.writeStartElement(QStringLiteral("failure"));
                w.writeAttribute(QStringLiteral("type"), QStringLiteral("FAIL"));
                w.writeAttribute(QStringLiteral("message"), xmlSafe(r.reason));
                w.writeCharacters(detail);
                w.writeEndElement();
                break;
            case Status::Error:
                w.writeStartElement(QStringLiteral("error"));
                w.writeAttribute(QStringLiteral("type"), QStringLiteral("ERROR"));
                w.writeAttribute(QStringLiteral("message"), xmlSafe(r.reason));
                w.writeCharacters(detail);
                w.writeEndElement();
                break;
            case Status::Manual:
            case Status::NotApplicable:
                w.writeStartElement(QStringLiteral("skipped"));
                w.writeAttribute(QStringLiteral("message"),
                                 xmlSafe(statusName(r.status) + QLatin1String(": ") + r.reason));
                w.writeEndElement();
                break;
            case Status::Waived: {
                const AppliedWaiver wv = r.waiver.value_or(AppliedWaiver{});
                w.writeStartElement(QStringLiteral("skipped"));
                w.writeAttribute(QStringLiteral("message"),
                                 xmlSafe(QStringLiteral("WAIVED by %1 (owner %2, until %3): %4")
                                             .arg(wv.id, wv.owner, wv.expires.toString(Qt::ISODate),
                                                  wv.justification)));
                w.writeEndElement();
                break;
            }
            case Status::Pass:
                break;
            }
            if (r.status != Status::Pass && !detail.isEmpty() && r.status != Status::Fail &&
                r.status != Status::Error) {
                w.writeTextElement(QStringLiteral("system-out"), detail);
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }
    w.writeEndElement();
    w.writeEndDocument();
    return data;
}

} // namespace kinspect
