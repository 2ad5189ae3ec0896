#include "evaluate/Distributions.h"
#include "util/ContentCache.h"
#include "util/Yaml.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace kinspect {

namespace distributions {

namespace {

// k3s/rke2 server flags that take no value (everything else takes one), so `--flag value` and a
// bare boolean are told apart in argv the way urfave/cli does.
bool isBoolFlag(const QString &name)
{
    static const QStringList bools{
        QStringLiteral("cluster-init"),
        QStringLiteral("cluster-reset"),
        QStringLiteral("protect-kernel-defaults"),
        QStringLiteral("secrets-encryption"),
        QStringLiteral("disable-cloud-controller"),
        QStringLiteral("disable-kube-proxy"),
        QStringLiteral("disable-network-policy"),
        QStringLiteral("disable-helm-controller"),
        QStringLiteral("disable-scheduler"),
        QStringLiteral("disable-apiserver"),
        QStringLiteral("disable-controller-manager"),
        QStringLiteral("disable-etcd"),
        QStringLiteral("disable-apiserver-lb"),
        QStringLiteral("embedded-registry"),
        QStringLiteral("selinux"),
        QStringLiteral("rootless"),
        QStringLiteral("prefer-bundled-bin"),
        QStringLiteral("debug"),
        QStringLiteral("enable-pprof"),
        QStringLiteral("docker"),
        QStringLiteral("no-flannel"),
        QStringLiteral("flannel-ipv6-masq"),
        QStringLiteral("egress-selector-mode-disabled"),
        QStringLiteral("etcd-expose-metrics"),
        QStringLiteral("etcd-disable-snapshots"),
        QStringLiteral("etcd-s3"),
        QStringLiteral("etcd-s3-insecure"),
        QStringLiteral("supervisor-metrics"),
        QStringLiteral("kube-apiserver-profiling"),
    };
    return bools.contains(name);
}

bool isListKey(const QString &key)
{
    return key.endsWith(QLatin1String("-arg")) || key == QLatin1String("node-label") ||
           key == QLatin1String("node-taint") || key == QLatin1String("tls-san") ||
           key == QLatin1String("disable");
}

// A k3s/RKE2 config file's top-level settings as parsed (`key+:` marked as appending).
struct RancherFile
{
    std::optional<Error> error; // without the file name
    bool notMapping = false;
    struct Setting
    {
        QString key;
        bool append = false;
        QStringList values;
    };
    QList<Setting> settings;
};

// Parsed once per distinct content (the nodes of a cluster share their config).
ContentCache<RancherFile> &rancherCache()
{
    static ContentCache<RancherFile> cache;
    return cache;
}

RancherFile parseRancherFile(const QByteArray &data)
{
    RancherFile out;
    auto parsed = yaml::parse(data, QString());
    if (!parsed) {
        out.error = parsed.error();
        return out;
    }
    const YAML::Node root = *parsed;
    if (!root.IsMap()) {
        out.notMapping = !root.IsNull();
        return out;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        RancherFile::Setting s;
        s.key = QString::fromStdString(it->first.Scalar());
        s.append = s.key.endsWith(QLatin1Char('+'));
        if (s.append)
            s.key.chop(1);
        // A copy, not `it->second` in the range-for: that names a member of a temporary proxy
        // yaml-cpp's iterator returns, which is gone before the loop starts.
        const YAML::Node value = it->second;
        if (value.IsSequence()) {
            for (const auto &item : value)
                if (item.IsScalar())
                    s.values << QString::fromStdString(item.Scalar());
        } else if (value.IsScalar()) {
            s.values << QString::fromStdString(value.Scalar());
        } else {
            continue;
        }
        out.settings << s;
    }
    return out;
}

void mergeYaml(RancherConfig &c, const QByteArray &data, const QString &path)
{
    const auto file = rancherCache().get(data, parseRancherFile);
    if (file->error) {
        Error e = *file->error;
        e.file = path;
        c.warnings << e.toString() + QLatin1String(" (its settings are ignored)");
        return;
    }
    if (file->notMapping)
        c.warnings << QStringLiteral("%1: not a mapping of settings; ignored").arg(path);
    for (const RancherFile::Setting &s : file->settings) {
        if (s.append)
            c.values[s.key] += s.values;
        else
            c.values[s.key] = s.values;
        c.sourceOf[s.key] = path;
    }
}

} // namespace

void clearCaches()
{
    rancherCache().clear();
}

QString dataDir(const RancherConfig &c)
{
    return c.value(QStringLiteral("data-dir"), c.distribution == QLatin1String("rke2")
                                                   ? QStringLiteral("/var/lib/rancher/rke2")
                                                   : QStringLiteral("/var/lib/rancher/k3s"));
}

namespace {

using ArgMap = QList<QPair<QString, QString>>; // ordered name -> value

void setArg(ArgMap &m, const QString &name, const QString &value)
{
    for (auto &p : m)
        if (p.first == name) {
            p.second = value;
            return;
        }
    m << qMakePair(name, value);
}

bool embeddedEtcd(const RancherConfig &c, const NodeSnapshot &s)
{
    if (c.mode != QLatin1String("server") || c.flag(QStringLiteral("disable-etcd")))
        return false;
    if (c.distribution == QLatin1String("rke2"))
        return c.value(QStringLiteral("datastore-endpoint")).isEmpty();
    if (!c.value(QStringLiteral("datastore-endpoint")).isEmpty())
        return false;
    if (c.flag(QStringLiteral("cluster-init")) || !c.value(QStringLiteral("server")).isEmpty())
        return true;
    const FileStat *st = s.stat(dataDir(c) + QLatin1String("/server/db/etcd"));
    return st && st->exists();
}

// What k3s passes to each component when nothing overrides it (pkg/daemons/control and
// pkg/daemons/agent of k3s; RKE2 shares them for the kubelet). Paths follow the data dir.
ArgMap defaults(const RancherConfig &c, const QString &component, const NodeSnapshot &s)
{
    const QString dd = dataDir(c);
    const QString tls = dd + QLatin1String("/server/tls/");
    const QString cred = dd + QLatin1String("/server/cred/");
    const QString agent = dd + QLatin1String("/agent/");
    ArgMap m;
    const auto set = [&m](const char *k, const QString &v) { setArg(m, QLatin1String(k), v); };
    const auto lit = [](const char *v) { return QString::fromLatin1(v); };
    if (component == QLatin1String("kube-apiserver")) {
        set("advertise-port", lit("6443"));
        set("allow-privileged", lit("true"));
        set("anonymous-auth", lit("false"));
        set("authorization-mode", lit("Node,RBAC"));
        set("bind-address", lit("127.0.0.1"));
        set("cert-dir", tls + QLatin1String("temporary-certs"));
        set("client-ca-file", tls + QLatin1String("client-ca.crt"));
        set("enable-admission-plugins", lit("NodeRestriction"));
        set("egress-selector-config-file",
            dd + QLatin1String("/server/etc/egress-selector-config.yaml"));
        if (embeddedEtcd(c, s)) {
            set("etcd-cafile", tls + QLatin1String("etcd/server-ca.crt"));
            set("etcd-certfile", tls + QLatin1String("etcd/client.crt"));
            set("etcd-keyfile", tls + QLatin1String("etcd/client.key"));
            set("etcd-servers", lit("https://127.0.0.1:2379"));
        } else {
            const QString ds = c.value(QStringLiteral("datastore-endpoint"));
            set("etcd-servers",
                ds.startsWith(QLatin1String("https://")) || ds.startsWith(QLatin1String("http://"))
                    ? ds
                    : lit("unix://kine.sock"));
        }
        set("kubelet-certificate-authority", tls + QLatin1String("server-ca.crt"));
        set("kubelet-client-certificate", tls + QLatin1String("client-kube-apiserver.crt"));
        set("kubelet-client-key", tls + QLatin1String("client-kube-apiserver.key"));
        set("profiling", lit("false"));
        set("proxy-client-cert-file", tls + QLatin1String("client-auth-proxy.crt"));
        set("proxy-client-key-file", tls + QLatin1String("client-auth-proxy.key"));
        set("requestheader-client-ca-file", tls + QLatin1String("request-header-ca.crt"));
        set("secure-port", lit("6444"));
        set("service-account-issuer", lit("https://kubernetes.default.svc.cluster.local"));
        set("service-account-key-file", tls + QLatin1String("service.key"));
        set("service-account-signing-key-file", tls + QLatin1String("service.current.key"));
        set("service-cluster-ip-range",
            c.value(QStringLiteral("service-cidr"), lit("10.43.0.0/16")));
        set("storage-backend", lit("etcd3"));
        set("tls-cert-file", tls + QLatin1String("serving-kube-apiserver.crt"));
        set("tls-private-key-file", tls + QLatin1String("serving-kube-apiserver.key"));
        if (c.flag(QStringLiteral("secrets-encryption")))
            set("encryption-provider-config", cred + QLatin1String("encryption-config.json"));
    } else if (component == QLatin1String("kube-controller-manager")) {
        set("allocate-node-cidrs", lit("true"));
        set("authentication-kubeconfig", cred + QLatin1String("controller.kubeconfig"));
        set("authorization-kubeconfig", cred + QLatin1String("controller.kubeconfig"));
        set("bind-address", lit("127.0.0.1"));
        set("cluster-cidr", c.value(QStringLiteral("cluster-cidr"), lit("10.42.0.0/16")));
        set("cluster-signing-kube-apiserver-client-cert-file",
            tls + QLatin1String("client-ca.nochain.crt"));
        set("kubeconfig", cred + QLatin1String("controller.kubeconfig"));
        set("profiling", lit("false"));
        set("root-ca-file", tls + QLatin1String("server-ca.crt"));
        set("secure-port", lit("10257"));
        set("service-account-private-key-file", tls + QLatin1String("service.current.key"));
        set("use-service-account-credentials", lit("true"));
    } else if (component == QLatin1String("kube-scheduler")) {
        set("authentication-kubeconfig", cred + QLatin1String("scheduler.kubeconfig"));
        set("authorization-kubeconfig", cred + QLatin1String("scheduler.kubeconfig"));
        set("bind-address", lit("127.0.0.1"));
        set("kubeconfig", cred + QLatin1String("scheduler.kubeconfig"));
        set("profiling", lit("false"));
        set("secure-port", lit("10259"));
    } else if (component == QLatin1String("etcd")) {
        const QString etls = tls + QLatin1String("etcd/");
        set("data-dir", dd + QLatin1String("/server/db/etcd"));
        set("client-cert-auth", lit("true"));
        set("cert-file", etls + QLatin1String("server-client.crt"));
        set("key-file", etls + QLatin1String("server-client.key"));
        set("trusted-ca-file", etls + QLatin1String("server-ca.crt"));
        set("peer-client-cert-auth", lit("true"));
        set("peer-cert-file", etls + QLatin1String("peer-server-client.crt"));
        set("peer-key-file", etls + QLatin1String("peer-server-client.key"));
        set("peer-trusted-ca-file", etls + QLatin1String("peer-ca.crt"));
        set("listen-client-urls", lit("https://127.0.0.1:2379"));
    } else if (component == QLatin1String("kubelet")) {
        set("anonymous-auth", lit("false"));
        set("authentication-token-webhook", lit("true"));
        set("authorization-mode", lit("Webhook"));
        set("client-ca-file", agent + QLatin1String("client-ca.crt"));
        set("cluster-dns", c.value(QStringLiteral("cluster-dns"), lit("10.43.0.10")));
        set("cluster-domain", c.value(QStringLiteral("cluster-domain"), lit("cluster.local")));
        set("fail-swap-on", lit("false"));
        set("healthz-bind-address", lit("127.0.0.1"));
        set("kubeconfig", agent + QLatin1String("kubelet.kubeconfig"));
        set("pod-manifest-path", agent + QLatin1String("pod-manifests"));
        set("read-only-port", lit("0"));
        set("serialize-image-pulls", lit("false"));
        set("tls-cert-file", agent + QLatin1String("serving-kubelet.crt"));
        set("tls-private-key-file", agent + QLatin1String("serving-kubelet.key"));
        if (c.flag(QStringLiteral("protect-kernel-defaults")) ||
            c.value(QStringLiteral("profile")).startsWith(QLatin1String("cis")))
            set("protect-kernel-defaults", lit("true"));
        if (!c.value(QStringLiteral("node-name")).isEmpty())
            set("hostname-override", c.value(QStringLiteral("node-name")));
    } else if (component == QLatin1String("kube-proxy")) {
        set("cluster-cidr", c.value(QStringLiteral("cluster-cidr"), lit("10.42.0.0/16")));
        set("conntrack-max-per-core", lit("0"));
        set("healthz-bind-address", lit("127.0.0.1"));
        set("kubeconfig", agent + QLatin1String("kubeproxy.kubeconfig"));
        set("proxy-mode", lit("iptables"));
        if (!c.value(QStringLiteral("node-name")).isEmpty())
            set("hostname-override", c.value(QStringLiteral("node-name")));
    }
    return m;
}

// Container command + args of the first container of a static-pod manifest.
QStringList manifestArgv(const QByteArray &data)
{
    QStringList argv;
    try {
        const YAML::Node pod = YAML::Load(data.toStdString());
        const YAML::Node c = pod["spec"]["containers"][0];
        for (const char *k : {"command", "args"})
            if (c[k] && c[k].IsSequence())
                for (const auto &item : c[k])
                    argv << QString::fromStdString(item.Scalar());
    } catch (const YAML::Exception &) {
        return {};
    }
    return argv;
}

} // namespace

bool RancherConfig::flag(const QString &key) const
{
    const QString v = value(key).toLower();
    return v == QLatin1String("true") || v == QLatin1String("1") || v == QLatin1String("yes");
}

RancherConfig rancherConfig(const NodeSnapshot &s, const ProcessInfo &process)
{
    RancherConfig c;
    c.distribution = process.component;
    // k3s rewrites its process title: the command line may be one item ("/usr/local/bin/k3s
    // agent --server ..."), read word by word.
    const QStringList argv =
        process.argv.size() == 1 && process.argv.first().contains(QLatin1Char(' '))
            ? process.argv.first().split(QLatin1Char(' '), Qt::SkipEmptyParts)
            : process.argv;
    c.mode = argv.value(1) == QLatin1String("agent") ? QStringLiteral("agent")
                                                     : QStringLiteral("server");
    // The process's own flags (urfave/cli: --name value, --name=value, -c FILE).
    QList<QPair<QString, QString>> argFlags;
    for (int i = 2; i < argv.size(); ++i) {
        const QString a = argv[i];
        if (!a.startsWith(QLatin1Char('-')))
            continue;
        QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        QString value;
        const int eq = name.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        } else if (isBoolFlag(name)) {
            value = QStringLiteral("true");
        } else if (i + 1 < argv.size()) {
            value = argv[++i];
        }
        if (name == QLatin1String("c"))
            name = QStringLiteral("config");
        argFlags << qMakePair(name, value);
    }
    QString configPath = QStringLiteral("/etc/rancher/%1/config.yaml").arg(c.distribution);
    for (const auto &f : argFlags)
        if (f.first == QLatin1String("config"))
            configPath = f.second;
    if (const FileContent *f = s.file(configPath); f && f->skippedCode.isEmpty())
        mergeYaml(c, f->data, configPath);
    // config.yaml.d/*.yaml, in name order
    QStringList dropins;
    const QString dir = configPath + QLatin1String(".d/");
    for (auto it = s.files.cbegin(); it != s.files.cend(); ++it)
        if (it.key().startsWith(dir) && it.key().endsWith(QLatin1String(".yaml")) &&
            !it.key().mid(dir.size()).contains(QLatin1Char('/')))
            dropins << it.key();
    std::sort(dropins.begin(), dropins.end());
    for (const QString &d : dropins)
        if (const FileContent *f = s.file(d); f && f->skippedCode.isEmpty())
            mergeYaml(c, f->data, d);
    // k3s turns the files into flags placed before the command line's own: a scalar on the
    // command line wins, list flags (`--kube-apiserver-arg`, ...) add up, command line last (so
    // for the same component flag the command line's item wins in componentArgv()).
    for (const auto &[name, value] : argFlags) {
        if (isListKey(name))
            c.values[name] << value;
        else
            c.values[name] = QStringList{value};
        c.sourceOf[name] = QStringLiteral("argv");
    }
    return c;
}

QStringList componentArgv(const RancherConfig &c, const QString &component, const NodeSnapshot &s)
{
    ArgMap m = defaults(c, component, s);
    const QString key = (component == QLatin1String("etcd") ? QStringLiteral("etcd") : component) +
                        QLatin1String("-arg");
    for (const QString &item : c.values.value(key)) {
        QString it = item;
        while (it.startsWith(QLatin1Char('-')))
            it.remove(0, 1);
        const int eq = it.indexOf(QLatin1Char('='));
        if (eq < 0)
            setArg(m, it, QStringLiteral("true"));
        else
            setArg(m, it.left(eq), it.mid(eq + 1));
    }
    QStringList argv{component};
    for (const auto &[name, value] : m)
        argv << QStringLiteral("--%1=%2").arg(name, value);
    return argv;
}

} // namespace distributions

std::optional<NodeSnapshot> synthesizeDistributionComponents(const NodeSnapshot &s)
{
    if (s.distribution != QLatin1String("k3s") && s.distribution != QLatin1String("rke2"))
        return std::nullopt;
    const ProcessInfo *main = s.process(s.distribution);
    if (!main)
        return std::nullopt;
    const auto c = distributions::rancherConfig(s, *main);
    const bool server = c.mode == QLatin1String("server");
    QStringList wanted;
    if (server) {
        if (!c.flag(QStringLiteral("disable-apiserver")))
            wanted << QStringLiteral("kube-apiserver");
        if (!c.flag(QStringLiteral("disable-controller-manager")))
            wanted << QStringLiteral("kube-controller-manager");
        if (!c.flag(QStringLiteral("disable-scheduler")))
            wanted << QStringLiteral("kube-scheduler");
        if (distributions::embeddedEtcd(c, s))
            wanted << QStringLiteral("etcd");
    }
    wanted << QStringLiteral("kubelet");
    if (!c.flag(QStringLiteral("disable-kube-proxy")))
        wanted << QStringLiteral("kube-proxy");

    NodeSnapshot out = s;
    bool added = false;
    const QString manifests = s.profile.value(QStringLiteral("manifests"));
    for (const QString &component : wanted) {
        if (s.process(component))
            continue; // a real process (RKE2's static pods and kubelet): its argv is the truth
        ProcessInfo p;
        p.pid = main->pid;
        p.exe = main->exe;
        p.argvRedacted = main->argvRedacted;
        // RKE2 writes the control plane as static pods: their argv is in the manifest.
        if (s.distribution == QLatin1String("rke2") && component != QLatin1String("kubelet") &&
            !manifests.isEmpty()) {
            const FileContent *f =
                s.file(manifests + QLatin1Char('/') + component + QLatin1String(".yaml"));
            if (f && f->skippedCode.isEmpty())
                p.argv = distributions::manifestArgv(f->data);
            if (p.argv.isEmpty() && component != QLatin1String("kube-proxy"))
                continue; // not running on this node
        }
        if (p.argv.isEmpty()) {
            if (s.distribution == QLatin1String("rke2") && component != QLatin1String("kubelet") &&
                component != QLatin1String("kube-proxy"))
                continue;
            p.argv = distributions::componentArgv(c, component, s);
        }
        p.component = component;
        out.processes << p;
        added = true;
    }
    // k3s embeds the control plane: there is no pod specification file. The collector listed the
    // manifests directory (or saw it missing), so a component's file that it did not report does
    // not exist; say so, and the catalog's ifMissing rule applies instead of "not collected".
    const FileStat *manifestDir = manifests.isEmpty() ? nullptr : s.stat(manifests);
    if (s.distribution == QLatin1String("k3s") && manifestDir) {
        for (const QString &component : wanted) {
            const QString path = manifests + QLatin1Char('/') + component + QLatin1String(".yaml");
            if (!out.stats.contains(path)) {
                FileStat st;
                st.path = path;
                st.type = FileStat::Type::Missing;
                out.stats.insert(path, st);
                added = true;
            }
        }
    }
    // Neither distribution writes a super-admin kubeconfig (kubeadm 1.29+ does): the catalog's
    // ${superAdminConf} then names a credential file that does not exist on this node.
    if (!out.profile.contains(QStringLiteral("superAdminConf"))) {
        const QString path = dataDir(c) + QLatin1String("/server/cred/super-admin.kubeconfig");
        out.profile.insert(QStringLiteral("superAdminConf"), path);
        if (!out.stats.contains(path)) {
            FileStat st;
            st.path = path;
            st.type = FileStat::Type::Missing;
            out.stats.insert(path, st);
        }
        added = true;
    }
    if (!added)
        return std::nullopt;
    out.warnings << QStringLiteral("%1 %2: component arguments rebuilt from the %1 process, "
                                   "/etc/rancher/%1/config.yaml and %1's defaults")
                        .arg(s.distribution, c.mode);
    out.warnings << c.warnings;
    return out;
}

} // namespace kinspect
