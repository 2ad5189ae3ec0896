#pragma once

#include "SecretSource.h"

#include "inventory/Inventory.h"
#include "scan/ScanEngine.h"
#include "ssh/SshOptions.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>
#include <optional>

namespace kinspect::cli {

// The connection options every subcommand that reaches nodes takes (DESIGN.md: the same as
// `scan`), and what they resolve to.
struct ConnectionOptions
{
    QCommandLineOption inventory{{QStringLiteral("i"), QStringLiteral("inventory")},
                                 QStringLiteral("Inventory file."),
                                 QStringLiteral("FILE")};
    QCommandLineOption jobs{{QStringLiteral("j"), QStringLiteral("jobs")},
                            QStringLiteral("Nodes worked on at once (default 16)."),
                            QStringLiteral("N"),
                            QStringLiteral("16")};
    QCommandLineOption timeout{{QStringLiteral("t"), QStringLiteral("timeout")},
                               QStringLiteral("Seconds to connect and authenticate (default 15)."),
                               QStringLiteral("S"),
                               QStringLiteral("15")};
    QCommandLineOption commandTimeout{
        QStringLiteral("command-timeout"),
        QStringLiteral("Seconds one remote command may run (default 120)."), QStringLiteral("S"),
        QStringLiteral("120")};
    QCommandLineOption knownHosts{QStringLiteral("known-hosts"),
                                  QStringLiteral("known_hosts file (default ~/.ssh/known_hosts)."),
                                  QStringLiteral("FILE")};
    QCommandLineOption policy{QStringLiteral("host-key-policy"),
                              QStringLiteral("strict (default) or accept-new."),
                              QStringLiteral("POLICY"), QStringLiteral("strict")};
    QCommandLineOption sshConfig{QStringLiteral("ssh-config"),
                                 QStringLiteral("OpenSSH client config to read ('none' for none)."),
                                 QStringLiteral("FILE")};
    QCommandLineOption secrets{
        QStringLiteral("secrets-file"),
        QStringLiteral("File of KIND[@NODE]=SECRET lines (sudo-password, password, passphrase)."),
        QStringLiteral("FILE")};

    QList<QCommandLineOption> all() const
    {
        return {inventory, jobs, timeout, commandTimeout, knownHosts, policy, sshConfig, secrets};
    }
};

// A loaded inventory and the means to reach its nodes.
struct Connection
{
    Inventory inventory;
    int jobs = 16;
    SshOptions ssh; // without the secret prompt (set per node by the factory)
    std::shared_ptr<SecretSource> secrets;
    ScanEngine::RunnerFactory factory; // SSH runners answering prompts from `secrets`
};

// Validates the options and loads the inventory; on bad usage prints why and returns nullopt
// (the exit code is then Usage).
std::optional<Connection> openConnection(const QCommandLineParser &p, const ConnectionOptions &c,
                                         const QString &command);

} // namespace kinspect::cli
