#include "CliCommon.h"
#include "Connection.h"

#include "catalog/CatalogLoader.h"
#include "inventory/Inventory.h"
#include "remediate/RemediationLog.h"
#include "remediate/RemediationSession.h"
#include "ssh/SshCommandRunner.h"
#include "util/Text.h"

namespace kinspect::cli {

namespace {

// Exit codes: 0 the re-check passes (or a dry run / rollback that went through), 1 it does not
// (or the change was rolled back / waits for a restart), 2 nothing could be done on the node
// (refused, unreachable, file changed since the scan), 64 bad usage.
int fail(const QString &node, const Error &e)
{
    QString where =
        e.file.isEmpty()
            ? QString()
            : e.file + (e.line > 0 ? QLatin1Char(':') + QString::number(e.line) : QString()) +
                  QLatin1String(": ");
    err() << "kinspect-cli: " << sanitizeForTerminal(node) << ": " << sanitizeForTerminal(where)
          << sanitizeForTerminal(e.message) << "\n";
    err().flush();
    return NotAudited;
}

int cmdRemediate(const QStringList &args)
{
    Options o;
    ConnectionOptions c;
    QCommandLineOption nodeOpt{QStringLiteral("node"), QStringLiteral("Node to remediate."),
                               QStringLiteral("NAME")};
    QCommandLineOption controlOpt{QStringLiteral("control"), QStringLiteral("Control id."),
                                  QStringLiteral("ID")};
    QCommandLineOption setOpt{QStringLiteral("set"),
                              QStringLiteral("A fix parameter (repeatable)."),
                              QStringLiteral("KEY=VALUE")};
    QCommandLineOption dryRun{QStringLiteral("dry-run"),
                              QStringLiteral("Show the diff; change nothing.")};
    QCommandLineOption applyOpt{QStringLiteral("apply"),
                                QStringLiteral("Write the change, follow up, re-check.")};
    QCommandLineOption restart{
        QStringLiteral("restart"),
        QStringLiteral("Allow systemctl daemon-reload + restart of the kubelet.")};
    QCommandLineOption rollbackOpt{
        QStringLiteral("rollback"),
        QStringLiteral("Undo the last remediation of this control on this node.")};
    QCommandLineOption noValidate{
        QStringLiteral("no-validate"),
        QStringLiteral("Skip the on-node parameter checks (the automatic rollback still guards).")};
    QCommandLineOption wait{QStringLiteral("wait"),
                            QStringLiteral("Seconds the component may take to come back (default "
                                           "90); then the change is rolled back."),
                            QStringLiteral("S"), QStringLiteral("90")};
    QCommandLineOption backupDir{QStringLiteral("backup-dir"),
                                 QStringLiteral("Backup directory on the node (default "
                                                "/var/lib/kinspect/backups)."),
                                 QStringLiteral("DIR"),
                                 QStringLiteral("/var/lib/kinspect/backups")};
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("remediate"), args,
               c.all() + QList<QCommandLineOption>{nodeOpt, controlOpt, o.benchmark, setOpt, dryRun,
                                                   applyOpt, restart, rollbackOpt, noValidate, wait,
                                                   backupDir}))
        return Usage;
    if (!p.isSet(c.inventory) || !p.isSet(nodeOpt) || !p.isSet(controlOpt))
        return usageError(
            QStringLiteral("remediate needs --inventory FILE --node NAME --control ID"));
    const int modes = int(p.isSet(dryRun)) + int(p.isSet(applyOpt)) + int(p.isSet(rollbackOpt));
    if (modes != 1)
        return usageError(QStringLiteral("remediate needs exactly one of --dry-run, --apply and "
                                         "--rollback"));
    bool okW = false;
    const int nWait = p.value(wait).toInt(&okW);
    if (!okW || nWait < 1)
        return usageError(QStringLiteral("--wait takes a number of seconds"));
    QMap<QString, QString> values;
    for (const QString &kv : p.values(setOpt)) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usageError(QStringLiteral("--set takes KEY=VALUE, not '%1'").arg(kv));
        values.insert(kv.left(eq), kv.mid(eq + 1));
    }

    auto conn = openConnection(p, c, QStringLiteral("remediate"));
    if (!conn)
        return Usage;
    const Inventory *inv = &conn->inventory;
    const NodeSpec *node = inv->node(p.value(nodeOpt));
    if (!node)
        return usageError(
            QStringLiteral("%1: no node named '%2'").arg(inv->filePath, p.value(nodeOpt)));
    QString benchmarkId = p.value(o.benchmark);
    if (benchmarkId.isEmpty())
        benchmarkId = inv->benchmark;
    if (benchmarkId.isEmpty())
        return usageError(
            QStringLiteral("remediate needs --benchmark ID (the inventory names none)"));
    auto bench = CatalogLoader::load(benchmarkId);
    if (!bench)
        return usageError(bench.error().toString());
    const QString controlId = p.value(controlOpt);
    const Control *control = bench->control(controlId);
    if (!control)
        return usageError(QStringLiteral("%1 has no control %2").arg(bench->id, controlId));
    if (!control->fix && !p.isSet(rollbackOpt))
        return usageError(QStringLiteral("control %1 has no machine remediation; see its "
                                         "remediation text (kinspect-cli controls)")
                              .arg(controlId));

    // The apply script waits on the node for files to settle; the component wait is local.
    SshOptions ssh = conn->ssh;
    ssh.commandTimeoutSec = qMax(ssh.commandTimeoutSec, 300);
    ssh.secretPrompt = [secrets = conn->secrets, name = node->name](const QString &prompt,
                                                                    QByteArray *secret) {
        return secrets->answer(name, prompt, secret);
    };
    SshCommandRunner runner(*node, *inv, ssh);

    RemediationOptions ro;
    ro.waitSeconds = nWait;
    ro.backupRoot = p.value(backupDir);
    ro.progress = [](const QString &line) {
        err() << "  " << sanitizeForTerminal(line) << "\n";
        err().flush();
    };
    RemediationSession session(&runner, *node, *bench, ro);
    const QString nodeName = node->name;

    if (p.isSet(rollbackOpt)) {
        const QList<RemediationRecord> log = RemediationLog::read();
        const RemediationRecord *last = nullptr;
        for (const RemediationRecord &r : log)
            if (r.node == nodeName && r.controlId == controlId && r.benchmarkId == bench->id &&
                r.action == QLatin1String("apply") && !r.items.isEmpty() &&
                r.outcome != QLatin1String("rolled-back"))
                last = &r;
        if (!last)
            return fail(nodeName, Error{QStringLiteral("no applied remediation of %1 in %2")
                                            .arg(controlId, RemediationLog::defaultPath()),
                                        QString(), 0});
        out() << nodeName << ": rolling back " << controlId << " from " << last->backupDir << "\n";
        out().flush();
        RemediationRecord rec = *last;
        rec.time = QDateTime::currentDateTimeUtc();
        rec.action = QStringLiteral("rollback");
        rec.localUser = qEnvironmentVariable("USER");
        const auto error = session.rollback(*last, p.isSet(restart));
        rec.outcome = error ? QStringLiteral("rollback-failed") : QStringLiteral("rolled-back");
        rec.message = error ? error->toString() : QString();
        if (!error && last->followUp == QLatin1String("kubelet-restart") && !p.isSet(restart))
            out() << "the kubelet must be restarted for the rollback to take effect: "
                     "systemctl daemon-reload && systemctl restart kubelet (or pass --restart)\n";
        if (auto r = session.recheck(controlId)) {
            rec.statusAfter = statusName(r->status);
            out() << nodeName << ": " << controlId << " is now " << statusName(r->status) << ": "
                  << sanitizeForTerminal(r->reason) << "\n";
        }
        RemediationLog::append(rec);
        out().flush();
        if (error)
            return fail(nodeName, *error);
        return Ok;
    }

    auto before = session.audit(controlId);
    if (!before)
        return fail(nodeName, before.error());
    out() << nodeName << ": " << controlId << " " << statusName(before->status) << ": "
          << sanitizeForTerminal(before->reason) << "\n";
    if (RemediationSession::passes(*before)) {
        out() << nodeName << ": nothing to do: " << controlId << " already passes\n";
        out().flush();
        return Ok;
    }
    auto plan = session.plan(controlId, values);
    if (!plan) {
        if (plan.error().message.startsWith(QLatin1String("control ")) &&
            plan.error().message.contains(QLatin1String("parameter")))
            return usageError(plan.error().message);
        return fail(nodeName, plan.error());
    }
    for (const RemediationParam &prm : plan->params)
        out() << "parameter " << prm.name << "=" << sanitizeForTerminal(prm.value)
              << (prm.value == prm.defaultValue ? QStringLiteral(" (default)") : QString()) << "\n";
    for (const QString &n : plan->notes)
        out() << nodeName << ": " << n << "\n";
    out() << sanitizeForTerminal(plan->unifiedDiff());
    if (plan->followUp == FollowUp::StaticPodWait)
        out() << "follow-up: the kubelet restarts the " << plan->component
              << " static pod by itself; Kinspect waits for it and re-checks\n";
    else if (plan->followUp == FollowUp::KubeletRestart)
        out() << "follow-up: " << plan->followUpCommands().join(QLatin1String(" && "))
              << (p.isSet(restart) ? QStringLiteral(" (confirmed with --restart)")
                                   : QStringLiteral(" (not done without --restart)"))
              << "\n";
    out().flush();
    if (!p.isSet(noValidate)) {
        if (auto e = session.validate(*plan))
            return fail(nodeName, *e);
    }
    if (p.isSet(dryRun) || plan->isEmpty())
        return plan->isEmpty() && before->status != Status::Pass ? Failed : Ok;

    const RemediationRecord rec = session.applyAndVerify(*plan, p.isSet(restart));
    if (auto logged = RemediationLog::append(rec); !logged)
        err() << "kinspect-cli: could not write the remediation log: " << logged.error().toString()
              << "\n";
    out() << nodeName << ": " << rec.outcome;
    if (!rec.backupDir.isEmpty())
        out() << " (backup: " << rec.backupDir << ")";
    out() << "\n";
    if (!rec.statusAfter.isEmpty())
        out() << nodeName << ": " << controlId << " is now " << rec.statusAfter
              << (rec.statusAfter == QLatin1String("MANUAL") &&
                          rec.outcome == QLatin1String("verified")
                      ? QStringLiteral(" (the collected data now suggests PASS)")
                      : QString())
              << "\n";
    if (!rec.message.isEmpty())
        out() << nodeName << ": " << sanitizeForTerminal(rec.message) << "\n";
    out().flush();
    if (rec.outcome == QLatin1String("verified"))
        return Ok;
    if (rec.outcome == QLatin1String("refused") || rec.outcome == QLatin1String("error"))
        return NotAudited;
    return Failed;
}

const CommandRegistration regRemediate{
    "remediate",
    "remediate --inventory FILE --node NAME --control ID --benchmark ID [--set KEY=VALUE]...\n"
    "     (--dry-run|--apply|--rollback) [--restart] [--wait S] [--no-validate]\n"
    "     [--known-hosts FILE] [--host-key-policy strict|accept-new] [--secrets-file FILE]\n"
    "     [--timeout S]                          fix one control on one node: diff, apply, "
    "re-check",
    cmdRemediate, 45};

} // namespace

} // namespace kinspect::cli
