#include "common/ResultFile.h"

#include "report/JsonReport.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QtEndian>

#include <cstring>

namespace kinspect::ui {

namespace {

const QByteArray kMagic = QByteArrayLiteral("KINSPECT-RESULT\n");
constexpr quint32 kBinaryVersion = 1;

class Writer
{
public:
    void u32(quint32 v)
    {
        const quint32 le = qToLittleEndian(v);
        m_body.append(reinterpret_cast<const char *>(&le), sizeof le);
    }
    void str(const QString &s)
    {
        auto it = m_index.constFind(s);
        if (it == m_index.constEnd()) {
            it = m_index.insert(s, quint32(m_strings.size()));
            m_strings << s;
        }
        u32(*it);
    }
    void time(const QDateTime &t)
    {
        str(t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString());
    }
    QByteArray finish() const
    {
        QByteArray out = kMagic;
        const auto put = [&out](quint32 v) {
            const quint32 le = qToLittleEndian(v);
            out.append(reinterpret_cast<const char *>(&le), sizeof le);
        };
        put(kBinaryVersion);
        put(quint32(m_strings.size()));
        for (const QString &s : m_strings) {
            const QByteArray u = s.toUtf8();
            put(quint32(u.size()));
            out.append(u);
        }
        out.append(m_body);
        return out;
    }

private:
    QHash<QString, quint32> m_index;
    QStringList m_strings;
    QByteArray m_body;
};

class Reader
{
public:
    Reader(const QByteArray &data) : m_p(data.constData()), m_end(data.constData() + data.size()) {}
    bool ok() const { return m_ok; }
    bool skip(qsizetype n)
    {
        if (m_end - m_p < n)
            return m_ok = false;
        m_p += n;
        return true;
    }
    quint32 u32()
    {
        if (m_end - m_p < 4) {
            m_ok = false;
            return 0;
        }
        quint32 v;
        std::memcpy(&v, m_p, 4);
        m_p += 4;
        return qFromLittleEndian(v);
    }
    bool readTable()
    {
        const quint32 n = u32();
        if (!m_ok || n > quint32((m_end - m_p) / 4))
            return m_ok = false;
        m_strings.reserve(n);
        for (quint32 i = 0; i < n; ++i) {
            const quint32 len = u32();
            if (!m_ok || len > quint32(m_end - m_p))
                return m_ok = false;
            m_strings << QString::fromUtf8(m_p, len);
            m_p += len;
        }
        return true;
    }
    // Copies share the table's string data (implicit sharing).
    QString str()
    {
        const quint32 i = u32();
        if (i >= quint32(m_strings.size())) {
            m_ok = false;
            return {};
        }
        return m_strings[i];
    }
    QDateTime time()
    {
        const QString s = str();
        return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
    }
    // A count that cannot exceed what is left (each item takes at least 4 bytes).
    quint32 count()
    {
        const quint32 n = u32();
        if (n > quint32((m_end - m_p) / 4))
            m_ok = false;
        return m_ok ? n : 0;
    }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
    QStringList m_strings;
};

} // namespace

QByteArray resultToBinary(const ClusterResult &result)
{
    Writer w;
    w.str(result.cluster);
    w.str(result.benchmarkId);
    w.time(result.startedAt);
    w.time(result.finishedAt);
    w.u32(quint32(result.nodes.size()));
    for (const NodeResult &n : result.nodes) {
        w.str(n.name);
        w.str(n.host);
        w.u32(quint32(n.roles.size()));
        for (const QString &r : n.roles)
            w.str(r);
        w.str(n.distribution);
        w.str(n.kubernetesVersion);
        w.u32(n.audited ? 1 : 0);
        w.str(n.errorKind);
        w.str(n.errorMessage);
        w.time(n.collectedAt);
        w.u32(quint32(n.results.size()));
        for (const ControlResult &r : n.results) {
            w.str(r.controlId);
            w.u32(quint32(r.status) | (r.manualHint ? (quint32(*r.manualHint) + 1) << 8 : 0));
            w.str(r.reason);
            w.str(r.remediationFile);
            w.u32(quint32(r.evidence.size()));
            for (const Evidence &e : r.evidence) {
                w.str(e.source);
                w.str(e.path);
                w.str(e.key);
                w.str(e.actual);
                w.str(e.expected);
                w.str(e.command);
                w.u32(e.passed ? 1 : 0);
            }
        }
    }
    return w.finish();
}

Expected<ClusterResult> readResultBinary(const QByteArray &data, const QString &sourceName)
{
    const Error corrupt{
        QCoreApplication::translate("ResultFile", "damaged or truncated result file"), sourceName};
    if (!data.startsWith(kMagic))
        return corrupt;
    Reader r(data);
    r.skip(kMagic.size());
    if (r.u32() != kBinaryVersion)
        return Error{QCoreApplication::translate("ResultFile", "result file of a newer version"),
                     sourceName};
    if (!r.readTable())
        return corrupt;
    ClusterResult out;
    out.cluster = r.str();
    out.benchmarkId = r.str();
    out.startedAt = r.time();
    out.finishedAt = r.time();
    const quint32 nodes = r.count();
    out.nodes.reserve(nodes);
    for (quint32 i = 0; i < nodes && r.ok(); ++i) {
        NodeResult n;
        n.name = r.str();
        n.host = r.str();
        const quint32 roles = r.count();
        for (quint32 k = 0; k < roles && r.ok(); ++k)
            n.roles << r.str();
        n.distribution = r.str();
        n.kubernetesVersion = r.str();
        n.audited = r.u32() != 0;
        n.errorKind = r.str();
        n.errorMessage = r.str();
        n.collectedAt = r.time();
        const quint32 results = r.count();
        n.results.reserve(results);
        for (quint32 k = 0; k < results && r.ok(); ++k) {
            ControlResult c;
            c.controlId = r.str();
            const quint32 st = r.u32();
            if ((st & 0xff) >= quint32(kStatusCount) || (st >> 8) > quint32(kStatusCount))
                return corrupt;
            c.status = Status(st & 0xff);
            if (st >> 8)
                c.manualHint = Status((st >> 8) - 1);
            c.reason = r.str();
            c.remediationFile = r.str();
            const quint32 ev = r.count();
            c.evidence.reserve(ev);
            for (quint32 e = 0; e < ev && r.ok(); ++e) {
                Evidence x;
                x.source = r.str();
                x.path = r.str();
                x.key = r.str();
                x.actual = r.str();
                x.expected = r.str();
                x.command = r.str();
                x.passed = r.u32() != 0;
                c.evidence.append(std::move(x));
            }
            n.results.append(std::move(c));
        }
        out.nodes.append(std::move(n));
    }
    if (!r.ok())
        return corrupt;
    return out;
}

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
    const QByteArray data = f.readAll();
    if (data.startsWith(kMagic))
        return readResultBinary(data, path);
    return readResultJson(data, path);
}

Expected<bool> saveResultFile(const Benchmark &benchmark, const ClusterResult &result,
                              const QString &path)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error{f.errorString(), path};
    f.write(path.endsWith(QLatin1String(".kinspect")) ? resultToBinary(result)
                                                      : jsonReport(benchmark, result));
    if (!f.commit())
        return Error{f.errorString(), path};
    return true;
}

} // namespace kinspect::ui
