#include "report/JsonReport.h"

#include "evaluate/ResultJson.h"

#include "util/Text.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kinspect {

namespace {

QString isoUtc(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject summaryJson(const ClusterResult &result)
{
    const auto counts = result.summary();
    QJsonObject o;
    for (Status s : {Status::Pass, Status::Fail, Status::Manual, Status::Error,
                     Status::NotApplicable, Status::Waived})
        o.insert(statusName(s), counts.value(s));
    return o;
}

} // namespace

QJsonObject clusterResultToJson(const Benchmark &benchmark, const ClusterResult &result)
{
    QJsonObject root;
    root.insert(QStringLiteral("tool"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("kinspect")},
                            {QStringLiteral("version"), QStringLiteral(KINSPECT_VERSION)}});
    root.insert(QStringLiteral("benchmark"),
                QJsonObject{{QStringLiteral("id"), benchmark.id},
                            {QStringLiteral("title"), benchmark.title},
                            {QStringLiteral("version"), benchmark.version}});
    root.insert(QStringLiteral("cluster"), result.cluster);
    root.insert(QStringLiteral("startedAt"), isoUtc(result.startedAt));
    root.insert(QStringLiteral("finishedAt"), isoUtc(result.finishedAt));
    root.insert(QStringLiteral("summary"), summaryJson(result));
    QJsonArray nodes;
    for (const NodeResult &n : result.nodes) {
        QJsonObject node;
        node.insert(QStringLiteral("name"), n.name);
        node.insert(QStringLiteral("host"), n.host);
        node.insert(QStringLiteral("roles"), QJsonArray::fromStringList(n.roles));
        node.insert(QStringLiteral("distribution"), n.distribution);
        node.insert(QStringLiteral("kubernetesVersion"), n.kubernetesVersion);
        node.insert(QStringLiteral("status"),
                    n.audited ? QStringLiteral("audited") : QStringLiteral("error"));
        if (!n.audited)
            node.insert(QStringLiteral("error"),
                        QJsonObject{{QStringLiteral("kind"), n.errorKind},
                                    {QStringLiteral("message"), n.errorMessage}});
        if (n.collectedAt.isValid())
            node.insert(QStringLiteral("collectedAt"), isoUtc(n.collectedAt));
        QJsonArray results;
        for (const ControlResult &r : n.results) {
            const Control *c = benchmark.control(r.controlId);
            QJsonObject jr;
            jr.insert(QStringLiteral("id"), r.controlId);
            jr.insert(QStringLiteral("title"), c ? c->title : QString());
            jr.insert(QStringLiteral("section"), c ? c->sectionId : QString());
            jr.insert(QStringLiteral("automated"), c ? c->automated : false);
            jr.insert(QStringLiteral("status"), statusName(r.status));
            jr.insert(QStringLiteral("reason"), r.reason);
            if (r.manualHint)
                jr.insert(QStringLiteral("manualHint"), statusName(*r.manualHint));
            if (r.originalStatus)
                jr.insert(QStringLiteral("originalStatus"), statusName(*r.originalStatus));
            if (r.waiver) {
                QJsonObject w = waiverToJson(*r.waiver);
                w.insert(QStringLiteral("expired"), r.status != Status::Waived);
                jr.insert(QStringLiteral("waiver"), w);
            }
            QJsonArray ev;
            for (const Evidence &e : r.evidence)
                ev.append(evidenceToJson(e));
            jr.insert(QStringLiteral("evidence"), ev);
            jr.insert(QStringLiteral("remediation"),
                      QJsonObject{{QStringLiteral("summary"),
                                   c ? firstParagraph(c->remediation) : QString()},
                                  {QStringLiteral("file"), r.remediationFile}});
            results.append(jr);
        }
        node.insert(QStringLiteral("results"), results);
        nodes.append(node);
    }
    root.insert(QStringLiteral("nodes"), nodes);
    return root;
}

QByteArray jsonReport(const Benchmark &benchmark, const ClusterResult &result)
{
    // QJsonDocument escapes C0 controls but writes C1 controls (U+009B is a CSI to many
    // terminals) and bidi overrides raw. Outside strings a JSON document holds only ASCII, so
    // writing those as \u escapes keeps it valid and equal, and `cat report.json` safe.
    const QByteArray json =
        QJsonDocument(clusterResultToJson(benchmark, result)).toJson(QJsonDocument::Indented);
    return escapeTerminalControls(json);
}

QJsonObject controlToJson(const Benchmark &benchmark, const Control &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), c.id);
    o.insert(QStringLiteral("title"), c.title);
    o.insert(QStringLiteral("section"), c.sectionId);
    o.insert(QStringLiteral("sectionTitle"), benchmark.sectionTitle(c.sectionId));
    o.insert(QStringLiteral("automated"), c.automated);
    o.insert(QStringLiteral("description"), c.description);
    o.insert(QStringLiteral("rationale"), c.rationale);
    o.insert(QStringLiteral("audit"), c.audit);
    o.insert(QStringLiteral("remediation"), c.remediation);
    o.insert(QStringLiteral("impact"), c.impact);
    o.insert(QStringLiteral("defaultValue"), c.defaultValue);
    o.insert(QStringLiteral("references"), QJsonArray::fromStringList(c.references));
    QJsonArray cis;
    for (const auto &cc : c.cisControls)
        cis.append(QJsonObject{{QStringLiteral("version"), cc.version},
                               {QStringLiteral("id"), cc.id},
                               {QStringLiteral("title"), cc.title}});
    o.insert(QStringLiteral("cisControls"), cis);
    o.insert(QStringLiteral("checked"), c.check.has_value());
    o.insert(QStringLiteral("component"), c.check ? c.check->component : QString());
    o.insert(QStringLiteral("fixable"), c.fix.has_value());
    return o;
}

QByteArray controlsJson(const Benchmark &benchmark)
{
    QJsonArray sections;
    for (const Section &s : benchmark.sections)
        sections.append(
            QJsonObject{{QStringLiteral("id"), s.id}, {QStringLiteral("title"), s.title}});
    QJsonArray controls;
    for (const Control &c : benchmark.controls)
        controls.append(controlToJson(benchmark, c));
    QJsonObject root{
        {QStringLiteral("benchmark"), QJsonObject{{QStringLiteral("id"), benchmark.id},
                                                  {QStringLiteral("title"), benchmark.title},
                                                  {QStringLiteral("version"), benchmark.version}}},
        {QStringLiteral("sections"), sections},
        {QStringLiteral("controls"), controls}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace kinspect
