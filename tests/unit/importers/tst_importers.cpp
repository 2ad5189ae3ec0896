// Importers into an inventory: ssh_config, Ansible INI/YAML, kubectl get nodes -o json.
#include "inventory/importers/InventoryImport.h"
#include "inventory/importers/KubectlLogs.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace kinspect;

namespace {

QByteArray readData(const QString &name)
{
    QFile f(QStringLiteral(IMPORTERS_TEST_DATA "/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}

const NodeSpec *node(const Inventory &inv, const QString &name)
{
    return inv.node(name);
}

// Imported inventories must survive the writer and the strict loader unchanged.
void checkRoundTrip(const Inventory &inv)
{
    const QByteArray yaml = inventoryToYaml(inv);
    auto back = loadInventoryFromData(yaml, QStringLiteral("roundtrip.yaml"));
    QVERIFY2(back, qPrintable(back ? QString()
                                   : back.error().toString() + QLatin1Char('\n') +
                                         QString::fromUtf8(yaml)));
    QCOMPARE(back->nodes.size(), inv.nodes.size());
    for (int i = 0; i < inv.nodes.size(); ++i) {
        const NodeSpec &a = inv.nodes[i];
        const NodeSpec &b = back->nodes[i];
        QCOMPARE(b.name, a.name);
        QCOMPARE(b.host, a.host);
        QCOMPARE(b.port, a.port);
        QCOMPARE(b.roles, a.roles);
        QCOMPARE(b.jump, a.jump);
        QCOMPARE(b.sudo, a.sudo);
        QCOMPARE(b.identityFile, a.identityFile);
        if (!a.user.isEmpty())
            QCOMPARE(b.user, a.user);
    }
    QCOMPARE(back->jumpHosts.size(), inv.jumpHosts.size());
}

} // namespace

class TestImporters : public QObject
{
    Q_OBJECT

private slots:
    void sshConfig()
    {
        auto r = importSshConfig(readData(QStringLiteral("ssh_config")), QStringLiteral("config"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        const Inventory &inv = r->inventory;
        QStringList names;
        for (const auto &n : inv.nodes)
            names << n.name;
        // Only concrete aliases, in file order; patterns (*, worker-?, negations) are not nodes.
        QCOMPARE(names, (QStringList{"bastion", "cp-1", "cp-2", "worker-1", "worker-2", "legacy",
                                     "direct-jump", "gw-node"}));
        const NodeSpec *cp1 = node(inv, "cp-1");
        QCOMPARE(cp1->host, QStringLiteral("10.0.0.11"));
        QCOMPARE(cp1->user, QStringLiteral("admin"));
        QCOMPARE(cp1->port, 22);
        QCOMPARE(cp1->identityFile, QDir::homePath() + "/.ssh/id_k8s");
        QCOMPARE(cp1->sourceLine, 12);
        const NodeSpec *cp2 = node(inv, "cp-2");
        QCOMPARE(cp2->host, QStringLiteral("10.0.0.12")); // Keyword=value form
        QCOMPARE(cp2->port, 2022);
        // First obtained value wins: worker-? says ops before worker-2's own User root.
        const NodeSpec *w1 = node(inv, "worker-1");
        QCOMPARE(w1->user, QStringLiteral("ops"));
        QCOMPARE(w1->jump, QStringLiteral("bastion"));
        const NodeSpec *w2 = node(inv, "worker-2");
        QCOMPARE(w2->user, QStringLiteral("ops"));
        QCOMPARE(w2->identityFile, QDir::homePath() + "/.ssh/id with space");
        // The jump host takes the bastion alias' settings.
        const JumpHost *b = inv.jumpHost("bastion");
        QVERIFY(b);
        QCOMPARE(b->host, QStringLiteral("bastion.example.org"));
        QCOMPARE(b->port, 2222);
        QCOMPARE(b->user, QStringLiteral("jump"));
        QCOMPARE(b->identityFile, QDir::homePath() + "/.ssh/id_bastion");
        // %h expands; ProxyCommand is reported, not silently dropped.
        QCOMPARE(node(inv, "legacy")->host, QStringLiteral("legacy.internal.example.org"));
        QVERIFY(r->warnings.join('\n').contains("ProxyCommand"));
        QVERIFY(r->warnings.join('\n').contains("config:37")); // the line of the ProxyCommand
        // A chain keeps its last hop (the one next to the node) and warns.
        QCOMPARE(node(inv, "direct-jump")->jump, QStringLiteral("bastion"));
        // user@host:port spelling of a jump host
        const JumpHost *gw = inv.jumpHost(node(inv, "gw-node")->jump);
        QVERIFY(gw);
        QCOMPARE(gw->host, QStringLiteral("gw.example.org"));
        QCOMPARE(gw->user, QStringLiteral("deploy"));
        QCOMPARE(gw->port, 2200);
        QVERIFY(r->warnings.join('\n').contains("chain"));
        QVERIFY(r->warnings.join('\n').contains("Match"));
        checkRoundTrip(inv);
    }

    void sshConfigErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("port") << "ssh_config_bad_port" << 6 << "bad port \"seventy\"";
        QTest::newRow("quote") << "ssh_config_bad_quote" << 2 << "unterminated quote";
        QTest::newRow("jump") << "ssh_config_bad_jump" << 3 << "bad ProxyJump";
    }
    void sshConfigErrors()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);
        auto r = importSshConfig(readData(file), file);
        QVERIFY(!r);
        QCOMPARE(r.error().line, line);
        QCOMPARE(r.error().file, file);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().toString()));
    }

    void sshConfigOnlyPatterns()
    {
        auto r = importSshConfig("Host *\n  User x\n", QStringLiteral("c"));
        QVERIFY(!r);
        QVERIFY(r.error().message.contains("no concrete Host"));
    }

    void ansibleIni()
    {
        auto r = importAnsibleInventory(readData("kubespray.ini"), "kubespray.ini");
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        const Inventory &inv = r->inventory;
        QCOMPARE(inv.nodes.size(), 6); // node1-4 + node[05:06]
        const NodeSpec *n1 = node(inv, "node1");
        QCOMPARE(n1->host, QStringLiteral("95.54.0.12"));
        QCOMPARE(n1->roles, (QStringList{"control-plane", "etcd"}));
        QCOMPARE(n1->user, QStringLiteral("admin")); // from [k8s_cluster:vars] via :children
        QCOMPARE(n1->sudo, NodeSpec::SudoMode::NoPasswd);
        QCOMPARE(n1->sourceLine, 3);
        const NodeSpec *n2 = node(inv, "node2");
        QCOMPARE(n2->port, 2202);
        // kubespray lists control-plane nodes in kube_node too: not a worker for us.
        QCOMPARE(n2->roles, (QStringList{"control-plane", "etcd"}));
        QCOMPARE(node(inv, "node3")->roles, (QStringList{"etcd", "worker"}));
        const NodeSpec *n4 = node(inv, "node4");
        QCOMPARE(n4->user, QStringLiteral("ubuntu")); // host var beats group var
        QCOMPARE(n4->identityFile, QDir::homePath() + "/.ssh/node4");
        QCOMPARE(n4->roles, QStringList{"worker"});
        QVERIFY(node(inv, "node05"));
        QVERIFY(node(inv, "node06"));
        QCOMPARE(node(inv, "node06")->host, QStringLiteral("95.54.0.20"));
        // [all:vars] ProxyJump in ansible_ssh_common_args -> one jump host for all
        QCOMPARE(n1->jump, QStringLiteral("jump@bastion.example.org:2222"));
        const JumpHost *j = inv.jumpHost(n1->jump);
        QVERIFY(j);
        QCOMPARE(j->host, QStringLiteral("bastion.example.org"));
        QCOMPARE(j->port, 2222);
        QCOMPARE(j->user, QStringLiteral("jump"));
        checkRoundTrip(inv);
    }

    void ansibleYaml()
    {
        auto r = importAnsibleInventory(readData("k3s-ansible.yml"), "k3s-ansible.yml");
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        const Inventory &inv = r->inventory;
        QCOMPARE(inv.nodes.size(), 5);
        const NodeSpec *s1 = node(inv, "192.168.1.10");
        QCOMPARE(s1->roles, QStringList{"control-plane"});
        QCOMPARE(s1->user, QStringLiteral("debian"));
        QCOMPARE(s1->host, QStringLiteral("192.168.1.10"));
        QCOMPARE(node(inv, "k3s-s2")->host, QStringLiteral("192.168.1.11"));
        QCOMPARE(node(inv, "k3s-s2")->user, QStringLiteral("root"));
        const NodeSpec *a2 = node(inv, "192.168.1.21");
        QCOMPARE(a2->roles, QStringList{"worker"});
        QCOMPARE(a2->sudo, NodeSpec::SudoMode::Password);
        QCOMPARE(node(inv, "192.168.1.20")->sudo, NodeSpec::SudoMode::None);
        const NodeSpec *mon = node(inv, "monitoring");
        QCOMPARE(mon->roles, QStringList{});
        QCOMPARE(mon->port, 2200);
        checkRoundTrip(inv);
    }

    void ansibleErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("section") << "bad_section.ini" << 3 << "bad section header";
        QTest::newRow("key=value") << "bad_keyvalue.ini" << 3 << "expected key=value";
        QTest::newRow("port") << "bad_port.ini" << 2 << "bad ansible_port \"http\"";
        QTest::newRow("hosts list") << "bad_hosts_list.yml" << 5 << "must be a mapping";
        QTest::newRow("yaml syntax") << "bad_syntax.yml" << 4 << "";
    }
    void ansibleErrors()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(QString, message);
        auto r = importAnsibleInventory(readData(file), file);
        QVERIFY(!r);
        QCOMPARE(r.error().file, file);
        QVERIFY2(r.error().line == line || (message.isEmpty() && r.error().line >= line - 1 &&
                                            r.error().line <= line + 1),
                 qPrintable(r.error().toString()));
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().toString()));
    }

    void ansibleGroupRoles()
    {
        QCOMPARE(roleForAnsibleGroup("kube_control_plane"), QStringLiteral("control-plane"));
        QCOMPARE(roleForAnsibleGroup("kube-master"), QStringLiteral("control-plane"));
        QCOMPARE(roleForAnsibleGroup("Masters"), QStringLiteral("control-plane"));
        QCOMPARE(roleForAnsibleGroup("etcd"), QStringLiteral("etcd"));
        QCOMPARE(roleForAnsibleGroup("kube_node"), QStringLiteral("worker"));
        QCOMPARE(roleForAnsibleGroup("workers"), QStringLiteral("worker"));
        QCOMPARE(roleForAnsibleGroup("webservers"), QString());
    }

    void kubectlNodes()
    {
        auto r = importKubectlNodes(readData("nodes.json"), "nodes.json");
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        const Inventory &inv = r->inventory;
        QCOMPARE(inv.nodes.size(), 3);
        QCOMPARE(inv.nodes[0].name, QStringLiteral("k3s-server-1"));
        QCOMPARE(inv.nodes[0].host, QStringLiteral("192.168.50.10"));
        QCOMPARE(inv.nodes[0].roles, (QStringList{"control-plane", "etcd"}));
        QCOMPARE(inv.nodes[1].host, QStringLiteral("10.0.5.21")); // InternalIP beats the others
        QCOMPARE(inv.nodes[1].roles, QStringList{"worker"});
        QCOMPARE(inv.nodes[2].host, QStringLiteral("203.0.113.8")); // no InternalIP: ExternalIP
        QCOMPARE(inv.nodes[2].roles, QStringList{"worker"});
        checkRoundTrip(inv);
    }

    void kubectlErrors()
    {
        auto bad = importKubectlNodes(readData("nodes_bad.json"), "nodes_bad.json");
        QVERIFY(!bad);
        QCOMPARE(bad.error().line, 4); // the trailing comma
        auto pods = importKubectlNodes(readData("pods.json"), "pods.json");
        QVERIFY(!pods);
        QVERIFY(pods.error().message.contains("PodList"));
    }

    void importFileDispatch()
    {
        ImportSource s{};
        QVERIFY(importSourceFromName("ansible", &s));
        QCOMPARE(s, ImportSource::Ansible);
        QVERIFY(!importSourceFromName("terraform", &s));
        auto r = importInventoryFile(ImportSource::Kubectl,
                                     QStringLiteral(IMPORTERS_TEST_DATA "/nodes.json"), "prod");
        QVERIFY(r);
        QCOMPARE(r->inventory.cluster, QStringLiteral("prod"));
        auto missing = importInventoryFile(ImportSource::Kubectl, "/nonexistent/nodes.json");
        QVERIFY(!missing);
        QCOMPARE(missing.error().file, QStringLiteral("/nonexistent/nodes.json"));
    }

    void kubectlLogs()
    {
        const QByteArray log = "[pod/kinspect-collector-abcde/collector] KINSPECT-NODE-BEGIN n1\n"
                               "[pod/kinspect-collector-abcde/collector] kinspect-snapshot\t1\tx\n"
                               "[pod/kinspect-collector-abcde/collector] END\t0\n"
                               "[pod/kinspect-collector-abcde/collector] KINSPECT-NODE-END n1 0\n"
                               "KINSPECT-NODE-BEGIN n2\n"
                               "kinspect-snapshot\t1\ty\n"
                               "END\t0\n"
                               "KINSPECT-NODE-END n2 0\n";
        auto r = splitKubectlLogs(log, "logs.txt");
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->size(), 2);
        QCOMPARE(r->at(0).node, QStringLiteral("n1"));
        QCOMPARE(r->at(0).data, QByteArray("kinspect-snapshot\t1\tx\nEND\t0\n"));
        QCOMPARE(r->at(1).node, QStringLiteral("n2"));
        QCOMPARE(r->at(1).line, 5);

        auto truncated = splitKubectlLogs("KINSPECT-NODE-BEGIN n1\nkinspect-snapshot\t1\tx\n", "l");
        QVERIFY(!truncated);
        QCOMPARE(truncated.error().line, 1);
        auto failed = splitKubectlLogs("KINSPECT-NODE-BEGIN n1\nKINSPECT-NODE-END n1 2\n", "l");
        QVERIFY(!failed);
        QVERIFY(failed.error().message.contains("status 2"));
        auto none = splitKubectlLogs("hello\n", "l");
        QVERIFY(!none);
    }
};

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"
