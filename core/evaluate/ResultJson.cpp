#include "evaluate/ResultJson.h"

namespace kinspect {

QJsonObject evidenceToJson(const Evidence &e)
{
    return QJsonObject{
        {QStringLiteral("source"), e.source},     {QStringLiteral("path"), e.path},
        {QStringLiteral("key"), e.key},           {QStringLiteral("actual"), e.actual},
        {QStringLiteral("expected"), e.expected}, {QStringLiteral("command"), e.command},
        {QStringLiteral("passed"), e.passed}};
}

Evidence evidenceFromJson(const QJsonObject &e)
{
    return Evidence{e.value(QStringLiteral("source")).toString(),
                    e.value(QStringLiteral("path")).toString(),
                    e.value(QStringLiteral("key")).toString(),
                    e.value(QStringLiteral("actual")).toString(),
                    e.value(QStringLiteral("expected")).toString(),
                    e.value(QStringLiteral("command")).toString(),
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
