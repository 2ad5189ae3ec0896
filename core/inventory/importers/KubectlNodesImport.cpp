#include "inventory/importers/InventoryImport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kinspect {

namespace {

int lineAtOffset(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

} // namespace

Expected<ImportResult> importKubectlNodes(const QByteArray &data, const QString &source)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error{QStringLiteral("not valid JSON (%1); expected the output of "
                                    "'kubectl get nodes -o json'")
                         .arg(pe.errorString()),
                     source, lineAtOffset(data, pe.offset)};
    if (!doc.isObject())
        return Error{QStringLiteral("expected a JSON object (kind List or Node)"), source, 1};
    const QJsonObject root = doc.object();
    QJsonArray items;
    const QString kind = root.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("Node"))
        items.append(root);
    else if (kind == QLatin1String("List") || kind == QLatin1String("NodeList"))
        items = root.value(QStringLiteral("items")).toArray();
    else
        return Error{QStringLiteral("expected kind List or Node, found \"%1\"; run 'kubectl get "
                                    "nodes -o json'")
                         .arg(kind),
                     source, 1};

    ImportResult r;
    r.inventory.cluster = QFileInfo(source).completeBaseName();
    r.inventory.filePath = source;
    r.inventory.defaults.port = 22;
    for (int i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const QString itemKind = item.value(QStringLiteral("kind")).toString();
        if (!itemKind.isEmpty() && itemKind != QLatin1String("Node"))
            return Error{QStringLiteral("items[%1] is a %2, not a Node").arg(i).arg(itemKind),
                         source, 0};
        const QJsonObject meta = item.value(QStringLiteral("metadata")).toObject();
        NodeSpec n;
        n.name = meta.value(QStringLiteral("name")).toString();
        if (n.name.isEmpty())
            return Error{QStringLiteral("items[%1] has no metadata.name").arg(i), source, 0};
        // Address preference: the node's InternalIP (what SSH inside the network reaches), else
        // ExternalIP, else the Hostname address.
        const QJsonArray addresses = item.value(QStringLiteral("status"))
                                         .toObject()
                                         .value(QStringLiteral("addresses"))
                                         .toArray();
        for (const char *type : {"InternalIP", "ExternalIP", "Hostname"}) {
            for (const auto &a : addresses) {
                const QJsonObject ao = a.toObject();
                if (ao.value(QStringLiteral("type")).toString() == QLatin1String(type)) {
                    n.host = ao.value(QStringLiteral("address")).toString();
                    break;
                }
            }
            if (!n.host.isEmpty())
                break;
        }
        if (n.host.isEmpty()) {
            n.host = n.name;
            r.warnings << QStringLiteral("%1: node \"%2\" reports no address; using its name")
                              .arg(source, n.name);
        }
        const QJsonObject labels = meta.value(QStringLiteral("labels")).toObject();
        const QString prefix = QStringLiteral("node-role.kubernetes.io/");
        for (auto it = labels.constBegin(); it != labels.constEnd(); ++it) {
            if (!it.key().startsWith(prefix))
                continue;
            const QString role = it.key().mid(prefix.size());
            QString mapped;
            if (role == QLatin1String("control-plane") || role == QLatin1String("master"))
                mapped = QStringLiteral("control-plane");
            else if (role == QLatin1String("etcd"))
                mapped = QStringLiteral("etcd");
            else if (role == QLatin1String("worker") || role == QLatin1String("node"))
                mapped = QStringLiteral("worker");
            if (!mapped.isEmpty() && !n.roles.contains(mapped))
                n.roles << mapped;
        }
        // A node without a control-plane role label runs workloads: a worker.
        if (!n.roles.contains(QStringLiteral("control-plane")) &&
            !n.roles.contains(QStringLiteral("worker")))
            n.roles << QStringLiteral("worker");
        r.inventory.nodes << n;
    }
    if (r.inventory.nodes.isEmpty())
        return Error{QStringLiteral("the node list is empty"), source, 0};
    return r;
}

} // namespace kinspect
