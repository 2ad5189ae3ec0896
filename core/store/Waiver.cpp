#include "store/Waiver.h"

#include "util/Yaml.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace kinspect {

bool Waiver::appliesTo(const NodeResult &node) const
{
    if (nodes.isEmpty())
        return true;
    for (const QString &n : nodes) {
        if (n == node.name || node.roles.contains(n))
            return true;
    }
    return false;
}

namespace {

Expected<Waiver> parseOne(const YAML::Node &item, const QString &fileName)
{
    if (!item.IsMap())
        return yaml::errorAt(fileName, item, QStringLiteral("a waiver must be a mapping"));
    if (auto e = yaml::checkKeys(
            item, fileName,
            {"id", "control", "nodes", "justification", "owner", "expires", "created"},
            QStringLiteral("waiver")))
        return *e;
    Waiver w;
    auto scalar = [&](const char *key, QString *out) -> std::optional<Error> {
        const YAML::Node v = item[key];
        if (!v || v.IsNull())
            return yaml::errorAt(fileName, item,
                                 QStringLiteral("waiver lacks '%1'").arg(QLatin1String(key)));
        if (!v.IsScalar())
            return yaml::errorAt(fileName, v,
                                 QStringLiteral("'%1' must be a scalar").arg(QLatin1String(key)));
        *out = yaml::str(v).trimmed();
        if (out->isEmpty())
            return yaml::errorAt(fileName, v,
                                 QStringLiteral("'%1' is empty").arg(QLatin1String(key)));
        return std::nullopt;
    };
    QString expires;
    for (auto [key, out] : {std::pair{"id", &w.id}, std::pair{"control", &w.controlId},
                            std::pair{"justification", &w.justification},
                            std::pair{"owner", &w.owner}, std::pair{"expires", &expires}}) {
        if (auto e = scalar(key, out))
            return *e;
    }
    static const QRegularExpression controlRe(QStringLiteral("^\\d+(\\.\\d+)*$"));
    if (!controlRe.match(w.controlId).hasMatch())
        return yaml::errorAt(
            fileName, item["control"],
            QStringLiteral("'%1' is not a control id (e.g. 1.2.5)").arg(w.controlId));
    w.expires = QDate::fromString(expires, Qt::ISODate);
    if (!w.expires.isValid())
        return yaml::errorAt(
            fileName, item["expires"],
            QStringLiteral("'expires' must be a date YYYY-MM-DD, not '%1'").arg(expires));
    if (const YAML::Node n = item["nodes"]; n && !n.IsNull()) {
        if (!n.IsSequence() && !n.IsScalar())
            return yaml::errorAt(fileName, n,
                                 QStringLiteral("'nodes' must be a list of node names or roles"));
        for (const YAML::Node &e : n) {
            if (!e.IsScalar() || yaml::str(e).trimmed().isEmpty())
                return yaml::errorAt(fileName, e, QStringLiteral("'nodes' entries are names"));
        }
        w.nodes = yaml::strList(n);
        for (QString &s : w.nodes)
            s = s.trimmed();
    }
    if (const YAML::Node c = item["created"]; c && c.IsScalar()) {
        w.created = QDateTime::fromString(yaml::str(c), Qt::ISODate);
        if (!w.created.isValid())
            return yaml::errorAt(fileName, c, QStringLiteral("'created' is not an ISO date-time"));
    }
    return w;
}

// A YAML double-quoted scalar: only escapes what YAML needs, so the file stays readable.
QString quoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar ch : s) {
        if (ch == QLatin1Char('"') || ch == QLatin1Char('\\'))
            out += QLatin1Char('\\') + ch;
        else if (ch == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else if (ch == QLatin1Char('\t'))
            out += QLatin1String("\\t");
        else if (ch.unicode() < 0x20 || ch.unicode() == 0x7f)
            out += QStringLiteral("\\x%1").arg(ch.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    return out + QLatin1Char('"');
}

} // namespace

Expected<QList<Waiver>> parseWaivers(const QByteArray &data, const QString &fileName)
{
    auto doc = yaml::parse(data, fileName);
    if (!doc)
        return doc.error();
    const YAML::Node root = *doc;
    if (!root || root.IsNull())
        return QList<Waiver>{};
    if (!root.IsMap())
        return yaml::errorAt(fileName, root,
                             QStringLiteral("a waivers file is a mapping with a 'waivers' list"));
    if (auto e =
            yaml::checkKeys(root, fileName, {"version", "waivers"}, QStringLiteral("waivers file")))
        return *e;
    if (const YAML::Node v = root["version"];
        v && (!v.IsScalar() || yaml::str(v) != QLatin1String("1")))
        return yaml::errorAt(fileName, v, QStringLiteral("unsupported waivers file version"));
    const YAML::Node list = root["waivers"];
    if (!list || list.IsNull())
        return QList<Waiver>{};
    if (!list.IsSequence())
        return yaml::errorAt(fileName, list, QStringLiteral("'waivers' must be a list"));
    QList<Waiver> out;
    QSet<QString> ids;
    for (const YAML::Node &item : list) {
        auto w = parseOne(item, fileName);
        if (!w)
            return w.error();
        if (ids.contains(w->id))
            return yaml::errorAt(fileName, item["id"],
                                 QStringLiteral("duplicate waiver id '%1'").arg(w->id));
        ids.insert(w->id);
        out << *w;
    }
    return out;
}

Expected<QList<Waiver>> loadWaiversFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{f.errorString(), path, 0};
    return parseWaivers(f.readAll(), path);
}

QByteArray waiversToYaml(const QList<Waiver> &waivers)
{
    QString out =
        QStringLiteral("# Kinspect waivers: accepted FAILs (docs/reports.md)\nversion: 1\n");
    if (waivers.isEmpty())
        return (out + QStringLiteral("waivers: []\n")).toUtf8();
    out += QStringLiteral("waivers:\n");
    for (const Waiver &w : waivers) {
        out += QStringLiteral("  - id: %1\n").arg(quoted(w.id));
        out += QStringLiteral("    control: %1\n").arg(quoted(w.controlId));
        if (!w.nodes.isEmpty()) {
            QStringList q;
            for (const QString &n : w.nodes)
                q << quoted(n);
            out += QStringLiteral("    nodes: [%1]\n").arg(q.join(QLatin1String(", ")));
        }
        out += QStringLiteral("    justification: %1\n").arg(quoted(w.justification));
        out += QStringLiteral("    owner: %1\n").arg(quoted(w.owner));
        out += QStringLiteral("    expires: %1\n").arg(w.expires.toString(Qt::ISODate));
        if (w.created.isValid())
            out += QStringLiteral("    created: %1\n").arg(w.created.toUTC().toString(Qt::ISODate));
    }
    return out.toUtf8();
}

WaiverOutcome applyWaivers(ClusterResult &result, const QList<Waiver> &waivers, const QDate &today)
{
    WaiverOutcome outcome;
    QSet<QString> used;
    for (NodeResult &node : result.nodes) {
        for (ControlResult &r : node.results) {
            if (r.status != Status::Fail)
                continue;
            const Waiver *expired = nullptr;
            const Waiver *match = nullptr;
            for (const Waiver &w : waivers) {
                if (w.controlId != r.controlId || !w.appliesTo(node))
                    continue;
                if (w.expiredOn(today)) {
                    if (!expired)
                        expired = &w;
                    continue;
                }
                match = &w;
                break;
            }
            const Waiver *chosen = match ? match : expired;
            if (!chosen)
                continue;
            used.insert(chosen->id);
            r.waiver =
                AppliedWaiver{chosen->id, chosen->justification, chosen->owner, chosen->expires};
            if (match) {
                r.originalStatus = r.status;
                r.status = Status::Waived;
                ++outcome.applied;
            } else {
                ++outcome.expired;
            }
        }
    }
    for (const Waiver &w : waivers)
        if (!used.contains(w.id))
            outcome.unused << w.id;
    return outcome;
}

} // namespace kinspect
