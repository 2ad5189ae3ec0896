#pragma once

// A throw-away SSH lab for the integration tests: real /usr/sbin/sshd processes on loopback
// ports with generated host keys, client keys, authorized_keys and (optionally) local test users
// with sudoers entries. Needs root (it runs sshd and creates users); tests skip otherwise.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

struct LocalRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
LocalRun runLocal(const QString &program, const QStringList &args, const QByteArray &input = {},
                  int timeoutMs = 20000);

class SshdInstance
{
public:
    ~SshdInstance();
    // Starts `sshd -D -e -f <generated config>` on `address` and a free port.
    bool start(const QString &dir, const QString &name, const QString &address,
               const QString &extraConfig, QString *why,
               const QString &logLevel = QStringLiteral("VERBOSE"));
    void stop();

    QString address;
    int port = 0;
    QString hostKeyPub;  // "ssh-ed25519 AAAA..." (no comment)
    QString fingerprint; // as `ssh-keygen -lf` prints it
    QString knownHostsLine() const;
    QByteArray log(); // sshd's log so far

private:
    std::unique_ptr<QProcess> m_proc;
    QString m_logFile;
};

class SshLab
{
public:
    SshLab();
    ~SshLab();

    bool setUp(QString *why); // keys, directories; does not start sshd
    QString dir() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Client keys (private key paths); all but `unauthKey` are in authorized_keys for every user.
    QString key;       // no passphrase
    QString ppKey;     // passphrase `passphrase`
    QString agentKey;  // only ever loaded into ssh-agent
    QString unauthKey; // never authorized
    static QByteArray passphrase() { return QByteArrayLiteral("correct horse ' $(battery)"); }

    bool authorize(const QString &user, QString *why);
    // Creates a local user with a password and a sudoers.d rule (nopasswd or password).
    bool addUser(const QString &user, const QByteArray &password, bool sudoNoPasswd, QString *why);
    void removeUsers();

    // Generates an ed25519 key pair; returns the private key path.
    QString newKey(const QString &name, const QByteArray &passphrase, QString *why);

private:
    QTemporaryDir m_dir;
    QStringList m_users;
    QString m_sudoers;
};
