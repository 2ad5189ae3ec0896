#include "Connection.h"

#include "CliCommon.h"

#include "ssh/SshCommandRunner.h"

namespace kinspect::cli {

std::optional<Connection> openConnection(const QCommandLineParser &p, const ConnectionOptions &c,
                                         const QString &command)
{
    if (!p.isSet(c.inventory)) {
        usageError(QStringLiteral("%1 needs --inventory FILE").arg(command));
        return std::nullopt;
    }
    bool okJobs = false, okTimeout = false, okCmd = false;
    const int nJobs = p.value(c.jobs).toInt(&okJobs);
    const int nTimeout = p.value(c.timeout).toInt(&okTimeout);
    const int nCmd = p.value(c.commandTimeout).toInt(&okCmd);
    if (!okJobs || nJobs < 1 || nJobs > 256) {
        usageError(QStringLiteral("--jobs must be a number from 1 to 256"));
        return std::nullopt;
    }
    if (!okTimeout || nTimeout < 1 || !okCmd || nCmd < 1) {
        usageError(QStringLiteral("--timeout and --command-timeout take a number of seconds"));
        return std::nullopt;
    }
    const QString pol = p.value(c.policy);
    if (pol != QLatin1String("strict") && pol != QLatin1String("accept-new")) {
        usageError(QStringLiteral("--host-key-policy is strict or accept-new"));
        return std::nullopt;
    }
    auto inv = loadInventory(p.value(c.inventory));
    if (!inv) {
        usageError(inv.error().toString());
        return std::nullopt;
    }
    Connection conn;
    conn.inventory = *inv;
    conn.jobs = nJobs;
    conn.secrets = std::make_shared<SecretSource>(p.value(c.secrets));
    QString secretError;
    if (!conn.secrets->load(&secretError)) {
        usageError(secretError);
        return std::nullopt;
    }
    conn.ssh.knownHostsFile = p.value(c.knownHosts);
    conn.ssh.hostKeyPolicy = pol == QLatin1String("accept-new")
                                 ? SshOptions::HostKeyPolicy::AcceptNew
                                 : SshOptions::HostKeyPolicy::Strict;
    conn.ssh.sshConfigFile = p.value(c.sshConfig);
    conn.ssh.connectTimeoutSec = nTimeout;
    conn.ssh.commandTimeoutSec = nCmd;
    conn.factory = [ssh = conn.ssh, secrets = conn.secrets,
                    inventory = conn.inventory](const NodeSpec &node) {
        SshOptions opts = ssh;
        opts.secretPrompt = [secrets, name = node.name](const QString &prompt, QByteArray *secret) {
            return secrets->answer(name, prompt, secret);
        };
        return std::unique_ptr<ICommandRunner>(new SshCommandRunner(node, inventory, opts));
    };
    return conn;
}

} // namespace kinspect::cli
