#include "inventory/Inventory.h"

#include <QDir>
#include <QSaveFile>

#include <yaml-cpp/yaml.h>

namespace kinspect {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

// The inverse of expandHome(), so a saved file stays portable between accounts.
QString collapseHome(const QString &path)
{
    const QString home = QDir::homePath();
    if (path == home)
        return QStringLiteral("~");
    if (!home.isEmpty() && home != QLatin1String("/") && path.startsWith(home + QLatin1Char('/')))
        return QLatin1Char('~') + path.mid(home.size());
    return path;
}

} // namespace

QByteArray inventoryToYaml(const Inventory &inv)
{
    YAML::Emitter out;
    out << YAML::BeginMap;
    if (!inv.cluster.isEmpty())
        out << YAML::Key << "cluster" << YAML::Value << str(inv.cluster);
    if (!inv.benchmark.isEmpty())
        out << YAML::Key << "benchmark" << YAML::Value << str(inv.benchmark);

    const NodeSpec &d = inv.defaults;
    out << YAML::Key << "defaults" << YAML::Value << YAML::Flow << YAML::BeginMap;
    if (!d.user.isEmpty())
        out << YAML::Key << "user" << YAML::Value << str(d.user);
    out << YAML::Key << "port" << YAML::Value << d.port;
    if (!d.identityFile.isEmpty())
        out << YAML::Key << "identityFile" << YAML::Value << str(collapseHome(d.identityFile));
    out << YAML::Key << "sudo" << YAML::Value << str(sudoModeName(d.sudo));
    if (!d.jump.isEmpty())
        out << YAML::Key << "jump" << YAML::Value << str(d.jump);
    out << YAML::EndMap;

    if (!inv.jumpHosts.isEmpty()) {
        out << YAML::Key << "jumpHosts" << YAML::Value << YAML::BeginSeq;
        for (const JumpHost &j : inv.jumpHosts) {
            out << YAML::Flow << YAML::BeginMap;
            out << YAML::Key << "name" << YAML::Value << str(j.name);
            out << YAML::Key << "host" << YAML::Value << str(j.host);
            if (j.port != 22)
                out << YAML::Key << "port" << YAML::Value << j.port;
            if (j.user != d.user)
                out << YAML::Key << "user" << YAML::Value << str(j.user);
            if (j.identityFile != d.identityFile)
                out << YAML::Key << "identityFile" << YAML::Value
                    << str(collapseHome(j.identityFile));
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }

    out << YAML::Key << "nodes" << YAML::Value << YAML::BeginSeq;
    for (const NodeSpec &n : inv.nodes) {
        out << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "name" << YAML::Value << str(n.name);
        out << YAML::Key << "host" << YAML::Value << str(n.host);
        if (n.port != d.port)
            out << YAML::Key << "port" << YAML::Value << n.port;
        if (n.user != d.user)
            out << YAML::Key << "user" << YAML::Value << str(n.user);
        if (n.identityFile != d.identityFile)
            out << YAML::Key << "identityFile" << YAML::Value << str(collapseHome(n.identityFile));
        if (n.sudo != d.sudo)
            out << YAML::Key << "sudo" << YAML::Value << str(sudoModeName(n.sudo));
        if (n.jump != d.jump) {
            out << YAML::Key << "jump" << YAML::Value;
            if (n.jump.isEmpty())
                out << YAML::Null;
            else
                out << str(n.jump);
        }
        if (!n.roles.isEmpty()) {
            out << YAML::Key << "roles" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const QString &r : n.roles)
                out << str(r);
            out << YAML::EndSeq;
        }
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap;
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    bytes.append('\n');
    return bytes;
}

Expected<bool> saveInventory(const Inventory &inventory, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("cannot write: %1").arg(file.errorString()), path, 0};
    const QByteArray bytes = inventoryToYaml(inventory);
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return Error{QStringLiteral("cannot write: %1").arg(why), path, 0};
    }
    if (!file.commit())
        return Error{QStringLiteral("cannot save: %1").arg(file.errorString()), path, 0};
    return true;
}

} // namespace kinspect
