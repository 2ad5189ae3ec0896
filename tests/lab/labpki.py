"""Keys and certificates for the Kinspect lab (python3-cryptography).

Everything is generated fresh for every `lab.sh up`: a cluster CA, an etcd CA, a front-proxy
CA, the kubeadm leaf certificates, per-node kubelet certificates, SSH host keys and the
client key. ECDSA P-256 keeps generation fast (kubeadm can use ECDSA too); the service-account
key is RSA like kubeadm's default.
"""

import base64
import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

import ipaddress

NOW = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def ec_key():
    return ec.generate_private_key(ec.SECP256R1())


def key_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                             serialization.NoEncryption()).decode()


def pub_pem(key):
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def cert_pem(cert):
    return cert.public_bytes(serialization.Encoding.PEM).decode()


def b64(text):
    return base64.b64encode(text.encode()).decode()


def _name(cn, orgs=()):
    attrs = [x509.NameAttribute(NameOID.ORGANIZATION_NAME, o) for o in orgs]
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


class Ca:
    def __init__(self, cn, days=3650):
        self.key = ec_key()
        self.name = _name(cn)
        b = (x509.CertificateBuilder().subject_name(self.name).issuer_name(self.name)
             .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
             .not_valid_before(NOW - datetime.timedelta(minutes=5))
             .not_valid_after(NOW + datetime.timedelta(days=days))
             .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
             .add_extension(x509.KeyUsage(True, False, True, False, False, True, False, False, False),
                            critical=True)
             .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()),
                            critical=False))
        self.cert = b.sign(self.key, hashes.SHA256())

    def issue(self, cn, orgs=(), server=False, client=False, dns=(), ips=(), days=365):
        key = ec_key()
        usages = []
        if server:
            usages.append(ExtendedKeyUsageOID.SERVER_AUTH)
        if client:
            usages.append(ExtendedKeyUsageOID.CLIENT_AUTH)
        b = (x509.CertificateBuilder().subject_name(_name(cn, orgs)).issuer_name(self.name)
             .public_key(key.public_key()).serial_number(x509.random_serial_number())
             .not_valid_before(NOW - datetime.timedelta(minutes=5))
             .not_valid_after(NOW + datetime.timedelta(days=days))
             .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
             .add_extension(x509.KeyUsage(True, False, True, False, False, False, False, False, False),
                            critical=True)
             .add_extension(x509.ExtendedKeyUsage(usages or [ExtendedKeyUsageOID.CLIENT_AUTH]),
                            critical=False))
        sans = [x509.DNSName(d) for d in dns] + [x509.IPAddress(ipaddress.ip_address(i)) for i in ips]
        if sans:
            b = b.add_extension(x509.SubjectAlternativeName(sans), critical=False)
        return b.sign(self.key, hashes.SHA256()), key


def self_signed(cn, dns=(), days=365):
    ca = Ca(cn, days)
    return ca.cert, ca.key


def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def ssh_ed25519():
    """Returns (private OpenSSH PEM, public line without comment)."""
    k = ed25519.Ed25519PrivateKey.generate()
    priv = k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH,
                           serialization.NoEncryption()).decode()
    pub = k.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                      serialization.PublicFormat.OpenSSH).decode()
    return priv, pub


class ClusterPki:
    """The shared PKI of the lab cluster (control-plane nodes get all of it)."""

    def __init__(self, cp_names, cp_ips):
        self.ca = Ca("kubernetes")
        self.etcd_ca = Ca("etcd-ca")
        self.fp_ca = Ca("front-proxy-ca")
        self.sa = rsa_key()
        self.files = {}  # relative path under /etc/kubernetes/pki -> PEM text
        f = self.files
        f["ca.crt"], f["ca.key"] = cert_pem(self.ca.cert), key_pem(self.ca.key)
        dns = ["kubernetes", "kubernetes.default", "kubernetes.default.svc",
               "kubernetes.default.svc.cluster.local"] + list(cp_names)
        c, k = self.ca.issue("kube-apiserver", server=True, dns=dns, ips=["10.96.0.1"] + list(cp_ips))
        f["apiserver.crt"], f["apiserver.key"] = cert_pem(c), key_pem(k)
        c, k = self.ca.issue("kube-apiserver-kubelet-client", orgs=["kubeadm:cluster-admins"], client=True)
        f["apiserver-kubelet-client.crt"], f["apiserver-kubelet-client.key"] = cert_pem(c), key_pem(k)
        f["front-proxy-ca.crt"], f["front-proxy-ca.key"] = cert_pem(self.fp_ca.cert), key_pem(self.fp_ca.key)
        c, k = self.fp_ca.issue("front-proxy-client", client=True)
        f["front-proxy-client.crt"], f["front-proxy-client.key"] = cert_pem(c), key_pem(k)
        f["etcd/ca.crt"], f["etcd/ca.key"] = cert_pem(self.etcd_ca.cert), key_pem(self.etcd_ca.key)
        c, k = self.etcd_ca.issue("etcd-server", server=True, client=True, dns=["localhost"] + list(cp_names),
                                  ips=["127.0.0.1"] + list(cp_ips))
        f["etcd/server.crt"], f["etcd/server.key"] = cert_pem(c), key_pem(k)
        c, k = self.etcd_ca.issue("etcd-peer", server=True, client=True, dns=["localhost"] + list(cp_names),
                                  ips=["127.0.0.1"] + list(cp_ips))
        f["etcd/peer.crt"], f["etcd/peer.key"] = cert_pem(c), key_pem(k)
        c, k = self.etcd_ca.issue("kube-etcd-healthcheck-client", client=True)
        f["etcd/healthcheck-client.crt"], f["etcd/healthcheck-client.key"] = cert_pem(c), key_pem(k)
        c, k = self.etcd_ca.issue("kube-apiserver-etcd-client", client=True)
        f["apiserver-etcd-client.crt"], f["apiserver-etcd-client.key"] = cert_pem(c), key_pem(k)
        f["sa.key"] = self.sa.private_bytes(serialization.Encoding.PEM,
                                            serialization.PrivateFormat.TraditionalOpenSSL,
                                            serialization.NoEncryption()).decode()
        f["sa.pub"] = pub_pem(self.sa)
        # client identities embedded in the kubeconfigs
        self.clients = {}
        for conf, cn, orgs in (("admin.conf", "kubernetes-admin", ["kubeadm:cluster-admins"]),
                               ("super-admin.conf", "kubernetes-super-admin", ["system:masters"]),
                               ("controller-manager.conf", "system:kube-controller-manager", []),
                               ("scheduler.conf", "system:kube-scheduler", [])):
            c, k = self.ca.issue(cn, orgs=orgs, client=True)
            self.clients[conf] = (cn, cert_pem(c), key_pem(k))

    def kubelet_client(self, node):
        c, k = self.ca.issue("system:node:" + node, orgs=["system:nodes"], client=True)
        return cert_pem(c) + key_pem(k)

    def kubelet_serving(self, node):
        ca = Ca("%s-ca@%d" % (node, int(NOW.timestamp())))
        c, k = ca.issue(node, server=True, dns=[node])
        return cert_pem(c), key_pem(k)

    def proxy_client(self):
        c, k = self.ca.issue("system:kube-proxy", client=True)
        return cert_pem(c), key_pem(k)
