#include "CliCommands.h"

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "inventory/Inventory.h"
#include "report/JsonReport.h"
#include "report/TextReport.h"
#include "scan/ScanEngine.h"
#include "snapshot/SnapshotParser.h"
#include "util/Text.h"
#ifdef KINSPECT_HAVE_SSH
#include "ssh/SshCommandRunner.h"
#endif

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <QElapsedTimer>
#include <QEventLoop>

#include <cstdio>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace kinspect::cli {

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int usageError(const QString &message)
{
    err() << "kinspect-cli: " << message << "\n"
          << "Run 'kinspect-cli help' for usage.\n";
    err().flush();
    return Usage;
}

const char *kUsage =
    "Usage: kinspect-cli <command> [options]\n"
    "\n"
    "Commands:\n"
    "  benchmarks [--format text|json]              list the built-in benchmarks\n"
    "  controls --benchmark ID [--format text|json] list a benchmark's controls\n"
    "  evaluate --snapshot FILE|DIR [--benchmark ID] [--format text|json] [--output FILE]\n"
    "                                               evaluate saved node snapshots offline\n"
    "  scan --inventory FILE [--benchmark ID] [--jobs N] [--timeout S] [--format text|json]\n"
    "       [--output FILE] [--known-hosts FILE] [--host-key-policy strict|accept-new]\n"
    "       [--secrets-file FILE]                  audit every node of an inventory over SSH\n"
    "  collector                                    print the collector script (run it on a node\n"
    "                                               with 'sh -s' to produce a snapshot)\n"
    "  help | --help, version | --version\n"
    "\n"
    "Exit codes: 0 nothing failed; 1 at least one FAIL; 2 a node or a control could not be\n"
    "audited; 64 bad usage or bad input file.\n";

// Writes `data` to `path` atomically (or to stdout when path is empty).
bool writeOutput(const QString &path, const QByteArray &data)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        out().flush();
        std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        std::fflush(stdout);
        return true;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        err() << "kinspect-cli: cannot write " << path << ": " << f.errorString() << "\n";
        return false;
    }
    return true;
}

// Options shared by the subcommands; each subcommand registers the ones it takes.
struct Options
{
    QCommandLineOption benchmark{{QStringLiteral("b"), QStringLiteral("benchmark")},
                                 QStringLiteral("Benchmark id (see 'benchmarks')."),
                                 QStringLiteral("ID")};
    QCommandLineOption format{{QStringLiteral("f"), QStringLiteral("format")},
                              QStringLiteral("Output format."),
                              QStringLiteral("FORMAT"),
                              QStringLiteral("text")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                              QStringLiteral("Write the report to FILE."),
                              QStringLiteral("FILE")};
    QCommandLineOption snapshot{{QStringLiteral("s"), QStringLiteral("snapshot")},
                                QStringLiteral("A snapshot file or a directory of them."),
                                QStringLiteral("PATH")};
    QCommandLineOption cluster{QStringLiteral("cluster"),
                               QStringLiteral("Cluster name for the report."),
                               QStringLiteral("NAME")};
    QCommandLineOption verbose{{QStringLiteral("v"), QStringLiteral("verbose")},
                               QStringLiteral("List every result, not only failures.")};
    QCommandLineOption color{QStringLiteral("color"),
                             QStringLiteral("Colour: auto, always or never."),
                             QStringLiteral("WHEN"), QStringLiteral("auto")};
};

// Parses a subcommand's options; returns false (after printing) on bad usage.
bool parse(QCommandLineParser &p, const QString &command, const QStringList &args,
           const QList<QCommandLineOption> &options)
{
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const auto &o : options)
        p.addOption(o);
    if (!p.parse(QStringList{QStringLiteral("kinspect-cli ") + command} + args)) {
        usageError(p.errorText());
        return false;
    }
    if (!p.positionalArguments().isEmpty()) {
        usageError(QStringLiteral("unexpected argument '%1' for '%2'")
                       .arg(p.positionalArguments().first(), command));
        return false;
    }
    return true;
}

bool checkFormat(const QString &format, const QStringList &allowed)
{
    if (allowed.contains(format))
        return true;
    static const QStringList kLater = {QStringLiteral("csv"), QStringLiteral("junit"),
                                       QStringLiteral("html"), QStringLiteral("pdf")};
    if (kLater.contains(format))
        usageError(QStringLiteral("format '%1' is not available in this version (available: %2)")
                       .arg(format, allowed.join(QLatin1String(", "))));
    else
        usageError(QStringLiteral("unknown format '%1' (available: %2)")
                       .arg(format, allowed.join(QLatin1String(", "))));
    return false;
}

int cmdBenchmarks(const QStringList &args)
{
    Options o;
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("benchmarks"), args, {o.format}))
        return Usage;
    const QString format = p.value(o.format);
    if (!checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return Usage;
    QJsonArray list;
    QString text;
    for (const QString &id : CatalogLoader::builtinIds()) {
        auto b = CatalogLoader::load(id);
        if (!b) {
            err() << "kinspect-cli: " << b.error().toString() << "\n";
            return Usage;
        }
        int automated = 0;
        for (const auto &c : b->controls)
            automated += c.automated;
        const QString range = b->kubernetesMax.isEmpty()
                                  ? QStringLiteral("%1+").arg(b->kubernetesMin)
                                  : QStringLiteral("%1-%2").arg(b->kubernetesMin, b->kubernetesMax);
        list.append(QJsonObject{{QStringLiteral("id"), b->id},
                                {QStringLiteral("title"), b->title},
                                {QStringLiteral("version"), b->version},
                                {QStringLiteral("kubernetes"), range},
                                {QStringLiteral("controls"), int(b->controls.size())},
                                {QStringLiteral("automated"), automated}});
        text += QStringLiteral("%1  %2 %3  Kubernetes %4  %5 controls (%6 automated)\n")
                    .arg(b->id.leftJustified(10), b->title, b->version, range)
                    .arg(b->controls.size())
                    .arg(automated);
    }
    if (format == QLatin1String("json"))
        return writeOutput(QString(), QJsonDocument(list).toJson(QJsonDocument::Indented)) ? Ok
                                                                                           : Usage;
    out() << text;
    return Ok;
}

int cmdControls(const QStringList &args)
{
    Options o;
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("controls"), args, {o.benchmark, o.format, o.output}))
        return Usage;
    const QString format = p.value(o.format);
    if (!checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return Usage;
    if (!p.isSet(o.benchmark))
        return usageError(QStringLiteral("controls needs --benchmark ID"));
    auto b = CatalogLoader::load(p.value(o.benchmark));
    if (!b)
        return usageError(b.error().toString());
    if (format == QLatin1String("json"))
        return writeOutput(p.value(o.output), controlsJson(*b)) ? Ok : Usage;
    QString text;
    QString lastSection;
    for (const Control &c : b->controls) {
        if (c.sectionId != lastSection) {
            text += QStringLiteral("\n%1 %2\n").arg(c.sectionId, b->sectionTitle(c.sectionId));
            lastSection = c.sectionId;
        }
        text += QStringLiteral("  %1 %2 %3\n")
                    .arg(c.id.leftJustified(7),
                         c.automated ? QStringLiteral("[auto]  ") : QStringLiteral("[manual]"),
                         c.title);
    }
    return writeOutput(p.value(o.output), text.toUtf8()) ? Ok : Usage;
}

struct LoadedSnapshot
{
    QString name;
    NodeSnapshot snapshot;
};

// Reads one snapshot file or every *.snap file of a directory.
Expected<QList<LoadedSnapshot>> loadSnapshots(const QString &path)
{
    QStringList files;
    const QFileInfo fi(path);
    if (fi.isDir()) {
        const QDir dir(path);
        for (const QString &f : dir.entryList({QStringLiteral("*.snap")}, QDir::Files, QDir::Name))
            files << dir.filePath(f);
        if (files.isEmpty())
            return Error{QStringLiteral("no *.snap files in the directory"), path, 0};
    } else if (fi.exists()) {
        files << path;
    } else {
        return Error{QStringLiteral("no such file or directory"), path, 0};
    }
    QList<LoadedSnapshot> out;
    for (const QString &f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            return Error{file.errorString(), f, 0};
        auto snap = parseSnapshot(file.readAll(), f);
        if (!snap)
            return snap.error();
        QString name = QFileInfo(f).completeBaseName();
        out << LoadedSnapshot{name, std::move(*snap)};
    }
    return out;
}

int cmdEvaluate(const QStringList &args)
{
    Options o;
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("evaluate"), args,
               {o.snapshot, o.benchmark, o.format, o.output, o.cluster, o.verbose, o.color}))
        return Usage;
    const QString format = p.value(o.format);
    if (!checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return Usage;
    if (!p.isSet(o.snapshot))
        return usageError(QStringLiteral("evaluate needs --snapshot FILE|DIR"));
    auto snaps = loadSnapshots(p.value(o.snapshot));
    if (!snaps)
        return usageError(snaps.error().toString());

    QString benchmarkId = p.value(o.benchmark);
    if (benchmarkId.isEmpty()) {
        QList<Benchmark> all;
        for (const QString &id : CatalogLoader::builtinIds())
            if (auto b = CatalogLoader::load(id))
                all << *b;
        QString version;
        for (const auto &s : *snaps)
            if (version.isEmpty())
                version = Evaluator::kubernetesVersion(s.snapshot);
        benchmarkId = selectBenchmarkId(all, version);
        err() << "kinspect-cli: no --benchmark given; using " << benchmarkId
              << (version.isEmpty() ? QStringLiteral(" (Kubernetes version unknown)")
                                    : QStringLiteral(" for Kubernetes ") + version)
              << "\n";
    }
    auto bench = CatalogLoader::load(benchmarkId);
    if (!bench)
        return usageError(bench.error().toString());

    ClusterResult result;
    result.cluster = p.value(o.cluster);
    result.benchmarkId = bench->id;
    result.startedAt = QDateTime::currentDateTimeUtc();
    const Evaluator evaluator(*bench);
    for (const auto &s : *snaps) {
        NodeContext ctx{s.name, s.snapshot.hostname, {}};
        result.nodes << evaluator.evaluate(s.snapshot, ctx);
    }
    result.finishedAt = QDateTime::currentDateTimeUtc();

    QByteArray data;
    if (format == QLatin1String("json")) {
        data = jsonReport(*bench, result);
    } else {
        TextReportOptions to;
        const QString when = p.value(o.color);
        to.color = when == QLatin1String("always") ||
                   (when == QLatin1String("auto") && !p.isSet(o.output) && isatty(STDOUT_FILENO));
        to.verbose = p.isSet(o.verbose);
        data = textReport(*bench, result, to).toUtf8();
    }
    if (!writeOutput(p.value(o.output), data))
        return Usage;
    return exitCodeFor(result);
}

#ifdef KINSPECT_HAVE_SSH
// Secrets for the SSH transport: a secrets file (for scripts and CI) or a no-echo prompt on the
// terminal. Never logged, never stored; the caller wipes what it receives.
class SecretSource
{
public:
    explicit SecretSource(QString file) : m_file(std::move(file)) {}

    bool load(QString *error)
    {
        if (m_file.isEmpty())
            return true;
        QFile f(m_file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(m_file, f.errorString());
            return false;
        }
        int lineNo = 0;
        while (!f.atEnd()) {
            ++lineNo;
            QByteArray line = f.readLine();
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            if (line.trimmed().isEmpty() || line.trimmed().startsWith('#'))
                continue;
            const qsizetype eq = line.indexOf('=');
            const QString key = QString::fromUtf8(line.left(eq)).trimmed();
            static const QStringList kKinds = {QStringLiteral("sudo-password"),
                                               QStringLiteral("password"),
                                               QStringLiteral("passphrase")};
            if (eq < 0 || !kKinds.contains(key.section(QLatin1Char('@'), 0, 0))) {
                *error = QStringLiteral("%1:%2: expected KIND[@NODE]=SECRET with KIND one of %3")
                             .arg(m_file)
                             .arg(lineNo)
                             .arg(kKinds.join(QLatin1String(", ")));
                return false;
            }
            m_secrets.insert(key, line.mid(eq + 1));
            line.fill('\0');
        }
        return true;
    }

    ~SecretSource()
    {
        for (auto &v : m_secrets)
            v.fill('\0');
    }

    // prompt: "sudo password for USER on NODE", "Password for ...", "Passphrase for key ..."
    bool answer(const QString &node, const QString &prompt, QByteArray *secret)
    {
        const QString kind =
            prompt.startsWith(QLatin1String("sudo password")) ? QStringLiteral("sudo-password")
            : prompt.contains(QLatin1String("assphrase"))     ? QStringLiteral("passphrase")
                                                              : QStringLiteral("password");
        std::lock_guard lock(m_mutex);
        for (const QString &key : {kind + QLatin1Char('@') + node, kind}) {
            auto it = m_secrets.constFind(key);
            if (it != m_secrets.constEnd()) {
                *secret = *it;
                return true;
            }
        }
        return askTerminal(prompt, secret);
    }

private:
    static bool askTerminal(const QString &prompt, QByteArray *secret)
    {
        const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            return false; // no terminal: the node reports a clear auth/sudo error
        const QByteArray p = sanitizeForTerminal(prompt).toUtf8() + ": ";
        (void)!::write(fd, p.constData(), size_t(p.size()));
        termios old{};
        const bool tty = tcgetattr(fd, &old) == 0;
        if (tty) {
            termios noecho = old;
            noecho.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(fd, TCSAFLUSH, &noecho);
        }
        char c = 0;
        secret->clear();
        while (::read(fd, &c, 1) == 1 && c != '\n')
            secret->append(c);
        if (tty)
            tcsetattr(fd, TCSAFLUSH, &old);
        (void)!::write(fd, "\n", 1);
        ::close(fd);
        c = 0;
        return true;
    }

    QString m_file;
    QHash<QString, QByteArray> m_secrets;
    std::mutex m_mutex; // prompts come from worker threads
};

int cmdScan(const QStringList &args)
{
    Options o;
    QCommandLineOption inventory{{QStringLiteral("i"), QStringLiteral("inventory")},
                                 QStringLiteral("Inventory file."),
                                 QStringLiteral("FILE")};
    QCommandLineOption jobs{{QStringLiteral("j"), QStringLiteral("jobs")},
                            QStringLiteral("Nodes scanned at once (default 16)."),
                            QStringLiteral("N"),
                            QStringLiteral("16")};
    QCommandLineOption timeout{{QStringLiteral("t"), QStringLiteral("timeout")},
                               QStringLiteral("Seconds to connect and authenticate (default 15)."),
                               QStringLiteral("S"),
                               QStringLiteral("15")};
    QCommandLineOption commandTimeout{
        QStringLiteral("command-timeout"),
        QStringLiteral("Seconds the collector may run (default 120)."), QStringLiteral("S"),
        QStringLiteral("120")};
    QCommandLineOption knownHosts{QStringLiteral("known-hosts"),
                                  QStringLiteral("known_hosts file (default ~/.ssh/known_hosts)."),
                                  QStringLiteral("FILE")};
    QCommandLineOption policy{QStringLiteral("host-key-policy"),
                              QStringLiteral("strict (default) or accept-new."),
                              QStringLiteral("POLICY"), QStringLiteral("strict")};
    QCommandLineOption sshConfig{QStringLiteral("ssh-config"),
                                 QStringLiteral("OpenSSH client config to read ('none' for none)."),
                                 QStringLiteral("FILE")};
    QCommandLineOption secrets{
        QStringLiteral("secrets-file"),
        QStringLiteral("File of KIND[@NODE]=SECRET lines (sudo-password, password, passphrase)."),
        QStringLiteral("FILE")};
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("scan"), args,
               {inventory, o.benchmark, jobs, timeout, commandTimeout, o.format, o.output,
                knownHosts, policy, sshConfig, secrets, o.verbose, o.color}))
        return Usage;
    const QString format = p.value(o.format);
    if (!checkFormat(format, {QStringLiteral("text"), QStringLiteral("json")}))
        return Usage;
    if (!p.isSet(inventory))
        return usageError(QStringLiteral("scan needs --inventory FILE"));
    bool okJobs = false, okTimeout = false, okCmd = false;
    const int nJobs = p.value(jobs).toInt(&okJobs);
    const int nTimeout = p.value(timeout).toInt(&okTimeout);
    const int nCmd = p.value(commandTimeout).toInt(&okCmd);
    if (!okJobs || nJobs < 1 || nJobs > 256)
        return usageError(QStringLiteral("--jobs must be a number from 1 to 256"));
    if (!okTimeout || nTimeout < 1 || !okCmd || nCmd < 1)
        return usageError(
            QStringLiteral("--timeout and --command-timeout take a number of seconds"));
    const QString pol = p.value(policy);
    if (pol != QLatin1String("strict") && pol != QLatin1String("accept-new"))
        return usageError(QStringLiteral("--host-key-policy is strict or accept-new"));

    auto inv = loadInventory(p.value(inventory));
    if (!inv)
        return usageError(inv.error().toString());

    QString benchmarkId = p.value(o.benchmark);
    if (benchmarkId.isEmpty())
        benchmarkId = inv->benchmark;
    // No benchmark named: scan under the newest, then pick by the Kubernetes version the nodes
    // report and re-evaluate the snapshots offline if that is another one.
    const bool autoSelect = benchmarkId.isEmpty();
    if (autoSelect)
        benchmarkId = CatalogLoader::builtinIds().value(CatalogLoader::builtinIds().size() - 1);
    auto bench = CatalogLoader::load(benchmarkId);
    if (!bench)
        return usageError(bench.error().toString());

    auto secretSource = std::make_shared<SecretSource>(p.value(secrets));
    QString secretError;
    if (!secretSource->load(&secretError))
        return usageError(secretError);

    SshOptions ssh;
    ssh.knownHostsFile = p.value(knownHosts);
    ssh.hostKeyPolicy = pol == QLatin1String("accept-new") ? SshOptions::HostKeyPolicy::AcceptNew
                                                           : SshOptions::HostKeyPolicy::Strict;
    ssh.sshConfigFile = p.value(sshConfig);
    ssh.connectTimeoutSec = nTimeout;
    ssh.commandTimeoutSec = nCmd;
    const Inventory inventoryCopy = *inv;
    ScanEngine::RunnerFactory factory = [ssh, secretSource, inventoryCopy](const NodeSpec &node) {
        SshOptions opts = ssh;
        opts.secretPrompt = [secretSource, name = node.name](const QString &prompt,
                                                             QByteArray *secret) {
            return secretSource->answer(name, prompt, secret);
        };
        return std::unique_ptr<ICommandRunner>(new SshCommandRunner(node, inventoryCopy, opts));
    };

    ScanOptions so;
    so.jobs = nJobs;
    ScanEngine engine(*inv, *bench, factory, so);
    const bool progress = isatty(STDERR_FILENO);
    int done = 0;
    const int total = int(inv->nodes.size());
    QObject::connect(
        &engine, &ScanEngine::nodeFinished, &engine,
        [&](int, const NodeResult &r) {
            ++done;
            if (!progress)
                return;
            const QString state = r.audited ? QStringLiteral("%1 FAIL, %2 PASS")
                                                  .arg(r.count(Status::Fail))
                                                  .arg(r.count(Status::Pass))
                                            : QStringLiteral("not audited (%1)").arg(r.errorKind);
            err() << "[" << done << "/" << total << "] " << sanitizeForTerminal(r.name) << ": "
                  << state << "\n";
            err().flush();
        },
        Qt::QueuedConnection);
    QEventLoop loop;
    QObject::connect(&engine, &ScanEngine::finished, &loop, &QEventLoop::quit,
                     Qt::QueuedConnection);
    engine.start();
    if (engine.isRunning())
        loop.exec();
    engine.waitForFinished();
    QCoreApplication::processEvents(); // deliver the last progress lines
    ClusterResult result = engine.result();
    engine.disconnectAll();
    if (autoSelect) {
        QString version;
        for (const NodeResult &n : result.nodes)
            if (version.isEmpty() && !n.kubernetesVersion.isEmpty())
                version = n.kubernetesVersion;
        QList<Benchmark> all;
        for (const QString &id : CatalogLoader::builtinIds())
            if (auto b = CatalogLoader::load(id))
                all << *b;
        const QString chosen = selectBenchmarkId(all, version);
        err() << "kinspect-cli: benchmark " << chosen
              << (version.isEmpty() ? QStringLiteral(" (no Kubernetes version found)")
                                    : QStringLiteral(" selected for Kubernetes ") + version)
              << "\n";
        err().flush();
        if (chosen != bench->id) {
            bench = CatalogLoader::load(chosen);
            if (!bench)
                return usageError(bench.error().toString());
            result.benchmarkId = bench->id;
            const Evaluator evaluator(*bench);
            const QList<NodeScanOutput> outputs = engine.outputs();
            for (int i = 0; i < outputs.size(); ++i) {
                if (!outputs[i].result.audited)
                    continue;
                auto snap = parseSnapshot(outputs[i].snapshot, outputs[i].result.name);
                if (!snap)
                    continue; // parsed once already during the scan
                const NodeSpec &node = inv->nodes[i];
                result.nodes[i] = evaluator.evaluate(*snap, NodeContext{node.name, node.host, node.roles});
            }
        }
    }

    QByteArray data;
    if (format == QLatin1String("json")) {
        data = jsonReport(*bench, result);
    } else {
        TextReportOptions to;
        const QString when = p.value(o.color);
        to.color = when == QLatin1String("always") ||
                   (when == QLatin1String("auto") && !p.isSet(o.output) && isatty(STDOUT_FILENO));
        to.verbose = p.isSet(o.verbose);
        data = textReport(*bench, result, to).toUtf8();
    }
    if (!writeOutput(p.value(o.output), data))
        return Usage;
    return exitCodeFor(result);
}
#endif

int cmdCollector(const QStringList &args)
{
    QCommandLineParser p;
    if (!parse(p, QStringLiteral("collector"), args, {}))
        return Usage;
    QFile f(QStringLiteral(":/collector/kinspect-collect.sh"));
    if (!f.open(QIODevice::ReadOnly)) {
        err() << "kinspect-cli: the collector script is missing from this build\n";
        return Usage;
    }
    return writeOutput(QString(), f.readAll()) ? Ok : Usage;
}

} // namespace

int run(const QStringList &args)
{
    if (args.isEmpty()) {
        err() << kUsage;
        return Usage;
    }
    const QString command = args.first();
    const QStringList rest = args.mid(1);
    int code = Usage;
    if (command == QLatin1String("help") || command == QLatin1String("--help") ||
        command == QLatin1String("-h")) {
        out() << kUsage;
        code = Ok;
    } else if (command == QLatin1String("version") || command == QLatin1String("--version")) {
        out() << "kinspect-cli " << KINSPECT_VERSION << "\n";
        code = Ok;
    } else if (command == QLatin1String("benchmarks")) {
        code = cmdBenchmarks(rest);
    } else if (command == QLatin1String("controls")) {
        code = cmdControls(rest);
    } else if (command == QLatin1String("evaluate")) {
        code = cmdEvaluate(rest);
#ifdef KINSPECT_HAVE_SSH
    } else if (command == QLatin1String("scan")) {
        code = cmdScan(rest);
#endif
    } else if (command == QLatin1String("collector")) {
        code = cmdCollector(rest);
    } else {
        code = usageError(QStringLiteral("unknown command '%1'").arg(command));
    }
    out().flush();
    err().flush();
    return code;
}

} // namespace kinspect::cli
