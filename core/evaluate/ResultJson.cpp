#include "evaluate/ResultJson.h"

#include "util/StringPool.h"

namespace kinspect {

QJsonObject evidenceToJson(const Evidence &e)
{
    return QJsonObject{
        {QStringLiteral("source"), e.source},     {QStringLiteral("path"), e.path},
        {QStringLiteral("key"), e.key},           {QStringLiteral("actual"), e.actual},
        {QStringLiteral("expected"), e.expected}, {QStringLiteral("command"), e.command},
        {QStringLiteral("passed"), e.passed}};
}

Evidence evidenceFromJson(const QJsonObject &e, StringPool *pool)
{
    const auto str = [&e, pool](QLatin1String key) {
        const QString v = e.value(key).toString();
        return pool ? pool->intern(v) : v;
    };
    return Evidence{str(QLatin1String("source")),
                    str(QLatin1String("path")),
                    str(QLatin1String("key")),
                    str(QLatin1String("actual")),
                    str(QLatin1String("expected")),
                    str(QLatin1String("command")),
                    e.value(QStringLiteral("passed")).toBool()};
}

QJsonObject waiverToJson(const AppliedWaiver &w)
{
    return QJsonObject{{QStringLiteral("id"), w.id},
                       {QStringLiteral("justification"), w.justification},
                       {QStringLiteral("owner"), w.owner},
                       {QStringLiteral("expires"), w.expires.toString(Qt::ISODate)}};
}

AppliedWaiver waiverFromJson(const QJsonObject &w)
{
    return AppliedWaiver{
        w.value(QStringLiteral("id")).toString(),
        w.value(QStringLiteral("justification")).toString(),
        w.value(QStringLiteral("owner")).toString(),
        QDate::fromString(w.value(QStringLiteral("expires")).toString(), Qt::ISODate)};
}

} // namespace kinspect
