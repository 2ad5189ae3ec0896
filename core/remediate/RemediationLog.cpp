#include "remediate/RemediationLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

namespace kinspect {

QJsonObject RemediationRecord::toJson() const
{
    QJsonArray its;
    for (const Item &i : items)
        its << QJsonObject{{QStringLiteral("path"), i.path},
                           {QStringLiteral("kind"), i.kind},
                           {QStringLiteral("backup"), i.backup},
                           {QStringLiteral("writtenSha256"), i.writtenSha256}};
    return QJsonObject{
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("localUser"), localUser},
        {QStringLiteral("remoteUser"), remoteUser},
        {QStringLiteral("node"), node},
        {QStringLiteral("host"), host},
        {QStringLiteral("benchmark"), benchmarkId},
        {QStringLiteral("control"), controlId},
        {QStringLiteral("action"), action},
        {QStringLiteral("backupDir"), backupDir},
        {QStringLiteral("diff"), diff},
        {QStringLiteral("items"), its},
        {QStringLiteral("followUp"), followUp},
        {QStringLiteral("outcome"), outcome},
        {QStringLiteral("statusBefore"), statusBefore},
        {QStringLiteral("statusAfter"), statusAfter},
        {QStringLiteral("message"), message},
    };
}

RemediationRecord RemediationRecord::fromJson(const QJsonObject &o)
{
    RemediationRecord r;
    const auto s = [&o](const char *k) { return o.value(QLatin1String(k)).toString(); };
    r.time = QDateTime::fromString(s("time"), Qt::ISODate);
    r.localUser = s("localUser");
    r.remoteUser = s("remoteUser");
    r.node = s("node");
    r.host = s("host");
    r.benchmarkId = s("benchmark");
    r.controlId = s("control");
    r.action = s("action");
    r.backupDir = s("backupDir");
    r.diff = s("diff");
    r.followUp = s("followUp");
    r.outcome = s("outcome");
    r.statusBefore = s("statusBefore");
    r.statusAfter = s("statusAfter");
    r.message = s("message");
    for (const QJsonValue &v : o.value(QLatin1String("items")).toArray()) {
        const QJsonObject i = v.toObject();
        r.items << Item{i.value(QLatin1String("path")).toString(),
                        i.value(QLatin1String("kind")).toString(),
                        i.value(QLatin1String("backup")).toString(),
                        i.value(QLatin1String("writtenSha256")).toString()};
    }
    return r;
}

QString RemediationLog::defaultPath()
{
    QString dir = qEnvironmentVariable("KINSPECT_DATA_DIR");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return dir + QStringLiteral("/remediation-log.jsonl");
}

Expected<bool> RemediationLog::append(const RemediationRecord &record, const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error{f.errorString(), path, 0};
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QByteArray line = QJsonDocument(record.toJson()).toJson(QJsonDocument::Compact) + '\n';
    if (f.write(line) != line.size())
        return Error{f.errorString(), path, 0};
    return true;
}

QList<RemediationRecord> RemediationLog::read(const QString &path)
{
    QList<RemediationRecord> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonDocument d = QJsonDocument::fromJson(line);
        if (d.isObject())
            out << RemediationRecord::fromJson(d.object());
    }
    return out;
}

} // namespace kinspect
