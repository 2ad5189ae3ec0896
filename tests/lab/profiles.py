"""Node profiles of the Kinspect lab: the kubeadm-shaped files each node carries.

build_node() writes the upper layers of a node's overlays (DIR/nodes/<name>/root/...), i.e.
exactly the files the node sees under /etc, /usr, /var, /root and /home on top of the host's
own. Modes and owners are set per profile.

Profiles:
  cp-good            control plane + etcd, hardened: passes the file and flag checks
  cp-bad             control plane + etcd with the usual findings (644 manifests, profiling on,
                     no kubelet client cert, anonymous auth unset, AlwaysAdmit, token file, ...)
  worker-good        kubelet + kube-proxy, hardened
  worker-bad         rotateCertificates: false, kubelet.conf 644, --read-only-port=10255 from
                     KUBELET_EXTRA_ARGS in /etc/default/kubelet, anonymous auth, AlwaysAllow
  worker-dropin-bad  --rotate-certificates=false from a drop-in Environment= line (config.yaml
                     itself says true: the flag wins)
  k3s-server         k3s server with embedded etcd (cluster-init): one `k3s server` process
                     runs every component; settings in /etc/rancher/k3s/config.yaml (+ .d), data
                     below /var/lib/rancher/k3s; hardened (files 600, audit log, secrets
                     encryption, protect-kernel-defaults). No kubelet unit: k3s is the kubelet.
  rke2-server        RKE2 server: `rke2 server` process, control plane + etcd as static pods in
                     /var/lib/rancher/rke2/agent/pod-manifests, the kubelet from
                     /var/lib/rancher/rke2/bin (the lab starts it through its kubelet.service
                     stand-in; real RKE2 starts it itself), hardened like CIS profile
  bastion            only sshd (jump host)
"""

import json
import os

import yaml

import labpki

K8S_VERSION = "v1.32.2"
ETCD_IMAGE = "registry.k8s.io/etcd:3.5.16-0"
PROFILES = ("cp-good", "cp-bad", "worker-good", "worker-bad", "worker-dropin-bad", "k3s-server",
            "rke2-server", "bastion")  # bastion stays last (lab.py lists PROFILES[:-1])
RANCHER = ("k3s-server", "rke2-server")
CIPHERS = ("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,"
           "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,"
           "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305,TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305")

# Fixed ids for the users the lab adds to a node's private /etc/passwd.
USERS = {"etcd": 4100, "kadmin": 4101, "kops": 4102, "deploy": 4103}


def is_cp(profile):
    return profile.startswith("cp-")


def roles(profile):
    if is_cp(profile) or profile in RANCHER:
        return ["control-plane", "etcd"]
    if profile == "bastion":
        return []
    return ["worker"]


class Tree:
    """Writes files below a node's root directory with explicit modes and owners."""

    def __init__(self, root):
        self.root = root

    def path(self, p):
        return self.root + p

    def mkdir(self, p, mode=0o755, uid=0, gid=0):
        full = self.path(p)
        os.makedirs(full, exist_ok=True)
        os.chmod(full, mode)
        os.chown(full, uid, gid)

    def write(self, p, text, mode=0o644, uid=0, gid=0):
        full = self.path(p)
        parent = os.path.dirname(full)
        if not os.path.isdir(parent):
            os.makedirs(parent, 0o755, exist_ok=True)
        data = text.encode() if isinstance(text, str) else text
        with open(full, "wb") as fh:
            fh.write(data)
        os.chmod(full, mode)
        os.chown(full, uid, gid)

    def symlink(self, target, p):
        full = self.path(p)
        if os.path.lexists(full):
            os.unlink(full)
        os.symlink(target, full)


# ------------------------------------------------------------------------------------------
# static pods
# ------------------------------------------------------------------------------------------

def _host_path_volumes(vols):
    mounts, volumes = [], []
    for name, path, typ, ro in vols:
        m = {"mountPath": path, "name": name}
        if ro:
            m["readOnly"] = True
        mounts.append(m)
        volumes.append({"hostPath": {"path": path, "type": typ}, "name": name})
    return mounts, volumes


def kubeadm_pod(name, image, command, ip, vols, probe_port, probe_scheme="HTTPS", probe_host=None,
                args=None, cpu="100m"):
    """A static-pod object shaped like kubeadm's output (dumped with sorted keys)."""
    mounts, volumes = _host_path_volumes(vols)
    probe = {
        "failureThreshold": 8,
        "httpGet": {"host": probe_host or ip, "path": "/livez" if name == "kube-apiserver" else
                    ("/health?exclude=NOSPACE&serializable=true" if name == "etcd" else "/healthz"),
                    "port": probe_port, "scheme": probe_scheme},
        "initialDelaySeconds": 10, "periodSeconds": 10, "timeoutSeconds": 15,
    }
    container = {
        "command": command,
        "image": image,
        "imagePullPolicy": "IfNotPresent",
        "livenessProbe": probe,
        "name": name,
        "resources": {"requests": {"cpu": cpu}},
        "startupProbe": dict(probe, failureThreshold=24),
        "volumeMounts": mounts,
    }
    if args:
        container["args"] = args
    labels = {"component": name, "tier": "control-plane"}
    meta = {"creationTimestamp": None, "labels": labels, "name": name, "namespace": "kube-system"}
    if name == "kube-apiserver":
        meta["annotations"] = {"kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": ip + ":6443"}
    if name == "etcd":
        meta["annotations"] = {"kubeadm.kubernetes.io/etcd.advertise-client-urls": "https://%s:2379" % ip}
        labels["component"] = "etcd"
    return {
        "apiVersion": "v1", "kind": "Pod", "metadata": meta,
        "spec": {"containers": [container], "hostNetwork": True, "priority": 2000001000,
                 "priorityClassName": "system-node-critical",
                 "securityContext": {"seccompProfile": {"type": "RuntimeDefault"}},
                 "volumes": volumes},
        "status": {},
    }


def dump_kubeadm(obj):
    return yaml.safe_dump(obj, default_flow_style=False, sort_keys=True)


PKI_VOLS = [("ca-certs", "/etc/ssl/certs", "DirectoryOrCreate", True),
            ("etc-ca-certificates", "/etc/ca-certificates", "DirectoryOrCreate", True),
            ("k8s-certs", "/etc/kubernetes/pki", "DirectoryOrCreate", True),
            ("usr-share-ca-certificates", "/usr/share/ca-certificates", "DirectoryOrCreate", True)]


def apiserver_flags(good, ip):
    f = ["kube-apiserver", "--advertise-address=" + ip, "--allow-privileged=true"]
    if good:
        f += ["--anonymous-auth=false",
              "--audit-log-maxage=30", "--audit-log-maxbackup=10", "--audit-log-maxsize=100",
              "--audit-log-path=/var/log/kubernetes/audit/audit.log",
              "--audit-policy-file=/etc/kubernetes/audit-policy.yaml"]
    f += ["--authorization-mode=Node,RBAC", "--client-ca-file=/etc/kubernetes/pki/ca.crt"]
    minor = int(K8S_VERSION.split(".")[1])
    if good:
        plugins = "NodeRestriction,EventRateLimit,AlwaysPullImages"
        if minor < 25:  # PodSecurityPolicy existed until 1.25
            plugins += ",PodSecurityPolicy"
        f += ["--admission-control-config-file=/etc/kubernetes/admission-config.yaml",
              "--enable-admission-plugins=" + plugins]
    else:
        f += ["--enable-admission-plugins=NodeRestriction,AlwaysAdmit"]
    f += ["--enable-bootstrap-token-auth=true"]
    if good:
        f += ["--encryption-provider-config=/etc/kubernetes/enc/encryption-config.yaml"]
    f += ["--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt",
          "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt",
          "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key",
          "--etcd-servers=https://127.0.0.1:2379"]
    if good and minor < 24:  # the insecure port was removed in 1.24
        f += ["--insecure-port=0"]
    if good:
        f += ["--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt",
              "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt",
              "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key"]
    f += ["--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname"]
    if good:
        f += ["--profiling=false"]
    f += ["--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt",
          "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key"]
    if good:
        f += ["--request-timeout=60s"]
    f += ["--requestheader-allowed-names=front-proxy-client",
          "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
          "--requestheader-extra-headers-prefix=X-Remote-Extra-",
          "--requestheader-group-headers=X-Remote-Group",
          "--requestheader-username-headers=X-Remote-User",
          "--secure-port=6443",
          "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
          "--service-account-key-file=/etc/kubernetes/pki/sa.pub"]
    if good:
        f += ["--service-account-extend-token-expiration=false", "--service-account-lookup=true"]
    f += ["--service-account-signing-key-file=/etc/kubernetes/pki/sa.key",
          "--service-cluster-ip-range=10.96.0.0/12",
          "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt"]
    if good:
        f += ["--tls-cipher-suites=" + CIPHERS]
    f += ["--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"]
    if not good:
        f += ["--token-auth-file=/etc/kubernetes/pki/known-tokens.csv"]
    return f


def apiserver_bad_text(ip):
    """cp-bad's kube-apiserver.yaml: edited by hand over the years, with comments, indented
    sequences, a commented-out flag and trailing comments. Same pod as kubeadm would run."""
    flags = apiserver_flags(False, ip)
    lines = [
        "# kube-apiserver static pod of this control-plane node.",
        "# Hand-maintained since the 1.29 upgrade; keep the flag list sorted where possible.",
        "apiVersion: v1",
        "kind: Pod",
        "metadata:",
        "  annotations:",
        "    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: %s:6443" % ip,
        "  labels:",
        "    component: kube-apiserver",
        "    tier: control-plane",
        "  name: kube-apiserver",
        "  namespace: kube-system",
        "spec:",
        "  containers:",
        "    - name: kube-apiserver",
        "      image: registry.k8s.io/kube-apiserver:%s" % K8S_VERSION,
        "      imagePullPolicy: IfNotPresent",
        "      command:",
    ]
    for fl in flags:
        if fl.startswith("--allow-privileged"):
            # repeated flag: the later --authorization-mode wins
            lines.append("        - --authorization-mode=AlwaysAllow   # bring-up only; overridden below")
        if fl.startswith("--authorization-mode"):
            lines.append("        # Node,RBAC is what kubeadm sets; do not add AlwaysAllow again")
        if fl == "--secure-port=6443":
            # the two-item form: flag and value as separate argv items
            lines += ["        - --secure-port", "        - \"6443\""]
            continue
        if fl.startswith("--kubelet-preferred-address-types"):
            lines.append("        # the kubelet client certificate flags were dropped while debugging logs:")
            lines.append("        # - --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt")
            lines.append("        # - --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key")
        if fl.startswith("--enable-admission-plugins"):
            lines.append("        - %s   # AlwaysAdmit: temporary, see OPS-1187" % fl)
            continue
        if fl.startswith("--token-auth-file"):
            lines.append("        - %s  # legacy CI tokens" % fl)
            continue
        lines.append("        - " + fl)
    lines += [
        "      livenessProbe:",
        "        failureThreshold: 8",
        "        httpGet:",
        "          host: %s" % ip,
        "          path: /livez",
        "          port: 6443",
        "          scheme: HTTPS",
        "        initialDelaySeconds: 10",
        "        periodSeconds: 10",
        "        timeoutSeconds: 15",
        "      resources:",
        "        requests:",
        "          cpu: 250m",
        "      volumeMounts:",
    ]
    for name, path, _typ, _ro in PKI_VOLS:
        lines += ["        - mountPath: %s" % path, "          name: %s" % name, "          readOnly: true"]
    lines += ["  hostNetwork: true", "  priority: 2000001000", "  priorityClassName: system-node-critical",
              "  securityContext:", "    seccompProfile:", "      type: RuntimeDefault", "  volumes:"]
    for name, path, typ, _ro in PKI_VOLS:
        lines += ["    - hostPath:", "        path: %s" % path, "        type: %s" % typ,
                  "      name: %s" % name]
    lines.append("status: {}")
    return "\n".join(lines) + "\n"


def controller_manager_flags(good):
    f = ["kube-controller-manager", "--allocate-node-cidrs=true",
         "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf",
         "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf",
         "--bind-address=" + ("127.0.0.1" if good else "0.0.0.0"),
         "--client-ca-file=/etc/kubernetes/pki/ca.crt", "--cluster-cidr=10.244.0.0/16",
         "--cluster-name=kubernetes", "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt",
         "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key",
         "--controllers=*,bootstrapsigner,tokencleaner"]
    if good:
        f += ["--feature-gates=RotateKubeletServerCertificate=true"]
    f += ["--kubeconfig=/etc/kubernetes/controller-manager.conf", "--leader-elect=true"]
    if good:
        f += ["--profiling=false"]
    f += ["--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt",
          "--root-ca-file=/etc/kubernetes/pki/ca.crt",
          "--service-account-private-key-file=/etc/kubernetes/pki/sa.key",
          "--service-cluster-ip-range=10.96.0.0/12"]
    if good:
        f += ["--terminated-pod-gc-threshold=12500"]
    f += ["--use-service-account-credentials=" + ("true" if good else "false")]
    return f


def controller_manager_good_text(ip):
    """cp-good's controller manager: hardened by hand, so it carries comments."""
    obj = kubeadm_pod("kube-controller-manager", "registry.k8s.io/kube-controller-manager:" + K8S_VERSION,
                      controller_manager_flags(True), ip,
                      PKI_VOLS + [("kubeconfig", "/etc/kubernetes/controller-manager.conf", "FileOrCreate", True)],
                      10257, probe_host="127.0.0.1", cpu="200m")
    text = dump_kubeadm(obj)
    out = ["# Hardened per the cluster baseline (profiling off, GC threshold, kubelet serving certs)."]
    for line in text.splitlines():
        if line.strip() == "- --profiling=false":
            out.append(line + "  # baseline 1.3.2")
        elif line.strip() == "- --terminated-pod-gc-threshold=12500":
            out.append(line.replace("- ", "# the default 12500 made explicit\n    - ", 1))
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def scheduler_pod(good, ip):
    base = ["kube-scheduler"]
    flags = ["--authentication-kubeconfig=/etc/kubernetes/scheduler.conf",
             "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf",
             "--bind-address=" + ("127.0.0.1" if good else "0.0.0.0"),
             "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"]
    if good:
        flags.append("--profiling=false")
    else:
        # a bare boolean (true) followed by another flag: it must not swallow the next item
        flags.insert(4, "--profiling")
    vols = [("kubeconfig", "/etc/kubernetes/scheduler.conf", "FileOrCreate", True)]
    if good:
        return kubeadm_pod("kube-scheduler", "registry.k8s.io/kube-scheduler:" + K8S_VERSION, base + flags,
                           ip, vols, 10259, probe_host="127.0.0.1")
    # cp-bad: command holds only the binary, the flags live in args:
    return kubeadm_pod("kube-scheduler", "registry.k8s.io/kube-scheduler:" + K8S_VERSION, base, ip, vols,
                       10259, probe_host="127.0.0.1", args=flags)


def etcd_flags(good, name, ip):
    f = ["etcd", "--advertise-client-urls=https://%s:2379" % ip]
    if not good:
        f.append("--auto-tls=true")
    f += ["--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--client-cert-auth=true",
          "--data-dir=/var/lib/etcd", "--experimental-initial-corrupt-check=true",
          "--experimental-watch-progress-notify-interval=5s",
          "--initial-advertise-peer-urls=https://%s:2380" % ip,
          "--initial-cluster=%s=https://%s:2380" % (name, ip),
          "--key-file=/etc/kubernetes/pki/etcd/server.key",
          "--listen-client-urls=https://127.0.0.1:2379,https://%s:2379" % ip,
          "--listen-metrics-urls=http://127.0.0.1:2381",
          "--listen-peer-urls=https://%s:2380" % ip, "--name=" + name]
    if not good:
        f.append("--peer-auto-tls=true")
    f += ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt",
          "--peer-client-cert-auth=" + ("true" if good else "false"),
          "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key",
          "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt", "--snapshot-count=10000",
          "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"]
    return f


# ------------------------------------------------------------------------------------------
# kubeconfigs and kubelet
# ------------------------------------------------------------------------------------------

def kubeconfig(server, ca_pem, user, cert=None, key=None, cert_path=None, key_path=None):
    u = {}
    if cert_path:
        u = {"client-certificate": cert_path, "client-key": key_path}
    else:
        u = {"client-certificate-data": labpki.b64(cert), "client-key-data": labpki.b64(key)}
    ctx = "%s@kubernetes" % user
    obj = {"apiVersion": "v1",
           "clusters": [{"cluster": {"certificate-authority-data": labpki.b64(ca_pem), "server": server},
                         "name": "kubernetes"}],
           "contexts": [{"context": {"cluster": "kubernetes", "user": user}, "name": ctx}],
           "current-context": ctx, "kind": "Config", "preferences": {},
           "users": [{"name": user, "user": u}]}
    return dump_kubeadm(obj)


def kubelet_config(profile):
    good = profile in ("worker-good", "cp-good", "worker-dropin-bad")
    c = {
        "apiVersion": "kubelet.config.k8s.io/v1beta1",
        "authentication": {"anonymous": {"enabled": profile == "worker-bad"},
                           "webhook": {"cacheTTL": "0s", "enabled": True},
                           "x509": {"clientCAFile": "/etc/kubernetes/pki/ca.crt"}},
        "authorization": {"mode": "AlwaysAllow" if profile == "worker-bad" else "Webhook",
                          "webhook": {"cacheAuthorizedTTL": "0s", "cacheUnauthorizedTTL": "0s"}},
        "cgroupDriver": "systemd",
        "clusterDNS": ["10.96.0.10"],
        "clusterDomain": "cluster.local",
        "containerRuntimeEndpoint": "",
        "cpuManagerReconcilePeriod": "0s",
        "evictionPressureTransitionPeriod": "0s",
        "fileCheckFrequency": "0s",
        "healthzBindAddress": "127.0.0.1",
        "healthzPort": 10248,
        "httpCheckFrequency": "0s",
        "imageMaximumGCAge": "0s",
        "imageMinimumGCAge": "0s",
        "kind": "KubeletConfiguration",
        "logging": {"flushFrequency": 0, "options": {"json": {"infoBufferSize": "0"},
                                                     "text": {"infoBufferSize": "0"}}, "verbosity": 0},
        "memorySwap": {},
        "nodeStatusReportFrequency": "0s",
        "nodeStatusUpdateFrequency": "0s",
        "rotateCertificates": profile != "worker-bad",
        "runtimeRequestTimeout": "0s",
        "shutdownGracePeriod": "0s",
        "shutdownGracePeriodCriticalPods": "0s",
        "staticPodPath": "/etc/kubernetes/manifests",
        "streamingConnectionIdleTimeout": "0s",
        "syncFrequency": "0s",
        "volumeStatsAggPeriod": "0s",
    }
    if good:
        c.update({"eventRecordQPS": 5, "makeIPTablesUtilChains": True, "protectKernelDefaults": True,
                  "readOnlyPort": 0, "serverTLSBootstrap": True, "streamingConnectionIdleTimeout": "4h0m0s",
                  "tlsCertFile": "/var/lib/kubelet/pki/kubelet.crt",
                  "tlsPrivateKeyFile": "/var/lib/kubelet/pki/kubelet.key",
                  "tlsCipherSuites": CIPHERS.split(","),
                  "featureGates": {"RotateKubeletServerCertificate": True}, "podPidsLimit": 4096})
    if profile == "worker-bad":
        c.update({"makeIPTablesUtilChains": False, "eventRecordQPS": 0})
    return dump_kubeadm(c)


KUBELET_SERVICE = """[Unit]
Description=kubelet: The Kubernetes Node Agent
Documentation=https://kubernetes.io/docs/
Wants=network-online.target
After=network-online.target

[Service]
ExecStart=/usr/bin/kubelet
Restart=always
StartLimitInterval=0
RestartSec=10

[Install]
WantedBy=multi-user.target
"""

KUBEADM_DROPIN = """# kubeadm drop-in (lab copy): the kubelet's flags come from the variables below.
[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
# written by kubeadm init/join
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
# local overrides (KUBELET_EXTRA_ARGS)
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
"""

KUBEADM_FLAGS = ('KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/containerd/containerd.sock '
                 '--pod-infra-container-image=registry.k8s.io/pause:3.10"\n')

CNI_CONF = {"name": "cbr0", "cniVersion": "0.3.1",
            "plugins": [{"type": "flannel", "delegate": {"hairpinMode": True, "isDefaultGateway": True}},
                        {"type": "portmap", "capabilities": {"portMappings": True}}]}


def proxy_config(node):
    return dump_kubeadm({
        "apiVersion": "kubeproxy.config.k8s.io/v1alpha1", "kind": "KubeProxyConfiguration",
        "bindAddress": "0.0.0.0", "clientConnection": {"kubeconfig": "/var/lib/kube-proxy/kubeconfig.conf"},
        "clusterCIDR": "10.244.0.0/16", "hostnameOverride": node, "metricsBindAddress": "127.0.0.1:10249",
        "mode": "iptables"})


# ------------------------------------------------------------------------------------------
# users, sshd
# ------------------------------------------------------------------------------------------

def _read(path):
    with open(path) as fh:
        return fh.read()


def write_accounts(t, node_users, passwords):
    """Private copies of passwd/shadow/group with the node's extra users; root keeps key login."""
    passwd = [ln for ln in _read("/etc/passwd").splitlines() if ln and ln.split(":")[0] not in USERS]
    group = [ln for ln in _read("/etc/group").splitlines() if ln and ln.split(":")[0] not in USERS]
    shadow = []
    for ln in _read("/etc/shadow").splitlines():
        if not ln or ln.split(":")[0] in USERS:
            continue
        parts = ln.split(":")
        if parts[0] == "root":
            parts[1] = "*"  # no password, but not locked: key login must work
        shadow.append(":".join(parts))
    for user in node_users:
        uid = USERS[user]
        home = "/var/lib/etcd" if user == "etcd" else "/home/" + user
        shell = "/usr/sbin/nologin" if user == "etcd" else "/bin/bash"
        passwd.append("%s:x:%d:%d:%s:%s:%s" % (user, uid, uid, user, home, shell))
        group.append("%s:x:%d:" % (user, uid))
        # "*": no password but not locked (sshd refuses key logins to locked "!" accounts)
        shadow.append("%s:%s:20000:0:99999:7:::" % (user, passwords.get(user, "!" if user == "etcd" else "*")))
    t.write("/etc/passwd", "\n".join(passwd) + "\n", 0o644)
    t.write("/etc/group", "\n".join(group) + "\n", 0o644)
    t.write("/etc/shadow", "\n".join(shadow) + "\n", 0o640, 0, _shadow_gid())


def _shadow_gid():
    for ln in _read("/etc/group").splitlines():
        if ln.startswith("shadow:"):
            return int(ln.split(":")[2])
    return 0


def sshd_config(name, listen, port, forwarding):
    return "\n".join([
        "# sshd of lab node %s (written by tests/lab/lab.sh up)" % name,
        "Port %d" % port,
        "ListenAddress %s" % listen,
        "HostKey /etc/ssh/ssh_host_ed25519_key",
        "PidFile /run/sshd.pid",
        "UsePAM no",
        "PermitRootLogin prohibit-password",
        "PubkeyAuthentication yes",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "AuthorizedKeysFile .ssh/authorized_keys",
        "StrictModes yes",
        "AllowTcpForwarding %s" % ("yes" if forwarding else "no"),
        "X11Forwarding no",
        "PrintMotd no",
        "PrintLastLog no",
        "MaxStartups 64:30:128",
        "MaxSessions 32",
        "LoginGraceTime 30",
        "AcceptEnv LANG LC_*",
        "Subsystem sftp /usr/lib/openssh/sftp-server",
        "",
    ])


# ------------------------------------------------------------------------------------------
# the node
# ------------------------------------------------------------------------------------------

def build_node(node, lab, pki):
    """node: dict(name, profile, access, port, listen, ip, forwarding); lab: dict(dir, binDir,
    clientPubs, passwords{user: hash}, hostKey(priv,pub)). Returns the node's metadata."""
    global K8S_VERSION
    K8S_VERSION = node.get("version") or "v1.32.2"
    minor = int(K8S_VERSION.split(".")[1])
    bindir = lab["binDir"] if K8S_VERSION == lab.get("defaultVersion", "v1.32.2") else \
        os.path.join(lab["binDir"], K8S_VERSION)
    t = Tree(node["root"])
    name, profile, ip = node["name"], node["profile"], node["ip"]
    cp = is_cp(profile)
    # worker-dropin-bad is hardened like worker-good except for the one drop-in flag
    good = profile in ("cp-good", "worker-good", "worker-dropin-bad")
    bastion = profile == "bastion"
    for top, mode in (("/etc", 0o755), ("/usr", 0o755), ("/var", 0o755), ("/root", 0o700), ("/home", 0o755)):
        t.mkdir(top, mode)

    # accounts and ssh
    users = []
    if cp or profile in RANCHER:
        users.append("etcd")
    if node["access"] != "root":
        users.append(node["access"])
    if profile == "cp-bad":
        users.append("deploy")
    write_accounts(t, users, lab["passwords"])
    for f in (".bashrc", ".profile"):  # a fresh root home, like a new machine
        if os.path.exists("/etc/skel/" + f):
            t.write("/root/" + f, _read("/etc/skel/" + f), 0o644)
    hosts = _read("/etc/hosts").rstrip("\n") + "\n127.0.1.1\t%s\n" % name
    t.write("/etc/hosts", hosts)
    t.write("/etc/hostname", name + "\n")
    priv, pub = node["hostKey"]
    t.mkdir("/etc/ssh")
    t.write("/etc/ssh/ssh_host_ed25519_key", priv, 0o600)
    t.write("/etc/ssh/ssh_host_ed25519_key.pub", pub + " root@" + name + "\n", 0o644)
    t.write("/etc/ssh/sshd_config", sshd_config(name, node["listen"], node["sshPort"], node["forwarding"]))
    auth = "".join(k + "\n" for k in lab["clientPubs"])
    t.mkdir("/root/.ssh", 0o700)
    t.write("/root/.ssh/authorized_keys", auth, 0o600)
    t.mkdir("/etc/sudoers.d", 0o755)
    for user in users:
        if user in ("kadmin", "kops", "deploy"):  # deploy: key login, no sudo rights
            uid = USERS[user]
            t.mkdir("/home/" + user, 0o750, uid, uid)
            t.mkdir("/home/%s/.ssh" % user, 0o700, uid, uid)
            t.write("/home/%s/.ssh/authorized_keys" % user, auth, 0o600, uid, uid)
    if "kadmin" in users:
        t.write("/etc/sudoers.d/kadmin", "# lab: kadmin may do anything after typing its password\n"
                "kadmin ALL=(ALL:ALL) ALL\n", 0o440)
    if "kops" in users:
        t.write("/etc/sudoers.d/kops", "# lab: kops is a passwordless automation account\n"
                "kops ALL=(ALL) NOPASSWD: ALL\n", 0o440)
    # systemctl / journalctl shims (absolute and PATH lookups both land here)
    shim = _read(os.path.join(lab["srcDir"], "systemctl-shim.py"))
    t.write("/usr/bin/systemctl", shim, 0o755)
    t.write("/usr/bin/journalctl", shim, 0o755)

    meta = {"roles": roles(profile), "components": [], "daemons": []}
    if bastion:
        return meta
    if profile in RANCHER:
        return build_rancher(t, node, lab, pki, bindir, meta)

    # ---- kubelet (every Kubernetes node) ----
    for tool in ("kubelet", "kubeadm"):
        with open(os.path.join(bindir, tool), "rb") as fh:
            t.write("/usr/bin/" + tool, fh.read(), 0o755)
    unit_mode = 0o600 if good else 0o644
    if profile == "worker-bad":
        dropin_dir = "/etc/systemd/system/kubelet.service.d"  # older kubeadm packaging
    else:
        dropin_dir = "/usr/lib/systemd/system/kubelet.service.d"
    t.write("/usr/lib/systemd/system/kubelet.service", KUBELET_SERVICE, unit_mode)
    t.write(dropin_dir + "/10-kubeadm.conf", KUBEADM_DROPIN, unit_mode)
    if profile == "worker-dropin-bad":
        t.write("/etc/systemd/system/kubelet.service.d/20-rotation.conf",
                "# Added while debugging certificate renewals on this node (OPS-2211).\n"
                "[Service]\n"
                "Environment=\"KUBELET_EXTRA_ARGS=--rotate-certificates=false\"\n", 0o600)
        t.write("/etc/default/kubelet", "# KUBELET_EXTRA_ARGS is set by a drop-in on this node\n", 0o644)
    elif profile == "worker-bad":
        t.write("/etc/default/kubelet", "KUBELET_EXTRA_ARGS=--read-only-port=10255\n", 0o644)
    else:
        t.write("/etc/default/kubelet", "KUBELET_EXTRA_ARGS=\n", 0o644)
    t.mkdir("/var/lib/kubelet", 0o700 if good else 0o755)
    t.write("/var/lib/kubelet/kubeadm-flags.env", KUBEADM_FLAGS, 0o644)
    t.write("/var/lib/kubelet/config.yaml", kubelet_config(profile), 0o600 if good else 0o644)
    t.mkdir("/var/lib/kubelet/pki", 0o755)
    client = pki.kubelet_client(name)
    stamp = labpki.NOW.strftime("%Y-%m-%d-%H-%M-%S")
    t.write("/var/lib/kubelet/pki/kubelet-client-%s.pem" % stamp, client, 0o600)
    t.symlink("/var/lib/kubelet/pki/kubelet-client-%s.pem" % stamp, "/var/lib/kubelet/pki/kubelet-client-current.pem")
    scrt, skey = pki.kubelet_serving(name)
    t.write("/var/lib/kubelet/pki/kubelet.crt", scrt, 0o644 if not good else 0o600)
    t.write("/var/lib/kubelet/pki/kubelet.key", skey, 0o600)
    server = "https://%s:6443" % (ip if cp else lab["apiIp"])
    t.mkdir("/etc/kubernetes", 0o755)
    t.mkdir("/etc/kubernetes/manifests", 0o755 if good else 0o775)
    t.mkdir("/etc/kubernetes/pki", 0o755)
    t.write("/etc/kubernetes/kubelet.conf",
            kubeconfig(server, pki.files["ca.crt"], "system:node:" + name,
                       cert_path="/var/lib/kubelet/pki/kubelet-client-current.pem",
                       key_path="/var/lib/kubelet/pki/kubelet-client-current.pem"),
            0o644 if profile == "worker-bad" else 0o600)
    # kube-proxy (a DaemonSet in kubeadm; here its files sit on the node)
    t.mkdir("/var/lib/kube-proxy", 0o755)
    pc, pk = pki.proxy_client()
    t.write("/var/lib/kube-proxy/kubeconfig.conf",
            kubeconfig(server, pki.files["ca.crt"], "kube-proxy", cert=pc, key=pk), 0o600 if good else 0o644)
    t.write("/var/lib/kube-proxy/config.conf", proxy_config(name), 0o644)
    meta["daemons"].append({"name": "kube-proxy", "argv": [
        "/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=" + name]})
    # CNI
    t.mkdir("/etc/cni/net.d", 0o755)
    t.write("/etc/cni/net.d/10-flannel.conflist", json.dumps(CNI_CONF, indent=2) + "\n", 0o600 if good else 0o644)

    if not cp:
        t.write("/etc/kubernetes/pki/ca.crt", pki.files["ca.crt"], 0o600 if good else 0o644)
        return meta

    # ---- control plane + etcd ----
    pki_mode_key = 0o600 if good else 0o644
    pki_mode_crt = 0o600 if good else 0o644
    t.mkdir("/etc/kubernetes/pki/etcd", 0o755)
    for rel, pem in pki.files.items():
        mode = pki_mode_key if rel.endswith(".key") else pki_mode_crt
        t.write("/etc/kubernetes/pki/" + rel, pem, mode)
    conf_mode = 0o600 if good else 0o644
    for conf, (cn, crt, key) in pki.clients.items():
        if conf == "super-admin.conf" and minor < 29:
            continue  # kubeadm writes super-admin.conf since 1.29
        uid = USERS["deploy"] if (conf == "scheduler.conf" and not good) else 0
        t.write("/etc/kubernetes/" + conf, kubeconfig(server, pki.files["ca.crt"], cn, cert=crt, key=key),
                conf_mode, uid, uid)
    if good:
        t.write("/etc/kubernetes/audit-policy.yaml", dump_kubeadm({
            "apiVersion": "audit.k8s.io/v1", "kind": "Policy",
            "rules": [{"level": "None", "users": ["system:kube-proxy"]},
                      {"level": "Metadata", "resources": [{"group": "", "resources": ["secrets", "configmaps"]}]},
                      {"level": "RequestResponse"}]}), 0o600)
        t.write("/etc/kubernetes/admission-config.yaml", dump_kubeadm({
            "apiVersion": "apiserver.config.k8s.io/v1", "kind": "AdmissionConfiguration",
            "plugins": [{"name": "EventRateLimit", "path": "/etc/kubernetes/event-rate-limit.yaml"}]}), 0o600)
        t.write("/etc/kubernetes/event-rate-limit.yaml", dump_kubeadm({
            "apiVersion": "eventratelimit.admission.k8s.io/v1alpha1", "kind": "Configuration",
            "limits": [{"type": "Server", "qps": 50, "burst": 100}]}), 0o600)
        t.mkdir("/etc/kubernetes/enc", 0o700)
        t.write("/etc/kubernetes/enc/encryption-config.yaml", dump_kubeadm({
            "apiVersion": "apiserver.config.k8s.io/v1", "kind": "EncryptionConfiguration",
            "resources": [{"resources": ["secrets"], "providers": [
                {"aescbc": {"keys": [{"name": "key1", "secret": "REDACTED-LAB-KEY-" + name}]}},
                {"identity": {}}]}]}), 0o600)
    else:
        t.write("/etc/kubernetes/pki/known-tokens.csv",
                "lab-token-0001,ci-bot,1001,\"system:masters\"\n", 0o644)
    # etcd data dir
    euid = USERS["etcd"]
    owner = (euid, euid) if good else (0, 0)
    t.mkdir("/var/lib/etcd", 0o700 if good else 0o755, *owner)
    for d in ("/var/lib/etcd/member", "/var/lib/etcd/member/snap", "/var/lib/etcd/member/wal"):
        t.mkdir(d, 0o700, *owner)
    t.write("/var/lib/etcd/member/snap/db", b"\0" * 16384, 0o600, *owner)
    t.write("/var/lib/etcd/member/wal/0000000000000000-0000000000000000.wal", b"\0" * 4096, 0o600, *owner)
    # static pods
    man_mode = 0o600 if good else 0o644
    mdir = "/etc/kubernetes/manifests/"
    if good:
        api = kubeadm_pod("kube-apiserver", "registry.k8s.io/kube-apiserver:" + K8S_VERSION,
                          apiserver_flags(True, ip), ip,
                          PKI_VOLS + [("audit", "/etc/kubernetes/audit-policy.yaml", "File", True),
                                      ("audit-log", "/var/log/kubernetes/audit/", "DirectoryOrCreate", False),
                                      ("enc", "/etc/kubernetes/enc", "DirectoryOrCreate", True)],
                          6443, cpu="250m")
        t.write(mdir + "kube-apiserver.yaml", dump_kubeadm(api), man_mode)
        t.write(mdir + "kube-controller-manager.yaml", controller_manager_good_text(ip), man_mode)
    else:
        t.write(mdir + "kube-apiserver.yaml", apiserver_bad_text(ip), man_mode)
        cm = kubeadm_pod("kube-controller-manager", "registry.k8s.io/kube-controller-manager:" + K8S_VERSION,
                         controller_manager_flags(False), ip,
                         PKI_VOLS + [("kubeconfig", "/etc/kubernetes/controller-manager.conf", "FileOrCreate", True)],
                         10257, probe_host="127.0.0.1", cpu="200m")
        t.write(mdir + "kube-controller-manager.yaml", dump_kubeadm(cm), man_mode)
    t.write(mdir + "kube-scheduler.yaml", dump_kubeadm(scheduler_pod(good, ip)), man_mode)
    etcd = kubeadm_pod("etcd", ETCD_IMAGE, etcd_flags(good, name, ip), ip,
                       [("etcd-certs", "/etc/kubernetes/pki/etcd", "DirectoryOrCreate", False),
                        ("etcd-data", "/var/lib/etcd", "DirectoryOrCreate", False)],
                       2381, probe_scheme="HTTP", probe_host="127.0.0.1")
    t.write(mdir + "etcd.yaml", dump_kubeadm(etcd), man_mode)
    if not good:
        # files the kubelet skips (dot file) next to one it does not (a backup that is not a pod)
        t.write(mdir + ".kube-apiserver.yaml.swp", "not a manifest\n", 0o600)
    meta["components"] = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"]
    return meta


# ---- k3s and RKE2 ----------------------------------------------------------------------------

K3S_SERVICE = """[Unit]
Description=Lightweight Kubernetes
Documentation=https://k3s.io
Wants=network-online.target
After=network-online.target

[Service]
Type=notify
EnvironmentFile=-/etc/default/%N
EnvironmentFile=-/etc/sysconfig/%N
EnvironmentFile=-/etc/systemd/system/k3s.service.env
KillMode=process
Delegate=yes
LimitNOFILE=1048576
Restart=always
RestartSec=5s
ExecStart=/usr/local/bin/k3s server --kube-apiserver-arg=audit-log-path=/var/lib/rancher/k3s/server/logs/audit.log

[Install]
WantedBy=multi-user.target
"""

AUDIT_POLICY = {"apiVersion": "audit.k8s.io/v1", "kind": "Policy",
                "rules": [{"level": "Metadata"}]}
ENCRYPTION = {"kind": "EncryptionConfiguration", "apiVersion": "apiserver.config.k8s.io/v1",
              "resources": [{"resources": ["secrets"], "providers": [
                  {"aescbc": {"keys": [{"name": "aescbckey", "secret": "REDACTED-LAB-KEY"}]}},
                  {"identity": {}}]}]}


def rancher_tls(t, dd, pki):
    """The certificate tree k3s/RKE2 keep below DATA_DIR/server/tls and DATA_DIR/agent."""
    crt, key = pki.files["ca.crt"], pki.files["ca.key"]
    tls = dd + "/server/tls/"
    t.mkdir(dd, 0o700)
    t.mkdir(dd + "/server", 0o700)
    t.mkdir(tls, 0o700)
    t.mkdir(tls + "etcd", 0o700)
    for base in ("client-ca", "server-ca", "request-header-ca", "client-admin", "client-auth-proxy",
                 "client-controller", "client-kube-apiserver", "client-kube-proxy",
                 "client-kubelet", "client-scheduler", "serving-kube-apiserver",
                 "etcd/server-ca", "etcd/peer-ca", "etcd/client", "etcd/server-client",
                 "etcd/peer-server-client"):
        t.write(tls + base + ".crt", crt, 0o600)
        t.write(tls + base + ".key", key, 0o600)
    t.write(tls + "client-ca.nochain.crt", crt, 0o600)
    t.write(tls + "service.key", key, 0o600)
    t.write(tls + "service.current.key", key, 0o600)
    t.mkdir(dd + "/server/cred", 0o700)
    server = "https://127.0.0.1:6443"
    for conf, cn in (("admin", "system:admin"), ("controller", "system:kube-controller-manager"),
                     ("scheduler", "system:kube-scheduler"), ("supervisor", "system:k3s-supervisor"),
                     ("api-server", "system:apiserver")):
        t.write(dd + "/server/cred/%s.kubeconfig" % conf,
                kubeconfig(server, crt, cn, cert_path=tls + "client-admin.crt",
                           key_path=tls + "client-admin.key"), 0o600)
    t.write(dd + "/server/cred/encryption-config.json", json.dumps(ENCRYPTION) + "\n", 0o600)
    t.mkdir(dd + "/server/logs", 0o700)
    # embedded etcd (k3s --cluster-init; RKE2 always)
    euid = USERS["etcd"]
    owner = (euid, euid) if dd.endswith("rke2") else (0, 0)
    for d in ("/server/db", "/server/db/etcd", "/server/db/etcd/member",
              "/server/db/etcd/member/snap", "/server/db/etcd/member/wal"):
        t.mkdir(dd + d, 0o700, *(owner if "etcd" in d else (0, 0)))
    t.write(dd + "/server/db/etcd/member/snap/db", b"\0" * 16384, 0o600, *owner)
    agent = dd + "/agent/"
    t.mkdir(agent, 0o700)
    for f in ("client-ca.crt", "server-ca.crt", "serving-kubelet.crt", "client-kubelet.crt",
              "client-kube-proxy.crt"):
        t.write(agent + f, crt, 0o600)
    for f in ("serving-kubelet.key", "client-kubelet.key", "client-kube-proxy.key"):
        t.write(agent + f, key, 0o600)
    for conf in ("kubelet", "kubeproxy", "k3scontroller"):
        t.write(agent + conf + ".kubeconfig",
                kubeconfig(server, crt, "system:node", cert_path=agent + "client-kubelet.crt",
                           key_path=agent + "client-kubelet.key"), 0o600)
    t.mkdir(agent + "pod-manifests", 0o700)


def build_rancher(t, node, lab, pki, bindir, meta):
    profile, name, ip = node["profile"], node["name"], node["ip"]
    dist = "k3s" if profile == "k3s-server" else "rke2"
    dd = "/var/lib/rancher/" + dist
    with open(os.path.join(bindir, "labcomp"), "rb") as fh:
        labcomp = fh.read()
    t.mkdir("/usr/local/bin", 0o755)
    t.write("/usr/local/bin/" + dist, labcomp, 0o755)
    rancher_tls(t, dd, pki)
    t.mkdir("/etc/rancher", 0o755)
    t.mkdir("/etc/rancher/" + dist, 0o700)
    if dist == "k3s":
        t.write("/etc/rancher/k3s/config.yaml", yaml.safe_dump({
            "write-kubeconfig-mode": "0600",
            "cluster-init": True,
            "protect-kernel-defaults": True,
            "secrets-encryption": True,
            "node-name": name,
            "kube-apiserver-arg": [
                "audit-policy-file=/var/lib/rancher/k3s/server/audit.yaml",
                "audit-log-maxage=30",
                "admission-control-config-file=/var/lib/rancher/k3s/server/psa.yaml",
            ],
            "kubelet-arg": ["streaming-connection-idle-timeout=5m", "make-iptables-util-chains=true"],
        }, sort_keys=False), 0o600)
        t.mkdir("/etc/rancher/k3s/config.yaml.d", 0o700)
        t.write("/etc/rancher/k3s/config.yaml.d/50-audit.yaml",
                "# appended to config.yaml's list\nkube-apiserver-arg+:\n"
                "  - audit-log-maxbackup=10\n  - audit-log-maxsize=100\n", 0o600)
        t.write(dd + "/server/audit.yaml", dump_kubeadm(AUDIT_POLICY), 0o600)
        t.write(dd + "/server/psa.yaml", dump_kubeadm({
            "apiVersion": "apiserver.config.k8s.io/v1", "kind": "AdmissionConfiguration",
            "plugins": [{"name": "PodSecurity", "configuration": {
                "apiVersion": "pod-security.admission.config.k8s.io/v1",
                "kind": "PodSecurityConfiguration",
                "defaults": {"enforce": "restricted", "enforce-version": "latest"}}}]}), 0o600)
        t.mkdir("/etc/systemd/system", 0o755)
        t.write("/etc/systemd/system/k3s.service", K3S_SERVICE, 0o600)
        t.write("/etc/systemd/system/k3s.service.env", "K3S_TOKEN=REDACTED-LAB-TOKEN\n", 0o600)
        t.mkdir(dd + "/agent/etc", 0o700)
        t.mkdir(dd + "/agent/etc/cni", 0o700)
        t.mkdir(dd + "/agent/etc/cni/net.d", 0o700)
        t.write(dd + "/agent/etc/cni/net.d/10-flannel.conflist", json.dumps(CNI_CONF, indent=2) + "\n", 0o600)
        meta["daemons"].append({"name": "k3s", "argv": [
            "/usr/local/bin/k3s", "server",
            "--kube-apiserver-arg=audit-log-path=/var/lib/rancher/k3s/server/logs/audit.log"]})
        meta["kubelet"] = False
        meta["components"] = ["k3s"]
        return meta

    # RKE2: static pods written by `rke2 server`, the kubelet from its data dir
    t.write("/etc/rancher/rke2/config.yaml", yaml.safe_dump({
        "write-kubeconfig-mode": "0600", "profile": "cis", "node-name": name,
        "kube-apiserver-arg": ["audit-log-maxage=30"]}, sort_keys=False), 0o600)
    t.write("/etc/rancher/rke2/audit-policy.yaml", dump_kubeadm(AUDIT_POLICY), 0o600)
    t.mkdir(dd + "/bin", 0o755)
    t.write(dd + "/bin/kubelet", labcomp, 0o755)
    tls = dd + "/server/tls/"
    cred = dd + "/server/cred/"
    agent = dd + "/agent/"
    kubelet_args = [
        "--anonymous-auth=false", "--authentication-token-webhook=true",
        "--authorization-mode=Webhook", "--client-ca-file=" + agent + "client-ca.crt",
        "--cluster-dns=10.43.0.10", "--cluster-domain=cluster.local", "--fail-swap-on=false",
        "--healthz-bind-address=127.0.0.1", "--hostname-override=" + name,
        "--kubeconfig=" + agent + "kubelet.kubeconfig", "--node-ip=" + ip,
        "--pod-manifest-path=" + agent + "pod-manifests", "--protect-kernel-defaults=true",
        "--read-only-port=0", "--tls-cert-file=" + agent + "serving-kubelet.crt",
        "--tls-private-key-file=" + agent + "serving-kubelet.key",
        "--make-iptables-util-chains=true", "--event-qps=5",
        "--streaming-connection-idle-timeout=5m"]
    # lab stand-in: real RKE2 starts the kubelet itself; the lab supervisor starts the kubelet
    # from a kubelet.service, so one carries rke2's kubelet command line
    t.write("/usr/lib/systemd/system/kubelet.service",
            "[Unit]\nDescription=kubelet started by rke2 (Kinspect lab stand-in)\n\n[Service]\n"
            "ExecStart=" + dd + "/bin/kubelet " + " ".join(kubelet_args) + "\nRestart=always\n",
            0o600)
    image = "index.docker.io/rancher/hardened-kubernetes:%s-rke2r1-build20250101" % K8S_VERSION
    vols = [("dir0", tls, "Directory", True), ("dir1", cred, "Directory", True)]
    api = kubeadm_pod("kube-apiserver", image, [
        "kube-apiserver", "--advertise-address=" + ip, "--allow-privileged=true",
        "--anonymous-auth=false", "--api-audiences=https://kubernetes.default.svc.cluster.local,rke2",
        "--audit-log-maxage=30", "--audit-log-maxbackup=10", "--audit-log-maxsize=100",
        "--audit-log-path=" + dd + "/server/logs/audit.log",
        "--audit-policy-file=/etc/rancher/rke2/audit-policy.yaml",
        "--authorization-mode=Node,RBAC", "--bind-address=0.0.0.0",
        "--client-ca-file=" + tls + "client-ca.crt",
        "--enable-admission-plugins=NodeRestriction",
        "--encryption-provider-config=" + cred + "encryption-config.json",
        "--etcd-cafile=" + tls + "etcd/server-ca.crt", "--etcd-certfile=" + tls + "etcd/client.crt",
        "--etcd-keyfile=" + tls + "etcd/client.key", "--etcd-servers=https://127.0.0.1:2379",
        "--kubelet-certificate-authority=" + tls + "server-ca.crt",
        "--kubelet-client-certificate=" + tls + "client-kube-apiserver.crt",
        "--kubelet-client-key=" + tls + "client-kube-apiserver.key", "--profiling=false",
        "--proxy-client-cert-file=" + tls + "client-auth-proxy.crt",
        "--proxy-client-key-file=" + tls + "client-auth-proxy.key",
        "--requestheader-client-ca-file=" + tls + "request-header-ca.crt", "--secure-port=6443",
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + tls + "service.key",
        "--service-account-lookup=true",
        "--service-account-signing-key-file=" + tls + "service.current.key",
        "--service-cluster-ip-range=10.43.0.0/16", "--storage-backend=etcd3",
        "--tls-cert-file=" + tls + "serving-kube-apiserver.crt",
        "--tls-private-key-file=" + tls + "serving-kube-apiserver.key",
        "--tls-cipher-suites=" + CIPHERS], ip, vols, 6443)
    cm = kubeadm_pod("kube-controller-manager", image, [
        "kube-controller-manager", "--bind-address=127.0.0.1",
        "--kubeconfig=" + cred + "controller.kubeconfig", "--profiling=false",
        "--root-ca-file=" + tls + "server-ca.crt",
        "--service-account-private-key-file=" + tls + "service.current.key",
        "--terminated-pod-gc-threshold=1000", "--use-service-account-credentials=true",
        "--feature-gates=RotateKubeletServerCertificate=true"], ip, vols, 10257, probe_host="127.0.0.1")
    sched = kubeadm_pod("kube-scheduler", image, [
        "kube-scheduler", "--bind-address=127.0.0.1",
        "--kubeconfig=" + cred + "scheduler.kubeconfig", "--profiling=false"], ip, vols, 10259,
        probe_host="127.0.0.1")
    etls = tls + "etcd/"
    etcd = kubeadm_pod("etcd", "index.docker.io/rancher/hardened-etcd:v3.5.16-k3s1-build20250101", [
        "etcd", "--name=" + name, "--data-dir=" + dd + "/server/db/etcd",
        "--advertise-client-urls=https://%s:2379" % ip,
        "--listen-client-urls=https://127.0.0.1:2379,https://%s:2379" % ip,
        "--client-cert-auth=true", "--cert-file=" + etls + "server-client.crt",
        "--key-file=" + etls + "server-client.key", "--trusted-ca-file=" + etls + "server-ca.crt",
        "--peer-client-cert-auth=true", "--peer-cert-file=" + etls + "peer-server-client.crt",
        "--peer-key-file=" + etls + "peer-server-client.key",
        "--peer-trusted-ca-file=" + etls + "peer-ca.crt"], ip,
        [("dir0", dd + "/server/db/etcd", "DirectoryOrCreate", False)], 2381,
        probe_scheme="HTTP", probe_host="127.0.0.1")
    for pod_name, pod in (("etcd", etcd), ("kube-apiserver", api), ("kube-controller-manager", cm),
                          ("kube-scheduler", sched)):
        t.write(agent + "pod-manifests/%s.yaml" % pod_name, dump_kubeadm(pod), 0o600)
    t.mkdir("/etc/cni", 0o755)
    t.mkdir("/etc/cni/net.d", 0o700)
    t.write("/etc/cni/net.d/05-cilium.conflist", json.dumps(CNI_CONF, indent=2) + "\n", 0o600)
    meta["daemons"].append({"name": "rke2", "argv": ["/usr/local/bin/rke2", "server"]})
    meta["components"] = ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"]
    return meta
