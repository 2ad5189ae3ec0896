// What the SSH transport decides without a server: the exact command line a node receives
// (quoting, sudo wrapping), how sudo's answers are read, and host key fingerprints/known_hosts.

#include "ssh/HostKeyUtil.h"
#include "ssh/SudoWrapper.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace kinspect;

namespace {

// Runs `commandLine` through a real POSIX sh the way sshd does ($SHELL -c), with `printf '%s\0'`
// standing in for the remote program, and returns the arguments it received.
QList<QByteArray> argumentsSeenByShell(const QString &commandLine)
{
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), commandLine});
    if (!sh.waitForFinished(10000))
        return {};
    QList<QByteArray> args = sh.readAllStandardOutput().split('\0');
    if (!args.isEmpty() && args.last().isEmpty())
        args.removeLast();
    return args;
}

QStringList hostileValues()
{
    return {QStringLiteral("plain"),
            QStringLiteral("it's"),
            QStringLiteral("''"),
            QStringLiteral("\"double\""),
            QStringLiteral("$(touch /tmp/kinspect-pwned)"),
            QStringLiteral("`id`"),
            QStringLiteral("a; rm -rf /"),
            QStringLiteral("line1\nline2"),
            QStringLiteral("tab\there"),
            QStringLiteral("$HOME ${PATH} $1 $@ $*"),
            QStringLiteral("|&<>*?[]{}()!#~"),
            QStringLiteral("\\backslash\\"),
            QStringLiteral("-n"),
            QStringLiteral("--"),
            QString(),
            QStringLiteral(" leading and trailing "),
            QString::fromUtf8("ünïcødé ✓ 节点 \xF0\x9F\x94\x91"),
            QStringLiteral("%s %n %u %p")};
}

} // namespace

class TestSshUnit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostileArgvArrivesByteExact_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("privileged");
        QTest::newRow("unprivileged") << int(NodeSpec::SudoMode::Password) << false;
        QTest::newRow("none") << int(NodeSpec::SudoMode::None) << true;
    }

    void hostileArgvArrivesByteExact()
    {
        QFETCH(int, mode);
        QFETCH(bool, privileged);
        QFile::remove(QStringLiteral("/tmp/kinspect-pwned"));
        const SudoWrapper w(NodeSpec::SudoMode(mode), privileged, QStringLiteral("abc"));
        const QStringList values = hostileValues();
        const QString line =
            w.commandLine(QStringList{QStringLiteral("printf"), QStringLiteral("%s\\0")} + values);
        const QList<QByteArray> seen = argumentsSeenByShell(line);
        QCOMPARE(seen.size(), values.size());
        for (int i = 0; i < values.size(); ++i)
            QCOMPARE(seen.at(i), values.at(i).toUtf8());
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/kinspect-pwned")));
    }

    void nulIsRefused()
    {
        const SudoWrapper w(NodeSpec::SudoMode::None, false, QStringLiteral("abc"));
        QVERIFY(w.commandLine({QStringLiteral("echo"), QStringLiteral("a") + QChar(0)}).isEmpty());
        QVERIFY(w.commandLine({}).isEmpty());
    }

    void sudoWrapping()
    {
        const QStringList argv{QStringLiteral("sh"), QStringLiteral("-s"), QStringLiteral("--"),
                               QStringLiteral("/etc/it's")};
        const SudoWrapper none(NodeSpec::SudoMode::None, true, QStringLiteral("n1"));
        QCOMPARE(none.wrappedArgv(argv), argv);
        QCOMPARE(none.commandLine(argv), QStringLiteral("'sh' '-s' '--' '/etc/it'\\''s'"));

        // Not privileged: the node's sudo mode does not matter.
        const SudoWrapper plain(NodeSpec::SudoMode::Password, false, QStringLiteral("n1"));
        QCOMPARE(plain.effectiveMode(), NodeSpec::SudoMode::None);
        QCOMPARE(plain.wrappedArgv(argv), argv);
        QVERIFY(!plain.needsPassword());

        const SudoWrapper nopasswd(NodeSpec::SudoMode::NoPasswd, true, QStringLiteral("n1"));
        QCOMPARE(nopasswd.commandLine(argv),
                 QStringLiteral("'sudo' '-n' '--' 'sh' '-s' '--' '/etc/it'\\''s'"));
        QVERIFY(!nopasswd.needsPassword());

        const SudoWrapper pw(NodeSpec::SudoMode::Password, true, QStringLiteral("f00d"));
        QVERIFY(pw.needsPassword());
        const QStringList wrapped = pw.wrappedArgv(argv);
        QCOMPARE(wrapped.mid(0, 6),
                 (QStringList{QStringLiteral("sudo"), QStringLiteral("-k"), QStringLiteral("-S"),
                              QStringLiteral("-p"), QStringLiteral("[kinspect-sudo-prompt-f00d]"),
                              QStringLiteral("--")}));
        QCOMPARE(wrapped.mid(wrapped.size() - argv.size()), argv);
        QVERIFY(wrapped.contains(QStringLiteral("[kinspect-sudo-ok-f00d]")));
        // The password itself is never part of the command line; only markers are.
        QVERIFY(!pw.commandLine(argv).contains(QLatin1String("secret")));
        QVERIFY(!pw.promptMarker().contains(QLatin1Char('%'))); // sudo would expand it
    }

    void passwordWrapperRunsCommandAfterOkLine()
    {
        // Run the inner part of the password wrapper (everything after `sudo ... --`) in a local
        // shell: it must print the ok line on stderr, then exec the argv unchanged.
        const SudoWrapper pw(NodeSpec::SudoMode::Password, true, QStringLiteral("beef"));
        const QStringList values = hostileValues();
        QStringList wrapped =
            pw.wrappedArgv(QStringList{QStringLiteral("printf"), QStringLiteral("%s\\0")} + values);
        wrapped = wrapped.mid(wrapped.indexOf(QStringLiteral("--")) + 1);
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), shellJoin(wrapped)});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.readAllStandardError(), QByteArray("[kinspect-sudo-ok-beef]\n"));
        QList<QByteArray> seen = sh.readAllStandardOutput().split('\0');
        seen.removeLast();
        QCOMPARE(seen.size(), values.size());
        for (int i = 0; i < values.size(); ++i)
            QCOMPARE(seen.at(i), values.at(i).toUtf8());
    }

    void nonceIsRandomHex()
    {
        const QString a = SudoWrapper::makeNonce();
        const QString b = SudoWrapper::makeNonce();
        QVERIFY(a != b);
        QVERIFY(a.size() >= 16);
        for (QChar c : a)
            QVERIFY(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f')));
    }

    void sudoScan_data()
    {
        QTest::addColumn<int>("stage");
        QTest::addColumn<QByteArray>("stderrIn");
        QTest::addColumn<int>("event");
        QTest::addColumn<QByteArray>("stderrOut");
        using S = SudoWrapper::Stage;
        using E = SudoWrapper::Event;
        const QByteArray p = "[kinspect-sudo-prompt-1]";
        const QByteArray ok = "[kinspect-sudo-ok-1]\n";
        QTest::newRow("nothing yet")
            << int(S::WaitingForPrompt) << QByteArray() << int(E::None) << QByteArray();
        QTest::newRow("partial prompt")
            << int(S::WaitingForPrompt) << p.left(10) << int(E::None) << p.left(10);
        QTest::newRow("prompt") << int(S::WaitingForPrompt) << p << int(E::PasswordWanted) << p;
        QTest::newRow("no prompt, ok at once (cached/NOPASSWD)")
            << int(S::WaitingForPrompt) << ok + "cmd err\n"
            << int(E::Authenticated) << QByteArray("cmd err\n");
        QTest::newRow("waiting after password") << int(S::PasswordSent) << p << int(E::None) << p;
        QTest::newRow("ok after password")
            << int(S::PasswordSent) << p + "\n" + ok << int(E::Authenticated) << QByteArray();
        QTest::newRow("sorry") << int(S::PasswordSent) << p + "\nSorry, try again.\n"
                               << int(E::WrongPassword) << p + "\nSorry, try again.\n";
        QTest::newRow("second prompt")
            << int(S::PasswordSent) << p + "\n" + p << int(E::WrongPassword) << p + "\n" + p;
        QTest::newRow("fake ok line from elsewhere without newline")
            << int(S::PasswordSent) << p + "[kinspect-sudo-ok-1]" << int(E::None)
            << p + "[kinspect-sudo-ok-1]";
        QTest::newRow("other nonce") << int(S::PasswordSent) << QByteArray("[kinspect-sudo-ok-2]\n")
                                     << int(E::None) << QByteArray("[kinspect-sudo-ok-2]\n");
    }

    void sudoScan()
    {
        QFETCH(int, stage);
        QFETCH(QByteArray, stderrIn);
        QFETCH(int, event);
        QFETCH(QByteArray, stderrOut);
        const SudoWrapper w(NodeSpec::SudoMode::Password, true, QStringLiteral("1"));
        QByteArray data = stderrIn;
        QCOMPARE(int(w.scan(SudoWrapper::Stage(stage), &data)), event);
        QCOMPARE(data, stderrOut);
    }

    void sudoFailure_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("exitStatus");
        QTest::addColumn<QByteArray>("stderrData");
        QTest::addColumn<bool>("okSeen");
        QTest::addColumn<QString>("expectPart"); // empty: not a sudo failure
        const int np = int(NodeSpec::SudoMode::NoPasswd);
        const int pw = int(NodeSpec::SudoMode::Password);
        QTest::newRow("nopasswd refused")
            << np << 1 << QByteArray("sudo: a password is required\n") << false
            << QStringLiteral("sudo requires a password for alice on cp-1");
        QTest::newRow("not in sudoers")
            << np << 1 << QByteArray("alice is not in the sudoers file.\n") << false
            << QStringLiteral("alice may not use sudo on cp-1");
        QTest::newRow("no sudo") << np << 127 << QByteArray("sh: 1: sudo: not found\n") << false
                                 << QStringLiteral("sudo is not installed on cp-1");
        QTest::newRow("command failed under nopasswd")
            << np << 2 << QByteArray("ls: cannot access\n") << false << QString();
        QTest::newRow("success") << np << 0 << QByteArray() << false << QString();
        QTest::newRow("password mode, command failed after ok")
            << pw << 1 << QByteArray("boom\n") << true << QString();
        QTest::newRow("password mode, sudo failed before ok")
            << pw << 1 << QByteArray("sudo: 3 incorrect password attempts\n") << false
            << QStringLiteral("sudo failed for alice on cp-1");
        QTest::newRow("none mode never sudo")
            << int(NodeSpec::SudoMode::None) << 1 << QByteArray("sudo: a password is required\n")
            << false << QString();
    }

    void sudoFailure()
    {
        QFETCH(int, mode);
        QFETCH(int, exitStatus);
        QFETCH(QByteArray, stderrData);
        QFETCH(bool, okSeen);
        QFETCH(QString, expectPart);
        const QString msg =
            SudoWrapper::sudoFailure(exitStatus, stderrData, okSeen, NodeSpec::SudoMode(mode),
                                     QStringLiteral("alice"), QStringLiteral("cp-1"));
        if (expectPart.isEmpty())
            QVERIFY2(msg.isEmpty(), qPrintable(msg));
        else
            QVERIFY2(msg.contains(expectPart), qPrintable(msg));
    }

    void fingerprints_data()
    {
        QTest::addColumn<QString>("pubFile");
        QTest::addColumn<QString>("expected");
        QFile f(QStringLiteral(SSH_TEST_DATA "/fingerprints.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        while (!f.atEnd()) {
            const QList<QByteArray> cols = f.readLine().trimmed().split('\t');
            if (cols.size() == 2) {
                QTest::newRow(cols.at(0).constData())
                    << QString::fromLatin1(cols.at(0)) << QString::fromLatin1(cols.at(1));
            }
        }
    }

    void fingerprints()
    {
        // Expected values were printed by `ssh-keygen -lf` for the fixture keys.
        QFETCH(QString, pubFile);
        QFETCH(QString, expected);
        QFile f(QStringLiteral(SSH_TEST_DATA "/") + pubFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray blob = QByteArray::fromBase64(f.readAll().split(' ').at(1));
        QCOMPARE(HostKeyUtil::fingerprintOfKeyBlob(blob), expected);
        QVERIFY(!expected.endsWith(QLatin1Char('=')));
    }

    void knownHostsName()
    {
        QCOMPARE(HostKeyUtil::knownHostsName(QStringLiteral("cp-1"), 22), QStringLiteral("cp-1"));
        QCOMPARE(HostKeyUtil::knownHostsName(QStringLiteral("127.0.0.1"), 2222),
                 QStringLiteral("[127.0.0.1]:2222"));
    }

    void knownHostsLines_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("plain + comma list") << "node-a.example" << 22 << QList<int>{3, 5};
        QTest::newRow("bracketed port") << "127.0.0.1" << 2222 << QList<int>{4};
        QTest::newRow("port 22 is not [host]:2222") << "127.0.0.1" << 22 << QList<int>{8};
        QTest::newRow("hashed") << "hashed.example" << 22 << QList<int>{7};
        QTest::newRow("hashed, other port") << "hashed.example" << 2200 << QList<int>{};
        QTest::newRow("unknown") << "nowhere.example" << 22 << QList<int>{};
        QTest::newRow("comment text is not a host") << "fixture" << 22 << QList<int>{};
    }

    void knownHostsLines()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QList<int>, lines);
        QCOMPARE(
            HostKeyUtil::knownHostsLines(QStringLiteral(SSH_TEST_DATA "/known_hosts"), host, port),
            lines);
        QVERIFY(HostKeyUtil::knownHostsLines(QStringLiteral("/nonexistent"), host, port).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSshUnit)
#include "tst_sshunit.moc"
