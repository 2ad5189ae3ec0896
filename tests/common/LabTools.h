#pragma once

// Helpers for the test suites that bring up their own lab (tests/lab/lab.sh, docs/lab.md): one
// copy for every suite. Each suite still chooses its own lab directory and ports.

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace kinspect::testlab {

inline QString labScript()
{
    return QStringLiteral(KINSPECT_SOURCE_DIR "/tests/lab/lab.sh");
}

// Runs `lab.sh ARGS`; true when it exits 0. Its output (stdout and stderr) goes to *output.
inline bool runLab(const QStringList &args, QString *output, int timeoutMs = 180000)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(labScript(), args);
    const bool ok =
        p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    *output = QString::fromUtf8(p.readAll());
    return ok;
}

// A value of the lab's secrets file (KEY=VALUE lines), e.g. KADMIN_SUDO_PASSWORD.
inline QString labSecret(const QString &labDir, const QString &key)
{
    QFile f(labDir + QStringLiteral("/secrets"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key.toUtf8() + '='))
            return QString::fromUtf8(line.mid(key.size() + 1));
    return {};
}

// stdout of a shell command run inside a node (nsenter, no SSH): the test's own view of it.
inline QByteArray nodeExec(const QString &labDir, const QString &node, const QString &shellCommand)
{
    QProcess p;
    p.start(labScript(),
            {QStringLiteral("exec"), QStringLiteral("--dir"), labDir, node, QStringLiteral("--"),
             QStringLiteral("sh"), QStringLiteral("-c"), shellCommand});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

// The bytes of a file on a node.
inline QByteArray nodeFile(const QString &labDir, const QString &node, const QString &path)
{
    return QByteArray::fromBase64(
        nodeExec(labDir, node, QStringLiteral("base64 -w0 '%1'").arg(path)));
}

} // namespace kinspect::testlab
