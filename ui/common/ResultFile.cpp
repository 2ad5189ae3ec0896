#include "common/ResultFile.h"

#include "report/JsonReport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace kinspect::ui {

Expected<ClusterResult> readResultJson(const QByteArray &data, const QString &sourceName)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error{QCoreApplication::translate("ResultFile", "not a JSON report: %1 at offset %2")
                         .arg(pe.errorString())
                         .arg(pe.offset),
                     sourceName};
    const QJsonObject root = doc.object();
    if (!root.value(QStringLiteral("nodes")).isArray() ||
        !root.value(QStringLiteral("benchmark")).isObject())
        return Error{
            QCoreApplication::translate(
                "ResultFile", "not a Kinspect JSON report (no \"benchmark\" or \"nodes\")"),
            sourceName};
    ClusterResult r;
    r.cluster = root.value(QStringLiteral("cluster")).toString();
    r.benchmarkId =
        root.value(QStringLiteral("benchmark")).toObject().value(QStringLiteral("id")).toString();
    r.startedAt =
        QDateTime::fromString(root.value(QStringLiteral("startedAt")).toString(), Qt::ISODate);
    r.finishedAt =
        QDateTime::fromString(root.value(QStringLiteral("finishedAt")).toString(), Qt::ISODate);
    const QJsonArray nodes = root.value(QStringLiteral("nodes")).toArray();
    r.nodes.reserve(nodes.size());
    for (const QJsonValue &nv : nodes) {
        const QJsonObject n = nv.toObject();
        NodeResult node;
        node.name = n.value(QStringLiteral("name")).toString();
        if (node.name.isEmpty())
            return Error{QCoreApplication::translate("ResultFile", "a node has no name"),
                         sourceName};
        node.host = n.value(QStringLiteral("host")).toString();
        for (const QJsonValue &role : n.value(QStringLiteral("roles")).toArray())
            node.roles << role.toString();
        node.distribution = n.value(QStringLiteral("distribution")).toString();
        node.kubernetesVersion = n.value(QStringLiteral("kubernetesVersion")).toString();
        node.audited = n.value(QStringLiteral("status")).toString() == QLatin1String("audited");
        const QJsonObject err = n.value(QStringLiteral("error")).toObject();
        node.errorKind = err.value(QStringLiteral("kind")).toString();
        node.errorMessage = err.value(QStringLiteral("message")).toString();
        node.collectedAt =
            QDateTime::fromString(n.value(QStringLiteral("collectedAt")).toString(), Qt::ISODate);
        const QJsonArray results = n.value(QStringLiteral("results")).toArray();
        node.results.reserve(results.size());
        for (const QJsonValue &rv : results) {
            const QJsonObject o = rv.toObject();
            ControlResult cr;
            cr.controlId = o.value(QStringLiteral("id")).toString();
            const auto status = statusFromName(o.value(QStringLiteral("status")).toString());
            if (cr.controlId.isEmpty() || !status)
                return Error{QCoreApplication::translate(
                                 "ResultFile", "node %1: a result without an id or a known status")
                                 .arg(node.name),
                             sourceName};
            cr.status = *status;
            cr.reason = o.value(QStringLiteral("reason")).toString();
            if (o.contains(QStringLiteral("manualHint")))
                cr.manualHint = statusFromName(o.value(QStringLiteral("manualHint")).toString());
            const QJsonArray ev = o.value(QStringLiteral("evidence")).toArray();
            cr.evidence.reserve(ev.size());
            for (const QJsonValue &evv : ev) {
                const QJsonObject e = evv.toObject();
                cr.evidence.append(Evidence{e.value(QStringLiteral("source")).toString(),
                                            e.value(QStringLiteral("path")).toString(),
                                            e.value(QStringLiteral("key")).toString(),
                                            e.value(QStringLiteral("actual")).toString(),
                                            e.value(QStringLiteral("expected")).toString(),
                                            e.value(QStringLiteral("command")).toString(),
                                            e.value(QStringLiteral("passed")).toBool()});
            }
            cr.remediationFile = o.value(QStringLiteral("remediation"))
                                     .toObject()
                                     .value(QStringLiteral("file"))
                                     .toString();
            node.results.append(std::move(cr));
        }
        r.nodes.append(std::move(node));
    }
    return r;
}

Expected<ClusterResult> loadResultFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{f.errorString(), path};
    return readResultJson(f.readAll(), path);
}

Expected<bool> saveResultFile(const Benchmark &benchmark, const ClusterResult &result,
                              const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{f.errorString(), path};
    f.write(jsonReport(benchmark, result));
    if (!f.commit())
        return Error{f.errorString(), path};
    return true;
}

} // namespace kinspect::ui
