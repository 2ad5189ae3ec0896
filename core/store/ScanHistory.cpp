#include "store/ScanHistory.h"

#include "store/ResultCodec.h"
#include "store/SqliteConnection.h"
#include "util/StringPool.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

#include <pwd.h>
#include <unistd.h>

namespace kinspect {

QString currentUserAtHost()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty())
        if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_name)
            user = QString::fromLocal8Bit(pw->pw_name);
    if (user.isEmpty())
        user = QString::number(getuid());
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0)
        host[0] = 0;
    return user + QLatin1Char('@') + QString::fromLocal8Bit(host);
}

namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// SQLite gets NULL for a null QString; the schema wants ''.
QString nn(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QDateTime fromIso(const QString &s)
{
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}

Error sqlError(const QString &what, const QSqlError &e)
{
    return Error{QStringLiteral("%1: %2").arg(what, e.text()), QString(), 0};
}

QString summaryJson(const QHash<Status, int> &s)
{
    QJsonObject o;
    for (auto it = s.cbegin(); it != s.cend(); ++it)
        o.insert(statusName(it.key()), it.value());
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QHash<Status, int> summaryFrom(const QString &json)
{
    QHash<Status, int> out;
    const QJsonObject o = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (auto s = statusFromName(it.key()))
            out[*s] = it.value().toInt();
    return out;
}

// RAII transaction: rolls back unless committed.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db) : m_db(std::move(db)) { m_ok = m_db.transaction(); }
    ~Transaction()
    {
        if (m_ok && !m_done)
            m_db.rollback();
    }
    bool ok() const { return m_ok; }
    std::optional<Error> commit()
    {
        m_done = true;
        if (!m_db.commit())
            return sqlError(QStringLiteral("commit"), m_db.lastError());
        return std::nullopt;
    }

private:
    QSqlDatabase m_db;
    bool m_ok = false;
    bool m_done = false;
};

std::optional<Error> exec(QSqlQuery &q, const QString &what)
{
    if (!q.exec())
        return sqlError(what, q.lastError());
    return std::nullopt;
}

const char *const kSchemaV1[] = {
    "CREATE TABLE IF NOT EXISTS scans ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " cluster TEXT NOT NULL DEFAULT '',"
    " inventory TEXT NOT NULL DEFAULT '',"
    " benchmark TEXT NOT NULL DEFAULT '',"
    " started_at TEXT, finished_at TEXT,"
    " complete INTEGER NOT NULL DEFAULT 0,"
    " node_count INTEGER NOT NULL DEFAULT 0,"
    " summary TEXT NOT NULL DEFAULT '{}',"
    " ran_by TEXT NOT NULL DEFAULT '',"
    " tool_version TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX IF NOT EXISTS scans_by_cluster ON scans(cluster, started_at)",
    "CREATE INDEX IF NOT EXISTS scans_by_inventory ON scans(inventory, started_at)",
    "CREATE TABLE IF NOT EXISTS scan_nodes ("
    " scan_id INTEGER NOT NULL REFERENCES scans(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL,"
    " name TEXT NOT NULL,"
    " result TEXT NOT NULL,"
    " snapshot BLOB,"
    " PRIMARY KEY (scan_id, idx))",
    "CREATE TABLE IF NOT EXISTS waivers ("
    " id TEXT PRIMARY KEY,"
    " control TEXT NOT NULL,"
    " nodes TEXT NOT NULL DEFAULT '[]',"
    " justification TEXT NOT NULL,"
    " owner TEXT NOT NULL,"
    " expires TEXT NOT NULL,"
    " created TEXT NOT NULL DEFAULT '')",
};

} // namespace

QString ScanHistory::defaultPath()
{
    // Tests and scripts point every command at one file without repeating --history-db.
    if (const QString env = qEnvironmentVariable("KINSPECT_HISTORY_DB"); !env.isEmpty())
        return env;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/kinspect/history.sqlite");
}

ScanHistory::ScanHistory()
{
    static QAtomicInt counter;
    m_connection = QStringLiteral("kinspect-history-%1").arg(counter.fetchAndAddRelaxed(1));
}

ScanHistory::~ScanHistory()
{
    closeSqliteConnection(m_connection);
}

bool ScanHistory::isOpen() const
{
    return QSqlDatabase::contains(m_connection) &&
           QSqlDatabase::database(m_connection, false).isOpen();
}

std::optional<Error> ScanHistory::open(const QString &path)
{
    if (auto e = openSqliteConnection(m_connection, path))
        return e;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    m_path = db.databaseName();
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    if (!q.exec(QStringLiteral("PRAGMA schema_version")))
        return Error{QStringLiteral("not a Kinspect history database: ") + q.lastError().text(),
                     path, 0};
    if (auto e = migrate()) {
        db.close();
        e->file = path;
        return e;
    }
    return std::nullopt;
}

int ScanHistory::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

std::optional<Error> ScanHistory::migrate()
{
    const int version = schemaVersion();
    if (version > kSchemaVersion)
        return Error{QStringLiteral("the history was written by a newer Kinspect (schema %1, this "
                                    "one knows %2)")
                         .arg(version)
                         .arg(kSchemaVersion),
                     QString(), 0};
    if (version == kSchemaVersion)
        return std::nullopt;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Transaction t(db);
    QSqlQuery q(db);
    if (version < 1) {
        for (const char *stmt : kSchemaV1)
            if (!q.exec(QLatin1String(stmt)))
                return sqlError(QStringLiteral("creating the schema"), q.lastError());
    }
    // Future versions: `if (version < 2) { ALTER TABLE ... }`.
    if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion)))
        return sqlError(QStringLiteral("schema version"), q.lastError());
    return t.commit();
}

Expected<qint64> ScanHistory::writeBegin(const ClusterResult &header, const ScanMeta &meta)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "INSERT INTO scans (cluster, inventory, benchmark, started_at, finished_at, complete, "
        "node_count, ran_by, tool_version) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)"));
    q.addBindValue(nn(header.cluster));
    q.addBindValue(nn(meta.inventory));
    q.addBindValue(nn(header.benchmarkId));
    q.addBindValue(iso(header.startedAt));
    q.addBindValue(iso(header.finishedAt));
    q.addBindValue(int(header.nodes.size()));
    q.addBindValue(meta.ranBy.isEmpty() ? currentUserAtHost() : meta.ranBy);
    q.addBindValue(meta.toolVersion.isEmpty() ? QStringLiteral(KINSPECT_VERSION)
                                              : meta.toolVersion);
    if (auto e = exec(q, QStringLiteral("recording the scan")))
        return *e;
    return q.lastInsertId().toLongLong();
}

std::optional<Error> ScanHistory::writeNode(qint64 scanId, int index, const NodeResult &node,
                                            const QByteArray &snapshot)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO scan_nodes (scan_id, idx, name, result, "
                             "snapshot) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(scanId);
    q.addBindValue(index);
    q.addBindValue(nn(node.name));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(nodeResultToStoreJson(node)).toJson(QJsonDocument::Compact)));
    q.addBindValue(snapshot.isEmpty() ? QByteArray() : qCompress(snapshot));
    return exec(q, QStringLiteral("recording node '%1'").arg(node.name));
}

std::optional<Error> ScanHistory::writeFinish(qint64 scanId, const ClusterResult &result)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE scans SET complete = 1, finished_at = ?, started_at = ?, "
                             "node_count = ?, summary = ?, benchmark = ?, cluster = ? "
                             "WHERE id = ?"));
    q.addBindValue(
        iso(result.finishedAt.isValid() ? result.finishedAt : QDateTime::currentDateTimeUtc()));
    q.addBindValue(iso(result.startedAt));
    q.addBindValue(int(result.nodes.size()));
    q.addBindValue(summaryJson(result.summary()));
    q.addBindValue(nn(result.benchmarkId));
    q.addBindValue(nn(result.cluster));
    q.addBindValue(scanId);
    if (auto e = exec(q, QStringLiteral("completing the scan")))
        return e;
    if (q.numRowsAffected() != 1)
        return Error{QStringLiteral("no scan %1 in the history").arg(scanId), m_path, 0};
    return std::nullopt;
}

Expected<qint64> ScanHistory::beginScan(const ClusterResult &header, const ScanMeta &meta)
{
    Transaction t(QSqlDatabase::database(m_connection, false));
    auto id = writeBegin(header, meta);
    if (!id)
        return id;
    if (auto e = t.commit())
        return *e;
    return id;
}

std::optional<Error> ScanHistory::addNode(qint64 scanId, int index, const NodeResult &node,
                                          const QByteArray &snapshot)
{
    Transaction t(QSqlDatabase::database(m_connection, false));
    if (auto e = writeNode(scanId, index, node, snapshot))
        return e;
    return t.commit();
}

std::optional<Error> ScanHistory::finishScan(qint64 scanId, const ClusterResult &result)
{
    Transaction t(QSqlDatabase::database(m_connection, false));
    // The final results replace what addNode() stored (waivers may have been applied since).
    for (int i = 0; i < result.nodes.size(); ++i) {
        QSqlQuery q(QSqlDatabase::database(m_connection, false));
        q.prepare(QStringLiteral("UPDATE scan_nodes SET result = ?, name = ? WHERE scan_id = ? "
                                 "AND idx = ?"));
        q.addBindValue(QString::fromUtf8(
            QJsonDocument(nodeResultToStoreJson(result.nodes[i])).toJson(QJsonDocument::Compact)));
        q.addBindValue(nn(result.nodes[i].name));
        q.addBindValue(scanId);
        q.addBindValue(i);
        if (auto e = exec(q, QStringLiteral("updating node results")))
            return e;
        if (q.numRowsAffected() == 0)
            if (auto e = writeNode(scanId, i, result.nodes[i], QByteArray()))
                return e;
    }
    if (auto e = writeFinish(scanId, result))
        return e;
    return t.commit();
}

Expected<qint64> ScanHistory::saveScan(const ClusterResult &result,
                                       const QList<QByteArray> &snapshots, const ScanMeta &meta)
{
    if (!isOpen())
        return Error{QStringLiteral("the history is not open"), m_path, 0};
    Transaction t(QSqlDatabase::database(m_connection, false));
    if (!t.ok())
        return Error{QStringLiteral("cannot start a transaction"), m_path, 0};
    auto id = writeBegin(result, meta);
    if (!id)
        return id;
    for (int i = 0; i < result.nodes.size(); ++i)
        if (auto e = writeNode(*id, i, result.nodes[i], snapshots.value(i)))
            return *e;
    if (auto e = writeFinish(*id, result))
        return *e;
    if (auto e = t.commit())
        return *e;
    return id;
}

namespace {
ScanInfo infoFrom(const QSqlQuery &q)
{
    ScanInfo s;
    s.id = q.value(0).toLongLong();
    s.cluster = q.value(1).toString();
    s.inventory = q.value(2).toString();
    s.benchmarkId = q.value(3).toString();
    s.startedAt = fromIso(q.value(4).toString());
    s.finishedAt = fromIso(q.value(5).toString());
    s.complete = q.value(6).toInt() == 1;
    s.nodeCount = q.value(7).toInt();
    s.summary = summaryFrom(q.value(8).toString());
    s.ranBy = q.value(9).toString();
    s.toolVersion = q.value(10).toString();
    return s;
}
const char kInfoColumns[] = "id, cluster, inventory, benchmark, started_at, finished_at, "
                            "complete, node_count, summary, ran_by, tool_version";
} // namespace

Expected<QList<ScanInfo>> ScanHistory::listScans(const QString &cluster, const QString &inventory,
                                                 bool includeIncomplete) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    QString sql = QStringLiteral("SELECT %1 FROM scans WHERE 1=1").arg(QLatin1String(kInfoColumns));
    if (!cluster.isEmpty())
        sql += QStringLiteral(" AND cluster = :cluster");
    if (!inventory.isEmpty())
        sql += QStringLiteral(" AND inventory = :inventory");
    if (!includeIncomplete)
        sql += QStringLiteral(" AND complete = 1");
    sql += QStringLiteral(" ORDER BY started_at DESC, id DESC");
    q.prepare(sql);
    if (!cluster.isEmpty())
        q.bindValue(QStringLiteral(":cluster"), cluster);
    if (!inventory.isEmpty())
        q.bindValue(QStringLiteral(":inventory"), inventory);
    if (auto e = exec(q, QStringLiteral("listing scans")))
        return *e;
    QList<ScanInfo> out;
    while (q.next())
        out << infoFrom(q);
    return out;
}

Expected<StoredScan> ScanHistory::loadScan(qint64 id) const
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM scans WHERE id = ?").arg(QLatin1String(kInfoColumns)));
    q.addBindValue(id);
    if (auto e = exec(q, QStringLiteral("reading scan")))
        return *e;
    if (!q.next())
        return Error{QStringLiteral("no scan %1 in the history").arg(id), m_path, 0};
    StoredScan s;
    s.info = infoFrom(q);
    s.result.cluster = s.info.cluster;
    s.result.benchmarkId = s.info.benchmarkId;
    s.result.startedAt = s.info.startedAt;
    s.result.finishedAt = s.info.finishedAt;
    QSqlQuery n(db);
    // Forward only: a scrollable query keeps every row it has read (a 1,000-node scan's JSON as
    // UTF-16 and its compressed snapshots, ~90 MB) until it is destroyed.
    n.setForwardOnly(true);
    n.prepare(QStringLiteral("SELECT result, snapshot FROM scan_nodes WHERE scan_id = ? ORDER BY "
                             "idx"));
    n.addBindValue(id);
    if (auto e = exec(n, QStringLiteral("reading nodes")))
        return *e;
    StringPool pool; // the nodes of a scan repeat most texts: keep one copy of each
    while (n.next()) {
        const QJsonObject o = QJsonDocument::fromJson(n.value(0).toString().toUtf8()).object();
        auto node = nodeResultFromStoreJson(o, &pool);
        if (!node)
            return Error{node.error().message, m_path, 0};
        s.result.nodes << std::move(*node);
        const QByteArray z = n.value(1).toByteArray();
        s.snapshots << (z.isEmpty() ? QByteArray() : qUncompress(z));
    }
    return s;
}

std::optional<Error> ScanHistory::deleteScan(qint64 id)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Transaction t(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM scan_nodes WHERE scan_id = ?"));
    q.addBindValue(id);
    if (auto e = exec(q, QStringLiteral("deleting scan")))
        return e;
    QSqlQuery s(db);
    s.prepare(QStringLiteral("DELETE FROM scans WHERE id = ?"));
    s.addBindValue(id);
    if (auto e = exec(s, QStringLiteral("deleting scan")))
        return e;
    if (s.numRowsAffected() != 1)
        return Error{QStringLiteral("no scan %1 in the history").arg(id), m_path, 0};
    return t.commit();
}

std::optional<qint64> ScanHistory::previousScan(qint64 id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral(
        "SELECT p.id FROM scans p, scans s WHERE s.id = ? AND p.cluster = s.cluster AND "
        "p.complete = 1 AND p.id <> s.id AND (p.started_at < s.started_at OR (p.started_at = "
        "s.started_at AND p.id < s.id)) ORDER BY p.started_at DESC, p.id DESC LIMIT 1"));
    q.addBindValue(id);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

Expected<QList<Waiver>> ScanHistory::waivers() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT id, control, nodes, justification, owner, expires, created "
                               "FROM waivers ORDER BY control, id")))
        return sqlError(QStringLiteral("reading waivers"), q.lastError());
    QList<Waiver> out;
    while (q.next()) {
        Waiver w;
        w.id = q.value(0).toString();
        w.controlId = q.value(1).toString();
        for (const auto &v : QJsonDocument::fromJson(q.value(2).toString().toUtf8()).array())
            w.nodes << v.toString();
        w.justification = q.value(3).toString();
        w.owner = q.value(4).toString();
        w.expires = QDate::fromString(q.value(5).toString(), Qt::ISODate);
        w.created = fromIso(q.value(6).toString());
        out << w;
    }
    return out;
}

namespace {
std::optional<Error> insertWaiver(QSqlDatabase db, const Waiver &w)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO waivers (id, control, nodes, justification, "
                             "owner, expires, created) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(nn(w.id));
    q.addBindValue(nn(w.controlId));
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(w.nodes)).toJson(QJsonDocument::Compact)));
    q.addBindValue(nn(w.justification));
    q.addBindValue(nn(w.owner));
    q.addBindValue(w.expires.toString(Qt::ISODate));
    q.addBindValue(iso(w.created.isValid() ? w.created : QDateTime::currentDateTimeUtc()));
    return exec(q, QStringLiteral("saving waiver '%1'").arg(w.id));
}
} // namespace

std::optional<Error> ScanHistory::saveWaiver(const Waiver &w)
{
    if (w.id.isEmpty() || w.controlId.isEmpty() || w.justification.isEmpty() || w.owner.isEmpty() ||
        !w.expires.isValid())
        return Error{QStringLiteral("a waiver needs an id, a control, a justification, an owner "
                                    "and an expiry date"),
                     QString(), 0};
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Transaction t(db);
    if (auto e = insertWaiver(db, w))
        return e;
    return t.commit();
}

std::optional<Error> ScanHistory::removeWaiver(const QString &id)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM waivers WHERE id = ?"));
    q.addBindValue(id);
    if (auto e = exec(q, QStringLiteral("removing waiver")))
        return e;
    if (q.numRowsAffected() != 1)
        return Error{QStringLiteral("no waiver '%1'").arg(id), m_path, 0};
    return std::nullopt;
}

std::optional<Error> ScanHistory::replaceWaivers(const QList<Waiver> &waivers)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Transaction t(db);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DELETE FROM waivers")))
        return sqlError(QStringLiteral("replacing waivers"), q.lastError());
    for (const Waiver &w : waivers)
        if (auto e = insertWaiver(db, w))
            return e;
    return t.commit();
}

Expected<QString> ScanHistory::integrityCheck() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return sqlError(QStringLiteral("integrity check"), q.lastError());
    QStringList lines;
    while (q.next())
        lines << q.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace kinspect
