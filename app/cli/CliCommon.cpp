#include "CliCommon.h"

#include "report/ReportFormats.h"
#include "util/Text.h"

#include <QIODevice>
#include <QSaveFile>
#include <QStringDecoder>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace kinspect::cli {

namespace {

// Everything the CLI prints goes through here, so node data (names, paths, argv, messages from a
// hostile node or a crafted file) can never write raw control characters to a terminal, whatever
// call site forgot to sanitize. Messages on stderr are escaped always (they may end up in a log
// someone cats later); stdout only when it is a terminal, with JSON-compatible escapes, so
// redirected output (JSON, YAML, CSV) keeps its exact bytes.
class TerminalSafeDevice : public QIODevice
{
public:
    enum class Mode
    {
        Always,
        WhenTerminal
    };
    TerminalSafeDevice(FILE *file, Mode mode) : m_file(file)
    {
        m_escape = mode == Mode::Always || isatty(fileno(file));
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override
    {
        if (!m_escape) {
            std::fwrite(data, 1, size_t(len), m_file);
        } else {
            // Stateful decoder: a multi-byte character split across two writes stays whole.
            const QString text = m_decoder.decode(QByteArrayView(data, len));
            const QByteArray safe = escapeTerminalControls(text).toUtf8();
            std::fwrite(safe.constData(), 1, size_t(safe.size()), m_file);
        }
        std::fflush(m_file);
        return len;
    }

private:
    FILE *m_file;
    bool m_escape = true;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
};

} // namespace

QTextStream &out()
{
    static TerminalSafeDevice dev(stdout, TerminalSafeDevice::Mode::WhenTerminal);
    static QTextStream s(&dev);
    return s;
}

QTextStream &err()
{
    static TerminalSafeDevice dev(stderr, TerminalSafeDevice::Mode::Always);
    static QTextStream s(&dev);
    return s;
}

int usageError(const QString &message)
{
    err() << "kinspect-cli: " << message << "\n"
          << "Run 'kinspect-cli help' for usage.\n";
    err().flush();
    return Usage;
}

bool writeOutput(const QString &path, const QByteArray &data, bool terminalSafe)
{
    if (path.isEmpty() || path == QLatin1String("-")) {
        out().flush();
        if (isatty(STDOUT_FILENO)) {
            // A report printed on a terminal: node data in it (CSV cells, HTML, JSON strings)
            // must not drive the terminal. Only the text report keeps its bytes: it escapes node
            // data itself and its colour sequences are its own.
            const QByteArray safe = terminalSafe ? data : escapeTerminalControls(data);
            std::fwrite(safe.constData(), 1, size_t(safe.size()), stdout);
        } else {
            std::fwrite(data.constData(), 1, size_t(data.size()), stdout);
        }
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
    if (!writeOutput(p.value(o.output), *data, p.value(o.format) == QLatin1String("text")))
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
