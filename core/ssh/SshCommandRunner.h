#pragma once

#include "inventory/Inventory.h"
#include "scan/ICommandRunner.h"
#include "ssh/SshOptions.h"

#include <memory>
#include <optional>

namespace kinspect {

// ICommandRunner over libssh: one blocking session per node, used from one worker thread
// (kio-extras sftp's model). connect() verifies the host key against OpenSSH's known_hosts and
// authenticates (agent, the inventory's identity file, keyboard-interactive, password); run()
// executes one command, wrapped in sudo per the node's sudo mode when `privileged`. The session
// stays open between runs; a dropped session is reconnected once on the next run().
class SshCommandRunner : public ICommandRunner
{
public:
    // `inventory` is only read here (for the node's jump host); nothing refers to it later.
    SshCommandRunner(const NodeSpec &node, const Inventory &inventory, SshOptions options);
    SshCommandRunner(const NodeSpec &node, std::optional<JumpHost> jump, SshOptions options);
    ~SshCommandRunner() override;

    bool connect(const std::atomic_bool *cancel, RemoteError *error) override;
    bool run(const RemoteCommand &command, RemoteResult *result, const std::atomic_bool *cancel,
             RemoteError *error) override;
    void disconnect() override;

    bool isConnected() const;
    // libssh 0.10 has no automatic keepalive: a caller holding an idle session (e.g. between
    // re-scans) calls this every minute or so. Sends an SSH_MSG_IGNORE; false when the session
    // is gone (the next run() reconnects).
    bool sendKeepalive();
    bool keepalive() override { return sendKeepalive(); }

    const NodeSpec &node() const;

    SshCommandRunner(const SshCommandRunner &) = delete;
    SshCommandRunner &operator=(const SshCommandRunner &) = delete;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kinspect
