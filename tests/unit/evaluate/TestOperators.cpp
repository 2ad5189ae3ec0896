#include "evaluate/Operators.h"

#include <QTest>

using namespace kinspect;

static QString S(const char *s)
{
    return QString::fromUtf8(s);
}

Q_DECLARE_METATYPE(kinspect::Op)

class TestOperators : public QObject
{
    Q_OBJECT

private slots:
    void setting_data()
    {
        QTest::addColumn<Op>("op");
        QTest::addColumn<bool>("set");
        QTest::addColumn<QString>("actual");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<bool>("pass");
        QTest::addColumn<bool>("error");

        const QStringList none;
        QTest::newRow("present set") << Op::Present << true << "x" << none << true << false;
        QTest::newRow("present unset") << Op::Present << false << "" << none << false << false;
        QTest::newRow("absent unset") << Op::Absent << false << "" << none << true << false;
        QTest::newRow("absent set") << Op::Absent << true << "" << none << false << false;
        QTest::newRow("eq") << Op::Eq << true << "false" << QStringList{"false"} << true << false;
        QTest::newRow("eq bool case")
            << Op::Eq << true << "False" << QStringList{"false"} << true << false;
        QTest::newRow("eq bool 0")
            << Op::Eq << true << "0" << QStringList{"false"} << true << false;
        QTest::newRow("eq mismatch")
            << Op::Eq << true << "true" << QStringList{"false"} << false << false;
        QTest::newRow("eq any of")
            << Op::Eq << true << "b" << QStringList{"a", "b"} << true << false;
        QTest::newRow("eq unset fails")
            << Op::Eq << false << "" << QStringList{"false"} << false << false;
        QTest::newRow("noteq") << Op::NotEq << true << "0" << QStringList{"10255"} << true << false;
        QTest::newRow("noteq equal")
            << Op::NotEq << true << "10255" << QStringList{"10255"} << false << false;
        QTest::newRow("eq duration 0s is 0")
            << Op::Eq << true << "0s" << QStringList{"0"} << true << false;
        QTest::newRow("noteq duration 5m vs 300s")
            << Op::NotEq << true << "5m" << QStringList{"300s"} << false << false;
        QTest::newRow("noteq unset passes")
            << Op::NotEq << false << "" << QStringList{"x"} << true << false;
        QTest::newRow("gte number")
            << Op::Gte << true << "30" << QStringList{"30"} << true << false;
        QTest::newRow("gt number") << Op::Gt << true << "30" << QStringList{"30"} << false << false;
        QTest::newRow("lt number") << Op::Lt << true << "5" << QStringList{"10"} << true << false;
        QTest::newRow("lte number")
            << Op::Lte << true << "11" << QStringList{"10"} << false << false;
        QTest::newRow("gte duration")
            << Op::Gte << true << "4h0m0s" << QStringList{"5m"} << true << false;
        QTest::newRow("lt duration")
            << Op::Lt << true << "90s" << QStringList{"1m30s"} << false << false;
        QTest::newRow("lte duration ms")
            << Op::Lte << true << "500ms" << QStringList{"1s"} << true << false;
        QTest::newRow("gt incomparable")
            << Op::Gt << true << "abc" << QStringList{"5"} << false << true;
        QTest::newRow("has") << Op::Has << true << "Node,RBAC" << QStringList{"RBAC"} << true
                             << false;
        QTest::newRow("has spaced")
            << Op::Has << true << "Node, RBAC" << QStringList{"RBAC"} << true << false;
        QTest::newRow("has missing")
            << Op::Has << true << "Node" << QStringList{"RBAC"} << false << false;
        QTest::newRow("has is not substring") << Op::Has << true << "NodeRestrictionX"
                                              << QStringList{"NodeRestriction"} << false << false;
        QTest::newRow("nothave") << Op::NotHave << true << "Node,RBAC" << QStringList{"AlwaysAllow"}
                                 << true << false;
        QTest::newRow("nothave present")
            << Op::NotHave << true << "AlwaysAllow" << QStringList{"AlwaysAllow"} << false << false;
        QTest::newRow("nothave unset")
            << Op::NotHave << false << "" << QStringList{"AlwaysAllow"} << true << false;
        QTest::newRow("regex anchored") << Op::Regex << true << "/var/log/audit.log"
                                        << QStringList{"/var/log/.*"} << true << false;
        QTest::newRow("regex not partial")
            << Op::Regex << true << "x/var/log/a" << QStringList{"/var/log/.*"} << false << false;
        QTest::newRow("valid_elements")
            << Op::ValidElements << true << "A,B" << QStringList{"A,B,C"} << true << false;
        QTest::newRow("valid_elements bad")
            << Op::ValidElements << true << "A,D" << QStringList{"A,B,C"} << false << false;
    }

    void setting()
    {
        QFETCH(Op, op);
        QFETCH(bool, set);
        QFETCH(QString, actual);
        QFETCH(QStringList, expected);
        QFETCH(bool, pass);
        QFETCH(bool, error);
        const OpOutcome o = applyOp(op, Value{set, actual, {}}, expected);
        QCOMPARE(o.pass, pass);
        QCOMPARE(o.error, error);
    }

    void bitmask_data()
    {
        QTest::addColumn<uint>("mode");
        QTest::addColumn<QString>("allowed");
        QTest::addColumn<bool>("pass");
        QTest::newRow("600 vs 600") << 0600u << "600" << true;
        QTest::newRow("400 vs 600") << 0400u << "600" << true;
        QTest::newRow("644 vs 600") << 0644u << "600" << false;
        QTest::newRow("640 vs 644") << 0640u << "644" << true;
        QTest::newRow("664 vs 644") << 0664u << "644" << false;
        QTest::newRow("700 dir vs 700") << 0700u << "700" << true;
        QTest::newRow("setuid beyond 755") << 04755u << "755" << false;
        QTest::newRow("000") << 0u << "600" << true;
    }

    void bitmask()
    {
        QFETCH(uint, mode);
        QFETCH(QString, allowed);
        QFETCH(bool, pass);
        QCOMPARE(applyBitmask(mode, allowed).pass, pass);
    }

    void owner()
    {
        QVERIFY(applyOwner(QStringLiteral("root"), QStringLiteral("root"), 0, 0,
                           {QStringLiteral("root:root")})
                    .pass);
        // uid 0 is root even when the name is unresolvable.
        QVERIFY(applyOwner(QStringLiteral("0"), QStringLiteral("0"), 0, 0,
                           {QStringLiteral("root:root")})
                    .pass);
        QVERIFY(!applyOwner(QStringLiteral("kube"), QStringLiteral("root"), 1000, 0,
                            {QStringLiteral("root:root")})
                     .pass);
        QVERIFY(applyOwner(QStringLiteral("etcd"), QStringLiteral("etcd"), 998, 998,
                           {QStringLiteral("root:root"), QStringLiteral("etcd:etcd")})
                    .pass);
        QVERIFY(!applyOwner(QStringLiteral("etcd"), QStringLiteral("root"), 998, 0,
                            {QStringLiteral("etcd:etcd")})
                     .pass);
    }

    void durations()
    {
        QCOMPARE(parseDurationSeconds(QStringLiteral("4h0m0s")).value(), 14400.0);
        QCOMPARE(parseDurationSeconds(QStringLiteral("1h30m")).value(), 5400.0);
        QCOMPARE(parseDurationSeconds(QStringLiteral("300ms")).value(), 0.3);
        QCOMPARE(parseDurationSeconds(QStringLiteral("5")).value(), 5.0);
        QVERIFY(!parseDurationSeconds(QStringLiteral("5 minutes")));
        QVERIFY(!parseDurationSeconds(QStringLiteral("")));
    }

    // Go's duration grammar, edge by edge (the parser is written out by hand).
    void durationGrammar_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds"); // NaN: not a duration
        const double no = qQNaN();
        QTest::newRow("fraction only") << S(".5s") << 0.5;
        QTest::newRow("trailing point") << S("5.s") << 5.0;
        QTest::newRow("negative") << S("-1.5h") << -5400.0;
        QTest::newRow("plus") << S("+2m") << 120.0;
        QTest::newRow("micro u") << S("250us") << 250e-6;
        QTest::newRow("micro sign") << S("250\u00b5s") << 250e-6;
        QTest::newRow("nanoseconds") << S("1500ns") << 1500e-9;
        QTest::newRow("ms before m") << S("1m5ms") << 60.005;
        QTest::newRow("spaces trimmed") << S(" 10s ") << 10.0;
        QTest::newRow("plain number") << S("-3") << -3.0;
        QTest::newRow("exponent number") << S("1e3") << 1000.0;
        QTest::newRow("two points") << S("1.2.3s") << no;
        QTest::newRow("lone point") << S(".s") << no;
        QTest::newRow("no unit") << S("5m3") << no;
        QTest::newRow("unknown unit") << S("5d") << no;
        QTest::newRow("sign only") << S("-") << no;
        QTest::newRow("unit only") << S("h") << no;
        QTest::newRow("space inside") << S("1h 30m") << no;
        QTest::newRow("bool") << S("true") << no;
    }

    void durationGrammar()
    {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        const auto d = parseDurationSeconds(text);
        if (qIsNaN(seconds)) {
            QVERIFY2(!d, qPrintable(text));
        } else {
            QVERIFY2(d, qPrintable(text));
            QVERIFY2(qAbs(*d - seconds) < 1e-12, qPrintable(QString::number(*d)));
        }
    }
};

QTEST_GUILESS_MAIN(TestOperators)
#include "TestOperators.moc"
