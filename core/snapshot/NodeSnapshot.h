#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kinspect {

// What the collector saw on one node. Plain values: produced by SnapshotParser from the
// collector's output (docs/snapshot-format.md), consumed by the Evaluator, stored by the store.
// Never holds private keys or tokens: the collector redacts them on the node.

struct ProcessInfo
{
    qint64 pid = 0;
    QString component; // canonical: kube-apiserver, kube-controller-manager, kube-scheduler, etcd,
                       // kubelet, kube-proxy, k3s, rke2 (see docs/snapshot-format.md)
    QString exe;       // readlink of /proc/<pid>/exe, may be empty
    QStringList argv;  // exact argv from /proc/<pid>/cmdline, argv[0] included
    bool argvRedacted = false; // the collector replaced a secret value (e.g. --token=REDACTED)
};

struct FileStat
{
    enum class Type
    {
        Missing,
        Regular,
        Directory,
        Symlink,
        Other
    };
    QString path;
    Type type = Type::Missing;
    uint mode = 0; // permission bits incl. setuid/setgid/sticky (07777)
    uint uid = 0;
    uint gid = 0;
    QString user; // name as resolved on the node; numeric string when unresolvable
    QString group;
    qint64 size = 0;
    QString linkTarget; // for symlinks
    bool exists() const { return type != Type::Missing; }
};

struct FileContent
{
    QString path;
    QByteArray data;       // content as collected (secrets already replaced by the collector)
    QByteArray sha256;     // hex digest of the file as it is on the node (before redaction)
    qint64 size = 0;       // size on the node
    bool redacted = false; // the collector replaced secret values in `data`
    QString skippedReason; // non-empty when content was not collected (too large, binary, ...)
    QString skippedCode;   // the same as a token: too-large, binary, unreadable, private-key,
                           // not-regular (docs/snapshot-format.md)
};

struct NodeSnapshot
{
    int formatVersion = 0;
    QString collectorVersion;
    QString hostname;
    QDateTime collectedAt;
    QString kernel;
    QString osRelease;    // PRETTY_NAME of /etc/os-release
    QString distribution; // kubeadm | k3s | rke2 | unknown (path profile the collector detected)
    QMap<QString, QString> versions; // component -> version string, e.g. kubelet -> v1.29.3
    // component -> the process whose binary gave its version ("PID:STARTTIME:BOOTID"): a re-scan
    // tells the collector, which then does not start that binary again while it runs
    QMap<QString, QString> versionProcesses;
    QList<ProcessInfo> processes;
    QHash<QString, FileStat> stats;    // keyed by absolute path
    QHash<QString, FileContent> files; // keyed by absolute path
    QStringList warnings;              // things the collector could not do, said in its own words
    // The distribution's path profile as the collector saw it: catalog variable name (without
    // ${}) -> path, e.g. kubeletConfig -> /etc/kubelet/custom.yaml when the kubelet runs with that
    // --config. Names a distribution does not have are absent.
    QMap<QString, QString> profile;
    int collectorUid = -1; // effective uid the collector ran as; -1 when not reported

    // The first process of a component, or nullptr.
    const ProcessInfo *process(const QString &component) const
    {
        for (const auto &p : processes)
            if (p.component == component)
                return &p;
        return nullptr;
    }
    const FileStat *stat(const QString &path) const
    {
        auto it = stats.constFind(path);
        return it == stats.constEnd() ? nullptr : &*it;
    }
    const FileContent *file(const QString &path) const
    {
        auto it = files.constFind(path);
        return it == files.constEnd() ? nullptr : &*it;
    }
};

} // namespace kinspect
