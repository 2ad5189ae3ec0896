// `kinspect-cli remediate` usage errors: exit 64 with a message naming the problem, before any
// connection is attempted.

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestRemediateCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_inventory;

    int run(const QStringList &args, QString *output)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("KINSPECT_DATA_DIR", m_dir.path());
        p.setProcessEnvironment(env);
        p.start(KINSPECT_CLI, QStringList{"remediate"} + args);
        p.waitForFinished(30000);
        *output = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        return p.exitCode();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_inventory = m_dir.filePath("inventory.yaml");
        QFile f(m_inventory);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // Port 9 on localhost: nothing may be contacted by these tests anyway.
        f.write("cluster: t\nnodes:\n  - {name: cp-1, host: 127.0.0.1, port: 9}\n");
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString inv = m_inventory;
        QTest::newRow("nothing") << QStringList{} << "needs --inventory";
        QTest::newRow("no-mode") << QStringList{"--inventory", inv,     "--node",      "cp-1",
                                                "--control",   "1.2.5", "--benchmark", "cis-1.5.1"}
                                 << "exactly one of --dry-run";
        QTest::newRow("two-modes")
            << QStringList{"--inventory", inv,           "--node",    "cp-1",      "--control",
                           "1.2.5",       "--benchmark", "cis-1.5.1", "--dry-run", "--apply"}
            << "exactly one of --dry-run";
        QTest::newRow("bad-set") << QStringList{"--inventory", inv,     "--node",      "cp-1",
                                                "--control",   "1.2.5", "--benchmark", "cis-1.5.1",
                                                "--dry-run",   "--set", "certificate"}
                                 << "--set takes KEY=VALUE";
        QTest::newRow("unknown-node")
            << QStringList{"--inventory", inv,           "--node",    "cp-9",     "--control",
                           "1.2.5",       "--benchmark", "cis-1.5.1", "--dry-run"}
            << "no node named 'cp-9'";
        QTest::newRow("unknown-control")
            << QStringList{"--inventory", inv,           "--node",    "cp-1",     "--control",
                           "9.9.9",       "--benchmark", "cis-1.5.1", "--dry-run"}
            << "has no control 9.9.9";
        QTest::newRow("no-benchmark")
            << QStringList{"--inventory", inv, "--node", "cp-1", "--control", "1.2.5", "--dry-run"}
            << "needs --benchmark";
        QTest::newRow("manual-control")
            << QStringList{"--inventory", inv,           "--node",    "cp-1",     "--control",
                           "5.1.1",       "--benchmark", "cis-1.5.1", "--dry-run"}
            << "no machine remediation";
        QTest::newRow("bad-wait") << QStringList{"--inventory", inv,         "--node",
                                                 "cp-1",        "--control", "1.2.5",
                                                 "--benchmark", "cis-1.5.1", "--apply",
                                                 "--wait",      "soon"}
                                  << "--wait";
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QString out;
        QCOMPARE(run(args, &out), 64);
        QVERIFY2(out.contains(message), qPrintable(out));
    }

    void unreachableIsNotAudited()
    {
        QString out;
        QCOMPARE(run({"--inventory", m_inventory, "--node", "cp-1", "--control", "1.2.5",
                      "--benchmark", "cis-1.5.1", "--dry-run", "--timeout", "3"},
                     &out),
                 2);
        QVERIFY2(out.contains("cp-1"), qPrintable(out));
    }

    void rollbackWithoutHistory()
    {
        QString out;
        QCOMPARE(run({"--inventory", m_inventory, "--node", "cp-1", "--control", "1.2.5",
                      "--benchmark", "cis-1.5.1", "--rollback"},
                     &out),
                 2);
        QVERIFY2(out.contains("no applied remediation of 1.2.5"), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestRemediateCli)
#include "TestRemediateCli.moc"
