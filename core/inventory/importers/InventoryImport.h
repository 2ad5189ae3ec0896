#pragma once

#include "inventory/Inventory.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace kinspect {

// Importers that turn what an admin already has into an Inventory: OpenSSH client config hosts,
// Ansible inventories (INI and YAML) and `kubectl get nodes -o json`. Pure functions over the
// file's bytes; errors name the source and the 1-based line. What a format can say but an
// Inventory cannot hold (ProxyCommand, a chain of jump hosts, ...) becomes a warning.
struct ImportResult
{
    Inventory inventory;
    QStringList warnings; // "file:line: message"
};

enum class ImportSource
{
    SshConfig,
    Ansible,
    Kubectl
};

// "ssh-config", "ansible", "kubectl" -> source; false when the name is unknown.
bool importSourceFromName(const QString &name, ImportSource *source);

// Largest file an importer reads.
constexpr qint64 MaxImportBytes = 8 * 1024 * 1024;

Expected<ImportResult> importSshConfig(const QByteArray &data, const QString &sourceName);
// INI or YAML, told apart by content (a `[group]` line means INI).
Expected<ImportResult> importAnsibleInventory(const QByteArray &data, const QString &sourceName);
Expected<ImportResult> importKubectlNodes(const QByteArray &data, const QString &sourceName);

// Reads `path` (at most MaxImportBytes) and runs the importer for `source`. The cluster name is
// `cluster` when given, else derived from the source.
Expected<ImportResult> importInventoryFile(ImportSource source, const QString &path,
                                           const QString &cluster = QString());

// Maps an Ansible group name to a Kinspect role (control-plane, etcd, worker) or "".
// kubespray's kube_control_plane/kube_node, k3s-ansible's server/agent, masters/workers, ...
QString roleForAnsibleGroup(const QString &group);

} // namespace kinspect
