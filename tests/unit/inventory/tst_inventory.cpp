#include "inventory/Inventory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kinspect;

class TestInventory : public QObject
{
    Q_OBJECT

private:
    static QString fixture(const QString &name)
    {
        return QStringLiteral(INVENTORY_TEST_DATA "/") + name;
    }

private Q_SLOTS:
    void loadsFullInventory()
    {
        const auto inv = loadInventory(fixture(QStringLiteral("valid-full.yaml")));
        QVERIFY2(inv.ok(), qPrintable(inv.ok() ? QString() : inv.error().toString()));
        QCOMPARE(inv->cluster, QStringLiteral("lab"));
        QCOMPARE(inv->benchmark, QStringLiteral("cis-1.12"));
        QCOMPARE(inv->filePath, fixture(QStringLiteral("valid-full.yaml")));
        QCOMPARE(inv->nodes.size(), 4);
        QCOMPARE(inv->jumpHosts.size(), 1);

        const NodeSpec &cp = inv->nodes.at(0);
        QCOMPARE(cp.name, QStringLiteral("cp-1"));
        QCOMPARE(cp.host, QStringLiteral("127.0.0.1"));
        QCOMPARE(cp.port, 22001);
        QCOMPARE(cp.user, QStringLiteral("root")); // from defaults
        QCOMPARE(cp.identityFile, QDir::homePath() + QStringLiteral("/.ssh/id_ed25519"));
        QCOMPARE(cp.roles, (QStringList{QStringLiteral("control-plane"), QStringLiteral("etcd")}));
        QCOMPARE(cp.sudo, NodeSpec::SudoMode::None);
        QCOMPARE(cp.sourceLine, 8);

        const NodeSpec &w = inv->nodes.at(1);
        QCOMPARE(w.port, 22); // default port
        QCOMPARE(w.jump, QStringLiteral("bastion"));
        QCOMPARE(w.sourceLine, 9);
        const JumpHost *j = inv->jumpHost(w.jump);
        QVERIFY(j);
        QCOMPARE(j->host, QStringLiteral("bastion.example.org"));
        QCOMPARE(j->port, 2222);
        QCOMPARE(j->user, QStringLiteral("jumper"));
        QCOMPARE(j->identityFile, cp.identityFile); // from defaults
        QVERIFY(!inv->jumpHost(QStringLiteral("nope")));

        // Hostile-looking but legal values are kept byte for byte: they are data.
        const NodeSpec &odd = inv->nodes.at(2);
        QCOMPARE(odd.name, QStringLiteral("we'ird $(name); `x`"));
        QCOMPARE(odd.host, QStringLiteral("::1"));
        QCOMPARE(odd.user, QStringLiteral("o'brien"));
        QCOMPARE(odd.sudo, NodeSpec::SudoMode::Password);
        QCOMPARE(odd.identityFile, QStringLiteral("/keys/id rsa"));
        QCOMPARE(odd.sourceLine, 10);

        const NodeSpec &uni = inv->nodes.at(3);
        QCOMPARE(uni.name, QString::fromUtf8("ünïcødé-节点"));
        QCOMPARE(uni.sudo, NodeSpec::SudoMode::NoPasswd);
        QCOMPARE(uni.user, QStringLiteral("admin"));
    }

    void loadsMinimalAndEdgeInventories()
    {
        auto min = loadInventory(fixture(QStringLiteral("valid-minimal.yaml")));
        QVERIFY(min.ok());
        QCOMPARE(min->nodes.size(), 1);
        QCOMPARE(min->nodes.at(0).name, QStringLiteral("192.0.2.1")); // named after the host
        QCOMPARE(min->nodes.at(0).port, 22);
        QVERIFY(min->cluster.isEmpty());

        auto empty = loadInventory(fixture(QStringLiteral("valid-nodes-empty.yaml")));
        QVERIFY(empty.ok());
        QVERIFY(empty->nodes.isEmpty());

        auto dj = loadInventory(fixture(QStringLiteral("valid-default-jump.yaml")));
        QVERIFY2(dj.ok(), qPrintable(dj.ok() ? QString() : dj.error().toString()));
        QCOMPARE(dj->nodes.at(0).jump, QStringLiteral("bastion"));
        QCOMPARE(dj->nodes.at(0).sudo, NodeSpec::SudoMode::NoPasswd);
        QVERIFY(dj->nodes.at(1).jump.isEmpty()); // `jump: ~` opts out of the default
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line"); // 0: no line expected
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("empty") << "bad-empty.yaml" << 0 << "empty";
        QTest::newRow("comment only") << "bad-comment-only.yaml" << 0 << "empty";
        QTest::newRow("unknown top key") << "bad-unknown-top.yaml" << 2 << "unknown key \"node\"";
        QTest::newRow("unknown node key")
            << "bad-unknown-node-key.yaml" << 4 << "unknown key \"hots\"";
        QTest::newRow("duplicate node name")
            << "bad-duplicate-name.yaml" << 5 << "duplicate node name \"a\" (first on line 3)";
        QTest::newRow("port text") << "bad-port-text.yaml" << 5 << "bad port \"ssh\"";
        QTest::newRow("port range") << "bad-port-range.yaml" << 2 << "bad port \"70000\"";
        QTest::newRow("port zero") << "bad-port-zero.yaml" << 2 << "bad port \"0\"";
        QTest::newRow("sudo mode") << "bad-sudo.yaml" << 4 << "bad sudo mode \"yes-please\"";
        QTest::newRow("unknown jump") << "bad-jump.yaml" << 5 << "unknown jump host \"bastoin\"";
        QTest::newRow("missing host")
            << "bad-missing-host.yaml" << 4 << "node \"b\" has no \"host\"";
        QTest::newRow("control char") << "bad-control-char.yaml" << 3 << "control character";
        QTest::newRow("newline in name") << "bad-newline-name.yaml" << 3 << "control character";
        QTest::newRow("syntax") << "bad-syntax.yaml" << 4 << "YAML syntax error";
        QTest::newRow("alias bomb") << "bad-alias-bomb.yaml" << 1 << "anchors";
        QTest::newRow("anchor") << "bad-anchor-defaults.yaml" << 2 << "anchors";
        QTest::newRow("duplicate key") << "bad-duplicate-key.yaml" << 3 << "duplicate key \"host\"";
        QTest::newRow("not a map") << "bad-not-a-map.yaml" << 1 << "must be a mapping";
        QTest::newRow("roles scalar") << "bad-roles.yaml" << 2 << "\"roles\" must be a list";
        QTest::newRow("two documents") << "bad-two-docs.yaml" << 0 << "more than one YAML document";
        QTest::newRow("host with space") << "bad-host-space.yaml" << 2 << "white space";
        QTest::newRow("duplicate jump") << "bad-duplicate-jump.yaml" << 3 << "duplicate jump host";
    }

    void rejectsBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, messagePart);
        const QString path = fixture(file);
        QVERIFY(QFile::exists(path));
        const auto inv = loadInventory(path);
        QVERIFY(!inv.ok());
        const Error &e = inv.error();
        QCOMPARE(e.file, path);
        QVERIFY2(e.message.contains(messagePart), qPrintable(e.toString()));
        if (line > 0)
            QCOMPARE(e.line, line);
        // The message a person sees names the file (and the line when known).
        QVERIFY(e.toString().startsWith(path + QLatin1Char(':')));
    }

    void rejectsOversizedFile()
    {
        QByteArray data("cluster: big\nnodes:\n");
        while (data.size() <= MaxInventoryBytes)
            data += "  - {name: n, host: 10.0.0.1}  # padding padding padding padding\n";
        const auto inv = loadInventoryFromData(data, QStringLiteral("big.yaml"));
        QVERIFY(!inv.ok());
        QVERIFY(inv.error().message.contains(QStringLiteral("larger than")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.yaml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
        f.close();
        const auto fromFile = loadInventory(path);
        QVERIFY(!fromFile.ok());
        QVERIFY(fromFile.error().message.contains(QStringLiteral("larger than")));
    }

    void rejectsBinaryAndMissing()
    {
        const auto nul =
            loadInventoryFromData(QByteArray("nodes: []\n\0x", 12), QStringLiteral("x"));
        QVERIFY(!nul.ok());
        const auto latin1 =
            loadInventoryFromData(QByteArray("cluster: caf\xe9\n"), QStringLiteral("x"));
        QVERIFY(!latin1.ok());
        QVERIFY(latin1.error().message.contains(QStringLiteral("UTF-8")));
        const auto missing = loadInventory(QStringLiteral("/nonexistent/inventory.yaml"));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.startsWith(QStringLiteral("cannot open")));
        const auto dir = loadInventory(QDir::tempPath());
        QVERIFY(!dir.ok());
    }

    void deepNestingIsAnErrorNotACrash()
    {
        QByteArray data("nodes: ");
        data += QByteArray(5000, '[');
        data += QByteArray(5000, ']');
        const auto inv = loadInventoryFromData(data, QStringLiteral("deep.yaml"));
        QVERIFY(!inv.ok());
    }

    void saveRoundTrips()
    {
        const auto inv = loadInventory(fixture(QStringLiteral("valid-full.yaml")));
        QVERIFY(inv.ok());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("saved.yaml"));
        const auto saved = saveInventory(*inv, path);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().toString()));

        const auto again = loadInventory(path);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QCOMPARE(again->cluster, inv->cluster);
        QCOMPARE(again->benchmark, inv->benchmark);
        QCOMPARE(again->jumpHosts, inv->jumpHosts);
        QCOMPARE(again->nodes.size(), inv->nodes.size());
        for (int i = 0; i < inv->nodes.size(); ++i) {
            NodeSpec a = again->nodes.at(i);
            NodeSpec b = inv->nodes.at(i);
            a.sourceLine = b.sourceLine = 0; // layout differs; content must not
            QCOMPARE(a, b);
        }
        // The home directory is written back as `~`, so the file moves between accounts.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("~/.ssh/id_ed25519"));
        QVERIFY(!text.contains(QDir::homePath().toUtf8() + "/.ssh"));
    }

    void saveRoundTripsDefaultJumpOptOut()
    {
        const auto inv = loadInventory(fixture(QStringLiteral("valid-default-jump.yaml")));
        QVERIFY(inv.ok());
        const auto again = loadInventoryFromData(inventoryToYaml(*inv), QStringLiteral("mem"));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QCOMPARE(again->nodes.at(0).jump, QStringLiteral("bastion"));
        QVERIFY(again->nodes.at(1).jump.isEmpty());
    }

    void saveFailsCleanly()
    {
        Inventory inv;
        const auto r = saveInventory(inv, QStringLiteral("/nonexistent-dir/x/inv.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("/nonexistent-dir/x/inv.yaml"));
    }

    void sudoNamesAndHome()
    {
        QCOMPARE(sudoModeName(NodeSpec::SudoMode::None), QStringLiteral("none"));
        QCOMPARE(sudoModeName(NodeSpec::SudoMode::NoPasswd), QStringLiteral("nopasswd"));
        QCOMPARE(sudoModeName(NodeSpec::SudoMode::Password), QStringLiteral("password"));
        QCOMPARE(expandHome(QStringLiteral("~")), QDir::homePath());
        QCOMPARE(expandHome(QStringLiteral("~other/x")), QStringLiteral("~other/x"));
        QCOMPARE(expandHome(QStringLiteral("/a/~/b")), QStringLiteral("/a/~/b"));
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
