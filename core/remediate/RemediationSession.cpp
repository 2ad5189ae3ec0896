#include "remediate/RemediationSession.h"

#include "evaluate/Evaluator.h"
#include "evaluate/Profile.h"
#include "remediate/FlagEditor.h"
#include "scan/ScanEngine.h"
#include "snapshot/SnapshotParser.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QThread>

namespace kinspect {

namespace {

QString b64d(const QByteArray &field)
{
    return QString::fromUtf8(QByteArray::fromBase64(field));
}

QString backupName(const QString &path)
{
    QString n = path.mid(path.startsWith(QLatin1Char('/')) ? 1 : 0);
    n.replace(QLatin1Char('%'), QLatin1String("%25"));
    n.replace(QLatin1Char('/'), QLatin1String("%2F"));
    return n;
}

QString kindName(FileChange::Kind k)
{
    switch (k) {
    case FileChange::Kind::Content:
        return QStringLiteral("content");
    case FileChange::Kind::Mode:
        return QStringLiteral("mode");
    case FileChange::Kind::Owner:
        return QStringLiteral("owner");
    }
    return QString();
}

// The component a static-pod manifest path belongs to ("/etc/kubernetes/manifests/etcd.yaml").
QString componentOfManifest(const QString &path)
{
    QString base = path.section(QLatin1Char('/'), -1);
    if (base.endsWith(QLatin1String(".yaml")))
        base.chop(5);
    return base;
}

} // namespace

bool RemediationSession::passes(const ControlResult &r)
{
    // A manual control never turns PASS; what the data suggests is the re-check.
    return r.status == Status::Pass ||
           (r.status == Status::Manual && r.manualHint && *r.manualHint == Status::Pass);
}

RemediationSession::RemediationSession(ICommandRunner *runner, NodeSpec node,
                                       const Benchmark &benchmark, RemediationOptions options)
    : m_runner(runner), m_node(std::move(node)), m_benchmark(benchmark),
      m_options(std::move(options))
{}

QByteArray RemediationSession::script()
{
    QFile f(QStringLiteral(":/remediate/kinspect-remediate.sh"));
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.readAll();
}

RemoteCommand RemediationSession::scriptCommand(const QStringList &args, const QByteArray &data)
{
    RemoteCommand c;
    c.argv = QStringList{QStringLiteral("sh"), QStringLiteral("-s"), QStringLiteral("--")} + args;
    // New content travels inside the script as base64 in a quoted here-document: base64 has no
    // character the shell or the delimiter could confuse.
    QByteArray prefix = "kr_data() {\n";
    if (data.isEmpty()) {
        prefix += ":\n";
    } else {
        prefix += "cat <<'KR_DATA_END'\n";
        const QByteArray b64 = data.toBase64();
        for (qsizetype i = 0; i < b64.size(); i += 76)
            prefix += b64.mid(i, 76) + '\n';
        prefix += "KR_DATA_END\n";
    }
    prefix += "}\n";
    c.stdinData = prefix + script();
    c.privileged = true;
    c.maxOutputBytes = 16 * 1024 * 1024;
    return c;
}

void RemediationSession::say(const QString &line) const
{
    if (m_options.progress)
        m_options.progress(line);
}

Expected<QList<QByteArray>> RemediationSession::runScript(const QStringList &args,
                                                          const QByteArray &data, int *exitStatus)
{
    RemoteResult rr;
    RemoteError err;
    if (!m_runner->connect(m_options.cancel, &err) ||
        !m_runner->run(scriptCommand(args, data), &rr, m_options.cancel, &err))
        return Error{QStringLiteral("%1: %2").arg(m_node.name, err.message), QString(), 0};
    if (exitStatus)
        *exitStatus = rr.exitStatus;
    QList<QByteArray> lines = rr.stdoutData.split('\n');
    while (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (rr.exitStatus != 0) {
        for (const QByteArray &l : lines) {
            const QList<QByteArray> f = l.split('\t');
            if (f.value(0) == "ERROR") // the node's own words, said for which node
                return Error{QStringLiteral("%1: %2").arg(m_node.name, b64d(f.value(1))), QString(),
                             0};
            if (f.value(0) == "CHANGED")
                return Error{QStringLiteral("the file changed since the scan (its sha256 is now "
                                            "%1): re-scan before remediating")
                                 .arg(QString::fromLatin1(f.value(2))),
                             b64d(f.value(1)), 0};
        }
        return Error{QStringLiteral("%1: the remediation script failed (exit %2): %3")
                         .arg(m_node.name)
                         .arg(rr.exitStatus)
                         .arg(QString::fromUtf8(rr.stderrData.left(500)).trimmed()),
                     QString(), 0};
    }
    return lines;
}

Expected<NodeSnapshot> RemediationSession::collect()
{
    RemoteResult rr;
    RemoteError err;
    if (!m_runner->connect(m_options.cancel, &err) ||
        !m_runner->run(ScanEngine::collectorCommand(m_node), &rr, m_options.cancel, &err))
        return Error{QStringLiteral("%1: %2").arg(m_node.name, err.message), QString(), 0};
    if (rr.exitStatus != 0)
        return Error{QStringLiteral("%1: the collector failed (exit %2)")
                         .arg(m_node.name)
                         .arg(rr.exitStatus),
                     QString(), 0};
    return parseSnapshot(rr.stdoutData, m_node.name);
}

Expected<ControlResult> RemediationSession::audit(const QString &controlId)
{
    auto snap = collect();
    if (!snap)
        return snap.error();
    setSnapshot(*snap);
    if (!m_benchmark.control(controlId))
        return Error{QStringLiteral("%1 has no control %2").arg(m_benchmark.id, controlId),
                     QString(), 0};
    const NodeResult nr =
        Evaluator(m_benchmark)
            .evaluate(m_snapshot, NodeContext{m_node.name, m_node.host, m_node.roles});
    for (const ControlResult &r : nr.results)
        if (r.controlId == controlId)
            m_result = r;
    return m_result;
}

void RemediationSession::setSnapshot(const NodeSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_haveSnapshot = true;
}

QList<RemediationParam> RemediationSession::parameters(const QString &controlId) const
{
    const Control *c = m_benchmark.control(controlId);
    if (!c)
        return {};
    return RemediationPlanner(m_benchmark, *c, m_snapshot, m_result).parameters();
}

Expected<RemediationPlan> RemediationSession::plan(const QString &controlId,
                                                   const QMap<QString, QString> &values)
{
    const Control *c = m_benchmark.control(controlId);
    if (!c)
        return Error{QStringLiteral("%1 has no control %2").arg(m_benchmark.id, controlId),
                     QString(), 0};
    if (!m_haveSnapshot) {
        auto r = audit(controlId);
        if (!r)
            return r.error();
    } else if (m_result.controlId != controlId) {
        const NodeResult nr =
            Evaluator(m_benchmark)
                .evaluate(m_snapshot, NodeContext{m_node.name, m_node.host, m_node.roles});
        for (const ControlResult &r : nr.results)
            if (r.controlId == controlId)
                m_result = r;
    }
    RemediationPlanner planner(m_benchmark, *c, m_snapshot, m_result);
    // Locate the files on the scan's copies (a redacted copy is good enough to find a flag),
    // then plan again on the real files read from the node.
    QHash<QString, QByteArray> located;
    for (auto it = m_snapshot.files.cbegin(); it != m_snapshot.files.cend(); ++it)
        if (it->skippedReason.isEmpty())
            located.insert(it.key(), it->data);
    auto first = planner.plan(values, located);
    if (!first)
        return first.error();
    QStringList paths;
    for (const FileChange &ch : first->changes)
        if (ch.kind == FileChange::Kind::Content)
            paths << ch.path;
    QHash<QString, QByteArray> fresh;
    if (!paths.isEmpty()) {
        say(QStringLiteral("reading %1 from %2").arg(paths.join(QLatin1String(", ")), m_node.name));
        auto lines = runScript(QStringList{QStringLiteral("read")} + paths);
        if (!lines)
            return lines.error();
        for (const QByteArray &l : *lines) {
            const QList<QByteArray> f = l.split('\t');
            const QString path = b64d(f.value(1));
            if (f.value(0) == "MISSING")
                return Error{QStringLiteral("the file is missing (or a symlink) on %1 now: "
                                            "re-scan")
                                 .arg(m_node.name),
                             path, 0};
            if (f.value(0) != "FILE" || f.size() < 7)
                continue;
            const QByteArray data = QByteArray::fromBase64(f.value(6));
            const QByteArray sha = f.value(2);
            if (QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex() != sha)
                return Error{QStringLiteral("the file's content was damaged in transfer"), path, 0};
            const FileContent *scanned = m_snapshot.file(path);
            if (scanned && !scanned->sha256.isEmpty() && scanned->sha256 != "-" &&
                scanned->sha256 != sha)
                return Error{QStringLiteral("the file changed on %1 since the scan: re-scan "
                                            "before remediating")
                                 .arg(m_node.name),
                             path, 0};
            fresh.insert(path, data);
        }
        for (const QString &p : paths)
            if (!fresh.contains(p))
                return Error{QStringLiteral("could not read the file from %1").arg(m_node.name), p,
                             0};
    }
    auto plan = planner.plan(values, fresh);
    if (!plan)
        return plan.error();
    plan->node = m_node.name;
    for (FileChange &ch : plan->changes)
        if (const FileContent *fc = m_snapshot.file(ch.path))
            ch.sensitive = fc->redacted;
    return plan;
}

std::optional<Error> RemediationSession::validate(const RemediationPlan &plan)
{
    QHash<QString, QStringList> byKind;
    QHash<QString, QString> nameOf;
    for (const RemediationParam &p : plan.params) {
        if (p.validate == QLatin1String("none") || p.validate.isEmpty())
            continue;
        byKind[p.validate] << p.value;
        nameOf.insert(p.value, p.name);
    }
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
        say(QStringLiteral("checking %1 on %2")
                .arg(it.value().join(QLatin1String(", ")), m_node.name));
        auto lines = runScript(QStringList{QStringLiteral("check"), it.key()} + it.value());
        if (!lines)
            return lines.error();
        for (const QByteArray &l : *lines) {
            const QList<QByteArray> f = l.split('\t');
            if (f.value(0) == "BAD") {
                const QString path = b64d(f.value(1));
                return Error{QStringLiteral("parameter %1 on %2: %3")
                                 .arg(nameOf.value(path), m_node.name, b64d(f.value(2))),
                             path, 0};
            }
        }
    }
    return std::nullopt;
}

Expected<ApplyResult> RemediationSession::apply(const RemediationPlan &plan)
{
    ApplyResult out;
    const PathProfile profile =
        PathProfile::forSnapshot(m_snapshot.distribution, m_snapshot.profile);
    const QString manifests = profile.expand(QStringLiteral("${manifests}"));
    QString root = m_options.backupRoot;
    while (root.endsWith(QLatin1Char('/')) && root.size() > 1)
        root.chop(1);
    if (!root.startsWith(QLatin1Char('/')) || root.startsWith(manifests + QLatin1Char('/')) ||
        root == manifests || root.startsWith(QLatin1String("/etc/kubernetes/manifests")))
        return Error{QStringLiteral("the backup directory must be an absolute path outside every "
                                    "static-pod directory"),
                     root, 0};
    out.backupDir =
        QStringLiteral("%1/%2-%3-%4")
            .arg(root,
                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")),
                 plan.controlId,
                 QString::number(QRandomGenerator::global()->generate() & 0xffff, 16));
    for (const FileChange &c : plan.changes) {
        RemediationRecord::Item item;
        item.path = c.path;
        item.kind = kindName(c.kind);
        item.backup = out.backupDir + QLatin1Char('/') + backupName(c.path);
        Expected<QList<QByteArray>> r = QList<QByteArray>();
        switch (c.kind) {
        case FileChange::Kind::Content:
            say(QStringLiteral("writing %1 on %2 (backup in %3)")
                    .arg(c.path, m_node.name, out.backupDir));
            r = runScript({QStringLiteral("apply"), c.path, QString::fromLatin1(c.beforeSha256),
                           QString::fromLatin1(c.afterSha256), item.backup},
                          c.after);
            item.writtenSha256 = QString::fromLatin1(c.afterSha256);
            break;
        case FileChange::Kind::Mode:
            say(QStringLiteral("chmod %1 %2 on %3").arg(c.to, c.path, m_node.name));
            r = runScript({QStringLiteral("chmod"), c.path, c.to, item.backup});
            break;
        case FileChange::Kind::Owner:
            say(QStringLiteral("chown %1 %2 on %3").arg(c.to, c.path, m_node.name));
            r = runScript({QStringLiteral("chown"), c.path, c.to, item.backup});
            break;
        }
        if (!r) {
            // Undo what was already written before reporting.
            if (!out.items.isEmpty()) {
                RemediationRecord rec;
                rec.items = out.items;
                rollback(rec, false);
            }
            Error e = r.error();
            if (e.file.isEmpty())
                e.file = c.path;
            return e;
        }
        out.items << item;
    }
    return out;
}

bool RemediationSession::waitForProcess(const QString &component,
                                        const std::function<bool(const ProcessInfo &)> &ok,
                                        QString *message)
{
    QElapsedTimer total;
    total.start();
    qint64 candidate = 0;
    QElapsedTimer stable;
    while (total.elapsed() < qint64(m_options.waitSeconds) * 1000) {
        if (m_options.cancel && m_options.cancel->load()) {
            *message = QStringLiteral("cancelled while waiting for %1").arg(component);
            return false;
        }
        auto snap = collect();
        if (snap) {
            const ProcessInfo *p = snap->process(component);
            if (p && ok(*p)) {
                if (candidate == p->pid &&
                    stable.elapsed() >= qint64(m_options.stableSeconds) * 1000)
                    return true;
                if (candidate != p->pid) {
                    candidate = p->pid;
                    stable.start();
                }
            } else {
                candidate = 0;
            }
        }
        QThread::msleep(candidate ? 500 : 1000);
    }
    *message = QStringLiteral("%1 on %2 did not come back (running and stable for %3 s) within "
                              "%4 s")
                   .arg(component, m_node.name)
                   .arg(m_options.stableSeconds)
                   .arg(m_options.waitSeconds);
    return false;
}

RemediationSession::FollowUpState
RemediationSession::followUp(const RemediationPlan &plan, bool restartConfirmed, QString *message)
{
    QString dummy;
    QString *msg = message ? message : &dummy;
    switch (plan.followUp) {
    case FollowUp::None:
        return FollowUpState::Done;
    case FollowUp::StaticPodWait: {
        QStringList expected;
        for (const FileChange &c : plan.changes)
            if (c.kind == FileChange::Kind::Content &&
                componentOfManifest(c.path) == plan.component)
                if (auto items = FlagEditor::items(c.after, c.path, FlagFileKind::Manifest))
                    expected = *items;
        say(QStringLiteral("waiting for the kubelet to restart %1 on %2")
                .arg(plan.component, m_node.name));
        const bool ok = waitForProcess(
            plan.component,
            [&expected](const ProcessInfo &p) {
                return !expected.isEmpty() && p.argv.size() >= expected.size() &&
                       p.argv.mid(p.argv.size() - expected.size()) == expected;
            },
            msg);
        return ok ? FollowUpState::Done : FollowUpState::Failed;
    }
    case FollowUp::KubeletRestart: {
        if (!restartConfirmed) {
            *msg = QStringLiteral("the kubelet must be restarted for the change to take effect: "
                                  "%1")
                       .arg(plan.followUpCommands().join(QLatin1String(" && ")));
            return FollowUpState::NeedsConfirmation;
        }
        qint64 oldPid = 0;
        if (auto snap = collect())
            if (const ProcessInfo *p = snap->process(QStringLiteral("kubelet")))
                oldPid = p->pid;
        say(QStringLiteral("systemctl daemon-reload && systemctl restart kubelet on %1")
                .arg(m_node.name));
        auto r = runScript({QStringLiteral("restart-kubelet")});
        if (!r) {
            *msg = r.error().toString();
            return FollowUpState::Failed;
        }
        const bool ok = waitForProcess(
            QStringLiteral("kubelet"), [oldPid](const ProcessInfo &p) { return p.pid != oldPid; },
            msg);
        return ok ? FollowUpState::Done : FollowUpState::Failed;
    }
    }
    return FollowUpState::Done;
}

Expected<ControlResult> RemediationSession::recheck(const QString &controlId)
{
    say(QStringLiteral("re-checking %1 on %2").arg(controlId, m_node.name));
    auto snap = collect();
    if (!snap)
        return snap.error();
    const NodeResult nr =
        Evaluator(m_benchmark).evaluate(*snap, NodeContext{m_node.name, m_node.host, m_node.roles});
    for (const ControlResult &r : nr.results)
        if (r.controlId == controlId)
            return r;
    return Error{QStringLiteral("%1 has no control %2").arg(m_benchmark.id, controlId), QString(),
                 0};
}

std::optional<Error> RemediationSession::rollback(const RemediationRecord &record, bool restart)
{
    QStringList manifests;
    bool kubelet = record.followUp == followUpName(FollowUp::KubeletRestart);
    for (auto it = record.items.crbegin(); it != record.items.crend(); ++it) {
        say(QStringLiteral("restoring %1 on %2 from %3").arg(it->path, m_node.name, it->backup));
        Expected<QList<QByteArray>> r =
            it->kind == QLatin1String("content")
                ? runScript({QStringLiteral("restore"), it->path, it->backup, it->writtenSha256})
                : runScript({QStringLiteral("remeta"), it->path, it->backup});
        if (!r) {
            Error e = r.error();
            if (e.file.isEmpty())
                e.file = it->path;
            return e;
        }
        if (it->kind == QLatin1String("content") &&
            record.followUp == followUpName(FollowUp::StaticPodWait))
            manifests << it->path;
    }
    // Follow-up for the restored files.
    for (const QString &m : manifests) {
        auto lines = runScript({QStringLiteral("read"), m});
        if (!lines || lines->isEmpty())
            continue;
        const QList<QByteArray> f = lines->first().split('\t');
        const QByteArray data = QByteArray::fromBase64(f.value(6));
        auto items = FlagEditor::items(data, m, FlagFileKind::Manifest);
        if (!items)
            continue;
        const QStringList expected = *items;
        QString msg;
        say(QStringLiteral("waiting for %1 to come back with its previous flags")
                .arg(componentOfManifest(m)));
        if (!waitForProcess(
                componentOfManifest(m),
                [&expected](const ProcessInfo &p) {
                    return p.argv.size() >= expected.size() &&
                           p.argv.mid(p.argv.size() - expected.size()) == expected;
                },
                &msg))
            return Error{msg, m, 0};
    }
    if (kubelet && restart) {
        RemediationPlan p;
        p.followUp = FollowUp::KubeletRestart;
        p.component = QStringLiteral("kubelet");
        QString msg;
        if (followUp(p, true, &msg) != FollowUpState::Done)
            return Error{msg, QString(), 0};
    }
    return std::nullopt;
}

std::optional<Error> RemediationSession::rollback(const RemediationPlan &plan,
                                                  const ApplyResult &applied, bool restart)
{
    RemediationRecord rec = record(plan, QStringLiteral("rollback"));
    rec.items = applied.items;
    rec.backupDir = applied.backupDir;
    return rollback(rec, restart);
}

RemediationRecord RemediationSession::record(const RemediationPlan &plan,
                                             const QString &action) const
{
    RemediationRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.localUser = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    r.remoteUser = m_node.user;
    r.node = m_node.name;
    r.host = m_node.host;
    r.benchmarkId = m_benchmark.id;
    r.controlId = plan.controlId;
    r.action = action;
    r.diff = plan.loggedDiff();
    r.followUp = followUpName(plan.followUp);
    r.statusBefore = m_result.controlId == plan.controlId ? statusName(m_result.status) : QString();
    r.outcome = QStringLiteral("planned");
    return r;
}

RemediationRecord RemediationSession::applyAndVerify(const RemediationPlan &plan,
                                                     bool restartConfirmed)
{
    RemediationRecord rec = record(plan, QStringLiteral("apply"));
    if (plan.isEmpty()) {
        rec.message = plan.notes.join(QLatin1String("; "));
        return rec;
    }
    auto applied = apply(plan);
    if (!applied) {
        rec.outcome = applied.error().message.contains(QLatin1String("changed"))
                          ? QStringLiteral("refused")
                          : QStringLiteral("error");
        rec.message = applied.error().toString();
        return rec;
    }
    rec.items = applied->items;
    rec.backupDir = applied->backupDir;
    QString msg;
    const FollowUpState fu = followUp(plan, restartConfirmed, &msg);
    if (fu == FollowUpState::NeedsConfirmation) {
        rec.outcome = QStringLiteral("applied");
        rec.message = msg;
        return rec;
    }
    if (fu == FollowUpState::Failed) {
        rec.message = msg;
        if (!m_options.autoRollback) {
            rec.outcome = QStringLiteral("error");
            return rec;
        }
        say(QStringLiteral("%1; rolling back").arg(msg));
        const auto rb = rollback(plan, *applied, restartConfirmed);
        rec.outcome = rb ? QStringLiteral("rollback-failed") : QStringLiteral("rolled-back");
        if (rb)
            rec.message += QStringLiteral("; rollback failed: ") + rb->toString();
        else
            rec.message += QStringLiteral("; rolled back from ") + applied->backupDir;
        if (auto r = recheck(plan.controlId))
            rec.statusAfter = statusName(r->status);
        return rec;
    }
    auto r = recheck(plan.controlId);
    if (!r) {
        rec.outcome = QStringLiteral("error");
        rec.message = r.error().toString();
        return rec;
    }
    rec.statusAfter = statusName(r->status);
    rec.outcome = passes(*r) ? QStringLiteral("verified") : QStringLiteral("recheck-failed");
    rec.message = r->reason;
    return rec;
}

} // namespace kinspect
