#include "CliCommon.h"

#include "inventory/importers/InventoryImport.h"

namespace kinspect::cli {

namespace {

// kinspect-cli inventory import --from ssh-config|ansible|kubectl FILE [--output FILE]
int cmdInventory(const QStringList &args)
{
    if (args.value(0) != QLatin1String("import"))
        return usageError(QStringLiteral(
            "usage: inventory import --from ssh-config|ansible|kubectl FILE [--output FILE]"));
    QCommandLineOption from{QStringLiteral("from"),
                            QStringLiteral("What FILE is: ssh-config, ansible or kubectl (the "
                                           "output of 'kubectl get nodes -o json')."),
                            QStringLiteral("KIND")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Write the inventory to FILE (default: stdout)."),
                              QStringLiteral("FILE")};
    QCommandLineOption cluster{QStringLiteral("cluster"),
                               QStringLiteral("Cluster name to write (default: from FILE)."),
                               QStringLiteral("NAME")};
    // Not parse(): this command takes one positional argument (FILE).
    QCommandLineParser p;
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    p.addOptions({from, output, cluster});
    if (!p.parse(QStringList{QStringLiteral("kinspect-cli inventory import")} + args.mid(1)))
        return usageError(p.errorText());
    ImportSource source{};
    if (!importSourceFromName(p.value(from), &source))
        return usageError(QStringLiteral("--from takes ssh-config, ansible or kubectl"));
    if (p.positionalArguments().size() != 1)
        return usageError(QStringLiteral("inventory import needs exactly one FILE"));
    auto r = importInventoryFile(source, p.positionalArguments().first(), p.value(cluster));
    if (!r)
        return usageError(r.error().toString());
    for (const QString &w : r->warnings)
        err() << "kinspect-cli: warning: " << w << "\n";
    const QString path = p.value(output);
    if (path.isEmpty() || path == QLatin1String("-"))
        return writeOutput(QString(), inventoryToYaml(r->inventory)) ? Ok : Usage;
    if (auto saved = saveInventory(r->inventory, path); !saved)
        return usageError(saved.error().toString());
    err() << "kinspect-cli: wrote " << r->inventory.nodes.size() << " node(s) to " << path << "\n";
    return Ok;
}

const CommandRegistration regInventory{
    "inventory",
    "inventory import --from ssh-config|ansible|kubectl FILE [--output FILE] [--cluster NAME]\n"
    "                                             build an inventory from ssh_config, Ansible or\n"
    "                                             'kubectl get nodes -o json'",
    cmdInventory, 30};

} // namespace

} // namespace kinspect::cli
