#include "evaluate/ArgvParser.h"

#include <QTest>

using namespace kinspect;

class TestArgvParser : public QObject
{
    Q_OBJECT

private:
    const QSet<QString> m_bools = {QStringLiteral("--profiling"),
                                   QStringLiteral("--anonymous-auth"),
                                   QStringLiteral("--rotate-certificates")};

private slots:
    void forms_data()
    {
        QTest::addColumn<QStringList>("argv");
        QTest::addColumn<QString>("flag");
        QTest::addColumn<bool>("has");
        QTest::addColumn<QString>("value");

        const auto L = [](std::initializer_list<const char *> items) {
            QStringList l{QStringLiteral("kube-apiserver")};
            for (const char *i : items)
                l << QString::fromUtf8(i);
            return l;
        };
        QTest::newRow("equals") << L({"--secure-port=6443"}) << "--secure-port" << true << "6443";
        QTest::newRow("space") << L({"--secure-port", "6443"}) << "--secure-port" << true << "6443";
        QTest::newRow("bare bool") << L({"--profiling"}) << "--profiling" << true << "true";
        QTest::newRow("bool never eats next word")
            << L({"--profiling", "false"}) << "--profiling" << true << "true";
        QTest::newRow("bool with =false")
            << L({"--profiling=false"}) << "--profiling" << true << "false";
        QTest::newRow("repeat last wins")
            << L({"--v=2", "--secure-port=1", "--secure-port=2"}) << "--secure-port" << true << "2";
        QTest::newRow("empty value")
            << L({"--token-auth-file="}) << "--token-auth-file" << true << "";
        QTest::newRow("value with =") << L({"--feature-gates=A=true,B=false"}) << "--feature-gates"
                                      << true << "A=true,B=false";
        QTest::newRow("value with spaces") << L({"--audit-log-path", "/var/log/my audit.log"})
                                           << "--audit-log-path" << true << "/var/log/my audit.log";
        QTest::newRow("bare value flag followed by flag")
            << L({"--token-auth-file", "--profiling=false"}) << "--profiling" << true << "false";
        QTest::newRow("absent") << L({"--profiling=false"}) << "--secure-port" << false << "";
        QTest::newRow("negative number value")
            << L({"--audit-log-maxage", "-1"}) << "--audit-log-maxage" << true << "-1";
        QTest::newRow("single dash normalised") << L({"-v=4"}) << "--v" << true << "4";
        QTest::newRow("after -- is positional")
            << L({"--", "--secure-port=1"}) << "--secure-port" << false << "";
    }

    void forms()
    {
        QFETCH(QStringList, argv);
        QFETCH(QString, flag);
        QFETCH(bool, has);
        QFETCH(QString, value);
        const ParsedArgs a = ParsedArgs::parse(argv, m_bools);
        QCOMPARE(a.has(flag), has);
        QCOMPARE(a.value(flag), value);
    }

    void listsAccumulateOverRepeats()
    {
        const ParsedArgs a =
            ParsedArgs::parse({QStringLiteral("kube-apiserver"),
                               QStringLiteral("--enable-admission-plugins=NodeRestriction"),
                               QStringLiteral("--enable-admission-plugins"),
                               QStringLiteral("AlwaysPullImages, EventRateLimit")},
                              m_bools);
        QCOMPARE(a.list(QStringLiteral("--enable-admission-plugins")),
                 (QStringList{QStringLiteral("NodeRestriction"), QStringLiteral("AlwaysPullImages"),
                              QStringLiteral("EventRateLimit")}));
        QCOMPARE(a.value(QStringLiteral("--enable-admission-plugins")),
                 QStringLiteral("AlwaysPullImages, EventRateLimit"));
    }

    void mapsMergeLaterWins()
    {
        const ParsedArgs a = ParsedArgs::parse({QStringLiteral("kubelet"),
                                                QStringLiteral("--feature-gates=A=true,B=false"),
                                                QStringLiteral("--feature-gates=B=true")},
                                               m_bools);
        const auto m = a.map(QStringLiteral("--feature-gates"));
        QCOMPARE(m.value(QStringLiteral("A")), QStringLiteral("true"));
        QCOMPARE(m.value(QStringLiteral("B")), QStringLiteral("true"));
    }

    void boolBareRecordedAsBare()
    {
        const ParsedArgs a = ParsedArgs::parse(
            {QStringLiteral("kubelet"), QStringLiteral("--rotate-certificates")}, m_bools);
        QVERIFY(a.last(QStringLiteral("--rotate-certificates"))->bare);
        QCOMPARE(a.last(QStringLiteral("--rotate-certificates"))->index, 1);
    }
};

QTEST_GUILESS_MAIN(TestArgvParser)
#include "TestArgvParser.moc"
