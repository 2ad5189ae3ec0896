// The least a libssh-based audit of the lab can cost: one thread per node, each connects,
// checks the host key against known_hosts, authenticates with the lab key, runs the collector
// (under sudo where the inventory says so) and reads its whole output. Nothing else: no parsing,
// no evaluation, no report, no history, no cancel or timeouts. A reference for what the scan
// adds on top of the transport (BENCHMARKS.md), not product code; it includes libssh directly
// for that reason.
//   kinspect-bare-libssh-bench --lab DIR [--runs N]
// Prints one line per run: "bare MS bytes".

#include "inventory/Inventory.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <libssh/libssh.h>

#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

using namespace kinspect;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray labSecret(const QString &labDir, const QByteArray &key)
{
    for (const QByteArray &line : readAll(labDir + QStringLiteral("/secrets")).split('\n'))
        if (line.startsWith(key + '='))
            return line.mid(key.size() + 1).trimmed();
    return {};
}

// One node, start to end; returns the bytes of collector output, or -1.
qint64 collect(const NodeSpec &n, const QByteArray &knownHosts, const QByteArray &key,
               const QByteArray &script, const QByteArray &sudoPassword)
{
    ssh_session s = ssh_new();
    const QByteArray host = n.host.toUtf8(), user = n.user.toUtf8();
    const unsigned int port = unsigned(n.port);
    ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    qint64 bytes = -1;
    ssh_key priv = nullptr;
    if (ssh_connect(s) == SSH_OK && ssh_session_is_known_server(s) == SSH_KNOWN_HOSTS_OK &&
        ssh_pki_import_privkey_file(key.constData(), nullptr, nullptr, nullptr, &priv) == SSH_OK &&
        ssh_userauth_publickey(s, nullptr, priv) == SSH_AUTH_SUCCESS) {
        ssh_channel c = ssh_channel_new(s);
        const char *cmd = n.sudo == NodeSpec::SudoMode::Password   ? "sudo -S -p '' sh -s"
                          : n.sudo == NodeSpec::SudoMode::NoPasswd ? "sudo -n sh -s"
                                                                   : "sh -s";
        if (c && ssh_channel_open_session(c) == SSH_OK &&
            ssh_channel_request_exec(c, cmd) == SSH_OK) {
            QByteArray in = script;
            if (n.sudo == NodeSpec::SudoMode::Password)
                in.prepend(sudoPassword + '\n');
            ssh_channel_write(c, in.constData(), uint32_t(in.size()));
            ssh_channel_send_eof(c);
            bytes = 0;
            char buf[65536];
            int r;
            while ((r = ssh_channel_read(c, buf, sizeof buf, 0)) > 0)
                bytes += r;
            if (r < 0)
                bytes = -1;
            ssh_channel_close(c);
        }
        if (c)
            ssh_channel_free(c);
    }
    ssh_key_free(priv);
    ssh_disconnect(s);
    ssh_free(s);
    return bytes;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString lab;
    int runs = 15;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--lab"))
            lab = args[i + 1];
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
    }
    if (lab.isEmpty()) {
        std::fprintf(stderr, "usage: kinspect-bare-libssh-bench --lab DIR [--runs N]\n");
        return 2;
    }
    auto inv = loadInventory(lab + QStringLiteral("/inventory.yaml"));
    if (!inv) {
        std::fprintf(stderr, "%s\n", qPrintable(inv.error().toString()));
        return 2;
    }
    const QByteArray script =
        readAll(QStringLiteral(KINSPECT_SOURCE_DIR "/resources/collector/kinspect-collect.sh"));
    const QByteArray knownHosts = (lab + QStringLiteral("/known_hosts")).toUtf8();
    const QByteArray key = (lab + QStringLiteral("/id_ed25519")).toUtf8();
    const QByteArray password = labSecret(lab, "KADMIN_SUDO_PASSWORD");
    ssh_init();
    for (int run = 0; run < runs; ++run) {
        std::atomic<qint64> total{0};
        std::atomic<int> failed{0};
        QElapsedTimer t;
        t.start();
        std::vector<std::thread> threads;
        for (const NodeSpec &n : inv->nodes)
            threads.emplace_back([&, n] {
                const qint64 b = collect(n, knownHosts, key, script, password);
                if (b < 0)
                    ++failed;
                else
                    total += b;
            });
        for (auto &th : threads)
            th.join();
        const qint64 ms = t.elapsed();
        if (failed) {
            std::fprintf(stderr, "run %d: %d node(s) failed\n", run, failed.load());
            return 1;
        }
        std::printf("bare %lld %lld\n", static_cast<long long>(ms),
                    static_cast<long long>(total.load()));
        std::fflush(stdout);
    }
    ssh_finalize();
    return 0;
}
