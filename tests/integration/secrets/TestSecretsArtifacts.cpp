// Secrets never leave in an artifact (issue #8). A real scan of the lab through kinspect-cli, with
// the sudo password of a kadmin node from a secrets file and an identity that has a passphrase,
// against nodes on which this test planted fresh secret values where the collector must redact
// them (kubeconfig token/password/client-key-data, the encryption config key, a bootstrap token
// and a URL password in a component's argv, a token in a kubelet EnvironmentFile, a static token
// file). Then every artifact (history DB with its journal/WAL, every report format, the
// remediation log of an apply + rollback, every stdout/stderr) is searched for every secret:
// raw bytes, every zlib stream in it (PDF streams, qCompress'd snapshots in the DB), and every
// base64 token in those (snapshot fields are base64). Non-secret markers planted next to the
// secrets must be found through the same views: the search can see where secrets would be.

#include "LabTools.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>
#include <zlib.h>

using namespace kinspect;

namespace {

const QString kLabDir = QStringLiteral("/tmp/kinspect-it-secrets");
constexpr int kBasePort = 29501;

QByteArray randomValue(const char *prefix)
{
    QByteArray v(prefix);
    for (int i = 0; i < 3; ++i)
        v += QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    return v;
}

// Every zlib stream starting anywhere in `data`, inflated (bounded; trailing bytes ignored).
QList<QByteArray> inflateAll(const QByteArray &data)
{
    QList<QByteArray> out;
    for (qsizetype i = 0; i + 2 < data.size(); ++i) {
        const uchar a = uchar(data[i]), b = uchar(data[i + 1]);
        if (a != 0x78 || (b != 0x01 && b != 0x5e && b != 0x9c && b != 0xda))
            continue;
        z_stream z{};
        if (inflateInit(&z) != Z_OK)
            continue;
        QByteArray result;
        char buf[65536];
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData() + i));
        z.avail_in = uInt(data.size() - i);
        int rc = Z_OK;
        while (rc == Z_OK && result.size() < 64 * 1024 * 1024) {
            z.next_out = reinterpret_cast<Bytef *>(buf);
            z.avail_out = sizeof buf;
            rc = inflate(&z, Z_NO_FLUSH);
            result.append(buf, qsizetype(sizeof buf - z.avail_out));
        }
        inflateEnd(&z);
        if (!result.isEmpty() && (rc == Z_STREAM_END || rc == Z_OK || rc == Z_BUF_ERROR))
            out << result;
    }
    return out;
}

// base64 tokens (>= 8 characters) of `data`, decoded.
QList<QByteArray> base64Tokens(const QByteArray &data)
{
    QList<QByteArray> out;
    static const QRegularExpression token(QStringLiteral("[A-Za-z0-9+/]{8,}={0,2}"));
    const QString text = QString::fromLatin1(data);
    for (auto it = token.globalMatch(text); it.hasNext();) {
        const QByteArray t = it.next().captured(0).toLatin1();
        // The three alignments a secret can have inside a longer base64 run are all covered:
        // snapshot fields are whole base64 values, so decoding the token as is finds them.
        auto d = QByteArray::fromBase64Encoding(t);
        if (d)
            out << d.decoded;
    }
    return out;
}

// What a reader of `data` could see: the bytes, inflated streams, base64 tokens of both.
QList<QByteArray> views(const QByteArray &data)
{
    QList<QByteArray> v{data};
    v += inflateAll(data);
    const qsizetype direct = v.size();
    for (qsizetype i = 0; i < direct; ++i)
        v += base64Tokens(v[i]);
    return v;
}

struct Artifact
{
    QString name;
    QList<QByteArray> views;
};

// Every cell of every table of an SQLite file, each with its views: large blobs are split over
// overflow pages in the raw file, so a compressed snapshot is only whole when read through SQL.
QList<QByteArray> sqliteViews(const QString &path, int *cells)
{
    QList<QByteArray> out;
    const QString copy = path + QStringLiteral(".inspect");
    QFile::remove(copy);
    QFile::copy(path, copy);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), copy);
        db.setDatabaseName(copy);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open())
            qWarning("cannot open %s: %s", qPrintable(copy), qPrintable(db.lastError().text()));
        else {
            QSqlQuery tables(QStringLiteral("SELECT name FROM sqlite_master WHERE type='table'"),
                             db);
            QStringList names;
            while (tables.next())
                names << tables.value(0).toString();
            for (const QString &t : std::as_const(names)) {
                QSqlQuery q(QStringLiteral("SELECT * FROM \"%1\"").arg(t), db);
                if (q.lastError().isValid())
                    qWarning("%s: %s", qPrintable(t), qPrintable(q.lastError().text()));
                while (q.next())
                    for (int i = 0; i < q.record().count(); ++i) {
                        out += views(q.value(i).toByteArray());
                        ++*cells;
                    }
            }
        }
    }
    QSqlDatabase::removeDatabase(copy);
    QFile::remove(copy);
    return out;
}

} // namespace

class TestSecretsArtifacts : public QObject
{
    Q_OBJECT

    bool m_up = false;
    QTemporaryDir m_root; // HOME, XDG dirs and KINSPECT_DATA_DIR of every CLI run: all it writes
    QString m_data;
    QString m_inventory;
    QMap<QString, QByteArray> m_secrets; // name -> value
    QMap<QString, QByteArray> m_markers; // planted next to secrets, not secret: must be found
    QList<Artifact> m_artifacts;
    QByteArray m_allOutput;

    int cli(const QStringList &args, QString *text = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_root.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_root.filePath(QStringLiteral("xdg-data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"),
                   m_root.filePath(QStringLiteral("xdg-config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_root.filePath(QStringLiteral("xdg-cache")));
        env.insert(QStringLiteral("KINSPECT_DATA_DIR"), m_data);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KINSPECT_CLI), args);
        p.closeWriteChannel();
        p.waitForFinished(300000);
        const QByteArray out = p.readAllStandardOutput(), err = p.readAllStandardError();
        m_artifacts << Artifact{QStringLiteral("stdout of %1").arg(args.join(QLatin1Char(' '))),
                                views(out)}
                    << Artifact{QStringLiteral("stderr of %1").arg(args.join(QLatin1Char(' '))),
                                views(err)};
        m_allOutput += out + err;
        if (text)
            *text = QString::fromUtf8(out + err);
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    QStringList connection() const
    {
        return {QStringLiteral("--inventory"),    m_inventory,
                QStringLiteral("--known-hosts"),  kLabDir + QStringLiteral("/known_hosts"),
                QStringLiteral("--ssh-config"),   QStringLiteral("none"),
                QStringLiteral("--secrets-file"), kLabDir + QStringLiteral("/cli-secrets")};
    }

    QByteArray nodeSh(const QString &node, const QString &cmd)
    {
        return testlab::nodeExec(kLabDir, node, cmd);
    }

private slots:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("the lab needs root");
        QVERIFY(m_root.isValid());
        m_data = m_root.filePath(QStringLiteral("data"));
        for (const char *d : {"data", "home", "xdg-data", "xdg-config", "xdg-cache", "reports"})
            QVERIFY(QDir().mkpath(m_root.filePath(QString::fromLatin1(d))));
        QString out;
        // cp-s: the cp-bad profile (1.2.5 fails: something to remediate) behind password sudo.
        m_up = testlab::runLab({QStringLiteral("up"), QStringLiteral("--dir"), kLabDir,
                                QStringLiteral("--base-port"), QString::number(kBasePort),
                                QStringLiteral("--nodes"),
                                QStringLiteral("cp-s=cp-bad/kadmin,cp-1=cp-good,w-bad=worker-bad")},
                               &out);
        QVERIFY2(m_up, qPrintable(out));

        // Secrets the client holds.
        m_secrets[QStringLiteral("sudo password")] =
            testlab::labSecret(kLabDir, QStringLiteral("KADMIN_SUDO_PASSWORD")).toUtf8();
        m_secrets[QStringLiteral("key passphrase")] =
            testlab::labSecret(kLabDir, QStringLiteral("KEY_PASSPHRASE")).toUtf8();
        QVERIFY(m_secrets.value(QStringLiteral("sudo password")).size() > 8);
        QVERIFY(m_secrets.value(QStringLiteral("key passphrase")).size() > 8);

        // Every node is logged in to with the passphrase-protected key.
        QFile inv(kLabDir + QStringLiteral("/inventory.yaml"));
        QVERIFY(inv.open(QIODevice::ReadOnly));
        QByteArray yaml = inv.readAll();
        QVERIFY(yaml.contains("/id_ed25519,"));
        yaml.replace("/id_ed25519,", "/id_ed25519_passphrase,");
        m_inventory = m_root.filePath(QStringLiteral("inventory.yaml"));
        QFile w(m_inventory);
        QVERIFY(w.open(QIODevice::WriteOnly));
        w.write(yaml);
        w.close();

        // Secrets on the nodes, each next to a non-secret marker in the same file/argv.
        const QByteArray token = randomValue("tok"), pass = randomValue("pw"),
                         enc = randomValue("enc"), boot = randomValue("boot"),
                         urlpw = randomValue("url"), envtok = randomValue("env"),
                         csv = randomValue("csv");
        const QByteArray mark1 = randomValue("marker1"), mark2 = randomValue("marker2"),
                         mark3 = randomValue("marker3");
        m_secrets[QStringLiteral("kubeconfig token")] = token;
        m_secrets[QStringLiteral("kubeconfig password")] = pass;
        m_secrets[QStringLiteral("encryption key")] = enc;
        m_secrets[QStringLiteral("bootstrap token in argv")] = boot;
        m_secrets[QStringLiteral("URL password in argv")] = urlpw;
        m_secrets[QStringLiteral("token in kubelet EnvironmentFile")] = envtok;
        m_secrets[QStringLiteral("static token file")] = csv;
        m_markers[QStringLiteral("kubeconfig username")] = mark1;
        m_markers[QStringLiteral("argv marker")] = mark2;
        m_markers[QStringLiteral("EnvironmentFile marker")] = mark3;

        nodeSh(QStringLiteral("cp-1"),
               QStringLiteral("printf '    username: %1\\n    password: \"%2\"\\n    token: %3\\n' "
                              ">> /etc/kubernetes/scheduler.conf && "
                              "sed -i 's/REDACTED-LAB-KEY-cp-1/%4/' "
                              "/etc/kubernetes/enc/encryption-config.yaml")
                   .arg(QString::fromLatin1(mark1), QString::fromLatin1(pass),
                        QString::fromLatin1(token), QString::fromLatin1(enc)));
        // The real private key of the scheduler's kubeconfig (client-key-data) is a secret too.
        const QByteArray sched = testlab::nodeFile(
            kLabDir, QStringLiteral("cp-1"), QStringLiteral("/etc/kubernetes/scheduler.conf"));
        QVERIFY(sched.contains(mark1) && sched.contains(token));
        // (the middle of the PEM body: the header line is no secret)
        const QRegularExpressionMatch km =
            QRegularExpression(QStringLiteral("client-key-data: (\\S{120})"))
                .match(QString::fromLatin1(sched));
        QVERIFY(km.hasMatch());
        m_secrets[QStringLiteral("client-key-data")] = km.captured(1).toLatin1();
        m_secrets[QStringLiteral("private key (decoded)")] =
            QByteArray::fromBase64(km.captured(1).toLatin1()).mid(40, 32);
        QVERIFY(testlab::nodeFile(kLabDir, QStringLiteral("cp-1"),
                                  QStringLiteral("/etc/kubernetes/enc/encryption-config.yaml"))
                    .contains(enc));

        nodeSh(QStringLiteral("cp-s"),
               QStringLiteral("sed -i 's|^\\(  *\\)- kube-controller-manager$|&\\n\\1- "
                              "--bootstrap-token=%1\\n\\1- --webhook-url=https://ci:%2@hooks."
                              "example.com/x\\n\\1- --marker=%3|' "
                              "/etc/kubernetes/manifests/kube-controller-manager.yaml && "
                              "sed -i 's/lab-token-0001/%4/' /etc/kubernetes/pki/known-tokens.csv")
                   .arg(QString::fromLatin1(boot), QString::fromLatin1(urlpw),
                        QString::fromLatin1(mark2), QString::fromLatin1(csv)));
        nodeSh(QStringLiteral("w-bad"),
               QStringLiteral("printf 'KUBELET_API_TOKEN=%1\\nKUBELET_MARKER=%2\\n' >> "
                              "/var/lib/kubelet/kubeadm-flags.env")
                   .arg(QString::fromLatin1(envtok), QString::fromLatin1(mark3)));
        // The controller manager runs with the planted argv (the lab restarts static pods).
        QByteArray argv;
        for (int i = 0; i < 50 && !argv.contains(boot); ++i) {
            QThread::msleep(200);
            argv = nodeSh(QStringLiteral("cp-s"),
                          QStringLiteral("for p in /proc/[0-9]*; do tr '\\0' ' ' < $p/cmdline; "
                                         "echo; done"));
        }
        QVERIFY2(argv.contains(boot) && argv.contains(urlpw) && argv.contains(mark2),
                 "the planted controller-manager argv is not running");
    }

    void cleanupTestCase()
    {
        if (!m_up)
            return;
        QString out;
        QVERIFY2(testlab::runLab({QStringLiteral("down"), QStringLiteral("--dir"), kLabDir}, &out),
                 qPrintable(out));
    }

    void scanReportsAndRemediation()
    {
        const QString db = m_data + QStringLiteral("/history.db");
        const QString reports = m_root.filePath(QStringLiteral("reports"));
        QString out;
        const int rc =
            cli(QStringList{QStringLiteral("scan")} + connection() +
                    QStringList{QStringLiteral("--history-db"), db, QStringLiteral("--format"),
                                QStringLiteral("json"), QStringLiteral("--output"),
                                reports + QStringLiteral("/scan.json")},
                &out);
        QCOMPARE(rc, 1); // FAILs, every node audited
        QFile f(reports + QStringLiteral("/scan.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray nodes =
            QJsonDocument::fromJson(f.readAll())[QStringLiteral("nodes")].toArray();
        QCOMPARE(nodes.size(), 3);
        for (const auto &n : nodes)
            QVERIFY2(n[QStringLiteral("status")].toString() == QLatin1String("audited"),
                     qPrintable(QJsonDocument(n.toObject()).toJson().left(600)));

        // Every format, straight from the scan and from the stored scan (with its snapshots).
        for (const QString &fmt :
             {QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("junit"),
              QStringLiteral("html"), QStringLiteral("pdf")})
            QCOMPARE(
                cli({QStringLiteral("history"), QStringLiteral("show"), QStringLiteral("--scan"),
                     QStringLiteral("1"), QStringLiteral("--history-db"), db,
                     QStringLiteral("--verbose"), QStringLiteral("--format"), fmt,
                     QStringLiteral("--output"), reports + QStringLiteral("/stored.") + fmt}),
                1);
        QCOMPARE(cli(QStringList{QStringLiteral("scan")} + connection() +
                     QStringList{QStringLiteral("--history-db"), db, QStringLiteral("--format"),
                                 QStringLiteral("html"), QStringLiteral("--output"),
                                 reports + QStringLiteral("/scan.html")}),
                 1);
        QCOMPARE(cli(QStringList{QStringLiteral("scan")} + connection() +
                     QStringList{QStringLiteral("--no-history"), QStringLiteral("--format"),
                                 QStringLiteral("text"), QStringLiteral("--verbose")}),
                 1);
        QCOMPARE(cli(QStringList{QStringLiteral("scan")} + connection() +
                     QStringList{QStringLiteral("--history-db"), db, QStringLiteral("--format"),
                                 QStringLiteral("pdf"), QStringLiteral("--output"),
                                 reports + QStringLiteral("/scan.pdf")}),
                 1);
        cli({QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--all"),
             QStringLiteral("--history-db"), db});

        // Remediation through password sudo: dry run, apply (writes the remediation log),
        // rollback.
        const QStringList rem =
            QStringList{QStringLiteral("remediate")} + connection() +
            QStringList{QStringLiteral("--node"),      QStringLiteral("cp-s"),
                        QStringLiteral("--control"),   QStringLiteral("1.2.5"),
                        QStringLiteral("--benchmark"), QStringLiteral("cis-1.12")};
        QCOMPARE(cli(rem + QStringList{QStringLiteral("--dry-run")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("+")), qPrintable(out));
        QCOMPARE(cli(rem + QStringList{QStringLiteral("--apply")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("is now PASS")), qPrintable(out));
        QCOMPARE(cli(rem + QStringList{QStringLiteral("--rollback")}, &out), 0);
        QVERIFY2(out.contains(QLatin1String("is now FAIL")), qPrintable(out));
        QVERIFY(QFile::exists(m_data + QStringLiteral("/remediation-log.jsonl")));
    }

    void noSecretInAnyArtifact()
    {
        // Every file the CLI wrote anywhere under its HOME/XDG/data dirs and the reports.
        int files = 0;
        for (QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden,
                             QDirIterator::Subdirectories);
             it.hasNext();) {
            const QString path = it.next();
            if (path == m_inventory)
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray data = f.readAll();
            Artifact a{path, views(data)};
            if (data.startsWith(QByteArrayLiteral("SQLite format 3"))) {
                int cells = 0;
                a.views += sqliteViews(path, &cells);
                QVERIFY2(cells > 30,
                         qPrintable(QStringLiteral("%1: %2 cells").arg(path).arg(cells)));
            }
            m_artifacts << a;
            ++files;
        }
        QVERIFY2(files >= 10, qPrintable(QString::number(files)));

        // The search sees node data wherever it is stored: each marker is found in the history
        // DB (compressed snapshot, base64 fields) and the PDF (deflated streams).
        for (auto m = m_markers.cbegin(); m != m_markers.cend(); ++m) {
            bool inDb = false, anywhere = false;
            for (const Artifact &a : std::as_const(m_artifacts))
                for (const QByteArray &v : a.views)
                    if (v.contains(m.value())) {
                        anywhere = true;
                        inDb |= a.name.endsWith(QLatin1String("history.db"));
                    }
            QVERIFY2(anywhere, qPrintable(m.key()));
            QVERIFY2(inDb, qPrintable(m.key() + QStringLiteral(" not found in the history DB")));
        }

        for (auto s = m_secrets.cbegin(); s != m_secrets.cend(); ++s)
            for (const Artifact &a : std::as_const(m_artifacts))
                for (const QByteArray &v : a.views)
                    QVERIFY2(!v.contains(s.value()),
                             qPrintable(QStringLiteral("%1 found in %2").arg(s.key(), a.name)));
    }
};

QTEST_GUILESS_MAIN(TestSecretsArtifacts)
#include "TestSecretsArtifacts.moc"
