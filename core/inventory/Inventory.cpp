#include "inventory/Inventory.h"

#include <QDir>

namespace kinspect {

const JumpHost *Inventory::jumpHost(const QString &name) const
{
    for (const JumpHost &j : jumpHosts) {
        if (j.name == name)
            return &j;
    }
    return nullptr;
}

const NodeSpec *Inventory::node(const QString &name) const
{
    for (const NodeSpec &n : nodes) {
        if (n.name == name)
            return &n;
    }
    return nullptr;
}

QString sudoModeName(NodeSpec::SudoMode mode)
{
    switch (mode) {
    case NodeSpec::SudoMode::None:
        return QStringLiteral("none");
    case NodeSpec::SudoMode::NoPasswd:
        return QStringLiteral("nopasswd");
    case NodeSpec::SudoMode::Password:
        return QStringLiteral("password");
    }
    return QStringLiteral("none");
}

QString expandHome(const QString &path)
{
    if (path == QLatin1String("~"))
        return QDir::homePath();
    if (path.startsWith(QLatin1String("~/")))
        return QDir::homePath() + path.mid(1);
    return path;
}

} // namespace kinspect
