#include "store/ResultCodec.h"

#include "evaluate/ResultJson.h"
#include "util/StringPool.h"

#include <QJsonArray>

namespace kinspect {

namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
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
            jr.insert(QStringLiteral("waiver"), waiverToJson(*r.waiver));
        QJsonArray ev;
        for (const Evidence &e : r.evidence)
            ev.append(evidenceToJson(e));
        jr.insert(QStringLiteral("evidence"), ev);
        results.append(jr);
    }
    o.insert(QStringLiteral("results"), results);
    return o;
}

Expected<NodeResult> nodeResultFromStoreJson(const QJsonObject &o, StringPool *pool)
{
    const auto text = [pool](const QJsonValue &v) {
        const QString s = v.toString();
        return pool ? pool->intern(s) : s;
    };
    NodeResult n;
    n.name = o.value(QStringLiteral("name")).toString();
    n.host = o.value(QStringLiteral("host")).toString();
    for (const auto &role : o.value(QStringLiteral("roles")).toArray())
        n.roles << text(role);
    n.distribution = text(o.value(QStringLiteral("distribution")));
    n.kubernetesVersion = text(o.value(QStringLiteral("kubernetesVersion")));
    n.audited = o.value(QStringLiteral("audited")).toBool();
    n.errorKind = o.value(QStringLiteral("errorKind")).toString();
    n.errorMessage = o.value(QStringLiteral("errorMessage")).toString();
    n.collectedAt =
        QDateTime::fromString(o.value(QStringLiteral("collectedAt")).toString(), Qt::ISODateWithMs);
    for (const auto &v : o.value(QStringLiteral("results")).toArray()) {
        const QJsonObject jr = v.toObject();
        ControlResult r;
        r.controlId = text(jr.value(QStringLiteral("id")));
        const auto st = statusFromName(jr.value(QStringLiteral("status")).toString());
        if (!st || r.controlId.isEmpty())
            return Error{QStringLiteral("stored result of node '%1' is damaged").arg(n.name),
                         QString(), 0};
        r.status = *st;
        r.reason = text(jr.value(QStringLiteral("reason")));
        r.remediationFile = text(jr.value(QStringLiteral("remediationFile")));
        if (jr.contains(QStringLiteral("manualHint")))
            r.manualHint = statusFromName(jr.value(QStringLiteral("manualHint")).toString());
        if (jr.contains(QStringLiteral("originalStatus")))
            r.originalStatus =
                statusFromName(jr.value(QStringLiteral("originalStatus")).toString());
        if (jr.contains(QStringLiteral("waiver")))
            r.waiver = waiverFromJson(jr.value(QStringLiteral("waiver")).toObject());
        for (const auto &ev : jr.value(QStringLiteral("evidence")).toArray())
            r.evidence << evidenceFromJson(ev.toObject(), pool);
        n.results << std::move(r);
    }
    return n;
}

} // namespace kinspect
