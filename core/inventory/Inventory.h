#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace kinspect {

// One node of a cluster as the inventory file describes it, with the file's `defaults` already
// applied. Every field is data: it reaches a remote shell only through shellQuote().
struct NodeSpec
{
    enum class SudoMode
    {
        None,
        NoPasswd,
        Password
    };

    QString name;
    QString host;
    int port = 22;
    QString user;
    QString identityFile; // `~` already expanded; empty means "agent / ssh_config only"
    SudoMode sudo = SudoMode::None;
    QString jump; // name of an Inventory::jumpHosts entry, or empty
    QStringList roles;
    int sourceLine =
        0; // 1-based line of the node's entry in the inventory file; 0 if built in code

    bool operator==(const NodeSpec &other) const = default;
};

// A bastion the SSH transport goes through (direct-tcpip) to reach a node.
struct JumpHost
{
    QString name;
    QString host;
    int port = 22;
    QString user;
    QString identityFile;

    bool operator==(const JumpHost &other) const = default;
};

struct Inventory
{
    QString cluster;
    QString benchmark; // empty: detected from the Kubernetes version
    QString filePath;  // where it was loaded from / saved to; for messages
    NodeSpec defaults; // name/host/roles unused
    QList<NodeSpec> nodes;
    QList<JumpHost> jumpHosts;

    const JumpHost *jumpHost(const QString &name) const;
    const NodeSpec *node(const QString &name) const;
};

// "none", "nopasswd", "password" (the file's spelling).
QString sudoModeName(NodeSpec::SudoMode mode);
// `~` and `~/...` become the home directory; anything else is returned unchanged.
QString expandHome(const QString &path);

// Largest inventory file we read; anything bigger is refused before parsing.
constexpr qint64 MaxInventoryBytes = 1024 * 1024;

// Reads and validates an inventory file (format: DESIGN.md "Inventory file"). Errors name the file
// and, where it is known, the line.
Expected<Inventory> loadInventory(const QString &path);
Expected<Inventory> loadInventoryFromData(const QByteArray &data, const QString &sourceName);

// Writes `inventory` as YAML, atomically (QSaveFile): a crash never leaves half a file. Node fields
// equal to the defaults are left out, and the home directory is written back as `~`.
QByteArray inventoryToYaml(const Inventory &inventory);
Expected<bool> saveInventory(const Inventory &inventory, const QString &path);

} // namespace kinspect
