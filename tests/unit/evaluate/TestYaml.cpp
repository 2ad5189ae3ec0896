#include "util/Yaml.h"

#include <QElapsedTimer>
#include <QTest>

using namespace kinspect;

class TestYaml : public QObject
{
    Q_OBJECT

private slots:
    void unterminatedQuotes_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<int>("line");
        QTest::newRow("closed") << QByteArray("a: \"x\"\nb: 'y'\n") << 0;
        QTest::newRow("open double at eof")
            << QByteArray("a:\n  b: \"Webhook\nc: 0\nd: true\n") << 2;
        QTest::newRow("open single") << QByteArray("a: 'x\n") << 1;
        QTest::newRow("escaped double quote") << QByteArray("a: \"x\\\"y\"\n") << 0;
        QTest::newRow("doubled single quote") << QByteArray("a: 'it''s'\n") << 0;
        QTest::newRow("apostrophe in plain scalar") << QByteArray("a: it's fine\nb: 1\n") << 0;
        QTest::newRow("quote inside plain scalar") << QByteArray("cmd: echo \"hi\n") << 0;
        QTest::newRow("comment") << QByteArray("a: 1 # don't \"quote\n") << 0;
        QTest::newRow("block scalar content")
            << QByteArray("script: |\n  \"not a quote\n  it's\nnext: \"ok\"\n") << 0;
        QTest::newRow("after block scalar") << QByteArray("s: >-\n  text\nn: \"open\n") << 3;
        QTest::newRow("flow sequence") << QByteArray("a: [\"x\", 'y', \"z]\n") << 1;
        QTest::newRow("list item") << QByteArray("- \"a\n- b\n") << 1;
        QTest::newRow("multi-line closed") << QByteArray("a: \"one\n  two\"\nb: 1\n") << 0;
        QTest::newRow("url with colon") << QByteArray("server: https://x:6443\nb: 'c'\n") << 0;
    }

    void unterminatedQuotes()
    {
        QFETCH(QByteArray, doc);
        QFETCH(int, line);
        QCOMPARE(yaml::unterminatedQuoteLine(doc), line);
    }

    void parseReportsFileAndLine()
    {
        auto r = yaml::parse("a:\n  b: \"Webhook\nc: 0\n",
                             QStringLiteral("/var/lib/kubelet/config.yaml"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().file, QStringLiteral("/var/lib/kubelet/config.yaml"));
        QCOMPARE(r.error().line, 2);
        auto s = yaml::parse("a: [1\n", QStringLiteral("f.yaml"));
        QVERIFY(!s.ok());
        QVERIFY(s.error().line > 0);
    }

    void refusesAliasBombAndNul()
    {
        QByteArray bomb = "a: &a [x, x]\n";
        for (int i = 0; i < 70; ++i)
            bomb += "k" + QByteArray::number(i) + ": [*a, *a]\n";
        auto r = yaml::parse(bomb, QStringLiteral("bomb.yaml"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("alias")));
        QVERIFY(!yaml::parse(QByteArray("a: 1\0b", 6), QStringLiteral("nul.yaml")).ok());
    }

    // A Latin-1 kubelet config: the kubelet refuses it (go-yaml wants UTF-8); yaml-cpp would read
    // it lossily. Refused at the first bad line; valid UTF-8 (with or without BOM) still loads.
    void refusesInvalidUtf8()
    {
        auto r = yaml::parse("kind: KubeletConfiguration\nreadOnlyPort: 0\n# caf\xe9\nx: 1\n",
                             QStringLiteral("config.yaml"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QStringLiteral("UTF-8")));
        QCOMPARE(r.error().line, 3);
        QVERIFY(yaml::parse("# caf\xc3\xa9\nx: 1\n", QStringLiteral("u.yaml")).ok());
        QVERIFY(yaml::parse("\xef\xbb\xbfx: 1\n", QStringLiteral("bom.yaml")).ok());
    }

    // Regression (fuzz_snapshot): a node's kubelet config with an alias of its own ancestor
    // overflowed the evaluator's stack, and a doubling chain of 60 aliases (under the count cap)
    // made it walk 2^30 entries. Both are refused by the parser; ordinary aliases still load.
    void refusesCyclicAndExpandingAliases()
    {
        auto cyclic = yaml::parse("&x\nc: *x\n", QStringLiteral("cyclic.yaml"));
        QVERIFY(!cyclic.ok());
        QVERIFY(cyclic.error().message.contains(QStringLiteral("alias")));
        QByteArray chain = "l0: &l0 {a: 1, b: 2}\n";
        for (int i = 1; i <= 30; ++i)
            chain += QStringLiteral("l%1: &l%1 {p: *l%2, q: *l%2}\n").arg(i).arg(i - 1).toUtf8();
        QElapsedTimer t;
        t.start();
        QVERIFY(!yaml::parse(chain, QStringLiteral("chain.yaml")).ok());
        QVERIFY(t.elapsed() < 5000);
        auto fine = yaml::parse("base: &b {x: 1}\none: *b\ntwo: *b\n", QStringLiteral("ok.yaml"));
        QVERIFY(fine.ok());
        QCOMPARE(yaml::str((*fine)["two"]["x"]), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestYaml)
#include "TestYaml.moc"
