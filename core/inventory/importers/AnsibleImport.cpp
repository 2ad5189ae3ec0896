#include "inventory/importers/InventoryImport.h"
#include "util/Yaml.h"

#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>

namespace kinspect {

namespace {

struct AnsibleHost
{
    QString name;
    QMap<QString, QString> vars;
    QStringList groups;
    int line = 0;
};

struct AnsibleGroup
{
    QMap<QString, QString> vars;
    QStringList children;
    int line = 0;
};

struct Model
{
    QList<QString> hostOrder;
    QHash<QString, AnsibleHost> hosts;
    QHash<QString, AnsibleGroup> groups;

    AnsibleHost &host(const QString &name, int line)
    {
        if (!hosts.contains(name)) {
            hostOrder << name;
            hosts.insert(name, AnsibleHost{name, {}, {}, line});
        }
        return hosts[name];
    }
};

QString normalizedGroup(const QString &g)
{
    QString s = g.toLower();
    s.replace(QLatin1Char('-'), QLatin1Char('_'));
    return s;
}

bool truthy(const QString &v)
{
    const QString s = v.trimmed().toLower();
    return s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("1") ||
           s == QLatin1String("on") || s == QLatin1String("y");
}

QString unquote(const QString &v)
{
    if (v.size() >= 2 && ((v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"'))) ||
                          (v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\'')))))
        return v.mid(1, v.size() - 2);
    return v;
}

// Ansible's host ranges: web[01:03].example.org, db-[a:c]. One range per pattern is enough for
// real inventories; nested ranges are expanded recursively.
Expected<QStringList> expandRange(const QString &pattern, const QString &source, int line)
{
    static const QRegularExpression re(
        QStringLiteral("\\[([0-9]+|[a-z]):([0-9]+|[a-z])(?::([0-9]+))?\\]"));
    const auto m = re.match(pattern);
    if (!m.hasMatch()) {
        if (pattern.contains(QLatin1Char('[')) || pattern.contains(QLatin1Char(']')))
            return Error{QStringLiteral("bad host range in \"%1\"").arg(pattern), source, line};
        return QStringList{pattern};
    }
    const QString a = m.captured(1), b = m.captured(2);
    const int step = m.captured(3).isEmpty() ? 1 : m.captured(3).toInt();
    QStringList items;
    bool okA = false, okB = false;
    const int ia = a.toInt(&okA), ib = b.toInt(&okB);
    if (okA && okB) {
        if (ib < ia || step < 1 || (ib - ia) / step > 10000)
            return Error{QStringLiteral("bad host range in \"%1\"").arg(pattern), source, line};
        for (int v = ia; v <= ib; v += step)
            items << (a.startsWith(QLatin1Char('0')) && a.size() > 1
                          ? QStringLiteral("%1").arg(v, a.size(), 10, QLatin1Char('0'))
                          : QString::number(v));
    } else if (!okA && !okB) {
        if (b.at(0) < a.at(0))
            return Error{QStringLiteral("bad host range in \"%1\"").arg(pattern), source, line};
        for (QChar c = a.at(0); c <= b.at(0); c = QChar(c.unicode() + step))
            items << QString(c);
    } else {
        return Error{QStringLiteral("bad host range in \"%1\"").arg(pattern), source, line};
    }
    QStringList out;
    for (const QString &it : items) {
        auto rest = expandRange(
            pattern.left(m.capturedStart(0)) + it + pattern.mid(m.capturedEnd(0)), source, line);
        if (!rest)
            return rest.error();
        out << *rest;
    }
    return out;
}

// `key=value key="quoted value"` of an INI host line (shlex-like).
Expected<QMap<QString, QString>> parseKeyValues(const QString &text, const QString &source,
                                                int line)
{
    QMap<QString, QString> out;
    int i = 0;
    const int n = text.size();
    while (i < n) {
        while (i < n && text.at(i).isSpace())
            ++i;
        if (i >= n || text.at(i) == QLatin1Char('#'))
            break;
        QString word;
        QChar quote;
        while (i < n && (!quote.isNull() || !text.at(i).isSpace())) {
            const QChar c = text.at(i);
            if (quote.isNull() && (c == QLatin1Char('"') || c == QLatin1Char('\'')))
                quote = c;
            else if (!quote.isNull() && c == quote)
                quote = QChar();
            else
                word += c;
            ++i;
        }
        if (!quote.isNull())
            return Error{QStringLiteral("unterminated quote"), source, line};
        const int eq = word.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return Error{QStringLiteral("expected key=value, got \"%1\"").arg(word), source, line};
        out.insert(word.left(eq), word.mid(eq + 1));
    }
    return out;
}

Expected<bool> parseIni(const QByteArray &data, const QString &source, Model *m)
{
    static const QRegularExpression header(QStringLiteral("^\\[([^\\]:\\s]+)(?::([a-z]+))?\\]$"));
    QString group = QStringLiteral("ungrouped");
    QString kind; // "", "vars", "children"
    const QList<QByteArray> lines = data.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
            line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            const auto h = header.match(line);
            if (!h.hasMatch())
                return Error{QStringLiteral("bad section header \"%1\" (expected [group], "
                                            "[group:vars] or [group:children])")
                                 .arg(line),
                             source, lineNo};
            group = h.captured(1);
            kind = h.captured(2);
            if (!kind.isEmpty() && kind != QLatin1String("vars") &&
                kind != QLatin1String("children"))
                return Error{QStringLiteral("unknown section type \":%1\" (expected :vars or "
                                            ":children)")
                                 .arg(kind),
                             source, lineNo};
            if (!m->groups.contains(group))
                m->groups.insert(group, AnsibleGroup{{}, {}, lineNo});
            continue;
        }
        if (kind == QLatin1String("vars")) {
            const int eq = line.indexOf(QLatin1Char('='));
            if (eq <= 0)
                return Error{
                    QStringLiteral("expected key=value in [%1:vars], got \"%2\"").arg(group, line),
                    source, lineNo};
            m->groups[group].vars.insert(line.left(eq).trimmed(),
                                         unquote(line.mid(eq + 1).trimmed()));
            continue;
        }
        if (kind == QLatin1String("children")) {
            if (line.contains(QRegularExpression(QStringLiteral("\\s"))))
                return Error{QStringLiteral("expected one group name per line in "
                                            "[%1:children], got \"%2\"")
                                 .arg(group, line),
                             source, lineNo};
            m->groups[group].children << line;
            if (!m->groups.contains(line))
                m->groups.insert(line, AnsibleGroup{{}, {}, lineNo});
            continue;
        }
        // A host line: NAME [key=value ...]
        const int sp = line.indexOf(QRegularExpression(QStringLiteral("\\s")));
        const QString pattern = sp < 0 ? line : line.left(sp);
        auto vars = parseKeyValues(sp < 0 ? QString() : line.mid(sp), source, lineNo);
        if (!vars)
            return vars.error();
        auto names = expandRange(pattern, source, lineNo);
        if (!names)
            return names.error();
        for (const QString &name : *names) {
            AnsibleHost &h = m->host(name, lineNo);
            for (auto it = vars->cbegin(); it != vars->cend(); ++it)
                h.vars.insert(it.key(), it.value());
            if (!h.groups.contains(group))
                h.groups << group;
        }
    }
    return true;
}

Expected<bool> yamlVars(const YAML::Node &node, const QString &source, const QString &what,
                        QMap<QString, QString> *out)
{
    if (!node || node.IsNull())
        return true;
    if (!node.IsMap())
        return yaml::errorAt(source, node, QStringLiteral("%1 must be a mapping").arg(what));
    for (auto it = node.begin(); it != node.end(); ++it)
        if (it->second.IsScalar())
            out->insert(yaml::str(it->first), yaml::str(it->second));
    return true;
}

Expected<bool> parseYamlGroup(const QString &name, const YAML::Node &g, const QString &source,
                              Model *m, int depth)
{
    if (depth > 64)
        return yaml::errorAt(source, g, QStringLiteral("groups nested too deeply"));
    if (!m->groups.contains(name))
        m->groups.insert(name, AnsibleGroup{{}, {}, yaml::line(g)});
    if (!g || g.IsNull())
        return true;
    if (!g.IsMap())
        return yaml::errorAt(source, g,
                             QStringLiteral("group \"%1\" must be a mapping with hosts, vars or "
                                            "children")
                                 .arg(name));
    for (auto it = g.begin(); it != g.end(); ++it) {
        const QString key = yaml::str(it->first);
        if (key != QLatin1String("hosts") && key != QLatin1String("vars") &&
            key != QLatin1String("children"))
            return yaml::errorAt(source, it->first,
                                 QStringLiteral("unknown key \"%1\" in group \"%2\" (allowed: "
                                                "hosts, vars, children)")
                                     .arg(key, name));
    }
    if (auto r = yamlVars(g["vars"], source, QStringLiteral("\"vars\" of group \"%1\"").arg(name),
                          &m->groups[name].vars);
        !r)
        return r.error();
    if (const YAML::Node hosts = g["hosts"]; hosts && !hosts.IsNull()) {
        if (!hosts.IsMap())
            return yaml::errorAt(source, hosts,
                                 QStringLiteral("\"hosts\" of group \"%1\" must be a mapping of "
                                                "host names")
                                     .arg(name));
        for (auto it = hosts.begin(); it != hosts.end(); ++it) {
            const int line = yaml::line(it->first);
            auto names = expandRange(yaml::str(it->first), source, line);
            if (!names)
                return names.error();
            for (const QString &hn : *names) {
                AnsibleHost &h = m->host(hn, line);
                if (auto r = yamlVars(it->second, source, QStringLiteral("host \"%1\"").arg(hn),
                                      &h.vars);
                    !r)
                    return r.error();
                if (!h.groups.contains(name))
                    h.groups << name;
            }
        }
    }
    if (const YAML::Node children = g["children"]; children && !children.IsNull()) {
        if (!children.IsMap())
            return yaml::errorAt(source, children,
                                 QStringLiteral("\"children\" of group \"%1\" must be a mapping "
                                                "of group names")
                                     .arg(name));
        for (auto it = children.begin(); it != children.end(); ++it) {
            const QString child = yaml::str(it->first);
            if (!m->groups[name].children.contains(child))
                m->groups[name].children << child;
            if (auto r = parseYamlGroup(child, it->second, source, m, depth + 1); !r)
                return r.error();
        }
    }
    return true;
}

Expected<bool> parseYaml(const QByteArray &data, const QString &source, Model *m)
{
    auto doc = yaml::parse(data, source);
    if (!doc)
        return doc.error();
    const YAML::Node root = *doc;
    if (!root.IsMap())
        return yaml::errorAt(source, root,
                             QStringLiteral("an Ansible YAML inventory must be a mapping of "
                                            "groups (usually starting with \"all:\")"));
    for (auto it = root.begin(); it != root.end(); ++it)
        if (auto r = parseYamlGroup(yaml::str(it->first), it->second, source, m, 0); !r)
            return r.error();
    return true;
}

bool looksLikeIni(const QByteArray &data)
{
    static const QRegularExpression sectionLine(QStringLiteral("^\\s*\\[[^\\]]*\\]\\s*$"),
                                                QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(data);
    if (sectionLine.match(text).hasMatch())
        return true;
    // A list of bare host names with key=value pairs and no YAML mapping.
    static const QRegularExpression yamlKey(QStringLiteral("^[^#\\s][^=]*:(\\s|$)"),
                                            QRegularExpression::MultilineOption);
    return !yamlKey.match(text).hasMatch();
}

} // namespace

QString roleForAnsibleGroup(const QString &group)
{
    const QString g = normalizedGroup(group);
    static const QStringList cp{QStringLiteral("control_plane"),
                                QStringLiteral("controlplane"),
                                QStringLiteral("kube_control_plane"),
                                QStringLiteral("kube_master"),
                                QStringLiteral("master"),
                                QStringLiteral("masters"),
                                QStringLiteral("k8s_master"),
                                QStringLiteral("k8s_masters"),
                                QStringLiteral("k8s_control_plane"),
                                QStringLiteral("server"),
                                QStringLiteral("servers"),
                                QStringLiteral("k3s_server"),
                                QStringLiteral("rke2_servers"),
                                QStringLiteral("rke2_server")};
    static const QStringList etcd{QStringLiteral("etcd"), QStringLiteral("etcd_nodes"),
                                  QStringLiteral("kube_etcd"), QStringLiteral("etcd_cluster")};
    static const QStringList worker{QStringLiteral("worker"),      QStringLiteral("workers"),
                                    QStringLiteral("node"),        QStringLiteral("nodes"),
                                    QStringLiteral("kube_node"),   QStringLiteral("kube_nodes"),
                                    QStringLiteral("k8s_worker"),  QStringLiteral("k8s_workers"),
                                    QStringLiteral("k8s_nodes"),   QStringLiteral("agent"),
                                    QStringLiteral("agents"),      QStringLiteral("k3s_agent"),
                                    QStringLiteral("rke2_agents"), QStringLiteral("rke2_agent"),
                                    QStringLiteral("worker_nodes")};
    if (cp.contains(g))
        return QStringLiteral("control-plane");
    if (etcd.contains(g))
        return QStringLiteral("etcd");
    if (worker.contains(g))
        return QStringLiteral("worker");
    return QString();
}

Expected<ImportResult> importAnsibleInventory(const QByteArray &data, const QString &source)
{
    Model m;
    const bool ini = looksLikeIni(data);
    if (auto r = ini ? parseIni(data, source, &m) : parseYaml(data, source, &m); !r)
        return r.error();

    // Parents of each group (through :children), for inherited roles and vars.
    QHash<QString, QStringList> parents;
    for (auto it = m.groups.cbegin(); it != m.groups.cend(); ++it)
        for (const QString &c : it->children)
            parents[c] << it.key();

    ImportResult r;
    r.inventory.cluster = QFileInfo(source).completeBaseName();
    r.inventory.filePath = source;
    r.inventory.defaults.port = 22;
    for (const QString &name : m.hostOrder) {
        const AnsibleHost &h = m.hosts.value(name);
        // Every group the host is in, parents first (depth order), so a child's vars win.
        QList<QPair<int, QString>> chain;
        QStringList seen;
        std::function<void(const QString &, int)> walk = [&](const QString &g, int depth) {
            if (seen.contains(g) || depth > 64)
                return;
            seen << g;
            chain << qMakePair(-depth, g);
            for (const QString &p : parents.value(g))
                walk(p, depth + 1);
        };
        for (const QString &g : h.groups)
            walk(g, 0);
        std::stable_sort(chain.begin(), chain.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        QMap<QString, QString> vars = m.groups.value(QStringLiteral("all")).vars;
        QStringList roles;
        for (const auto &[depth, g] : chain) {
            Q_UNUSED(depth);
            const auto gv = m.groups.value(g).vars;
            for (auto it = gv.cbegin(); it != gv.cend(); ++it)
                vars.insert(it.key(), it.value());
            const QString role = roleForAnsibleGroup(g);
            if (!role.isEmpty() && !roles.contains(role))
                roles << role;
        }
        for (auto it = h.vars.cbegin(); it != h.vars.cend(); ++it)
            vars.insert(it.key(), it.value());
        // kubespray puts control-plane nodes in kube_node too: a control-plane node is not a
        // "worker" unless nothing else is said.
        if (roles.contains(QStringLiteral("control-plane")))
            roles.removeAll(QStringLiteral("worker"));

        NodeSpec n;
        n.name = name;
        n.sourceLine = h.line;
        n.roles = roles;
        const auto pick = [&vars](std::initializer_list<const char *> keys) {
            for (const char *k : keys)
                if (vars.contains(QLatin1String(k)))
                    return vars.value(QLatin1String(k));
            return QString();
        };
        n.host = pick({"ansible_host", "ansible_ssh_host"});
        if (n.host.isEmpty())
            n.host = name;
        n.user = pick({"ansible_user", "ansible_ssh_user"});
        const QString port = pick({"ansible_port", "ansible_ssh_port"});
        if (!port.isEmpty()) {
            bool ok = false;
            n.port = port.toInt(&ok);
            if (!ok || n.port < 1 || n.port > 65535)
                return Error{QStringLiteral("host \"%1\": bad ansible_port \"%2\"").arg(name, port),
                             source, h.line};
        }
        const QString key = pick({"ansible_ssh_private_key_file", "ansible_private_key_file"});
        if (!key.isEmpty())
            n.identityFile = expandHome(key);
        if (truthy(pick({"ansible_become", "ansible_sudo"})) &&
            pick({"ansible_become_user"}).isEmpty() == false &&
            pick({"ansible_become_user"}) != QLatin1String("root"))
            r.warnings << QStringLiteral("%1:%2: host \"%3\": becomes \"%4\", not root; Kinspect "
                                         "uses sudo to root")
                              .arg(source)
                              .arg(h.line)
                              .arg(name, pick({"ansible_become_user"}));
        if (truthy(pick({"ansible_become", "ansible_sudo"}))) {
            const QString method = pick({"ansible_become_method"});
            if (!method.isEmpty() && method != QLatin1String("sudo"))
                r.warnings << QStringLiteral("%1:%2: host \"%3\": become method \"%4\" is read "
                                             "as sudo")
                                  .arg(source)
                                  .arg(h.line)
                                  .arg(name, method);
            n.sudo = pick({"ansible_become_password", "ansible_become_pass", "ansible_sudo_pass"})
                             .isEmpty()
                         ? NodeSpec::SudoMode::NoPasswd
                         : NodeSpec::SudoMode::Password;
        }
        // A ProxyJump in ansible_ssh_common_args / ansible_ssh_extra_args becomes the jump host.
        static const QRegularExpression proxyJump(
            QStringLiteral("(?:-J\\s*|ProxyJump[= ])([^\\s'\"]+)"));
        const auto pj = proxyJump.match(pick({"ansible_ssh_common_args"}) + QLatin1Char(' ') +
                                        pick({"ansible_ssh_extra_args"}));
        if (pj.hasMatch()) {
            QString spec = pj.captured(1).split(QLatin1Char(',')).first();
            JumpHost j;
            j.name = spec;
            const int at = spec.lastIndexOf(QLatin1Char('@'));
            if (at >= 0) {
                j.user = spec.left(at);
                spec = spec.mid(at + 1);
            }
            const int colon = spec.lastIndexOf(QLatin1Char(':'));
            if (colon > 0) {
                j.port = spec.mid(colon + 1).toInt();
                spec = spec.left(colon);
            }
            j.host = spec;
            if (j.port < 1 || j.port > 65535 || j.host.isEmpty())
                return Error{
                    QStringLiteral("host \"%1\": bad ProxyJump \"%2\"").arg(name, pj.captured(1)),
                    source, h.line};
            if (!r.inventory.jumpHost(j.name))
                r.inventory.jumpHosts << j;
            n.jump = j.name;
        }
        r.inventory.nodes << n;
    }
    if (r.inventory.nodes.isEmpty())
        return Error{QStringLiteral("the Ansible inventory names no hosts"), source, 0};
    return r;
}

} // namespace kinspect
