// The node-side script (resources/remediate/kinspect-remediate.sh) driven by RemediationSession
// through a local runner (plain `sh`, no SSH, no root): backup, atomic replace with mode kept,
// nothing left in the directory, refusal of a changed file, rollback, chmod and its undo.

#include "catalog/CatalogLoader.h"
#include "remediate/RemediationSession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace kinspect;

namespace {

// Runs the command on this machine, as the RemoteCommand says (argv, stdin).
class LocalRunner : public ICommandRunner
{
public:
    bool connect(const std::atomic_bool *, RemoteError *) override { return true; }
    bool run(const RemoteCommand &command, RemoteResult *result, const std::atomic_bool *,
             RemoteError *error) override
    {
        QProcess p;
        QStringList args = command.argv.mid(1);
        p.start(command.argv[0], args);
        if (!p.waitForStarted(10000)) {
            error->message = QStringLiteral("cannot start");
            return false;
        }
        p.write(command.stdinData);
        p.closeWriteChannel();
        p.waitForFinished(60000);
        result->exitStatus = p.exitCode();
        result->stdoutData = p.readAllStandardOutput();
        result->stderrData = p.readAllStandardError();
        return true;
    }
    void disconnect() override {}
};

QByteArray sha(const QByteArray &d)
{
    return QCryptographicHash::hash(d, QCryptographicHash::Sha256).toHex();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

uint modeOf(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

} // namespace

class TestApplyScript : public QObject
{
    Q_OBJECT

    Benchmark m_b;

    RemediationPlan contentPlan(const QString &path, const QByteArray &before,
                                const QByteArray &after)
    {
        RemediationPlan plan;
        plan.controlId = QStringLiteral("1.2.5");
        FileChange c;
        c.path = path;
        c.before = before;
        c.after = after;
        c.beforeSha256 = sha(before);
        c.afterSha256 = sha(after);
        c.diff = LineDiff::compute(before, after);
        plan.changes << c;
        return plan;
    }

private slots:
    void initTestCase()
    {
        auto b = CatalogLoader::load(QStringLiteral("cis-1.5.1"));
        QVERIFY(b.ok());
        m_b = *b;
    }

    void applyAndRollback()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString manifests = dir.filePath(QStringLiteral("manifests"));
        QVERIFY(QDir().mkpath(manifests));
        const QString file = manifests + QStringLiteral("/kube-apiserver.yaml");
        const QByteArray before = "# keep\r\nspec:\r\n  containers:\r\n  - command: [a]\r\n";
        const QByteArray after = "# keep\r\nspec:\r\n  containers:\r\n  - command: [a, --x=1]\r\n";
        writeAll(file, before);
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadGroup);
        const uint mode = modeOf(file);
        QCOMPARE(mode, 0640u);

        LocalRunner runner;
        RemediationOptions ro;
        ro.backupRoot = dir.filePath(QStringLiteral("backups"));
        NodeSpec node;
        node.name = QStringLiteral("local");
        RemediationSession s(&runner, node, m_b, ro);

        const RemediationPlan plan = contentPlan(file, before, after);
        auto applied = s.apply(plan);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toString()));
        QCOMPARE(readAll(file), after);
        QCOMPARE(modeOf(file), mode);
        QCOMPARE(QDir(manifests).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("kube-apiserver.yaml")});
        QCOMPARE(applied->items.size(), 1);
        const QString backup = applied->items[0].backup;
        QVERIFY(backup.startsWith(ro.backupRoot + QLatin1Char('/')));
        QCOMPARE(readAll(backup), before);
        QCOMPARE(modeOf(QFileInfo(backup).absolutePath()), 0700u);
        // Only the backup and its metadata in the backup directory (no staging file left).
        QCOMPARE(QDir(QFileInfo(backup).absolutePath())
                     .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                     .size(),
                 2);

        // Applying the same plan again: the file is not what the plan was made from.
        auto again = s.apply(plan);
        QVERIFY(!again.ok());
        QVERIFY(again.error().message.contains(QLatin1String("changed")));
        QCOMPARE(readAll(file), after);

        // Rollback restores bytes and mode.
        RemediationRecord rec;
        rec.items = applied->items;
        QVERIFY(!s.rollback(rec, false));
        QCOMPARE(readAll(file), before);
        QCOMPARE(modeOf(file), mode);
        QCOMPARE(QDir(manifests).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("kube-apiserver.yaml")});

        // A rollback over a file changed by someone else since Kinspect wrote it is refused.
        auto second = s.apply(plan);
        QVERIFY(second.ok());
        writeAll(file, "edited by hand\n");
        RemediationRecord rec2;
        rec2.items = second->items;
        const auto refused = s.rollback(rec2, false);
        QVERIFY(refused.has_value());
        QVERIFY(refused->message.contains(QLatin1String("changed")));
        QCOMPARE(readAll(file), QByteArray("edited by hand\n"));
    }

    void modeChangeAndUndo()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("admin.conf"));
        writeAll(file, "x\n");
        QFile::setPermissions(file, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadGroup | QFileDevice::ReadOther);
        LocalRunner runner;
        RemediationOptions ro;
        ro.backupRoot = dir.filePath(QStringLiteral("backups"));
        RemediationSession s(&runner, NodeSpec{}, m_b, ro);
        RemediationPlan plan;
        plan.controlId = QStringLiteral("1.1.13");
        FileChange c;
        c.kind = FileChange::Kind::Mode;
        c.path = file;
        c.from = QStringLiteral("644");
        c.to = QStringLiteral("600");
        plan.changes << c;
        auto applied = s.apply(plan);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().toString()));
        QCOMPARE(modeOf(file), 0600u);
        RemediationRecord rec;
        rec.items = applied->items;
        QVERIFY(!s.rollback(rec, false));
        QCOMPARE(modeOf(file), 0644u);
    }

    void backupInsideManifestsRefused()
    {
        LocalRunner runner;
        RemediationOptions ro;
        ro.backupRoot = QStringLiteral("/etc/kubernetes/manifests/backup");
        RemediationSession s(&runner, NodeSpec{}, m_b, ro);
        auto r = s.apply(contentPlan(QStringLiteral("/nonexistent"), "a", "b"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QLatin1String("outside every static-pod")));
    }

    void checkParameters()
    {
        QTemporaryDir dir;
        writeAll(dir.filePath(QStringLiteral("ca.crt")), "c\n");
        LocalRunner runner;
        RemediationSession s(&runner, NodeSpec{}, m_b);
        RemediationPlan plan;
        plan.params << RemediationParam{QStringLiteral("ca"), QString(), QString(),
                                        dir.filePath(QStringLiteral("ca.crt")),
                                        QStringLiteral("fileExists")};
        QVERIFY(!s.validate(plan));
        plan.params << RemediationParam{QStringLiteral("key"), QString(), QString(),
                                        dir.filePath(QStringLiteral("it's missing.key")),
                                        QStringLiteral("fileExists")};
        const auto e = s.validate(plan);
        QVERIFY(e.has_value());
        QCOMPARE(e->file, dir.filePath(QStringLiteral("it's missing.key")));
        QVERIFY(e->message.contains(QLatin1String("parameter key")));
    }
};

QTEST_GUILESS_MAIN(TestApplyScript)
#include "TestApplyScript.moc"
