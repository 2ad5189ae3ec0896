#include "CliCommands.h"

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "report/JsonReport.h"
#include "report/TextReport.h"
#include "snapshot/SnapshotParser.h"
#include "util/Text.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>
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
