#include "evaluate/Evaluator.h"

#include "evaluate/ArgvParser.h"
#include "evaluate/Distributions.h"
#include "evaluate/Operators.h"
#include "evaluate/Profile.h"
#include "snapshot/KubeletFiles.h"
#include "util/ContentCache.h"
#include "util/Yaml.h"

#include <QRegularExpression>
#include <QStringBuilder>

#include <algorithm>
#include <memory>
#include <optional>

namespace kinspect {

namespace {

const QString kControlPlane = QStringLiteral("control-plane");
const QString kEtcd = QStringLiteral("etcd");
const QString kWorker = QStringLiteral("worker");

bool isControlPlaneComponent(const QString &c)
{
    return c == QLatin1String("kube-apiserver") || c == QLatin1String("kube-controller-manager") ||
           c == QLatin1String("kube-scheduler");
}

// One config-file entry, flattened: "authentication.anonymous.enabled" -> value and line.
struct ConfigEntry
{
    Value value;
    int line = 0;
};

// A config file's settings as parsed, independent of where the file was found.
struct ParsedConfig
{
    std::optional<Error> error; // without the file name: the caller knows where it read it
    QHash<QString, ConfigEntry> entries;
};

struct ConfigFile
{
    QString path;
    std::optional<Error> error;
    std::shared_ptr<const ParsedConfig> parsed; // null when there was nothing to parse
};

void flatten(const YAML::Node &node, const QString &prefix, QHash<QString, ConfigEntry> *out)
{
    if (node.IsMap()) {
        ConfigEntry self;
        self.value.set = true;
        self.line = yaml::line(node);
        QStringList kv;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = yaml::str(it->first);
            const QString path = prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
            if (it->second.IsScalar())
                kv << key + QLatin1Char('=') + yaml::str(it->second);
            flatten(it->second, path, out);
        }
        self.value.items = kv; // a map seen as a list of k=v (feature gates)
        self.value.scalar = kv.join(QLatin1Char(','));
        if (!prefix.isEmpty())
            out->insert(prefix, self);
        return;
    }
    ConfigEntry e;
    e.line = yaml::line(node);
    if (node.IsScalar()) {
        e.value.set = true;
        e.value.scalar = yaml::str(node);
    } else if (node.IsSequence()) {
        e.value.set = true;
        for (const auto &item : node)
            if (item.IsScalar())
                e.value.items << yaml::str(item);
        e.value.scalar = e.value.items.join(QLatin1Char(','));
    } else {
        return; // null: treated as absent, as Kubernetes' decoder does
    }
    out->insert(prefix, e);
}

// Parsing a config file is the largest single cost of evaluating a node, and the nodes of a
// cluster mostly carry byte-identical kubelet and kube-proxy configs (kubeadm writes the same
// KubeletConfiguration to every node): parsed once per distinct content and scan worker.
ContentCache<ParsedConfig> &configCache()
{
    static ContentCache<ParsedConfig> cache;
    return cache;
}

std::shared_ptr<const ParsedConfig> parseConfig(const QByteArray &data)
{
    return configCache().get(data, [](const QByteArray &content) {
        ParsedConfig parsed;
        auto doc = yaml::parse(content, QString());
        if (!doc) {
            parsed.error = doc.error();
        } else if (!doc->IsMap() && !doc->IsNull()) {
            parsed.error = Error{QStringLiteral("the config file is not a mapping of settings"),
                                 QString(), yaml::line(*doc)};
        } else if (doc->IsMap()) {
            flatten(*doc, QString(), &parsed.entries);
        }
        return parsed;
    });
}

struct Outcome
{
    enum Kind
    {
        Pass,
        Fail,
        NotApplicable,
        Error
    };
    Kind kind = Pass;
    QString reason;
    QList<Evidence> evidence;
    QString remediationFile;
};

// Resolved value of a setting with its provenance.
struct Resolved
{
    Value value;
    QString source; // argv | config | default | unset
    QString path;
    QString key;
    QString command;
    int line = 0;
    int occurrences = 0; // of the flag on the command line
};

// Per-node evaluation state: parsed argv per component, parsed config files, roles.
class NodeView
{
public:
    NodeView(const Benchmark &b, const NodeSnapshot &s, const NodeContext &ctx)
        : m_b(b), m_s(s), m_profile(PathProfile::forSnapshot(s.distribution, s.profile))
    {
        m_roles = ctx.declaredRoles;
        for (QString &r : m_roles)
            if (r == QLatin1String("master"))
                r = kControlPlane;
        m_declared = !m_roles.isEmpty();
        for (const QString &r : Evaluator::detectRoles(s))
            if (!m_roles.contains(r))
                m_roles << r;
        // A node that runs a control plane is not also a "worker" for display purposes.
        if (m_roles.contains(kControlPlane) && !ctx.declaredRoles.contains(kWorker))
            m_roles.removeAll(kWorker);
    }

    const QStringList &roles() const { return m_roles; }
    const PathProfile &profile() const { return m_profile; }

    const ProcessInfo *process(const QString &component) const { return m_s.process(component); }

    const ParsedArgs &args(const QString &component)
    {
        auto it = m_args.find(component);
        if (it == m_args.end()) {
            const ProcessInfo *p = m_s.process(component);
            it = m_args.insert(component, ParsedArgs::parse(p ? p->argv : QStringList(),
                                                            m_b.booleanFlags.value(component)));
        }
        return *it;
    }

    // The --config file of a component, if it uses one (kubelet, kube-proxy).
    const ConfigFile *configFile(const QString &component)
    {
        if (component != QLatin1String("kubelet") && component != QLatin1String("kube-proxy"))
            return nullptr;
        auto known = m_componentConfig.constFind(component);
        if (known == m_componentConfig.constEnd())
            known = m_componentConfig.insert(component, findConfigFile(component));
        return *known;
    }

    // configFile() the first time for a component.
    const ConfigFile *findConfigFile(const QString &component)
    {
        const ParsedArgs &a = args(component);
        if (!a.has(QStringLiteral("--config")))
            return nullptr;
        const QString path = a.value(QStringLiteral("--config"));
        auto it = m_configs.find(path);
        if (it != m_configs.end())
            return it->get();
        auto cf = std::make_unique<ConfigFile>();
        cf->path = path;
        const FileContent *fc = m_s.file(path);
        const FileStat *st = m_s.stat(path);
        // A component running in a container (kube-proxy as a kubeadm DaemonSet) reads its
        // --config inside the container; the collector reads it through /proc/PID/root.
        if (const ProcessInfo *p = m_s.process(component); !fc && p) {
            const QString inside = QStringLiteral("/proc/%1/root").arg(p->pid) + path;
            if (const FileContent *c = m_s.file(inside)) {
                fc = c;
                st = m_s.stat(inside);
                cf->path = inside;
            }
        }
        if (path.isEmpty()) {
            cf->error = Error{QStringLiteral("%1 is started with an empty --config").arg(component),
                              QString(), 0};
        } else if (!fc) {
            if (st && !st->exists())
                cf->error = Error{
                    QStringLiteral("%1's --config names a file that does not exist").arg(component),
                    path, 0};
            else
                cf->error = Error{QStringLiteral("the config file was not collected from the node"),
                                  path, 0};
        } else if (!fc->skippedReason.isEmpty()) {
            cf->error = Error{
                QStringLiteral("the config file was not read: %1").arg(fc->skippedReason), path, 0};
        } else {
            cf->parsed = parseConfig(fc->data);
            if (cf->parsed->error) {
                cf->error = cf->parsed->error;
                cf->error->file = path;
            }
        }
        return m_configs.insert(path, std::move(cf)).value().get();
    }

    bool hasRole(const QString &role) const { return m_roles.contains(role); }
    bool declared() const { return m_declared; }

    // Does the node have the kubelet at all (process or unit file)?
    bool hasKubelet() const
    {
        if (m_s.process(QStringLiteral("kubelet")))
            return true;
        return !unitFiles(QStringLiteral("kubelet")).isEmpty();
    }

    // Files that can carry a component's flags: its static-pod manifest, or for the kubelet its
    // unit, drop-ins and EnvironmentFiles. Computed once per component and node.
    const QStringList &flagSourceFiles(const QString &component) const
    {
        auto it = m_flagFiles.constFind(component);
        if (it != m_flagFiles.constEnd())
            return *it;
        QStringList out;
        if (component != QLatin1String("kubelet")) {
            const QString manifest = m_profile.expand(QStringLiteral("${manifests}/")) + component +
                                     QLatin1String(".yaml");
            if (m_s.file(manifest))
                out << manifest;
        } else {
            out = kubeletFlagFiles(m_s);
            out.sort();
        }
        return *m_flagFiles.insert(component, out);
    }

    // The file that sets `flag` for `component` (the place a fix must edit), or "": the first of
    // the flag source files where the flag appears followed by '=', a quote, white space or the
    // end of the file. Cached per node; the files are decoded once.
    QString fileSettingFlag(const QString &component, const QString &flag) const
    {
        const std::pair<QString, QString> cacheKey{component, flag};
        auto cached = m_flagHome.constFind(cacheKey);
        if (cached != m_flagHome.constEnd())
            return *cached;
        QString found;
        for (const QString &f : flagSourceFiles(component)) {
            if (setsFlag(fileText(f), flag)) {
                found = f;
                break;
            }
        }
        m_flagHome.insert(cacheKey, found);
        return found;
    }

    // Same as matching QRegularExpression(escape(flag) + "(=|\\s|\"|'|$)"): PCRE2's \s under
    // Unicode properties (Qt's default) is exactly QChar::isSpace(), and '$' (end, or before a
    // final newline) is covered by the end check and isSpace('\n').
    static bool setsFlag(const QString &text, const QString &flag)
    {
        if (flag.isEmpty())
            return true;
        for (qsizetype pos = text.indexOf(flag); pos >= 0; pos = text.indexOf(flag, pos + 1)) {
            const qsizetype next = pos + flag.size();
            if (next >= text.size())
                return true;
            const QChar c = text.at(next);
            if (c == QLatin1Char('=') || c == QLatin1Char('"') || c == QLatin1Char('\'') ||
                c.isSpace())
                return true;
        }
        return false;
    }

    const QString &fileText(const QString &path) const
    {
        auto it = m_fileText.constFind(path);
        if (it == m_fileText.constEnd())
            it = m_fileText.insert(path, QString::fromUtf8(m_s.file(path)->data));
        return *it;
    }

    // The existing unit files and drop-ins of a systemd unit among the stat'ed paths.
    const QStringList &unitFiles(const QString &unit) const
    {
        auto it = m_unitFiles.constFind(unit);
        if (it != m_unitFiles.constEnd())
            return *it;
        QStringList out;
        // Every systemd unit directory ends in "/systemd/system": a cheap test first.
        for (auto st = m_s.stats.cbegin(); st != m_s.stats.cend(); ++st)
            if (st.key().contains(QLatin1String("/systemd/system/")) && st->exists() &&
                isSystemdUnitFile(st.key(), unit))
                out << st.key();
        return *m_unitFiles.insert(unit, out);
    }

    QString flagSourceHint(const QString &component) const
    {
        const QStringList &files = flagSourceFiles(component);
        if (component != QLatin1String("kubelet"))
            return files.value(0);
        // kubeadm puts extra kubelet flags in /etc/default/kubelet (KUBELET_EXTRA_ARGS).
        for (const QString &f : files)
            if (f.endsWith(QLatin1String("/default/kubelet")) ||
                f.endsWith(QLatin1String("/sysconfig/kubelet")))
                return f;
        return files.value(0);
    }

    Resolved resolve(const SettingRef &ref, const QString &component, std::optional<Error> *error)
    {
        Resolved r;
        const ProcessInfo *p = process(component);
        const ParsedArgs &a = args(component);
        const auto [argvPath, argvCmd] = argvWhere(component, p); // copies: the cache may grow
        if (!ref.flag.isEmpty() && a.has(ref.flag)) {
            bool found = true;
            if (!ref.key.isEmpty()) {
                const auto m = a.map(ref.flag);
                found = m.contains(ref.key);
                if (found) {
                    r.value.set = true;
                    r.value.scalar = m.value(ref.key);
                }
            } else {
                r.value.set = true;
                r.value.scalar = a.value(ref.flag);
            }
            r.occurrences = a.occurrenceCount(ref.flag);
            // A repeated list flag adds up (pflag's slices); one occurrence's items are its
            // value split, which the list operators do themselves.
            if (ref.key.isEmpty() && r.occurrences > 1)
                r.value.items = a.list(ref.flag);
            if (found) {
                r.source = QStringLiteral("argv");
                r.path = argvPath;
                r.key = ref.key.isEmpty() ? ref.flag : ref.flag + QLatin1Char(':') + ref.key;
                r.command = argvCmd;
                const QString from = fileSettingFlag(component, ref.flag);
                if (!from.isEmpty())
                    r.path = from;
                return r;
            }
        }
        const ConfigFile *cf = nullptr;
        if (!ref.config.isEmpty())
            cf = configFile(component);
        if (cf) {
            if (cf->error) {
                *error = cf->error;
                return r;
            }
            const QString key =
                ref.key.isEmpty() ? ref.config : ref.config + QLatin1Char('.') + ref.key;
            const auto it = cf->parsed->entries.constFind(key);
            if (it != cf->parsed->entries.constEnd()) {
                r.value = it->value;
                r.source = QStringLiteral("config");
                r.path = cf->path;
                r.key = key;
                r.line = it->line;
                r.command = QLatin1String("grep -n '") %
                            QStringView(key).mid(key.lastIndexOf(QLatin1Char('.')) + 1) %
                            QLatin1String("' ") % cf->path;
                return r;
            }
        }
        const std::optional<QString> def =
            (cf && ref.configDefault) ? ref.configDefault : ref.defaultValue;
        r.key = !ref.flag.isEmpty() ? ref.flag : ref.config;
        if (!ref.key.isEmpty())
            r.key += QLatin1Char(':') + ref.key;
        if (def) {
            r.value.set = true;
            r.value.scalar = *def; // its items: the list operators split it
            r.source = QStringLiteral("default");
            r.path = cf ? cf->path : argvPath;
        } else {
            r.source = QStringLiteral("unset");
            r.path = cf ? cf->path : argvPath;
        }
        r.command = argvCmd;
        return r;
    }

    const NodeSnapshot &snapshot() const { return m_s; }

private:
    // Where a component's command line is read on the node and the command that shows it.
    const std::pair<QString, QString> &argvWhere(const QString &component, const ProcessInfo *p)
    {
        auto it = m_argvWhere.constFind(component);
        if (it == m_argvWhere.constEnd())
            it = m_argvWhere.insert(
                component,
                {p ? QStringLiteral("/proc/%1/cmdline").arg(p->pid)
                   : QStringLiteral("/proc/*/cmdline"),
                 p ? QStringLiteral("tr '\\0' '\\n' < /proc/%1/cmdline").arg(p->pid) : QString()});
        return *it;
    }

    const Benchmark &m_b;
    const NodeSnapshot &m_s;
    PathProfile m_profile;
    QStringList m_roles;
    bool m_declared = false;
    QHash<QString, ParsedArgs> m_args;
    QHash<QString, std::shared_ptr<ConfigFile>> m_configs;
    QHash<QString, const ConfigFile *> m_componentConfig; // component -> configFile()
    // Per-node caches of values that depend only on the snapshot.
    mutable QHash<QString, QStringList> m_flagFiles; // component -> flagSourceFiles()
    mutable QHash<std::pair<QString, QString>, QString> m_flagHome; // fileSettingFlag()
    mutable QHash<QString, QString> m_fileText;                     // path -> decoded content
    mutable QHash<QString, QStringList> m_unitFiles;                // unit -> unitFiles()
    QHash<QString, std::pair<QString, QString>> m_argvWhere;        // component -> argvWhere()
};

class ControlEvaluator
{
public:
    ControlEvaluator(NodeView &view, const Check &check) : m_view(view), m_check(check) {}

    Outcome run() { return combineTests(m_check.tests, m_check.matchAll); }

    // Component availability: nullopt when it runs; else the outcome to report.
    std::optional<Outcome> componentGate(const QString &component)
    {
        if (component.isEmpty() || m_view.process(component))
            return std::nullopt;
        Outcome o;
        bool expected = false;
        if (isControlPlaneComponent(component))
            expected = m_view.hasRole(kControlPlane);
        else if (component == kEtcd)
            expected = m_view.hasRole(kEtcd);
        else if (component == QLatin1String("kubelet"))
            expected = true; // the node section applies only to nodes that should run one
        // kube-proxy is optional: CNIs such as Cilium replace it.
        if (expected) {
            o.kind = Outcome::Error;
            o.reason =
                QStringLiteral("%1 is not running on this node, so its settings cannot be audited")
                    .arg(component);
        } else {
            o.kind = Outcome::NotApplicable;
            o.reason = component % QLatin1String(" does not run on this node");
        }
        return o;
    }

private:
    // The outcome of several tests; one test is its own outcome (combine() of one part changes
    // nothing), which most checks are.
    Outcome combineTests(const QList<Test> &tests, bool all)
    {
        if (tests.size() == 1)
            return test(tests.first());
        QList<Outcome> parts;
        parts.reserve(tests.size());
        for (const Test &t : tests)
            parts << test(t);
        return combine(std::move(parts), all);
    }

    static Outcome combine(QList<Outcome> &&parts, bool all)
    {
        Outcome out;
        int pass = 0, fail = 0, err = 0, na = 0;
        qsizetype evidence = 0;
        for (const Outcome &p : parts)
            evidence += p.evidence.size();
        out.evidence.reserve(evidence);
        for (Outcome &p : parts) {
            out.evidence.append(std::move(p.evidence));
            if (out.remediationFile.isEmpty() && p.kind != Outcome::Pass)
                out.remediationFile = p.remediationFile;
            switch (p.kind) {
            case Outcome::Pass:
                ++pass;
                break;
            case Outcome::Fail:
                ++fail;
                break;
            case Outcome::Error:
                ++err;
                break;
            case Outcome::NotApplicable:
                ++na;
                break;
            }
        }
        const auto firstReason = [&parts](Outcome::Kind k) {
            for (const Outcome &p : parts)
                if (p.kind == k && !p.reason.isEmpty())
                    return p.reason;
            return QString();
        };
        if (out.remediationFile.isEmpty() && !parts.isEmpty())
            out.remediationFile = parts.first().remediationFile;
        if (all) {
            if (fail)
                out.kind = Outcome::Fail;
            else if (err)
                out.kind = Outcome::Error;
            else if (na == parts.size())
                out.kind = Outcome::NotApplicable;
            else
                out.kind = Outcome::Pass;
        } else {
            if (pass)
                out.kind = Outcome::Pass;
            else if (err)
                out.kind = Outcome::Error;
            else if (fail)
                out.kind = Outcome::Fail;
            else
                out.kind = Outcome::NotApplicable;
        }
        out.reason = firstReason(out.kind);
        return out;
    }

    Outcome test(const Test &t)
    {
        switch (t.kind) {
        case Test::Kind::All:
        case Test::Kind::Any:
            return combineTests(t.children, t.kind == Test::Kind::All);
        case Test::Kind::Setting:
            return settingTest(t);
        case Test::Kind::File:
            return fileTest(t);
        }
        return {};
    }

    Outcome settingTest(const Test &t)
    {
        const QString component =
            t.setting.component.isEmpty() ? m_check.component : t.setting.component;
        if (auto gate = componentGate(component))
            return *gate;
        std::optional<Error> error;
        const Resolved r = m_view.resolve(t.setting, component, &error);
        Outcome o;
        if (error) {
            o.kind = Outcome::Error;
            o.reason = error->toString();
            o.evidence << Evidence{QStringLiteral("config"),
                                   error->file,
                                   t.setting.config,
                                   QString(),
                                   t.expectation(),
                                   QString(),
                                   false};
            o.remediationFile = error->file;
            return o;
        }
        const OpOutcome res = applyOp(t.op, r.value, t.values);
        // List operators see every occurrence of a repeated flag (pflag slices accumulate);
        // show the value they saw.
        const bool listOp = t.op == Op::Has || t.op == Op::NotHave || t.op == Op::ValidElements;
        const QString seen =
            listOp && r.occurrences > 1 ? r.value.items.join(QLatin1Char(',')) : r.value.scalar;
        Evidence ev;
        ev.source = r.source;
        ev.path = r.path;
        ev.key = r.line > 0
                     ? r.key % QLatin1String(" (line ") % QString::number(r.line) % QLatin1Char(')')
                     : r.key;
        ev.actual = r.source == QLatin1String("unset") ? QString() : seen;
        ev.expected = t.expectation();
        ev.command = r.command;
        ev.passed = res.pass && !res.error;
        o.evidence.append(std::move(ev));
        // Where would a fix go: where the value comes from, else the flag's usual home.
        if (r.source == QLatin1String("config"))
            o.remediationFile = r.path;
        else if (r.source == QLatin1String("argv") && !r.path.startsWith(QLatin1String("/proc/")))
            o.remediationFile = r.path;
        else if (const ConfigFile *cf =
                     t.setting.config.isEmpty() ? nullptr : m_view.configFile(component))
            o.remediationFile = cf->path;
        else
            o.remediationFile = m_view.flagSourceHint(component);

        // Built with QStringBuilder (one allocation each): these run for every setting test on
        // every node.
        QString shown = r.source == QLatin1String("unset")
                            ? QStringLiteral("is not set")
                            : QLatin1String("is '") % seen % QLatin1String("' (") % sourceWords(r) %
                                  QLatin1Char(')');
        if (listOp && r.occurrences > 1)
            shown += QLatin1String(", given ") % QString::number(r.occurrences) %
                     QLatin1String(" times; the lists add up");
        if (res.error) {
            o.kind = Outcome::Error;
            o.reason = r.key % QLatin1String(": ") % res.message;
        } else if (res.pass) {
            o.kind = Outcome::Pass;
            o.reason = r.key % QLatin1Char(' ') % shown % QLatin1String(", as required (") %
                       o.evidence.constLast().expected % QLatin1Char(')');
        } else {
            o.kind = Outcome::Fail;
            o.reason = r.key % QLatin1Char(' ') % shown % QLatin1String("; required: ") %
                       o.evidence.constLast().expected;
        }
        return o;
    }

    static QString sourceWords(const Resolved &r)
    {
        if (r.source == QLatin1String("argv"))
            return r.path.startsWith(QLatin1String("/proc/"))
                       ? QStringLiteral("command line")
                       : QLatin1String("command line, set in ") % r.path;
        if (r.source == QLatin1String("config"))
            return r.path % QLatin1String(" line ") % QString::number(r.line);
        if (r.source == QLatin1String("default"))
            return QStringLiteral("default");
        return r.source;
    }

    // The paths a file test looks at, or an outcome when they cannot be known.
    std::variant<QStringList, Outcome> targets(const Test &t)
    {
        const NodeSnapshot &s = m_view.snapshot();
        QStringList roots;
        switch (t.file.kind) {
        case FileTarget::Kind::Path: {
            const QString p = m_view.profile().expand(t.file.path);
            if (p.contains(QLatin1String("${"))) {
                Outcome o;
                o.kind = Outcome::Error;
                o.reason = QStringLiteral("unknown path variable in '%1'").arg(t.file.path);
                return o;
            }
            roots << p;
            break;
        }
        case FileTarget::Kind::PathFrom: {
            const QString component =
                t.file.from.component.isEmpty() ? m_check.component : t.file.from.component;
            SettingRef ref = t.file.from;
            if (ref.defaultValue)
                ref.defaultValue = m_view.profile().expand(*ref.defaultValue);
            if (ref.configDefault)
                ref.configDefault = m_view.profile().expand(*ref.configDefault);
            if (!component.isEmpty() && !m_view.process(component) && !ref.defaultValue) {
                if (auto gate = componentGate(component))
                    return *gate;
            }
            std::optional<Error> error;
            const Resolved r = m_view.resolve(ref, component, &error);
            if (error) {
                Outcome o;
                o.kind = Outcome::Error;
                o.reason = error->toString();
                return o;
            }
            if (!r.value.set || r.value.scalar.isEmpty())
                return missingOutcome(t, r.key % QLatin1String(" names no file on this node"),
                                      QString());
            roots << r.value.scalar;
            break;
        }
        case FileTarget::Kind::Unit: {
            // k3s and RKE2 run the kubelet inside their own service.
            QStringList units{t.file.unit};
            if (t.file.unit == QLatin1String("kubelet") && s.distribution == QLatin1String("k3s"))
                units = {QStringLiteral("k3s"), QStringLiteral("k3s-agent")};
            else if (t.file.unit == QLatin1String("kubelet") &&
                     s.distribution == QLatin1String("rke2"))
                units = {QStringLiteral("rke2-server"), QStringLiteral("rke2-agent")};
            for (const QString &unit : units)
                roots << m_view.unitFiles(unit);
            roots.sort();
            if (roots.isEmpty())
                return missingOutcome(
                    t,
                    QStringLiteral("no systemd unit file for %1.service was found")
                        .arg(units.join(QLatin1String(".service or "))),
                    QString());
            return roots;
        }
        }
        if (!t.file.recursive)
            return roots;
        QStringList all;
        const QRegularExpression glob = cachedRegex(
            t.file.glob.isEmpty() ? QString()
                                  : QRegularExpression::wildcardToRegularExpression(t.file.glob));
        for (const QString &root : roots) {
            const FileStat *rootStat = s.stat(root);
            if (!rootStat || !rootStat->exists()) {
                all << root; // reported as missing / not collected below
                continue;
            }
            if (t.file.glob.isEmpty())
                all << root;
            const QString prefix = root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/');
            for (auto it = s.stats.cbegin(); it != s.stats.cend(); ++it) {
                if (!it.key().startsWith(prefix) || !it->exists())
                    continue;
                const QString &p = it.key();
                if (!t.file.glob.isEmpty() &&
                    !glob.match(QStringView(p).mid(p.lastIndexOf(QLatin1Char('/')) + 1)).hasMatch())
                    continue;
                all << p;
            }
        }
        all.sort();
        return all;
    }

    Outcome missingOutcome(const Test &t, const QString &what, const QString &path)
    {
        Outcome o;
        o.remediationFile = path;
        switch (t.ifMissing) {
        case IfMissing::Pass:
            o.kind = Outcome::Pass;
            o.reason = what;
            break;
        case IfMissing::Fail:
            o.kind = Outcome::Fail;
            o.reason = what;
            break;
        case IfMissing::NotApplicable:
            o.kind = Outcome::NotApplicable;
            o.reason = t.reason.isEmpty() ? what : what + QLatin1String(": ") + t.reason;
            break;
        case IfMissing::Error:
            o.kind = Outcome::Error;
            o.reason = what;
            break;
        }
        if (!path.isEmpty())
            o.evidence << Evidence{QStringLiteral("stat"),
                                   path,
                                   t.property,
                                   QStringLiteral("missing"),
                                   t.expectation(),
                                   QLatin1String("stat ") % path,
                                   o.kind == Outcome::Pass};
        return o;
    }

    Outcome fileTest(const Test &t)
    {
        auto tg = targets(t);
        if (std::holds_alternative<Outcome>(tg))
            return std::get<Outcome>(tg);
        const QStringList paths = std::get<QStringList>(tg);
        const NodeSnapshot &s = m_view.snapshot();
        QList<Outcome> parts;
        int failures = 0;
        for (const QString &path : paths) {
            const FileStat *st = s.stat(path);
            if (!st) {
                Outcome o;
                o.kind = Outcome::Error;
                o.reason = path % QLatin1String(" was not collected from the node");
                parts << o;
                continue;
            }
            if (!st->exists()) {
                if (t.property == QLatin1String("exists")) {
                    parts << propertyOutcome(t, *st, QStringLiteral("false"));
                    continue;
                }
                parts << missingOutcome(t, path % QLatin1String(" does not exist"), path);
                continue;
            }
            Outcome o = propertyOutcome(t, *st, QString());
            if (o.kind == Outcome::Fail && ++failures > 20)
                o.evidence.clear(); // keep the report readable on a large tree
            parts << o;
        }
        if (paths.isEmpty()) {
            Outcome o;
            o.kind = Outcome::NotApplicable;
            o.reason = QStringLiteral("no files matched");
            return o;
        }
        Outcome out = combine(std::move(parts), true);
        if (failures > 1)
            out.reason = QString::number(failures) % QLatin1String(" of ") %
                         QString::number(paths.size()) % QLatin1String(" files: ") % out.reason;
        return out;
    }

    Outcome propertyOutcome(const Test &t, const FileStat &st, const QString &existsOverride)
    {
        Outcome o;
        Evidence ev;
        ev.source = QStringLiteral("stat");
        ev.path = st.path;
        ev.key = t.property;
        ev.expected = t.expectation();
        OpOutcome res;
        if (t.property == QLatin1String("mode")) {
            ev.actual = modeString(st.mode);
            ev.command = QStringLiteral("stat -c '%a' ") + st.path;
            if (t.op == Op::Bitmask)
                res = applyBitmask(st.mode, t.values.value(0));
            else
                res = applyOp(t.op, Value{true, ev.actual, {}}, t.values);
        } else if (t.property == QLatin1String("owner")) {
            ev.actual = st.user + QLatin1Char(':') + st.group;
            ev.command = QStringLiteral("stat -c '%U:%G' ") + st.path;
            if (t.op == Op::Owner)
                res = applyOwner(st.user, st.group, st.uid, st.gid, t.values);
            else
                res = applyOp(t.op, Value{true, ev.actual, {}}, t.values);
        } else {
            ev.actual = existsOverride.isEmpty() ? QStringLiteral("true") : existsOverride;
            ev.command = QStringLiteral("ls -ld ") + st.path;
            res = applyOp(t.op, Value{true, ev.actual, {}}, t.values);
        }
        ev.passed = res.pass && !res.error;
        o.evidence.append(std::move(ev));
        const Evidence &e = o.evidence.constLast();
        o.remediationFile = st.path;
        if (res.error) {
            o.kind = Outcome::Error;
            o.reason = res.message;
        } else if (res.pass) {
            o.kind = Outcome::Pass;
            o.reason = t.property % QLatin1String(" of ") % st.path % QLatin1String(" is ") %
                       e.actual % QLatin1String(" (") % e.expected % QLatin1Char(')');
        } else {
            o.kind = Outcome::Fail;
            o.reason = t.property % QLatin1String(" of ") % st.path % QLatin1String(" is ") %
                       e.actual % QLatin1String("; required: ") % e.expected;
            if (!res.message.isEmpty())
                o.reason += QLatin1String(" (") % res.message % QLatin1Char(')');
        }
        return o;
    }

    NodeView &m_view;
    const Check &m_check;
};

Status toStatus(Outcome::Kind k)
{
    switch (k) {
    case Outcome::Pass:
        return Status::Pass;
    case Outcome::Fail:
        return Status::Fail;
    case Outcome::NotApplicable:
        return Status::NotApplicable;
    case Outcome::Error:
        return Status::Error;
    }
    return Status::Error;
}

} // namespace

QStringList Evaluator::detectRoles(const NodeSnapshot &s)
{
    QStringList roles;
    const QString manifests =
        PathProfile::forDistribution(s.distribution).expand(QStringLiteral("${manifests}/"));
    const auto present = [&s, &manifests](const QString &component) {
        if (s.process(component))
            return true;
        const FileStat *st = s.stat(manifests + component + QLatin1String(".yaml"));
        return st && st->exists();
    };
    if (present(QStringLiteral("kube-apiserver")) ||
        present(QStringLiteral("kube-controller-manager")) ||
        present(QStringLiteral("kube-scheduler")))
        roles << kControlPlane;
    if (present(kEtcd))
        roles << kEtcd;
    if (s.process(QStringLiteral("kubelet")) && !roles.contains(kControlPlane))
        roles << kWorker;
    return roles;
}

void Evaluator::clearCaches()
{
    configCache().clear();
    distributions::clearCaches();
}

QString Evaluator::kubernetesVersion(const NodeSnapshot &s)
{
    for (const char *c : {"kubelet", "kube-apiserver", "kube-proxy", "k3s", "rke2"}) {
        const QString v = s.versions.value(QLatin1String(c));
        if (!v.isEmpty())
            return v;
    }
    return QString();
}

NodeResult Evaluator::evaluate(const NodeSnapshot &snapshot, const NodeContext &context) const
{
    if (auto d = synthesizeDistributionComponents(snapshot)) // k3s/rke2: rebuilt component argv
        return evaluate(*d, context);
    NodeView view(m_benchmark, snapshot, context);
    NodeResult out;
    out.name = context.name;
    out.host = context.host;
    out.roles = view.roles();
    out.distribution =
        snapshot.distribution.isEmpty() ? QStringLiteral("unknown") : snapshot.distribution;
    out.kubernetesVersion = kubernetesVersion(snapshot);
    out.collectedAt = snapshot.collectedAt;
    out.audited = true;
    out.results.reserve(m_benchmark.controls.size());

    const bool kubelet = view.hasKubelet() || view.declared();
    // Controls come sorted, so a section's controls follow each other: look its node type up
    // once per run of controls.
    const QString *typeSection = nullptr;
    NodeType nt = NodeType::Node;
    for (const Control &c : m_benchmark.controls) {
        ControlResult r;
        r.controlId = c.id;
        if (!typeSection || *typeSection != c.sectionId) {
            nt = m_benchmark.nodeTypeOf(c);
            typeSection = &c.sectionId;
        }
        QString naReason;
        switch (nt) {
        case NodeType::Master:
            if (!view.hasRole(kControlPlane))
                naReason = QStringLiteral("not a control-plane node");
            break;
        case NodeType::Etcd:
            if (!view.hasRole(kEtcd))
                naReason = QStringLiteral("etcd does not run on this node");
            break;
        case NodeType::Node:
            if (!kubelet)
                naReason = QStringLiteral("no kubelet on this node: not a Kubernetes node");
            break;
        case NodeType::ControlPlane:
        case NodeType::Policies:
            if (!view.hasRole(kControlPlane))
                naReason =
                    QStringLiteral("cluster-wide control, reviewed once on the control plane");
            break;
        }
        if (!naReason.isEmpty()) {
            r.status = Status::NotApplicable;
            r.reason = naReason;
            out.results.append(std::move(r));
            continue;
        }
        if (!c.check) {
            r.status = Status::Manual;
            r.reason = QStringLiteral("needs a person's review; see the audit guidance");
            out.results.append(std::move(r));
            continue;
        }
        ControlEvaluator ce(view, *c.check);
        Outcome o;
        if (auto gate = ce.componentGate(c.check->component))
            o = *gate;
        else
            o = ce.run();
        r.evidence = std::move(o.evidence);
        r.remediationFile = std::move(o.remediationFile);
        if (!c.automated) {
            r.status = o.kind == Outcome::NotApplicable ? Status::NotApplicable : Status::Manual;
            r.manualHint = toStatus(o.kind);
            r.reason =
                o.kind == Outcome::NotApplicable
                    ? o.reason
                    : QLatin1String("needs a person's review; the collected data suggests ") %
                          statusName(toStatus(o.kind)) % QLatin1String(": ") % o.reason;
        } else {
            r.status = toStatus(o.kind);
            r.reason = std::move(o.reason);
        }
        out.results.append(std::move(r));
    }
    return out;
}

QString selectBenchmarkId(const QList<Benchmark> &benchmarks, const QString &kubernetesVersion)
{
    if (benchmarks.isEmpty())
        return QString();
    static const QRegularExpression ver(QStringLiteral("v?(\\d+)\\.(\\d+)"));
    const auto m = ver.match(kubernetesVersion);
    const auto minorOf = [](const QString &v) {
        const auto mm = ver.match(v);
        return mm.hasMatch() ? mm.captured(1).toInt() * 1000 + mm.captured(2).toInt() : -1;
    };
    const Benchmark *newest = &benchmarks.first();
    for (const auto &b : benchmarks)
        if (minorOf(b.kubernetesMin) > minorOf(newest->kubernetesMin))
            newest = &b;
    if (!m.hasMatch())
        return newest->id;
    const int v = m.captured(1).toInt() * 1000 + m.captured(2).toInt();
    // The benchmark whose range holds the version; else the one with the nearest lower minimum.
    const Benchmark *best = nullptr;
    for (const auto &b : benchmarks) {
        const int lo = minorOf(b.kubernetesMin), hi = minorOf(b.kubernetesMax);
        if (lo <= v && (hi < 0 || v <= hi))
            return b.id;
        if (lo <= v && (!best || lo > minorOf(best->kubernetesMin)))
            best = &b;
    }
    return best ? best->id : newest->id;
}

} // namespace kinspect
