// What the SSH transport decides without a server: the exact command line a node receives
// (quoting, sudo wrapping), how the wrapper's and sudo's answers are read, and host key
// fingerprints / known_hosts lookups.

#include "ssh/CommandWrapper.h"
#include "ssh/HostKeyUtil.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace kinspect;

namespace {

QStringList hostileValues()
{
    return {QStringLiteral("plain"),
            QStringLiteral("it's"),
            QStringLiteral("''"),
            QStringLiteral("\"double\""),
            QStringLiteral("$(touch /tmp/kinspect-pwned)"),
            QStringLiteral("`touch /tmp/kinspect-pwned`"),
            QStringLiteral("a; touch /tmp/kinspect-pwned"),
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

QList<QByteArray> nulSplit(const QByteArray &data)
{
    QList<QByteArray> parts = data.split('\0');
    if (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    return parts;
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
        // The command line goes through a real POSIX sh the way sshd runs it ($SHELL -c), with
        // `printf '%s\0'` standing in for the remote program.
        QFETCH(int, mode);
        QFETCH(bool, privileged);
        QFile::remove(QStringLiteral("/tmp/kinspect-pwned"));
        const CommandWrapper w(NodeSpec::SudoMode(mode), privileged, QStringLiteral("abc"));
        const QStringList values = hostileValues();
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"),
                  w.commandLine(QStringList{QStringLiteral("printf"), QStringLiteral("%s\\0")} +
                                values)});
        QVERIFY(sh.waitForFinished(10000));
        const QList<QByteArray> seen = nulSplit(sh.readAllStandardOutput());
        QCOMPARE(seen.size(), values.size());
        for (int i = 0; i < values.size(); ++i)
            QCOMPARE(seen.at(i), values.at(i).toUtf8());
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/kinspect-pwned")));
    }

    void nulIsRefused()
    {
        const CommandWrapper w(NodeSpec::SudoMode::None, false, QStringLiteral("abc"));
        QVERIFY(w.commandLine({QStringLiteral("echo"), QStringLiteral("a") + QChar(0)}).isEmpty());
        QVERIFY(w.commandLine({}).isEmpty());
    }

    void wrapping()
    {
        const QStringList argv{QStringLiteral("sh"), QStringLiteral("-s"), QStringLiteral("--"),
                               QStringLiteral("/etc/it's")};
        const QString inner =
            QStringLiteral("'sh' '-c' 'printf '\\''%s %s\\n'\\'' \"$1\" \"$$\" >&2 && shift && "
                           "exec \"$@\"' 'kinspect' '[kinspect-start-n1]' 'sh' '-s' '--' "
                           "'/etc/it'\\''s'");
        const CommandWrapper none(NodeSpec::SudoMode::None, true, QStringLiteral("n1"));
        QCOMPARE(none.wrappedArgv(argv).mid(5), argv);
        QCOMPARE(none.commandLine(argv), inner);

        // Not privileged: the node's sudo mode does not matter.
        const CommandWrapper plain(NodeSpec::SudoMode::Password, false, QStringLiteral("n1"));
        QCOMPARE(plain.effectiveMode(), NodeSpec::SudoMode::None);
        QCOMPARE(plain.commandLine(argv), inner);
        QVERIFY(!plain.needsPassword());

        const CommandWrapper nopasswd(NodeSpec::SudoMode::NoPasswd, true, QStringLiteral("n1"));
        QCOMPARE(nopasswd.commandLine(argv), QStringLiteral("'sudo' '-n' '--' ") + inner);
        QVERIFY(!nopasswd.needsPassword());

        const CommandWrapper pw(NodeSpec::SudoMode::Password, true, QStringLiteral("n1"));
        QVERIFY(pw.needsPassword());
        QCOMPARE(pw.commandLine(argv),
                 QStringLiteral("'sudo' '-k' '-S' '-p' '[kinspect-sudo-prompt-n1]' '--' ") + inner);
        QVERIFY(!pw.promptMarker().contains(QLatin1Char('%'))); // sudo would expand it
    }

    void wrapperAnnouncesPidThenExecs()
    {
        // Run the wrapper in a local shell: it must print "START <pid>" on stderr, where pid is
        // the process that then runs argv unchanged.
        const CommandWrapper w(NodeSpec::SudoMode::None, true, QStringLiteral("beef"));
        const QStringList values = hostileValues();
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"),
                  w.commandLine(QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                            QStringLiteral("echo $$; printf '%s\\0' \"$@\""),
                                            QStringLiteral("x")} +
                                values)});
        QVERIFY(sh.waitForFinished(10000));
        QByteArray err = sh.readAllStandardError();
        const QByteArray out = sh.readAllStandardOutput();
        const qsizetype nl = out.indexOf('\n');
        QVERIFY(nl > 0);
        qint64 announced = 0;
        QCOMPARE(int(w.scan(CommandWrapper::Stage::WaitingForStart, &err, &announced)),
                 int(CommandWrapper::Event::Started));
        QCOMPARE(QByteArray::number(announced), out.left(nl)); // exec kept the pid
        QVERIFY(err.isEmpty());
        const QList<QByteArray> seen = nulSplit(out.mid(nl + 1));
        QCOMPARE(seen.size(), values.size());
        for (int i = 0; i < values.size(); ++i)
            QCOMPARE(seen.at(i), values.at(i).toUtf8());
    }

    void killCommandLine()
    {
        QCOMPARE(CommandWrapper::killCommandLine(1234),
                 QStringLiteral("'sh' '-c' 'kill -15 \"-$1\" 2>/dev/null; kill -15 \"$1\" "
                                "2>/dev/null; exit 0' 'kinspect' '1234'"));
        // It really stops a process group started the way sshd starts a session (setsid).
        QProcess victim;
        victim.start(QStringLiteral("setsid"), {QStringLiteral("sh"), QStringLiteral("-c"),
                                                QStringLiteral("sleep 60 & exec sleep 61")});
        QVERIFY(victim.waitForStarted());
        QTest::qWait(300);
        QProcess killer;
        killer.start(QStringLiteral("/bin/sh"),
                     {QStringLiteral("-c"), CommandWrapper::killCommandLine(victim.processId())});
        QVERIFY(killer.waitForFinished(5000));
        QCOMPARE(killer.exitCode(), 0);
        QVERIFY(victim.waitForFinished(5000));
        QCOMPARE(victim.exitStatus(), QProcess::CrashExit); // died of SIGTERM
    }

    void nonceIsRandomHex()
    {
        const QString a = CommandWrapper::makeNonce();
        const QString b = CommandWrapper::makeNonce();
        QVERIFY(a != b);
        QVERIFY(a.size() >= 16);
        for (QChar c : a)
            QVERIFY(c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f')));
    }

    void scan_data()
    {
        QTest::addColumn<int>("stage");
        QTest::addColumn<QByteArray>("stderrIn");
        QTest::addColumn<int>("event");
        QTest::addColumn<QByteArray>("stderrOut");
        QTest::addColumn<qint64>("pid");
        using S = CommandWrapper::Stage;
        using E = CommandWrapper::Event;
        const QByteArray p = "[kinspect-sudo-prompt-1]";
        const QByteArray st = "[kinspect-start-1] 4242\n";
        QTest::newRow("nothing yet")
            << int(S::WaitingForPrompt) << QByteArray() << int(E::None) << QByteArray() << 0LL;
        QTest::newRow("partial prompt")
            << int(S::WaitingForPrompt) << p.left(10) << int(E::None) << p.left(10) << 0LL;
        QTest::newRow("prompt") << int(S::WaitingForPrompt) << p << int(E::PasswordWanted) << p
                                << 0LL;
        QTest::newRow("no prompt, started at once (cached/NOPASSWD)")
            << int(S::WaitingForPrompt) << st + "cmd err\n"
            << int(E::Started) << QByteArray("cmd err\n") << 4242LL;
        QTest::newRow("waiting after password")
            << int(S::PasswordSent) << p << int(E::None) << p << 0LL;
        QTest::newRow("started after password")
            << int(S::PasswordSent) << p + "\n" + st << int(E::Started) << QByteArray() << 4242LL;
        QTest::newRow("started right after prompt text")
            << int(S::PasswordSent) << p + st << int(E::Started) << QByteArray() << 4242LL;
        QTest::newRow("start line incomplete")
            << int(S::PasswordSent) << p + "\n[kinspect-start-1] 42" << int(E::None)
            << p + "\n[kinspect-start-1] 42" << 0LL;
        QTest::newRow("sorry") << int(S::PasswordSent) << p + "\nSorry, try again.\n"
                               << int(E::WrongPassword) << p + "\nSorry, try again.\n"
                               << 0LL;
        QTest::newRow("second prompt")
            << int(S::PasswordSent) << p + "\n" + p << int(E::WrongPassword) << p + "\n" + p << 0LL;
        QTest::newRow("marker not at a line start")
            << int(S::WaitingForStart) << QByteArray("x[kinspect-start-1] 7\n") << int(E::None)
            << QByteArray("x[kinspect-start-1] 7\n") << 0LL;
        QTest::newRow("other nonce")
            << int(S::WaitingForStart) << QByteArray("[kinspect-start-2] 7\n") << int(E::None)
            << QByteArray("[kinspect-start-2] 7\n") << 0LL;
        QTest::newRow("login noise before start")
            << int(S::WaitingForStart) << QByteArray("motd\n") + st + "x" << int(E::Started)
            << QByteArray("x") << 4242LL;
    }

    void scan()
    {
        QFETCH(int, stage);
        QFETCH(QByteArray, stderrIn);
        QFETCH(int, event);
        QFETCH(QByteArray, stderrOut);
        QFETCH(qint64, pid);
        const CommandWrapper w(NodeSpec::SudoMode::Password, true, QStringLiteral("1"));
        QByteArray data = stderrIn;
        qint64 seenPid = 0;
        QCOMPARE(int(w.scan(CommandWrapper::Stage(stage), &data, &seenPid)), event);
        QCOMPARE(data, stderrOut);
        QCOMPARE(seenPid, pid);
    }

    void sudoFailure_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("exitStatus");
        QTest::addColumn<QByteArray>("stderrData");
        QTest::addColumn<bool>("started");
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
            << np << 2 << QByteArray("ls: cannot access\n") << true << QString();
        QTest::newRow("success") << np << 0 << QByteArray() << true << QString();
        QTest::newRow("password mode, command failed after start")
            << pw << 1 << QByteArray("sudo: looks like sudo but is the command\n") << true
            << QString();
        QTest::newRow("password mode, sudo failed before start")
            << pw << 1 << QByteArray("sudo: 3 incorrect password attempts\n") << false
            << QStringLiteral("sudo failed for alice on cp-1 (exit status 1): sudo: 3 incorrect");
        QTest::newRow("none mode is never sudo")
            << int(NodeSpec::SudoMode::None) << 1 << QByteArray("sudo: a password is required\n")
            << false << QString();
    }

    void sudoFailure()
    {
        QFETCH(int, mode);
        QFETCH(int, exitStatus);
        QFETCH(QByteArray, stderrData);
        QFETCH(bool, started);
        QFETCH(QString, expectPart);
        const QString msg =
            CommandWrapper::sudoFailure(exitStatus, stderrData, started, NodeSpec::SudoMode(mode),
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
