#include "store/ResultCodec.h"

#include <QJsonArray>

namespace kinspect {

namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QStringList toStrings(const QJsonArray &a)
{
    QStringList out;
    for (const auto &v : a)
        out << v.toString();
    return out;
}

} // namespace

QJsonObject nodeResultToStoreJson(const NodeResult &n)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), n.name);
    o.insert(QStringLiteral("host"), n.host);
    o.insert(QStringLiteral("roles"), QJsonArray::fromStringList(n.roles));
    o.insert(QStringLiteral("distribution"), n.distribution);
    o.insert(QStringLiteral("kubernetesVersion"), n.kubernetesVersion);
    o.insert(QStringLiteral("audited"), n.audited);
    o.insert(QStringLiteral("errorKind"), n.errorKind);
    o.insert(QStringLiteral("errorMessage"), n.errorMessage);
    o.insert(QStringLiteral("collectedAt"), iso(n.collectedAt));
    QJsonArray results;
    for (const ControlResult &r : n.results) {
        QJsonObject jr;
        jr.insert(QStringLiteral("id"), r.controlId);
        jr.insert(QStringLiteral("status"), statusName(r.status));
        jr.insert(QStringLiteral("reason"), r.reason);
        jr.insert(QStringLiteral("remediationFile"), r.remediationFile);
        if (r.manualHint)
            jr.insert(QStringLiteral("manualHint"), statusName(*r.manualHint));
        if (r.originalStatus)
            jr.insert(QStringLiteral("originalStatus"), statusName(*r.originalStatus));
        if (r.waiver)
            jr.insert(
                QStringLiteral("waiver"),
                QJsonObject{{QStringLiteral("id"), r.waiver->id},
                            {QStringLiteral("justification"), r.waiver->justification},
                            {QStringLiteral("owner"), r.waiver->owner},
                            {QStringLiteral("expires"), r.waiver->expires.toString(Qt::ISODate)}});
        QJsonArray ev;
        for (const Evidence &e : r.evidence)
            ev.append(QJsonObject{{QStringLiteral("source"), e.source},
                                  {QStringLiteral("path"), e.path},
                                  {QStringLiteral("key"), e.key},
                                  {QStringLiteral("actual"), e.actual},
                                  {QStringLiteral("expected"), e.expected},
                                  {QStringLiteral("command"), e.command},
                                  {QStringLiteral("passed"), e.passed}});
        jr.insert(QStringLiteral("evidence"), ev);
        results.append(jr);
    }
    o.insert(QStringLiteral("results"), results);
    return o;
}

Expected<NodeResult> nodeResultFromStoreJson(const QJsonObject &o)
{
    NodeResult n;
    n.name = o.value(QStringLiteral("name")).toString();
    n.host = o.value(QStringLiteral("host")).toString();
    n.roles = toStrings(o.value(QStringLiteral("roles")).toArray());
    n.distribution = o.value(QStringLiteral("distribution")).toString();
    n.kubernetesVersion = o.value(QStringLiteral("kubernetesVersion")).toString();
    n.audited = o.value(QStringLiteral("audited")).toBool();
    n.errorKind = o.value(QStringLiteral("errorKind")).toString();
    n.errorMessage = o.value(QStringLiteral("errorMessage")).toString();
    n.collectedAt =
        QDateTime::fromString(o.value(QStringLiteral("collectedAt")).toString(), Qt::ISODateWithMs);
    for (const auto &v : o.value(QStringLiteral("results")).toArray()) {
        const QJsonObject jr = v.toObject();
        ControlResult r;
        r.controlId = jr.value(QStringLiteral("id")).toString();
        const auto st = statusFromName(jr.value(QStringLiteral("status")).toString());
        if (!st || r.controlId.isEmpty())
            return Error{QStringLiteral("stored result of node '%1' is damaged").arg(n.name),
                         QString(), 0};
        r.status = *st;
        r.reason = jr.value(QStringLiteral("reason")).toString();
        r.remediationFile = jr.value(QStringLiteral("remediationFile")).toString();
        if (jr.contains(QStringLiteral("manualHint")))
            r.manualHint = statusFromName(jr.value(QStringLiteral("manualHint")).toString());
        if (jr.contains(QStringLiteral("originalStatus")))
            r.originalStatus =
                statusFromName(jr.value(QStringLiteral("originalStatus")).toString());
        if (jr.contains(QStringLiteral("waiver"))) {
            const QJsonObject w = jr.value(QStringLiteral("waiver")).toObject();
            r.waiver = AppliedWaiver{
                w.value(QStringLiteral("id")).toString(),
                w.value(QStringLiteral("justification")).toString(),
                w.value(QStringLiteral("owner")).toString(),
                QDate::fromString(w.value(QStringLiteral("expires")).toString(), Qt::ISODate)};
        }
        for (const auto &ev : jr.value(QStringLiteral("evidence")).toArray()) {
            const QJsonObject e = ev.toObject();
            r.evidence << Evidence{e.value(QStringLiteral("source")).toString(),
                                   e.value(QStringLiteral("path")).toString(),
                                   e.value(QStringLiteral("key")).toString(),
                                   e.value(QStringLiteral("actual")).toString(),
                                   e.value(QStringLiteral("expected")).toString(),
                                   e.value(QStringLiteral("command")).toString(),
                                   e.value(QStringLiteral("passed")).toBool()};
        }
        n.results << r;
    }
    return n;
}

} // namespace kinspect
