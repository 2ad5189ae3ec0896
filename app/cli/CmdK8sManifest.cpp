#include "CliCommon.h"

#include "inventory/importers/KubectlLogs.h"

#include <QFile>
#include <QRegularExpression>

namespace kinspect::cli {

namespace {

// The pod's script: header, the collector over the host's file system (read-only at /host) and
// the host's processes (hostPID: /proc is the host's), footer with the exit status. The
// DaemonSet's pod then sleeps so it is not restarted (and re-run) forever.
QString podScript(bool daemonSet)
{
    QString s = QStringLiteral("echo \"%1 $KINSPECT_NODE\"\n"
                               "sh /opt/kinspect/kinspect-collect.sh --root /host --proc /proc\n"
                               "rc=$?\n"
                               "echo \"%2 $KINSPECT_NODE $rc\"\n")
                    .arg(QLatin1String(KubectlLogBeginMarker), QLatin1String(KubectlLogEndMarker));
    if (daemonSet)
        s += QStringLiteral("exec sleep 2147483647\n");
    else
        s += QStringLiteral("exit $rc\n");
    return s;
}

QString indent(const QString &text, int spaces)
{
    const QString pad(spaces, QLatin1Char(' '));
    QString out;
    for (const QString &l : text.split(QLatin1Char('\n'))) {
        if (!l.isEmpty())
            out += pad + l;
        out += QLatin1Char('\n');
    }
    while (out.endsWith(QLatin1String("\n\n")))
        out.chop(1);
    return out;
}

// The pod spec shared by the DaemonSet and the Jobs. Read-only everywhere: the host's / is
// mounted read-only (recursively where the kubelet supports it), the container's own root file
// system too; no privileged mode, no privilege escalation, every capability dropped except
// DAC_READ_SEARCH (read root-only files such as kubeconfigs and 0600 manifests) and SYS_PTRACE
// (read /proc/PID/exe, cmdline and root of the host's processes).
QString podSpec(const QString &image, bool daemonSet, const QString &nodeName, int indentBy)
{
    QString spec;
    spec += QStringLiteral("hostPID: true\n"
                           "hostNetwork: false\n"
                           "hostIPC: false\n"
                           "automountServiceAccountToken: false\n"
                           "enableServiceLinks: false\n");
    if (!nodeName.isEmpty())
        spec += QStringLiteral("nodeName: %1\n").arg(nodeName);
    spec += QStringLiteral("restartPolicy: %1\n")
                .arg(daemonSet ? QLatin1String("Always") : QLatin1String("Never"));
    spec += QStringLiteral("tolerations:\n"
                           "  - operator: Exists\n"
                           "securityContext:\n"
                           "  runAsUser: 0\n"
                           "  runAsGroup: 0\n"
                           "  seccompProfile:\n"
                           "    type: RuntimeDefault\n"
                           "containers:\n"
                           "  - name: collector\n"
                           "    image: %1\n"
                           "    imagePullPolicy: IfNotPresent\n"
                           "    command: [\"/bin/sh\", \"-c\"]\n"
                           "    args:\n"
                           "      - |\n"
                           "%2"
                           "    env:\n"
                           "      - name: KINSPECT_NODE\n"
                           "        valueFrom:\n"
                           "          fieldRef:\n"
                           "            fieldPath: spec.nodeName\n"
                           "    securityContext:\n"
                           "      privileged: false\n"
                           "      allowPrivilegeEscalation: false\n"
                           "      readOnlyRootFilesystem: true\n"
                           "      capabilities:\n"
                           "        drop: [\"ALL\"]\n"
                           "        add: [\"DAC_READ_SEARCH\", \"SYS_PTRACE\"]\n"
                           "    resources:\n"
                           "      requests: {cpu: 10m, memory: 32Mi}\n"
                           "      limits: {cpu: 500m, memory: 256Mi}\n"
                           "    volumeMounts:\n"
                           "      - name: host\n"
                           "        mountPath: /host\n"
                           "        readOnly: true\n"
                           "        recursiveReadOnly: IfPossible\n"
                           "        mountPropagation: None\n"
                           "      - name: collector\n"
                           "        mountPath: /opt/kinspect\n"
                           "        readOnly: true\n"
                           "volumes:\n"
                           "  - name: host\n"
                           "    hostPath:\n"
                           "      path: /\n"
                           "      type: Directory\n"
                           "  - name: collector\n"
                           "    configMap:\n"
                           "      name: kinspect-collector\n"
                           "      defaultMode: 0444\n")
                .arg(image, indent(podScript(daemonSet), 10));
    return indent(spec, indentBy);
}

int cmdK8sManifest(const QStringList &args)
{
    Options o;
    QCommandLineOption ns{{QStringLiteral("n"), QStringLiteral("namespace")},
                          QStringLiteral("Namespace of the collector objects (default kinspect)."),
                          QStringLiteral("NS"),
                          QStringLiteral("kinspect")};
    QCommandLineOption image{QStringLiteral("image"),
                             QStringLiteral("Image with a POSIX sh and coreutils or busybox "
                                            "(default busybox:1.36)."),
                             QStringLiteral("IMAGE"), QStringLiteral("busybox:1.36")};
    QCommandLineOption mode{QStringLiteral("mode"),
                            QStringLiteral("daemonset (default: one pod per node) or jobs (one "
                                           "Job per --node)."),
                            QStringLiteral("MODE"), QStringLiteral("daemonset")};
    QCommandLineOption node{QStringLiteral("node"),
                            QStringLiteral("A node to run a Job on (--mode jobs; repeatable)."),
                            QStringLiteral("NAME")};
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("k8s-manifest"), args, {ns, image, mode, node, o.output}))
        return Usage;
    // Everything interpolated into the YAML is checked against its Kubernetes grammar, so no
    // value can break out of its scalar.
    static const QRegularExpression dnsLabel(
        QStringLiteral("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"));
    static const QRegularExpression dnsSubdomain(
        QStringLiteral("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$"));
    static const QRegularExpression imageRef(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._/:@-]*$"));
    const QString namespaceName = p.value(ns);
    if (!dnsLabel.match(namespaceName).hasMatch())
        return usageError(QStringLiteral("--namespace \"%1\" is not a valid namespace name "
                                         "(lower-case letters, digits, '-')")
                              .arg(namespaceName));
    if (!imageRef.match(p.value(image)).hasMatch())
        return usageError(
            QStringLiteral("--image \"%1\" is not an image reference").arg(p.value(image)));
    const QString m = p.value(mode);
    if (m != QLatin1String("daemonset") && m != QLatin1String("jobs"))
        return usageError(QStringLiteral("--mode takes daemonset or jobs"));
    const QStringList nodes = p.values(node);
    if (m == QLatin1String("jobs") && nodes.isEmpty())
        return usageError(QStringLiteral("--mode jobs needs at least one --node NAME"));
    if (m == QLatin1String("daemonset") && !nodes.isEmpty())
        return usageError(QStringLiteral("--node is for --mode jobs"));
    for (const QString &n : nodes)
        if (!dnsSubdomain.match(n).hasMatch())
            return usageError(QStringLiteral("--node \"%1\" is not a valid node name").arg(n));

    QFile f(QStringLiteral(":/collector/kinspect-collect.sh"));
    if (!f.open(QIODevice::ReadOnly)) {
        err() << "kinspect-cli: the collector script is missing from this build\n";
        return Usage;
    }
    const QString collector = QString::fromUtf8(f.readAll());

    const QString labels = QStringLiteral("    app.kubernetes.io/name: kinspect-collector\n"
                                          "    app.kubernetes.io/part-of: kinspect\n");
    QString y;
    y += QStringLiteral("# Generated by kinspect-cli %1 k8s-manifest. Runs the Kinspect collector "
                        "on nodes, read-only.\n"
                        "# Apply, wait for the pods, then:\n"
                        "#   kubectl logs -n %2 -l app.kubernetes.io/name=kinspect-collector "
                        "--tail=-1 --max-log-requests=100 > logs.txt\n"
                        "#   kinspect-cli evaluate --from-kubectl-logs logs.txt\n"
                        "#   kubectl delete namespace %2\n")
             .arg(QLatin1String(KINSPECT_VERSION), namespaceName);
    y += QStringLiteral("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: %1\n  labels:\n%2"
                        "    pod-security.kubernetes.io/enforce: privileged\n")
             .arg(namespaceName, labels);
    y += QStringLiteral("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                        "  name: kinspect-collector\n  namespace: %1\n  labels:\n%2"
                        "data:\n  kinspect-collect.sh: |\n%3")
             .arg(namespaceName, labels, indent(collector, 4));
    if (m == QLatin1String("daemonset")) {
        y += QStringLiteral("---\napiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n"
                            "  name: kinspect-collector\n  namespace: %1\n  labels:\n%2"
                            "spec:\n  selector:\n    matchLabels:\n"
                            "      app.kubernetes.io/name: kinspect-collector\n"
                            "  template:\n    metadata:\n      labels:\n%3    spec:\n%4")
                 .arg(namespaceName, labels, indent(labels, 4),
                      podSpec(p.value(image), true, QString(), 6));
    } else {
        for (const QString &n : nodes) {
            QString jobName = QStringLiteral("kinspect-collect-") + n;
            jobName.replace(QLatin1Char('.'), QLatin1Char('-'));
            jobName = jobName.left(63);
            while (jobName.endsWith(QLatin1Char('-')))
                jobName.chop(1);
            y += QStringLiteral("---\napiVersion: batch/v1\nkind: Job\nmetadata:\n"
                                "  name: %1\n  namespace: %2\n  labels:\n%3"
                                "spec:\n  backoffLimit: 0\n  ttlSecondsAfterFinished: 3600\n"
                                "  template:\n    metadata:\n      labels:\n%4    spec:\n%5")
                     .arg(jobName, namespaceName, labels, indent(labels, 4),
                          podSpec(p.value(image), false, n, 6));
        }
    }
    return writeOutput(p.value(o.output), y.toUtf8()) ? Ok : Usage;
}

const CommandRegistration regK8sManifest{
    "k8s-manifest",
    "k8s-manifest [--namespace NS] [--image IMAGE] [--mode daemonset|jobs [--node NAME]...]\n"
    "                                             print a DaemonSet (or Jobs) running the "
    "collector\n"
    "                                             in pods, read-only; see evaluate\n"
    "                                             --from-kubectl-logs",
    cmdK8sManifest, 92};

} // namespace

} // namespace kinspect::cli
