#include "SshLab.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

LocalRun runLocal(const QString &program, const QStringList &args, const QByteArray &input,
                  int timeoutMs)
{
    LocalRun r;
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

static int freePort(const QString &address)
{
    QTcpServer s;
    if (!s.listen(QHostAddress(address), 0))
        return 0;
    return s.serverPort();
}

SshdInstance::~SshdInstance()
{
    stop();
}

void SshdInstance::stop()
{
    if (m_proc) {
        m_proc->terminate();
        if (!m_proc->waitForFinished(5000)) {
            m_proc->kill();
            m_proc->waitForFinished(2000);
        }
        m_proc.reset();
    }
}

QByteArray SshdInstance::log()
{
    QFile f(m_logFile);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

QString SshdInstance::knownHostsLine() const
{
    return QStringLiteral("[%1]:%2 %3").arg(address).arg(port).arg(hostKeyPub);
}

bool SshdInstance::start(const QString &dir, const QString &name, const QString &addr,
                         const QString &extraConfig, QString *why, const QString &logLevel)
{
    address = addr;
    const QString hostKey = dir + QStringLiteral("/hostkey_") + name;
    if (!QFile::exists(hostKey)) {
        const LocalRun k = runLocal(QStringLiteral("ssh-keygen"),
                                    {QStringLiteral("-q"), QStringLiteral("-t"),
                                     QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                                     QStringLiteral("-C"), name, QStringLiteral("-f"), hostKey});
        if (k.exitCode != 0) {
            *why = QStringLiteral("ssh-keygen failed: ") + QString::fromLocal8Bit(k.err);
            return false;
        }
    }
    QFile pub(hostKey + QStringLiteral(".pub"));
    if (!pub.open(QIODevice::ReadOnly))
        return false;
    hostKeyPub = QString::fromLatin1(pub.readAll()).section(QLatin1Char(' '), 0, 1).trimmed();
    const LocalRun fp = runLocal(QStringLiteral("ssh-keygen"),
                                 {QStringLiteral("-lf"), hostKey + QStringLiteral(".pub")});
    fingerprint = QString::fromLatin1(fp.out).section(QLatin1Char(' '), 1, 1);

    QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege separation directory
    for (int attempt = 0; attempt < 5; ++attempt) {
        port = freePort(address);
        const QString cfgPath = dir + QStringLiteral("/sshd_config_") + name;
        QFile cfg(cfgPath);
        if (!cfg.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        const QString text =
            QStringLiteral("ListenAddress %1:%2\n"
                           "HostKey %3\n"
                           "PidFile none\n"
                           "AuthorizedKeysFile %4/authorized_keys_%u\n"
                           "StrictModes no\n"
                           "UsePAM no\n"
                           "PermitRootLogin yes\n"
                           "PubkeyAuthentication yes\n"
                           "PasswordAuthentication yes\n"
                           "KbdInteractiveAuthentication no\n"
                           "AllowTcpForwarding yes\n"
                           "MaxAuthTries 20\n"
                           "LogLevel %5\n"
                           "%6\n")
                .arg(address)
                .arg(port)
                .arg(hostKey, dir, qEnvironmentVariable("KINSPECT_SSHD_LOGLEVEL", logLevel),
                     extraConfig);
        cfg.write(text.toUtf8());
        cfg.close();

        m_proc = std::make_unique<QProcess>();
        // sshd's log goes to a file: a pipe nobody drains would fill up and stall sshd.
        m_logFile = dir + QStringLiteral("/sshd_") + name + QStringLiteral(".log");
        QFile::remove(m_logFile);
        m_proc->setStandardErrorFile(m_logFile);
        m_proc->setStandardOutputFile(QProcess::nullDevice());
        m_proc->start(QStringLiteral("/usr/sbin/sshd"),
                      {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), cfgPath});
        if (!m_proc->waitForStarted(5000)) {
            *why = QStringLiteral("cannot start /usr/sbin/sshd");
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 5000 && m_proc->state() == QProcess::Running) {
            QThread::msleep(50);
            if (log().contains("Server listening on"))
                return true;
        }
        *why = QStringLiteral("sshd did not start: ") + QString::fromLocal8Bit(log().right(2000));
        stop();
    }
    return false;
}

SshLab::SshLab() = default;

SshLab::~SshLab()
{
    removeUsers();
}

QString SshLab::newKey(const QString &name, const QByteArray &pass, QString *why)
{
    const QString file = path(name);
    QFile::remove(file);
    QFile::remove(file + QStringLiteral(".pub"));
    const LocalRun k =
        runLocal(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                  QStringLiteral("-N"), QString::fromUtf8(pass), QStringLiteral("-C"), name,
                  QStringLiteral("-f"), file});
    if (k.exitCode != 0) {
        *why = QStringLiteral("ssh-keygen failed: ") + QString::fromLocal8Bit(k.err);
        return QString();
    }
    return file;
}

bool SshLab::setUp(QString *why)
{
    // KINSPECT_KEEP_LAB=1 keeps the directory (configs, sshd logs) for debugging.
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("KINSPECT_KEEP_LAB"));
    if (!m_dir.isValid()) {
        *why = QStringLiteral("no temporary directory");
        return false;
    }
    // Test users read their authorized_keys file from here.
    QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::ExeOther);
    key = newKey(QStringLiteral("client"), {}, why);
    ppKey = newKey(QStringLiteral("client_pp"), passphrase(), why);
    agentKey = newKey(QStringLiteral("client_agent"), {}, why);
    unauthKey = newKey(QStringLiteral("client_unauth"), {}, why);
    if (key.isEmpty() || ppKey.isEmpty() || agentKey.isEmpty() || unauthKey.isEmpty())
        return false;
    return authorize(QStringLiteral("root"), why);
}

bool SshLab::authorize(const QString &user, QString *why)
{
    QFile out(path(QStringLiteral("authorized_keys_") + user));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *why = QStringLiteral("cannot write authorized_keys");
        return false;
    }
    for (const QString &k : {key, ppKey, agentKey}) {
        QFile pub(k + QStringLiteral(".pub"));
        if (!pub.open(QIODevice::ReadOnly))
            return false;
        out.write(pub.readAll());
    }
    out.close();
    QFile::setPermissions(out.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                              QFileDevice::ReadGroup | QFileDevice::ReadOther);
    return true;
}

bool SshLab::addUser(const QString &user, const QByteArray &password, bool sudoNoPasswd,
                     QString *why)
{
    runLocal(QStringLiteral("userdel"), {QStringLiteral("-r"), user}); // left over by a crash
    const LocalRun add =
        runLocal(QStringLiteral("useradd"),
                 {QStringLiteral("-m"), QStringLiteral("-s"), QStringLiteral("/bin/bash"), user});
    if (add.exitCode != 0) {
        *why = QStringLiteral("useradd failed: ") + QString::fromLocal8Bit(add.err);
        return false;
    }
    m_users << user;
    const LocalRun pw =
        runLocal(QStringLiteral("chpasswd"), {}, user.toUtf8() + ':' + password + '\n');
    if (pw.exitCode != 0) {
        *why = QStringLiteral("chpasswd failed: ") + QString::fromLocal8Bit(pw.err);
        return false;
    }
    if (!authorize(user, why))
        return false;
    // sudo ignores sudoers.d files whose names contain a dot.
    m_sudoers = QStringLiteral("/etc/sudoers.d/kinspect-integration-test");
    QFile sudoers(m_sudoers);
    if (!sudoers.open(QIODevice::Append)) {
        *why = QStringLiteral("cannot write ") + m_sudoers;
        return false;
    }
    sudoers.write(user.toUtf8() +
                  (sudoNoPasswd ? " ALL=(ALL) NOPASSWD: ALL\n" : " ALL=(ALL) ALL\n"));
    sudoers.close();
    QFile::setPermissions(m_sudoers, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
    const LocalRun check =
        runLocal(QStringLiteral("visudo"), {QStringLiteral("-c"), QStringLiteral("-f"), m_sudoers});
    if (check.exitCode != 0) {
        *why = QStringLiteral("bad sudoers file: ") + QString::fromLocal8Bit(check.out + check.err);
        return false;
    }
    return true;
}

void SshLab::removeUsers()
{
    if (!m_sudoers.isEmpty())
        QFile::remove(m_sudoers);
    m_sudoers.clear();
    for (const QString &u : std::as_const(m_users)) {
        runLocal(QStringLiteral("userdel"), {QStringLiteral("-r"), QStringLiteral("-f"), u});
    }
    m_users.clear();
}
