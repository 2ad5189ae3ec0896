// Secrets are wiped before their memory is freed (issue #8). This test replaces the C library's
// free() and realloc() in its own process: every block given back to the allocator while a test
// watches is searched for the secret. A copy left behind anywhere (a QFile read buffer, a
// QByteArray that grew by reallocation, a shallow copy dropped unwiped) is a finding. Also: the CLI
// runs with core dumps disabled.

#include "SecretSource.h" // app/cli is on this test's include path
#include "ssh/CommandWrapper.h"
#include "ssh/SecretsFile.h"
#include "util/SecureMemory.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cstring>

#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include "FreeWatch.h" // replaces free()/realloc() of this test process

using namespace kinspect;

class TestSecretWipe : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        if (kSanitized)
            QSKIP("the sanitizer owns malloc/free");
        QVERIFY(m_dir.isValid());
    }

    // The detector works: an unwiped secret in a freed QByteArray is seen, a wiped one is not.
    void detectorSeesUnwipedSecrets()
    {
        {
            Watch w("detector-secret-1");
            {
                QByteArray a;
                a.append("detector-");
                a.append("secret-1");
            }
            QVERIFY(w.hits() > 0);
        }
        {
            Watch w("detector-secret-2");
            {
                QByteArray a;
                a.reserve(64);
                a.append("detector-");
                a.append("secret-2");
                secureZero(a);
            }
            QCOMPARE(w.hits(), 0);
        }
    }

    // Bytes chopped off the end are still in the allocation: they are wiped too.
    void secureZeroWipesChoppedBytes()
    {
        Watch w("secret-value");
        {
            QByteArray a;
            a.reserve(64);
            a.append("chopped-");
            a.append("secret-value");
            a.chop(12);
            QCOMPARE(a, QByteArray("chopped-"));
            secureZero(a);
        }
        QCOMPARE(w.hits(), 0);
    }

    // The secrets file: read, looked up twice (two nodes), used and wiped by the caller, and
    // destroyed: nothing of it is left in freed memory.
    void secretsFileLeavesNoCopy()
    {
        const QString path = m_dir.filePath(QStringLiteral("secrets"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# lab\nsudo-password@cp-1=sudo-secret-4711 \npassphrase = pass-secret-0815\n"
                    "password=login-secret-1234\n");
        }
        for (const char *secret : {"sudo-secret-4711", "pass-secret-0815", "login-secret-1234"}) {
            Watch w(secret);
            {
                SecretsFile sf;
                QString error;
                QVERIFY2(sf.load(path, &error), qPrintable(error));
                for (const QString &node : {QStringLiteral("cp-1"), QStringLiteral("cp-1")}) {
                    QByteArray s;
                    for (SecretKind k :
                         {SecretKind::SudoPassword, SecretKind::Passphrase, SecretKind::Password})
                        if (sf.lookup(k, node, &s) && s.contains(secret))
                            break;
                    QVERIFY2(s.contains(secret), secret);
                    secureZero(s);
                }
            }
            QVERIFY2(w.hits() == 0,
                     qPrintable(
                         QStringLiteral("%1 freed unwiped %2 time(s)").arg(secret).arg(w.hits())));
        }
        // The value keeps its blanks: "sudo-secret-4711 " (trailing space) is the secret.
        SecretsFile sf;
        QString error;
        QVERIFY(sf.load(path, &error));
        QByteArray s;
        QVERIFY(sf.lookup(SecretKind::SudoPassword, QStringLiteral("cp-1"), &s));
        QCOMPARE(s, QByteArray("sudo-secret-4711 "));
        QVERIFY(sf.lookup(SecretKind::Passphrase, QStringLiteral("x"), &s));
        QCOMPARE(s, QByteArray(" pass-secret-0815"));
    }

    // The CLI's source of secrets (what the SSH transport's prompt callback calls).
    void cliSecretSourceLeavesNoCopy()
    {
        const QString path = m_dir.filePath(QStringLiteral("cli-secrets"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("sudo-password=cli-sudo-secret-99\n");
        }
        Watch w("cli-sudo-secret-99");
        {
            cli::SecretSource source(path);
            QString error;
            QVERIFY(source.load(&error));
            for (int i = 0; i < 3; ++i) {
                QByteArray s;
                QVERIFY(source.answer(QStringLiteral("n%1").arg(i),
                                      QStringLiteral("sudo password for kadmin on n"), &s));
                QVERIFY(s == "cli-sudo-secret-99"); // no temporary copy of it
                // What the SSH runner sends to sudo, then wipes.
                QByteArray line = CommandWrapper::passwordLine(s);
                QVERIFY(line == "cli-sudo-secret-99\n");
                secureZero(line);
                secureZero(s);
            }
        }
        QCOMPARE(w.hits(), 0);
    }

    // A secret typed on the terminal (read from a pipe here), byte by byte.
    void terminalLineLeavesNoCopy()
    {
        int fds[2];
        QVERIFY(pipe(fds) == 0);
        const char typed[] = "typed-secret-passphrase-2024\n";
        QCOMPARE(write(fds[1], typed, sizeof typed - 1), qsizetype(sizeof typed - 1));
        ::close(fds[1]);
        Watch w("typed-s"); // a prefix: a buffer that grew byte by byte held only prefixes
        {
            QByteArray s;
            cli::SecretSource::readSecretLine(fds[0], &s);
            QVERIFY(s == "typed-secret-passphrase-2024");
            secureZero(s);
        }
        ::close(fds[0]);
        QCOMPARE(w.hits(), 0);
    }

    // kinspect-cli runs without core dumps: started with an unlimited core limit, a running scan
    // (held by a server that accepts and never answers) shows "Max core file size 0".
    void cliDisablesCoreDumps()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = server.nextPendingConnection())
                held << s;
        });
        const QString inv = m_dir.filePath(QStringLiteral("inv.yaml"));
        {
            QFile f(inv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(
                QStringLiteral("cluster: c\nnodes:\n  - {name: n1, host: 127.0.0.1, port: %1}\n")
                    .arg(server.serverPort())
                    .toUtf8());
        }
        for (const bool allow : {false, true}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            if (allow)
                env.insert(QStringLiteral("KINSPECT_ALLOW_CORE_DUMPS"), QStringLiteral("1"));
            p.setProcessEnvironment(env);
            p.setChildProcessModifier([] {
                const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
                setrlimit(RLIMIT_CORE, &unlimited);
            });
            p.start(QStringLiteral(KINSPECT_CLI),
                    {QStringLiteral("scan"), QStringLiteral("--inventory"), inv,
                     QStringLiteral("--timeout"), QStringLiteral("20"),
                     QStringLiteral("--no-history"), QStringLiteral("--known-hosts"),
                     m_dir.filePath(QStringLiteral("kh"))});
            QVERIFY(p.waitForStarted());
            QString limits;
            for (int i = 0; i < 100 && !limits.contains(QLatin1String("Max core file size")); ++i) {
                QTest::qWait(50);
                QFile l(QStringLiteral("/proc/%1/limits").arg(p.processId()));
                if (held.size() > 0 && l.open(QIODevice::ReadOnly))
                    limits = QString::fromLatin1(l.readAll());
            }
            p.kill();
            p.waitForFinished();
            const QString line = limits.section(QLatin1String("Max core file size"), 1)
                                     .section(QLatin1Char('\n'), 0, 0);
            QVERIFY2(!line.isEmpty(), qPrintable(limits));
            const QStringList fields = line.simplified().split(QLatin1Char(' '));
            if (allow)
                QCOMPARE(fields.value(0), QStringLiteral("unlimited"));
            else
                QCOMPARE(fields.value(0), QStringLiteral("0"));
        }
        qDeleteAll(held);
    }
};

QTEST_GUILESS_MAIN(TestSecretWipe)
#include "TestSecretWipe.moc"
