#include "evaluate/Profile.h"

namespace kinspect {

namespace {

PathProfile buildProfile(const QString &distribution)
{
    // kubeadm's layout (also for "unknown"); k3s and rke2 keep their files below
    // /var/lib/rancher/<distribution> (the same paths the collector reports).
    PathProfile p;
    p.name = QStringLiteral("kubeadm");
    const auto set = [&p](const char *k, const char *v) {
        p.vars.insert(QLatin1String(k), QLatin1String(v));
    };
    set("kubernetesDir", "/etc/kubernetes");
    set("manifests", "/etc/kubernetes/manifests");
    set("pki", "/etc/kubernetes/pki");
    set("adminConf", "/etc/kubernetes/admin.conf");
    set("superAdminConf", "/etc/kubernetes/super-admin.conf");
    set("schedulerConf", "/etc/kubernetes/scheduler.conf");
    set("controllerManagerConf", "/etc/kubernetes/controller-manager.conf");
    set("kubeletKubeconfig", "/etc/kubernetes/kubelet.conf");
    set("kubeletConfig", "/var/lib/kubelet/config.yaml");
    set("etcdDataDir", "/var/lib/etcd");
    set("cniDir", "/etc/cni/net.d");
    set("proxyKubeconfig", "/var/lib/kube-proxy/kubeconfig.conf");
    set("proxyConfig", "/var/lib/kube-proxy/config.conf");
    if (distribution == QLatin1String("k3s") || distribution == QLatin1String("rke2")) {
        // Everything below the data dir (/var/lib/rancher/<dist>); there is no kubelet config
        // file, kube-proxy config or super-admin kubeconfig unless the node names one (the
        // collector then reports it and forSnapshot() takes it).
        p.name = distribution;
        const QString dd = QStringLiteral("/var/lib/rancher/") + distribution;
        const auto setd = [&p, &dd](const char *k, const char *rel) {
            p.vars.insert(QLatin1String(k), dd + QLatin1String(rel));
        };
        setd("kubernetesDir", "/server");
        setd("manifests", "/agent/pod-manifests");
        setd("pki", "/server/tls");
        setd("adminConf", "/server/cred/admin.kubeconfig");
        setd("schedulerConf", "/server/cred/scheduler.kubeconfig");
        setd("controllerManagerConf", "/server/cred/controller.kubeconfig");
        setd("kubeletKubeconfig", "/agent/kubelet.kubeconfig");
        setd("etcdDataDir", "/server/db/etcd");
        setd("cniDir", "/agent/etc/cni/net.d");
        setd("proxyKubeconfig", "/agent/kubeproxy.kubeconfig");
        if (distribution == QLatin1String("rke2"))
            set("cniDir", "/etc/cni/net.d");
        p.vars.remove(QStringLiteral("superAdminConf"));
        p.vars.remove(QStringLiteral("kubeletConfig"));
        p.vars.remove(QStringLiteral("proxyConfig"));
    }
    return p;
}

bool isAsciiLetter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

} // namespace

PathProfile PathProfile::forDistribution(const QString &distribution)
{
    // Built once (every node's evaluation asks, twice); copies share the data.
    static const PathProfile kubeadm = buildProfile(QStringLiteral("kubeadm"));
    static const PathProfile k3s = buildProfile(QStringLiteral("k3s"));
    static const PathProfile rke2 = buildProfile(QStringLiteral("rke2"));
    if (distribution == QLatin1String("k3s"))
        return k3s;
    if (distribution == QLatin1String("rke2"))
        return rke2;
    return kubeadm;
}

PathProfile PathProfile::forSnapshot(const QString &distribution,
                                     const QMap<QString, QString> &seen)
{
    PathProfile p = forDistribution(distribution);
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        if (!it.value().isEmpty() && it.value().startsWith(QLatin1Char('/')))
            p.vars.insert(it.key(), it.value());
    return p;
}

QString PathProfile::expand(const QString &text) const
{
    // ${name}, name = [A-Za-z][A-Za-z0-9]*; anything else is left as it is.
    qsizetype start = text.indexOf(QLatin1String("${"));
    if (start < 0)
        return text;
    QString out;
    qsizetype last = 0;
    for (; start >= 0; start = text.indexOf(QLatin1String("${"), start + 1)) {
        qsizetype end = start + 2;
        if (end >= text.size() || !isAsciiLetter(text.at(end)))
            continue;
        while (end < text.size() &&
               (isAsciiLetter(text.at(end)) ||
                (text.at(end) >= QLatin1Char('0') && text.at(end) <= QLatin1Char('9'))))
            ++end;
        if (end >= text.size() || text.at(end) != QLatin1Char('}'))
            continue;
        out += QStringView(text).mid(last, start - last);
        const auto v = vars.constFind(text.mid(start + 2, end - start - 2));
        out +=
            v == vars.constEnd() ? QStringView(text).mid(start, end + 1 - start) : QStringView(*v);
        last = end + 1;
        start = end; // the next search starts after the '}'
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace kinspect
