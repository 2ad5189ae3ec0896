// SshCommandRunner against real OpenSSH servers on loopback (see SshLab.h).

#include "SshLab.h"

#include "ssh/SshCommandRunner.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <QDir>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <atomic>
#include <thread>
#include <unistd.h>

using namespace kinspect;

namespace {

const QString NoPasswdUser = QStringLiteral("kinspect-np");
const QString PasswordUser = QStringLiteral("kinspect-pw");
const QByteArray UserPassword = QByteArrayLiteral("s3cret pass'word \"$x\"");

QStringList hostileValues()
{
    return {QStringLiteral("it's"),
            QStringLiteral("\"double\" 'single'"),
            QStringLiteral("$(touch /tmp/kinspect-ssh-pwned)"),
            QStringLiteral("`touch /tmp/kinspect-ssh-pwned`"),
            QStringLiteral("; touch /tmp/kinspect-ssh-pwned;"),
            QStringLiteral("a\nb\n"),
            QStringLiteral("$HOME ${PATH} $1 $@ \\"),
            QStringLiteral("|&<>*?[]{}()!#~"),
            QStringLiteral("-n"),
            QString(),
            QString::fromUtf8("ünïcødé ✓ 节点 \xF0\x9F\x94\x91"),
            QStringLiteral("%s %n")};
}

QList<QByteArray> nulSplit(const QByteArray &data)
{
    QList<QByteArray> parts = data.split('\0');
    if (!parts.isEmpty() && parts.last().isEmpty())
        parts.removeLast();
    return parts;
}

} // namespace

// TCP_NODELAY of this process's TCP socket bound to local `port` (-1: no such socket).
static int tcpNoDelayOfLocalPort(quint16 port)
{
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QString &name : fds.entryList(QDir::System | QDir::Files | QDir::NoDotAndDotDot)) {
        const int fd = name.toInt();
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        if (getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
            continue;
        quint16 local = 0;
        if (addr.ss_family == AF_INET)
            local = ntohs(reinterpret_cast<sockaddr_in *>(&addr)->sin_port);
        else if (addr.ss_family == AF_INET6)
            local = ntohs(reinterpret_cast<sockaddr_in6 *>(&addr)->sin6_port);
        if (local != port)
            continue;
        int on = -1;
        socklen_t olen = sizeof on;
        if (getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, &olen) == 0)
            return on;
    }
    return -1;
}

class TestSshIntegration : public QObject
{
    Q_OBJECT

private:
    SshLab m_lab;
    SshdInstance m_sshd;
    QString m_knownHosts; // holds m_sshd's key

    QString writeFile(const QString &name, const QString &text)
    {
        const QString p = m_lab.path(name);
        QFile f(p);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text.toUtf8());
        return p;
    }
    QByteArray readFile(const QString &p)
    {
        QFile f(p);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

    NodeSpec node(const QString &user = QStringLiteral("root"), QString key = QString()) const
    {
        NodeSpec n;
        n.name = QStringLiteral("lab-node");
        n.host = m_sshd.address;
        n.port = m_sshd.port;
        n.user = user;
        n.identityFile = key.isEmpty() ? m_lab.key : key;
        return n;
    }
    SshOptions options(const QString &knownHosts = QString()) const
    {
        SshOptions o;
        o.knownHostsFile = knownHosts.isEmpty() ? m_knownHosts : knownHosts;
        o.globalKnownHostsFile = m_lab.path(QStringLiteral("no_global_known_hosts"));
        o.sshConfigFile = QStringLiteral("none");
        o.connectTimeoutSec = 5;
        o.commandTimeoutSec = 30;
        o.useAgent = false;
        return o;
    }
    static RemoteCommand cmd(const QStringList &argv, const QByteArray &in = {})
    {
        RemoteCommand c;
        c.argv = argv;
        c.stdinData = in;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root (runs sshd, creates test users)");
        if (!QFile::exists(QStringLiteral("/usr/sbin/sshd")))
            QSKIP("no /usr/sbin/sshd");
        qunsetenv("SSH_AUTH_SOCK"); // only agentAuth uses an agent, its own
        QString why;
        QVERIFY2(m_lab.setUp(&why), qPrintable(why));
        QVERIFY2(m_sshd.start(m_lab.dir(), QStringLiteral("main"), QStringLiteral("127.0.0.1"),
                              QString(), &why),
                 qPrintable(why));
        m_knownHosts = writeFile(QStringLiteral("known_hosts"), m_sshd.knownHostsLine() + '\n');
        QVERIFY2(m_lab.addUser(NoPasswdUser, UserPassword, true, &why), qPrintable(why));
        QVERIFY2(m_lab.addUser(PasswordUser, UserPassword, false, &why), qPrintable(why));
    }

    void cleanupTestCase()
    {
        m_sshd.stop();
        m_lab.removeUsers();
        QFile::remove(QStringLiteral("/tmp/kinspect-ssh-pwned"));
    }

    void keyAuthHostileArgvAndSessionReuse()
    {
        QFile::remove(QStringLiteral("/tmp/kinspect-ssh-pwned"));
        SshCommandRunner r(node(), Inventory{}, options());
        RemoteError err;
        QVERIFY2(r.connect(nullptr, &err), qPrintable(err.message));
        QVERIFY(r.isConnected());

        const QStringList values = hostileValues();
        RemoteResult res;
        QVERIFY2(r.run(cmd(QStringList{QStringLiteral("printf"), QStringLiteral("%s\\0")} + values),
                       &res, nullptr, &err),
                 qPrintable(err.message));
        QCOMPARE(res.exitStatus, 0);
        const QList<QByteArray> seen = nulSplit(res.stdoutData);
        QCOMPARE(seen.size(), values.size());
        for (int i = 0; i < values.size(); ++i)
            QCOMPARE(seen.at(i), values.at(i).toUtf8());
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/kinspect-ssh-pwned")));

        // The same SSH connection serves later runs (same client port in SSH_CONNECTION).
        RemoteResult a, b;
        const RemoteCommand conn = cmd({QStringLiteral("sh"), QStringLiteral("-c"),
                                        QStringLiteral("echo \"$SSH_CONNECTION\"")});
        QVERIFY(r.run(conn, &a, nullptr, &err));
        QVERIFY(r.sendKeepalive());
        QVERIFY(r.run(conn, &b, nullptr, &err));
        QVERIFY(!a.stdoutData.trimmed().isEmpty());
        QCOMPARE(a.stdoutData, b.stdoutData);
        // The connection runs with TCP_NODELAY: without it each small exchange (sudo prompt,
        // password, start line) waits for a delayed ACK, 40 ms each on Linux.
        const quint16 clientPort = quint16(a.stdoutData.split(' ').value(1).toUInt());
        QVERIFY(clientPort > 0);
        QCOMPARE(tcpNoDelayOfLocalPort(clientPort), 1);

        r.disconnect();
        QVERIFY(!r.isConnected());
        QVERIFY(!r.sendKeepalive());
        // run() reconnects by itself.
        RemoteResult c;
        QVERIFY2(r.run(conn, &c, nullptr, &err), qPrintable(err.message));
        QVERIFY(c.stdoutData != a.stdoutData);
    }

    void stdinStderrAndExitStatus()
    {
        SshCommandRunner r(node(), Inventory{}, options());
        RemoteError err;
        RemoteResult res;
        QByteArray script = "echo \"arg=$1\"; echo oops >&2; cat; exit 3\n";
        QVERIFY2(r.run(cmd({QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("read -r line; eval \"$line\""), QStringLiteral("sh"),
                            QStringLiteral("x y")},
                           script + "rest of stdin\n"),
                       &res, nullptr, &err),
                 qPrintable(err.message));
        QCOMPARE(res.exitStatus, 3);
        QCOMPARE(res.stdoutData, QByteArray("arg=x y\nrest of stdin\n"));
        QCOMPARE(res.stderrData, QByteArray("oops\n"));

        // A larger stdin (the collector script is tens of KiB) arrives complete.
        QByteArray big;
        for (int i = 0; i < 20000; ++i)
            big += "line " + QByteArray::number(i) + '\n';
        QVERIFY(r.run(cmd({QStringLiteral("sha256sum")}, big), &res, nullptr, &err));
        const LocalRun local = runLocal(QStringLiteral("sha256sum"), {}, big);
        QCOMPARE(res.stdoutData, local.out);

        // A command echoing a large input while it is still being written (window-paced
        // writes interleaved with reads: no deadlock).
        QByteArray echo(6 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < echo.size(); ++i)
            echo[i] = char('a' + (i * 7) % 26);
        QElapsedTimer t;
        t.start();
        QVERIFY2(r.run(cmd({QStringLiteral("cat")}, echo), &res, nullptr, &err),
                 qPrintable(err.message));
        QCOMPARE(res.stdoutData.size(), echo.size());
        QVERIFY(res.stdoutData == echo);
        qInfo("6 MiB echoed through `cat` in %lld ms", t.elapsed());
    }

    void passphraseProtectedKey()
    {
        int asked = 0;
        QString lastPrompt;
        SshOptions o = options();
        o.secretPrompt = [&](const QString &prompt, QByteArray *secret) {
            ++asked;
            lastPrompt = prompt;
            *secret = SshLab::passphrase();
            return true;
        };
        SshCommandRunner r(node(QStringLiteral("root"), m_lab.ppKey), Inventory{}, o);
        RemoteError err;
        QVERIFY2(r.connect(nullptr, &err), qPrintable(err.message));
        QCOMPARE(asked, 1);
        QVERIFY(lastPrompt.contains(m_lab.ppKey));

        // A wrong passphrase is asked three times, then authentication fails (root has no
        // usable password, so nothing else can succeed).
        asked = 0;
        SshOptions bad = options();
        bad.secretPrompt = [&](const QString &prompt, QByteArray *secret) {
            if (prompt.startsWith(QLatin1String("Password")))
                return false;
            ++asked;
            *secret = QByteArrayLiteral("Zq9-not-it");
            return true;
        };
        SshCommandRunner r2(node(QStringLiteral("root"), m_lab.ppKey), Inventory{}, bad);
        QVERIFY(!r2.connect(nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::Auth);
        QCOMPARE(asked, 3);
        QVERIFY(!err.message.contains(QLatin1String("Zq9-not-it")));
    }

    void passwordAuth()
    {
        QStringList prompts;
        SshOptions o = options();
        o.secretPrompt = [&](const QString &prompt, QByteArray *secret) {
            prompts << prompt;
            *secret = UserPassword;
            return true;
        };
        // The identity file is not authorized, so only the password can log in.
        SshCommandRunner r(node(PasswordUser, m_lab.unauthKey), Inventory{}, o);
        RemoteError err;
        QVERIFY2(r.connect(nullptr, &err), qPrintable(err.message));
        QCOMPARE(prompts.size(), 1);
        QVERIFY2(prompts.first().startsWith(
                     QStringLiteral("Password for %1@lab-node").arg(PasswordUser)),
                 qPrintable(prompts.first()));
        RemoteResult res;
        QVERIFY(r.run(cmd({QStringLiteral("id"), QStringLiteral("-un")}), &res, nullptr, &err));
        QCOMPARE(res.stdoutData.trimmed(), PasswordUser.toUtf8());

        SshOptions wrong = options();
        wrong.secretPrompt = [&](const QString &, QByteArray *secret) {
            *secret = QByteArrayLiteral("not-the-password");
            return true;
        };
        SshCommandRunner r2(node(PasswordUser, m_lab.unauthKey), Inventory{}, wrong);
        QVERIFY(!r2.connect(nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::Auth);
        QVERIFY2(err.message.contains(QLatin1String("password")), qPrintable(err.message));
        QVERIFY(!err.message.contains(QLatin1String("not-the-password")));
    }

    void agentAuth()
    {
        const QString sock = m_lab.path(QStringLiteral("agent.sock"));
        QProcess agent;
        agent.start(QStringLiteral("ssh-agent"),
                    {QStringLiteral("-D"), QStringLiteral("-a"), sock});
        QVERIFY(agent.waitForStarted(5000));
        QElapsedTimer t;
        t.start();
        while (!QFile::exists(sock) && t.elapsed() < 5000)
            QThread::msleep(50);
        qputenv("SSH_AUTH_SOCK", sock.toUtf8());
        const LocalRun add = runLocal(QStringLiteral("ssh-add"), {m_lab.agentKey});
        QCOMPARE(add.exitCode, 0);

        SshOptions o = options();
        o.useAgent = true;
        int asked = 0;
        o.secretPrompt = [&](const QString &, QByteArray *) {
            ++asked;
            return false;
        };
        // Only the agent's key is authorized among what the runner can offer.
        SshCommandRunner r(node(QStringLiteral("root"), m_lab.unauthKey), Inventory{}, o);
        RemoteError err;
        const bool ok = r.connect(nullptr, &err);

        SshOptions noAgent = options();
        SshCommandRunner r2(node(QStringLiteral("root"), m_lab.unauthKey), Inventory{}, noAgent);
        RemoteError err2;
        const bool ok2 = r2.connect(nullptr, &err2);

        qunsetenv("SSH_AUTH_SOCK");
        agent.terminate();
        agent.waitForFinished(3000);
        QVERIFY2(ok, qPrintable(err.message));
        QCOMPARE(asked, 0);
        QVERIFY(!ok2);
        QCOMPARE(err2.kind, ErrorKind::Auth);
    }

    void hostKeyKnown()
    {
        SshOptions o = options();
        o.sshConfigFile.clear(); // the default path: ~/.ssh/config and /etc/ssh/ssh_config
        o.hostKeyPrompt = [](const HostKeyInfo &) {
            qFatal("prompt must not be called for a known key");
            return HostKeyDecision::Refuse;
        };
        SshCommandRunner r(node(), Inventory{}, o);
        RemoteError err;
        QVERIFY2(r.connect(nullptr, &err), qPrintable(err.message));
    }

    void hostKeyUnknown_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("decision"); // -1: no prompt callback
        QTest::addColumn<bool>("connects");
        QTest::addColumn<bool>("saved");
        const int strict = int(SshOptions::HostKeyPolicy::Strict);
        const int acceptNew = int(SshOptions::HostKeyPolicy::AcceptNew);
        QTest::newRow("strict, no prompt") << strict << -1 << false << false;
        QTest::newRow("strict, prompt refuses")
            << strict << int(HostKeyDecision::Refuse) << false << false;
        QTest::newRow("strict, accept once")
            << strict << int(HostKeyDecision::AcceptOnce) << true << false;
        QTest::newRow("strict, accept and save")
            << strict << int(HostKeyDecision::AcceptAndSave) << true << true;
        QTest::newRow("accept-new") << acceptNew << -1 << true << true;
    }

    void hostKeyUnknown()
    {
        QFETCH(int, policy);
        QFETCH(int, decision);
        QFETCH(bool, connects);
        QFETCH(bool, saved);
        const QString kh = writeFile(QStringLiteral("kh_unknown"), QStringLiteral("# empty\n"));
        SshOptions o = options(kh);
        o.hostKeyPolicy = SshOptions::HostKeyPolicy(policy);
        int asked = 0;
        HostKeyInfo seen;
        if (decision >= 0) {
            o.hostKeyPrompt = [&](const HostKeyInfo &info) {
                ++asked;
                seen = info;
                return HostKeyDecision(decision);
            };
        }
        SshCommandRunner r(node(), Inventory{}, o);
        RemoteError err;
        QCOMPARE(r.connect(nullptr, &err), connects);
        if (!connects) {
            QCOMPARE(err.kind, ErrorKind::HostKey);
            // The message carries the fingerprint exactly as ssh-keygen prints it.
            QVERIFY2(err.message.contains(m_sshd.fingerprint), qPrintable(err.message));
            QVERIFY(m_sshd.fingerprint.startsWith(QLatin1String("SHA256:")));
        }
        if (decision >= 0 && policy == int(SshOptions::HostKeyPolicy::Strict)) {
            QCOMPARE(asked, 1);
            QCOMPARE(seen.fingerprint, m_sshd.fingerprint);
            QCOMPARE(seen.keyType, QStringLiteral("ssh-ed25519"));
            QCOMPARE(seen.knownHostsName, QStringLiteral("[127.0.0.1]:%1").arg(m_sshd.port));
            QCOMPARE(seen.port, m_sshd.port);
        }
        const QByteArray after = readFile(kh);
        QCOMPARE(after.contains(m_sshd.hostKeyPub.section(QLatin1Char(' '), 1, 1).toLatin1()),
                 saved);
        if (saved) {
            // What was saved is accepted under Strict afterwards.
            SshCommandRunner again(node(), Inventory{}, options(kh));
            QVERIFY2(again.connect(nullptr, &err), qPrintable(err.message));
        }
    }

    void hostKeyChanged_data()
    {
        QTest::addColumn<int>("policy");
        QTest::addColumn<bool>("otherType");
        QTest::newRow("strict") << int(SshOptions::HostKeyPolicy::Strict) << false;
        QTest::newRow("accept-new") << int(SshOptions::HostKeyPolicy::AcceptNew) << false;
        QTest::newRow("strict, other type") << int(SshOptions::HostKeyPolicy::Strict) << true;
        QTest::newRow("accept-new, other type")
            << int(SshOptions::HostKeyPolicy::AcceptNew) << true;
    }

    void hostKeyChanged()
    {
        QFETCH(int, policy);
        QFETCH(bool, otherType);
        // A different key recorded for the same [host]:port on line 3.
        QString why;
        QString oldKey;
        if (otherType) {
            oldKey = m_lab.path(QStringLiteral("old_rsa"));
            QFile::remove(oldKey);
            QFile::remove(oldKey + QStringLiteral(".pub"));
            QCOMPARE(runLocal(QStringLiteral("ssh-keygen"),
                              {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("rsa"),
                               QStringLiteral("-b"), QStringLiteral("2048"), QStringLiteral("-N"),
                               QString(), QStringLiteral("-f"), oldKey})
                         .exitCode,
                     0);
        } else {
            oldKey = m_lab.newKey(QStringLiteral("old_hostkey"), {}, &why);
        }
        const QString oldPub = QString::fromLatin1(readFile(oldKey + QStringLiteral(".pub")))
                                   .section(QLatin1Char(' '), 0, 1);
        const QString kh =
            writeFile(QStringLiteral("kh_changed"),
                      QStringLiteral("# line 1\nother.example %1\n[127.0.0.1]:%2 %1\n")
                          .arg(oldPub)
                          .arg(m_sshd.port));
        const QByteArray before = readFile(kh);
        SshOptions o = options(kh);
        o.hostKeyPolicy = SshOptions::HostKeyPolicy(policy);
        int asked = 0;
        o.hostKeyPrompt = [&](const HostKeyInfo &) {
            ++asked;
            return HostKeyDecision::AcceptAndSave;
        };
        SshCommandRunner r(node(), Inventory{}, o);
        RemoteError err;
        QVERIFY(!r.connect(nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::HostKey);
        QCOMPARE(asked, 0); // a changed key is never offered for acceptance
        QVERIFY2(err.message.contains(QLatin1String("CHANGED")), qPrintable(err.message));
        QVERIFY2(err.message.contains(QLatin1String("man-in-the-middle")), qPrintable(err.message));
        QVERIFY2(err.message.contains(kh + QStringLiteral(" line 3")), qPrintable(err.message));
        QVERIFY2(err.message.contains(m_sshd.fingerprint), qPrintable(err.message));
        QVERIFY2(err.message.contains(QLatin1String("lab-node")), qPrintable(err.message));
        QCOMPARE(readFile(kh), before);
    }

    void silentServerTimesOut()
    {
        QTcpServer silent; // accepts TCP (kernel backlog) and never says a word
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        NodeSpec n = node();
        n.port = silent.serverPort();
        SshOptions o = options();
        o.connectTimeoutSec = 2;
        SshCommandRunner r(n, Inventory{}, o);
        RemoteError err;
        QElapsedTimer t;
        t.start();
        QVERIFY(!r.connect(nullptr, &err));
        const qint64 ms = t.elapsed();
        QCOMPARE(err.kind, ErrorKind::Timeout);
        QVERIFY2(ms >= 1500 && ms < 4000, qPrintable(QString::number(ms)));
        qInfo("silent server: Timeout after %lld ms (limit 2 s)", ms);
    }

    void cancelWhileConnecting()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        NodeSpec n = node();
        n.port = silent.serverPort();
        SshOptions o = options();
        o.connectTimeoutSec = 30;
        SshCommandRunner r(n, Inventory{}, o);
        std::atomic_bool cancel{false};
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
            cancel = true;
        });
        RemoteError err;
        QElapsedTimer t;
        t.start();
        const bool ok = r.connect(&cancel, &err);
        canceller.join();
        QVERIFY(!ok);
        QCOMPARE(err.kind, ErrorKind::Cancelled);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
    }

    void closedPortIsUnreachable()
    {
        int port = 0;
        {
            QTcpServer s;
            QVERIFY(s.listen(QHostAddress::LocalHost, 0));
            port = s.serverPort();
        }
        NodeSpec n = node();
        n.port = port;
        SshCommandRunner r(n, Inventory{}, options());
        RemoteError err;
        QVERIFY(!r.connect(nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::Unreachable);
    }

    void outputCap()
    {
        SshCommandRunner r(node(), Inventory{}, options());
        RemoteCommand c = cmd({QStringLiteral("head"), QStringLiteral("-c"),
                               QStringLiteral("1000000"), QStringLiteral("/dev/zero")});
        c.maxOutputBytes = 50000;
        RemoteResult res;
        RemoteError err;
        QVERIFY(!r.run(c, &res, nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::Collect);
        QVERIFY2(err.message.contains(QLatin1String("output exceeds 50000 bytes")),
                 qPrintable(err.message));
        QVERIFY(res.stdoutData.size() <= 50000);
        // Exactly at the cap is fine.
        c.argv[2] = QStringLiteral("50000");
        QVERIFY2(r.run(c, &res, nullptr, &err), qPrintable(err.message));
        QCOMPARE(res.stdoutData.size(), 50000);
    }

    void commandTimeout()
    {
        SshOptions o = options();
        o.commandTimeoutSec = 2;
        SshCommandRunner r(node(), Inventory{}, o);
        RemoteResult res;
        RemoteError err;
        QElapsedTimer t;
        t.start();
        QVERIFY(
            !r.run(cmd({QStringLiteral("sleep"), QStringLiteral("29.123")}), &res, nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::Timeout);
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    }

    void cancelRunningCommand_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<int>("sudo");
        QTest::newRow("plain") << QStringLiteral("root") << int(NodeSpec::SudoMode::None);
        QTest::newRow("under sudo") << NoPasswdUser << int(NodeSpec::SudoMode::NoPasswd);
    }

    void cancelRunningCommand()
    {
        QFETCH(QString, user);
        QFETCH(int, sudo);
        NodeSpec n = node(user);
        n.sudo = NodeSpec::SudoMode(sudo);
        SshCommandRunner r(n, Inventory{}, options());
        RemoteError err;
        QVERIFY2(r.connect(nullptr, &err), qPrintable(err.message));
        const QString marker =
            QStringLiteral("31.%1").arg(QCoreApplication::applicationPid() % 1000 + sudo);
        std::atomic_bool cancel{false};
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(1000));
            cancel = true;
        });
        RemoteCommand c = cmd({QStringLiteral("sleep"), marker});
        c.privileged = true;
        RemoteResult res;
        QElapsedTimer t;
        t.start();
        const bool ok = r.run(c, &res, &cancel, &err);
        const qint64 ms = t.elapsed();
        canceller.join();
        QVERIFY(!ok);
        QCOMPARE(err.kind, ErrorKind::Cancelled);
        QVERIFY2(ms < 2500, qPrintable(QString::number(ms)));
        // The remote process is gone (sshd runs on this machine, so look locally).
        bool gone = false;
        for (int i = 0; i < 40 && !gone; ++i) {
            gone = runLocal(QStringLiteral("pgrep"),
                            {QStringLiteral("-f"), QStringLiteral("sleep ") + marker})
                       .exitCode == 1;
            if (!gone)
                QThread::msleep(100);
        }
        QVERIFY2(gone, "the remote sleep survived the cancel");
        // And the session still works afterwards.
        QVERIFY2(r.run(cmd({QStringLiteral("true")}), &res, nullptr, &err),
                 qPrintable(err.message));
    }

    void sudoNoPasswd()
    {
        NodeSpec n = node(NoPasswdUser);
        n.sudo = NodeSpec::SudoMode::NoPasswd;
        SshCommandRunner r(n, Inventory{}, options());
        RemoteError err;
        RemoteResult res;
        RemoteCommand c = cmd({QStringLiteral("sh"), QStringLiteral("-c"),
                               QStringLiteral("id -u; cat"), QStringLiteral("it's")},
                              "from stdin\n");
        c.privileged = true;
        QVERIFY2(r.run(c, &res, nullptr, &err), qPrintable(err.message));
        QCOMPARE(res.stdoutData, QByteArray("0\nfrom stdin\n"));
        c.privileged = false;
        QVERIFY(r.run(c, &res, nullptr, &err));
        QVERIFY(res.stdoutData != QByteArray("0\nfrom stdin\n"));
        // A command failing under sudo is a command failure, not a sudo error.
        RemoteCommand f = cmd({QStringLiteral("ls"), QStringLiteral("/nonexistent-kinspect")});
        f.privileged = true;
        QVERIFY2(r.run(f, &res, nullptr, &err), qPrintable(err.message));
        QVERIFY(res.exitStatus != 0);
    }

    void sudoNoPasswdRefused()
    {
        // The password user's sudoers rule needs a password, so `sudo -n` refuses.
        NodeSpec n = node(PasswordUser);
        n.sudo = NodeSpec::SudoMode::NoPasswd;
        SshCommandRunner r(n, Inventory{}, options());
        RemoteCommand c = cmd({QStringLiteral("id"), QStringLiteral("-u")});
        c.privileged = true;
        RemoteResult res;
        RemoteError err;
        QVERIFY(!r.run(c, &res, nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::Sudo);
        QVERIFY2(
            err.message.contains(
                QStringLiteral("sudo requires a password for %1 on lab-node").arg(PasswordUser)),
            qPrintable(err.message));
    }

    void sudoPassword()
    {
        NodeSpec n = node(PasswordUser);
        n.sudo = NodeSpec::SudoMode::Password;
        QStringList prompts;
        SshOptions o = options();
        o.secretPrompt = [&](const QString &prompt, QByteArray *secret) {
            prompts << prompt;
            *secret = UserPassword;
            return true;
        };
        SshCommandRunner r(n, Inventory{}, o);
        RemoteCommand c = cmd({QStringLiteral("sh"), QStringLiteral("-c"),
                               QStringLiteral("id -u; cat; echo err-line >&2")},
                              "script data\nmore\n");
        c.privileged = true;
        RemoteResult res;
        RemoteError err;
        QVERIFY2(r.run(c, &res, nullptr, &err), qPrintable(err.message));
        QCOMPARE(res.exitStatus, 0);
        QCOMPARE(res.stdoutData, QByteArray("0\nscript data\nmore\n"));
        QCOMPARE(res.stderrData, QByteArray("err-line\n")); // prompt and markers removed
        QCOMPARE(prompts,
                 QStringList{QStringLiteral("sudo password for %1 on lab-node").arg(PasswordUser)});
        QVERIFY(!res.stdoutData.contains(UserPassword));

        // Hostile argv survives the extra sudo/sh layer byte for byte.
        const QStringList values = hostileValues();
        RemoteCommand h =
            cmd(QStringList{QStringLiteral("printf"), QStringLiteral("%s\\0")} + values);
        h.privileged = true;
        QVERIFY2(r.run(h, &res, nullptr, &err), qPrintable(err.message));
        const QList<QByteArray> seen = nulSplit(res.stdoutData);
        QCOMPARE(seen.size(), values.size());
        for (int i = 0; i < values.size(); ++i)
            QCOMPARE(seen.at(i), values.at(i).toUtf8());
    }

    void sudoWrongPassword()
    {
        NodeSpec n = node(PasswordUser);
        n.sudo = NodeSpec::SudoMode::Password;
        SshOptions o = options();
        o.secretPrompt = [&](const QString &, QByteArray *secret) {
            *secret = QByteArrayLiteral("definitely-wrong");
            return true;
        };
        SshCommandRunner r(n, Inventory{}, o);
        RemoteCommand c = cmd({QStringLiteral("cat")}, "must not reach sudo's password prompt\n");
        c.privileged = true;
        RemoteResult res;
        RemoteError err;
        QElapsedTimer t;
        t.start();
        QVERIFY(!r.run(c, &res, nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::Sudo);
        QVERIFY2(err.message.contains(QLatin1String("wrong sudo password")),
                 qPrintable(err.message));
        QVERIFY(!err.message.contains(QLatin1String("definitely-wrong")));
        qInfo("wrong sudo password detected after %lld ms", t.elapsed());

        // Declining to give a password is a Sudo error too, not a hang.
        SshOptions none = options();
        none.secretPrompt = [](const QString &, QByteArray *) { return false; };
        SshCommandRunner r2(n, Inventory{}, none);
        QVERIFY(!r2.run(c, &res, nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::Sudo);
    }

    void sshConfigFile()
    {
        // Host alias resolved through an ssh_config file: HostName, User, IdentityFile.
        const QString cfg = writeFile(
            QStringLiteral("ssh_config"),
            QStringLiteral("Host lab-alias\n  HostName 127.0.0.1\n  User %1\n  IdentityFile %2\n")
                .arg(NoPasswdUser, m_lab.key));
        NodeSpec n;
        n.name = QStringLiteral("aliased");
        n.host = QStringLiteral("lab-alias");
        n.port = m_sshd.port;
        SshOptions o = options();
        o.sshConfigFile = cfg;
        SshCommandRunner r(n, Inventory{}, o);
        RemoteError err;
        RemoteResult res;
        QVERIFY2(r.run(cmd({QStringLiteral("id"), QStringLiteral("-un")}), &res, nullptr, &err),
                 qPrintable(err.message));
        QCOMPARE(res.stdoutData.trimmed(), NoPasswdUser.toUtf8());
    }

    void jumpHost()
    {
        // Target sshd only on 127.0.0.2, reached through a bastion sshd on 127.0.0.1 whose
        // debug log shows the direct-tcpip request.
        SshdInstance target;
        SshdInstance bastion;
        QString why;
        QVERIFY2(bastion.start(m_lab.dir(), QStringLiteral("bastion"), QStringLiteral("127.0.0.1"),
                               QString(), &why, QStringLiteral("DEBUG1")),
                 qPrintable(why));
        QVERIFY2(target.start(m_lab.dir(), QStringLiteral("target"), QStringLiteral("127.0.0.2"),
                              QString(), &why),
                 qPrintable(why));
        const QString kh =
            writeFile(QStringLiteral("kh_jump"), bastion.knownHostsLine() + QLatin1Char('\n') +
                                                     target.knownHostsLine() + QLatin1Char('\n'));
        Inventory inv;
        inv.jumpHosts << JumpHost{QStringLiteral("bastion"), bastion.address, bastion.port,
                                  QStringLiteral("root"), m_lab.key};
        NodeSpec n;
        n.name = QStringLiteral("behind-bastion");
        n.host = target.address;
        n.port = target.port;
        n.user = QStringLiteral("root");
        n.identityFile = m_lab.key;
        n.jump = QStringLiteral("bastion");
        inv.nodes << n;

        SshCommandRunner r(n, inv, options(kh));
        RemoteError err;
        RemoteResult res;
        const QStringList values = hostileValues();
        QVERIFY2(r.run(cmd(QStringList{QStringLiteral("printf"), QStringLiteral("%s\\0")} + values),
                       &res, nullptr, &err),
                 qPrintable(err.message));
        QCOMPARE(nulSplit(res.stdoutData).size(), values.size());
        // Big output through the tunnel.
        RemoteCommand big = cmd({QStringLiteral("head"), QStringLiteral("-c"),
                                 QStringLiteral("3000000"), QStringLiteral("/dev/urandom")});
        QVERIFY2(r.run(big, &res, nullptr, &err), qPrintable(err.message));
        QCOMPARE(res.stdoutData.size(), 3000000);
        // The bastion forwarded it (direct-tcpip to the target's port).
        QTRY_VERIFY2(bastion.log().contains(
                         QStringLiteral("target 127.0.0.2 port %1").arg(target.port).toUtf8()),
                     "no direct-tcpip request in the bastion's log");
        r.disconnect();

        // The target's key is checked like any node's: unknown under Strict is refused.
        const QString khBastionOnly =
            writeFile(QStringLiteral("kh_jump2"), bastion.knownHostsLine() + QLatin1Char('\n'));
        SshCommandRunner r2(n, inv, options(khBastionOnly));
        QVERIFY(!r2.connect(nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::HostKey);
        QVERIFY2(err.message.contains(QLatin1String("behind-bastion")), qPrintable(err.message));
        QVERIFY2(err.message.contains(target.fingerprint), qPrintable(err.message));

        // ... and so is the bastion's.
        const QString khTargetOnly =
            writeFile(QStringLiteral("kh_jump3"), target.knownHostsLine() + QLatin1Char('\n'));
        SshCommandRunner r3(n, inv, options(khTargetOnly));
        QVERIFY(!r3.connect(nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::HostKey);
        QVERIFY2(err.message.contains(QLatin1String("bastion")), qPrintable(err.message));

        // A bastion that cannot reach the target: Unreachable, naming the jump host.
        target.stop();
        SshCommandRunner r4(n, inv, options(kh));
        QVERIFY(!r4.connect(nullptr, &err));
        QCOMPARE(err.kind, ErrorKind::Unreachable);
        QVERIFY2(err.message.contains(QLatin1String("bastion")), qPrintable(err.message));
    }
};

QTEST_GUILESS_MAIN(TestSshIntegration)
#include "tst_sshintegration.moc"
