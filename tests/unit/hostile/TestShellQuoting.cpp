// Hostile values in remote command lines (issue #8): paths from a node (remediation targets,
// collector arguments) and from an inventory end up as argv items of a RemoteCommand, which the SSH
// transport turns into ONE shell command line (CommandWrapper::commandLine, scan/ShellQuote), under
// every sudo mode. Here that line is run by real shells (dash, bash, busybox sh where installed,
// sudo as root): every value must arrive as exactly one argument, byte for byte, and nothing in it
// may run.

#include "ssh/CommandWrapper.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace kinspect;

class TestShellQuoting : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QStringList hostileValues() const
    {
        const QString canary = m_dir.filePath(QStringLiteral("pwned"));
        return {
            QStringLiteral("/etc/kubernetes/$(touch %1-1)/kube-apiserver.yaml").arg(canary),
            QStringLiteral("/var/lib/kubelet/`touch %1-2`.yaml").arg(canary),
            QStringLiteral("'; touch %1-3; echo '").arg(canary),
            QStringLiteral("\"; touch %1-4; echo \"").arg(canary),
            QStringLiteral("a;touch %1-5").arg(canary),
            QStringLiteral("a|touch %1-6").arg(canary),
            QStringLiteral("a&&touch %1-7").arg(canary),
            QStringLiteral("a\ntouch %1-8").arg(canary),
            QStringLiteral("$(printf x >%1-9)").arg(canary),
            QStringLiteral("${IFS}$HOME$((1+1))"),
            QStringLiteral("*"),
            QStringLiteral("~root"),
            QStringLiteral("!!"),
            QStringLiteral("-n"),
            QStringLiteral("--"),
            QStringLiteral("\\"),
            QStringLiteral("a\\'b"),
            QStringLiteral("%s%n%%"),
            QStringLiteral("tab\there"),
            QStringLiteral("cr\rhere"),
            QStringLiteral("esc\x1b[2J\x07"),
            QStringLiteral("ünïcödé 節點 \u202e"),
            QStringLiteral(" leading and trailing "),
            QString(),
        };
    }

    // Runs `line` with `shell -c`; the command is printf '%s\0' VALUES..., so stdout is the
    // values as the remote side received them.
    QList<QByteArray> run(const QStringList &shell, const QString &line, QByteArray *err)
    {
        QProcess p;
        p.start(shell.first(), shell.mid(1) + QStringList{QStringLiteral("-c"), line});
        p.closeWriteChannel();
        p.waitForFinished(20000);
        *err = p.readAllStandardError();
        QByteArray out = p.readAllStandardOutput();
        QList<QByteArray> items = out.split('\0');
        if (!items.isEmpty() && items.last().isEmpty())
            items.removeLast();
        return items;
    }

private slots:
    void valuesArriveExactlyAndNothingRuns_data()
    {
        QTest::addColumn<QStringList>("shell");
        QTest::addColumn<int>("mode");
        QStringList shells;
        for (const char *s : {"dash", "bash", "busybox"})
            if (!QStandardPaths::findExecutable(QString::fromLatin1(s)).isEmpty())
                shells << QString::fromLatin1(s);
        const bool sudo =
            geteuid() == 0 && !QStandardPaths::findExecutable(QStringLiteral("sudo")).isEmpty();
        for (const QString &s : std::as_const(shells)) {
            const QStringList shell = s == QLatin1String("busybox")
                                          ? QStringList{s, QStringLiteral("sh")}
                                          : QStringList{s};
            QTest::addRow("%s-plain", qPrintable(s)) << shell << int(NodeSpec::SudoMode::None);
            if (sudo) {
                QTest::addRow("%s-sudo-nopasswd", qPrintable(s))
                    << shell << int(NodeSpec::SudoMode::NoPasswd);
                QTest::addRow("%s-sudo-password", qPrintable(s))
                    << shell << int(NodeSpec::SudoMode::Password);
            }
        }
    }
    void valuesArriveExactlyAndNothingRuns()
    {
        QFETCH(QStringList, shell);
        QFETCH(int, mode);
        QVERIFY(m_dir.isValid());
        const QStringList values = hostileValues();
        const CommandWrapper w(NodeSpec::SudoMode(mode), true, QStringLiteral("0123abcd"));
        const QString line =
            w.commandLine(QStringList{QStringLiteral("printf"), QStringLiteral("%s\\0")} + values);
        QVERIFY(!line.isEmpty());
        QByteArray err;
        const QList<QByteArray> got = run(shell, line, &err);
        QVERIFY2(err.contains("[kinspect-start-0123abcd] "), err.constData());
        QCOMPARE(got.size(), values.size());
        for (int i = 0; i < values.size(); ++i)
            QCOMPARE(QString::fromUtf8(got[i]), values[i]);
        const QStringList ran =
            QDir(m_dir.path()).entryList({QStringLiteral("pwned*")}, QDir::Files);
        QVERIFY2(ran.isEmpty(), qPrintable(ran.join(QLatin1Char(' '))));
    }

    void nulCannotBeSent()
    {
        const CommandWrapper w(NodeSpec::SudoMode::None, false, QStringLiteral("0"));
        QVERIFY(
            w.commandLine({QStringLiteral("printf"), QStringLiteral("a") + QChar(0)}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestShellQuoting)
#include "TestShellQuoting.moc"
