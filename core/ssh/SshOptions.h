#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace kinspect {

// What the transport knows about a server's host key when it has to ask a person.
struct HostKeyInfo
{
    QString node; // inventory name (or jump host name)
    QString host; // address connected to
    int port = 22;
    QString knownHostsName; // "host" or "[host]:port", as written to known_hosts
    QString keyType;        // "ssh-ed25519", "ecdsa-sha2-nistp256", ...
    QString fingerprint;    // "SHA256:..." exactly as `ssh-keygen -l` prints it
    QString knownHostsFile; // where an accepted key would be saved
};

enum class HostKeyDecision
{
    Refuse,
    AcceptOnce,   // trust for this connection only
    AcceptAndSave // append to knownHostsFile
};

// How SshCommandRunner connects. The callbacks are called on the worker thread that runs the
// connection; a GUI must marshal them to its own thread (BlockingQueuedConnection or similar).
struct SshOptions
{
    enum class HostKeyPolicy
    {
        Strict,   // unknown keys are refused unless hostKeyPrompt accepts them
        AcceptNew // unknown keys are recorded (OpenSSH's StrictHostKeyChecking=accept-new)
    };

    QString knownHostsFile;       // empty: ~/.ssh/known_hosts
    QString globalKnownHostsFile; // empty: libssh's default (/etc/ssh/ssh_known_hosts)
    // OpenSSH client configuration read for Host blocks (User, IdentityFile, HostName, ...).
    // Empty: ~/.ssh/config and /etc/ssh/ssh_config; "none": no configuration file at all.
    QString sshConfigFile;
    HostKeyPolicy hostKeyPolicy = HostKeyPolicy::Strict;
    int connectTimeoutSec = 15;  // TCP connect, handshake and every protocol round trip
    int commandTimeoutSec = 600; // one run() from exec to exit status
    bool useAgent = true;        // try SSH_AUTH_SOCK's keys first

    // Unknown host key under Strict: ask. Unset: refuse. Never asked for a CHANGED key.
    std::function<HostKeyDecision(const HostKeyInfo &)> hostKeyPrompt;
    // Passphrases, passwords, keyboard-interactive answers and sudo passwords. Return false to
    // cancel. The runner wipes `secret` after use; implementations must not log it.
    std::function<bool(const QString &prompt, QByteArray *secret)> secretPrompt;
};

} // namespace kinspect
