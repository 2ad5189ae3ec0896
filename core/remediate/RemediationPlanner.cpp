#include "remediate/RemediationPlan.h"
#include "snapshot/KubeletFiles.h"

#include "evaluate/ArgvParser.h"
#include "evaluate/Operators.h"
#include "evaluate/Profile.h"
#include "remediate/ConfigEditor.h"
#include "remediate/FlagEditor.h"

#include <QCryptographicHash>
#include <QRegularExpression>

namespace kinspect {

namespace {

const QString kExtraArgs = QStringLiteral("KUBELET_EXTRA_ARGS");

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// The plan being built: files in the order they were first touched.
struct Draft
{
    QStringList order;
    QHash<QString, FileChange> changes;

    FileChange &file(const QString &path, FileChange::Kind kind)
    {
        const QString key = QString::number(int(kind)) + QLatin1Char(':') + path;
        if (!changes.contains(key)) {
            order << key;
            FileChange c;
            c.kind = kind;
            c.path = path;
            changes.insert(key, c);
        }
        return changes[key];
    }
};

} // namespace

QString followUpName(FollowUp f)
{
    switch (f) {
    case FollowUp::None:
        return QStringLiteral("none");
    case FollowUp::StaticPodWait:
        return QStringLiteral("static-pod");
    case FollowUp::KubeletRestart:
        return QStringLiteral("kubelet-restart");
    }
    return QStringLiteral("none");
}

QString RemediationPlan::unifiedDiff() const
{
    QString out;
    for (const FileChange &c : changes) {
        switch (c.kind) {
        case FileChange::Kind::Content:
            out += c.diff.unified(QStringLiteral("a") + c.path, QStringLiteral("b") + c.path);
            break;
        case FileChange::Kind::Mode:
            out += QStringLiteral("chmod %1 %2   (mode %3 -> %1)\n").arg(c.to, c.path, c.from);
            break;
        case FileChange::Kind::Owner:
            out += QStringLiteral("chown %1 %2   (owner %3 -> %1)\n").arg(c.to, c.path, c.from);
            break;
        }
    }
    return out;
}

QString RemediationPlan::loggedDiff() const
{
    RemediationPlan copy = *this;
    QString out;
    for (const FileChange &c : changes) {
        if (c.kind == FileChange::Kind::Content && c.sensitive) {
            out += QStringLiteral("--- a%1 (holds secrets: diff not logged, %2 line(s) added, %3 "
                                  "removed)\n")
                       .arg(c.path)
                       .arg(c.diff.added())
                       .arg(c.diff.removed());
            continue;
        }
        copy.changes = {c};
        out += copy.unifiedDiff();
    }
    return out;
}

QStringList RemediationPlan::followUpCommands() const
{
    if (followUp == FollowUp::KubeletRestart)
        return {QStringLiteral("systemctl daemon-reload"),
                QStringLiteral("systemctl restart kubelet")};
    return {};
}

RemediationPlanner::RemediationPlanner(const Benchmark &benchmark, const Control &control,
                                       const NodeSnapshot &snapshot, const ControlResult &result)
    : m_benchmark(benchmark), m_control(control), m_snapshot(snapshot), m_result(result)
{}

QList<RemediationParam> RemediationPlanner::parameters() const
{
    QList<RemediationParam> out;
    if (!m_control.fix)
        return out;
    const PathProfile profile =
        PathProfile::forSnapshot(m_snapshot.distribution, m_snapshot.profile);
    for (const FixParam &p : m_control.fix->params) {
        RemediationParam r;
        r.name = p.name;
        r.label = p.label;
        r.defaultValue = profile.expand(p.defaultValue);
        r.value = r.defaultValue;
        r.validate = p.validate.isEmpty() ? QStringLiteral("none") : p.validate;
        out << r;
    }
    return out;
}

Expected<QStringList> RemediationPlanner::filesToEdit(const QMap<QString, QString> &values) const
{
    auto p = plan(values);
    if (!p)
        return p.error();
    QStringList out;
    for (const FileChange &c : p->changes)
        if (c.kind == FileChange::Kind::Content)
            out << c.path;
    return out;
}

Expected<RemediationPlan> RemediationPlanner::plan(const QMap<QString, QString> &values,
                                                   const QHash<QString, QByteArray> &contents) const
{
    RemediationPlan plan;
    plan.controlId = m_control.id;
    plan.controlTitle = m_control.title;
    plan.benchmarkId = m_benchmark.id;
    plan.node = m_snapshot.hostname;
    if (!m_control.fix)
        return Error{QStringLiteral("control %1 has no machine remediation; its remediation text "
                                    "says what to change by hand")
                         .arg(m_control.id),
                     QString(), 0};
    plan.params = parameters();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        bool known = false;
        for (RemediationParam &p : plan.params) {
            if (p.name != it.key())
                continue;
            known = true;
            p.value = it.value();
        }
        if (!known) {
            QStringList names;
            for (const RemediationParam &p : plan.params)
                names << p.name;
            return Error{QStringLiteral("control %1 has no parameter '%2' (it has: %3)")
                             .arg(m_control.id, it.key(),
                                  names.isEmpty() ? QStringLiteral("none")
                                                  : names.join(QLatin1String(", "))),
                         QString(), 0};
        }
    }
    for (const RemediationParam &p : plan.params) {
        if (p.value.isEmpty() || p.value.contains(QLatin1Char('\n')) ||
            p.value.contains(QLatin1Char('\r')) || p.value.contains(QChar(0)))
            return Error{
                QStringLiteral("parameter %1 needs a one-line, non-empty value").arg(p.name),
                QString(), 0};
        if (p.validate != QLatin1String("none") && !p.value.startsWith(QLatin1Char('/')))
            return Error{QStringLiteral("parameter %1 must be an absolute path on the node, not "
                                        "'%2'")
                             .arg(p.name, p.value),
                         QString(), 0};
    }
    const auto subst = [&plan](QString s) {
        for (const RemediationParam &p : plan.params)
            s.replace(QStringLiteral("${param.%1}").arg(p.name), p.value);
        return s;
    };

    const PathProfile profile =
        PathProfile::forSnapshot(m_snapshot.distribution, m_snapshot.profile);
    const QString component = m_control.check ? m_control.check->component : QString();
    const QSet<QString> booleans = m_benchmark.booleanFlags.value(component);
    Draft draft;

    // The bytes to edit: the current version in the draft, else the real file.
    const auto current = [&](const QString &path) -> Expected<QByteArray> {
        const QString key =
            QString::number(int(FileChange::Kind::Content)) + QLatin1Char(':') + path;
        if (draft.changes.contains(key))
            return draft.changes[key].after;
        if (contents.contains(path))
            return contents.value(path);
        const FileContent *fc = m_snapshot.file(path);
        if (!fc)
            return Error{QStringLiteral("the file was not collected from the node"), path, 0};
        if (!fc->skippedReason.isEmpty())
            return Error{
                QStringLiteral("the file was not read by the scan (%1)").arg(fc->skippedReason),
                path, 0};
        if (fc->redacted)
            return Error{
                QStringLiteral("the scan holds a redacted copy; the real file must be read "
                               "from the node"),
                path, 0};
        return fc->data;
    };
    const auto store = [&](const QString &path, const QByteArray &before, const QByteArray &after,
                           const QString &what) {
        const bool fresh = !draft.changes.contains(QString::number(int(FileChange::Kind::Content)) +
                                                   QLatin1Char(':') + path);
        FileChange &c = draft.file(path, FileChange::Kind::Content);
        if (fresh)
            c.before = before;
        c.after = after;
        if (!what.isEmpty() && !c.what.contains(what))
            c.what << what;
    };
    const auto editFlags = [&](const QString &path, FlagFileKind kind, const FlagChange &change,
                               const QString &insertVar) -> std::optional<Error> {
        auto before = current(path);
        if (!before)
            return before.error();
        auto after = FlagEditor::edit(*before, path, kind, change, booleans, insertVar);
        if (!after)
            return after.error();
        if (*after != *before)
            store(path, *before, *after, change.describe());
        return std::nullopt;
    };

    // The kubelet's flag files: units and drop-ins, the EnvironmentFiles they name, and the
    // usual env files.
    QStringList kubeletFiles;
    if (component == QLatin1String("kubelet"))
        kubeletFiles = kubeletFlagFiles(m_snapshot);
    const auto kindOf = [](const QString &path) {
        return path.endsWith(QLatin1String(".service")) || path.endsWith(QLatin1String(".conf"))
                   ? FlagFileKind::SystemdUnit
                   : FlagFileKind::EnvironmentFile;
    };
    const ProcessInfo *proc = component.isEmpty() ? nullptr : m_snapshot.process(component);
    const ParsedArgs args = ParsedArgs::parse(proc ? proc->argv : QStringList(), booleans);

    for (const FixAction &a : m_control.fix->actions) {
        if (a.action == QLatin1String("chmod") || a.action == QLatin1String("chown")) {
            const bool isMode = a.action == QLatin1String("chmod");
            const QString key = isMode ? QStringLiteral("mode") : QStringLiteral("owner");
            const QString to = subst(isMode ? a.mode : a.owner);
            const auto add = [&](const QString &path, const QString &from) {
                FileChange &c =
                    draft.file(path, isMode ? FileChange::Kind::Mode : FileChange::Kind::Owner);
                c.from = from;
                c.to = to;
                c.what = {QStringLiteral("%1 %2").arg(a.action, to)};
            };
            // The files the evaluation found failing ...
            for (const Evidence &ev : m_result.evidence) {
                if (ev.source != QLatin1String("stat") || ev.passed || ev.key != key ||
                    ev.actual == QLatin1String("missing"))
                    continue;
                add(ev.path, ev.actual);
            }
            // ... and, for recursive checks, every failing entry of the tree (the evidence
            // list stops after 20 failures to keep reports readable).
            QList<Test> tests = m_control.check ? m_control.check->tests : QList<Test>();
            while (!tests.isEmpty()) {
                const Test t = tests.takeFirst();
                tests += t.children;
                if (t.kind != Test::Kind::File || t.property != key || !t.file.recursive ||
                    t.file.kind != FileTarget::Kind::Path)
                    continue;
                QString root = profile.expand(t.file.path);
                if (!root.endsWith(QLatin1Char('/')))
                    root += QLatin1Char('/');
                const QRegularExpression glob =
                    t.file.glob.isEmpty()
                        ? QRegularExpression()
                        : QRegularExpression(
                              QRegularExpression::wildcardToRegularExpression(t.file.glob));
                QStringList paths = m_snapshot.stats.keys();
                paths.sort();
                for (const QString &path : paths) {
                    const auto it = m_snapshot.stats.constFind(path);
                    const FileStat &st = *it;
                    const bool inTree =
                        it.key() + QLatin1Char('/') == root || it.key().startsWith(root);
                    if (!st.exists() || !inTree || st.type == FileStat::Type::Symlink)
                        continue;
                    if (!t.file.glob.isEmpty() &&
                        !glob.match(it.key().section(QLatin1Char('/'), -1)).hasMatch())
                        continue;
                    const OpOutcome o =
                        isMode ? applyBitmask(st.mode, t.values.value(0))
                               : applyOwner(st.user, st.group, st.uid, st.gid, t.values);
                    if (!o.pass && !o.error)
                        add(it.key(),
                            isMode ? modeString(st.mode) : st.user + QLatin1Char(':') + st.group);
                }
            }
            continue;
        }
        FlagChange change;
        change.flag = a.flag;
        change.value = subst(a.value);
        change.item = subst(a.item);
        change.key = subst(a.key);
        if (a.action == QLatin1String("set"))
            change.op = FlagChange::Op::Set;
        else if (a.action == QLatin1String("remove"))
            change.op = FlagChange::Op::Remove;
        else if (a.action == QLatin1String("addItem"))
            change.op = FlagChange::Op::AddItem;
        else if (a.action == QLatin1String("removeItem"))
            change.op = FlagChange::Op::RemoveItem;
        else if (a.action == QLatin1String("setKey"))
            change.op = FlagChange::Op::SetKey;
        else
            return Error{QStringLiteral("unknown fix action '%1'").arg(a.action),
                         m_control.sourceFile, m_control.sourceLine};
        if (component.isEmpty())
            return Error{QStringLiteral("control %1 changes a flag but names no component")
                             .arg(m_control.id),
                         m_control.sourceFile, m_control.sourceLine};

        if (component != QLatin1String("kubelet")) {
            // A static-pod component: its manifest carries every flag.
            const QString manifest = profile.expand(QStringLiteral("${manifests}/")) + component +
                                     QLatin1String(".yaml");
            if (!m_snapshot.file(manifest) && !contents.contains(manifest))
                return Error{QStringLiteral("%1 does not run from a static-pod manifest on this "
                                            "node; change its flags where it is started")
                                 .arg(component),
                             manifest, 0};
            if (auto e = editFlags(manifest, FlagFileKind::Manifest, change, QString()))
                return *e;
            plan.followUp = FollowUp::StaticPodWait;
            plan.component = component;
            continue;
        }

        // The kubelet: the flag where it is given, else its config file key, else a new flag.
        plan.followUp = FollowUp::KubeletRestart;
        plan.component = component;
        QStringList setting;
        for (const QString &f : kubeletFiles) {
            auto data = current(f);
            if (!data)
                continue;
            auto has = FlagEditor::hasFlag(*data, f, kindOf(f), change.flag, booleans);
            if (has && *has)
                setting << f;
        }
        if (!setting.isEmpty()) {
            for (const QString &f : setting)
                if (auto e = editFlags(f, kindOf(f), change, QString()))
                    return *e;
            continue;
        }
        if (args.has(change.flag))
            return Error{
                QStringLiteral("the kubelet runs with %1, but none of its unit files, "
                               "drop-ins or environment files sets it; change it where the "
                               "kubelet is started")
                    .arg(change.flag),
                QString(), 0};
        const QString configPath = args.has(QStringLiteral("--config"))
                                       ? args.value(QStringLiteral("--config"))
                                       : QString();
        if (change.op == FlagChange::Op::Remove && !a.config.isEmpty() && !configPath.isEmpty()) {
            auto before = current(configPath);
            if (!before)
                return before.error();
            auto after = ConfigEditor::removeKey(*before, configPath, a.config);
            if (!after)
                return after.error();
            if (*after != *before)
                store(configPath, *before, *after, QStringLiteral("remove %1").arg(a.config));
            continue;
        }
        if (change.op == FlagChange::Op::Remove || change.op == FlagChange::Op::RemoveItem)
            continue; // not given: nothing to remove
        if (!a.config.isEmpty() && !configPath.isEmpty()) {
            if (change.op == FlagChange::Op::AddItem)
                return Error{QStringLiteral("adding a list item to %1 in the config file is not "
                                            "supported; edit it by hand")
                                 .arg(a.config),
                             configPath, 0};
            const QString keyPath = change.op == FlagChange::Op::SetKey
                                        ? a.config + QLatin1Char('.') + change.key
                                        : a.config;
            auto before = current(configPath);
            if (!before)
                return before.error();
            auto after = ConfigEditor::setKey(*before, configPath, keyPath, change.value);
            if (!after)
                return after.error();
            if (*after != *before)
                store(configPath, *before, *after,
                      QStringLiteral("set %1: %2").arg(keyPath, change.value));
            continue;
        }
        // Add the flag to KUBELET_EXTRA_ARGS where that variable is defined (an
        // EnvironmentFile's value overrides a drop-in's Environment=), else to
        // /etc/default/kubelet.
        QString target;
        for (int pass = 0; pass < 2 && target.isEmpty(); ++pass) {
            for (const QString &f : kubeletFiles) {
                const bool env = kindOf(f) == FlagFileKind::EnvironmentFile;
                if (env != (pass == 0))
                    continue;
                auto data = current(f);
                if (data && FlagEditor::hasVariable(*data, kindOf(f), kExtraArgs))
                    target = f;
            }
        }
        if (target.isEmpty())
            for (const QString &f :
                 {QStringLiteral("/etc/default/kubelet"), QStringLiteral("/etc/sysconfig/kubelet")})
                if (target.isEmpty() && kubeletFiles.contains(f))
                    target = f;
        if (target.isEmpty())
            return Error{
                QStringLiteral("no kubelet environment file to add %1 to").arg(change.flag),
                QString(), 0};
        if (auto e = editFlags(target, kindOf(target), change, kExtraArgs))
            return *e;
    }

    for (const QString &key : draft.order) {
        FileChange c = draft.changes.value(key);
        if (c.kind == FileChange::Kind::Content) {
            if (c.before == c.after)
                continue;
            c.beforeSha256 = sha256Hex(c.before);
            c.afterSha256 = sha256Hex(c.after);
            c.diff = LineDiff::compute(c.before, c.after);
            const FileContent *scanned = m_snapshot.file(c.path);
            c.sensitive = scanned && scanned->redacted;
        }
        plan.changes << c;
    }
    if (plan.changes.isEmpty()) {
        plan.followUp = FollowUp::None;
        plan.notes << QStringLiteral("nothing to change: the files already say what the fix "
                                     "would write");
    }
    return plan;
}

} // namespace kinspect
