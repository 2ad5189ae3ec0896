#include "CliCommon.h"

#include "report/ReportFormats.h"

#include <QSaveFile>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace kinspect::cli {

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
    usageError(QStringLiteral("unknown format '%1' (available: %2)")
                   .arg(format, allowed.join(QLatin1String(", "))));
    return false;
}

int writeClusterReport(const QCommandLineParser &p, const Options &o, const Benchmark &benchmark,
                       const ClusterResult &result)
{
    ReportOptions ro;
    const QString when = p.value(o.color);
    ro.color = when == QLatin1String("always") ||
               (when == QLatin1String("auto") && !p.isSet(o.output) && isatty(STDOUT_FILENO));
    ro.verbose = p.isSet(o.verbose);
    auto data = renderReport(p.value(o.format), benchmark, result, ro);
    if (!data) {
        err() << "kinspect-cli: " << data.error().toString() << "\n";
        return Usage;
    }
    if (!writeOutput(p.value(o.output), *data))
        return Usage;
    return exitCodeFor(result);
}

QList<Command> &commands()
{
    static QList<Command> list;
    return list;
}

CommandRegistration::CommandRegistration(const char *name, const char *usage,
                                         int (*run)(const QStringList &), int order)
{
    commands() << Command{QString::fromUtf8(name), QString::fromUtf8(usage), run, order};
}

namespace {
QString usageText()
{
    QList<Command> list = commands();
    std::sort(list.begin(), list.end(),
              [](const Command &a, const Command &b) { return a.order < b.order; });
    QString text = QStringLiteral("Usage: kinspect-cli <command> [options]\n\nCommands:\n");
    for (const Command &c : list)
        for (const QString &line : c.usage.split(QLatin1Char('\n')))
            text += QStringLiteral("  ") + line + QLatin1Char('\n');
    text += QStringLiteral(
        "  help | --help, version | --version\n\n"
        "Exit codes: 0 nothing failed; 1 at least one FAIL; 2 a node or a control could not be\n"
        "audited; 64 bad usage or bad input file.\n");
    return text;
}
} // namespace

int run(const QStringList &args)
{
    if (args.isEmpty()) {
        err() << usageText();
        err().flush();
        return Usage;
    }
    const QString command = args.first();
    int code = Usage;
    if (command == QLatin1String("help") || command == QLatin1String("--help") ||
        command == QLatin1String("-h")) {
        out() << usageText();
        code = Ok;
    } else if (command == QLatin1String("version") || command == QLatin1String("--version")) {
        out() << "kinspect-cli " << KINSPECT_VERSION << "\n";
        code = Ok;
    } else {
        const auto &list = commands();
        const auto it = std::find_if(list.begin(), list.end(),
                                     [&](const Command &c) { return c.name == command; });
        code = it == list.end() ? usageError(QStringLiteral("unknown command '%1'").arg(command))
                                : it->run(args.mid(1));
    }
    out().flush();
    err().flush();
    return code;
}

} // namespace kinspect::cli
