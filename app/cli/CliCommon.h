#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace kinspect::cli {

// Exit codes of DESIGN.md's CLI contract.
enum ExitCode
{
    Ok = 0,
    Failed = 1,
    NotAudited = 2,
    Usage = 64
};

QTextStream &out();
QTextStream &err();
// Prints "kinspect-cli: MESSAGE" and a hint; returns Usage.
int usageError(const QString &message);
// Writes `data` to `path` atomically (QSaveFile), or to stdout when path is empty or "-". On a
// terminal, control characters in `data` are escaped unless the caller says it is `terminalSafe`
// (the text report, which escapes node data itself and adds its own colours).
bool writeOutput(const QString &path, const QByteArray &data, bool terminalSafe = false);

// Options several subcommands share; each subcommand registers the ones it takes.
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

// Parses a subcommand's options; false (after printing the problem) on bad usage.
bool parse(QCommandLineParser &p, const QString &command, const QStringList &args,
           const QList<QCommandLineOption> &options);
// true when `format` is one of `allowed`; else prints why and returns false.
bool checkFormat(const QString &format, const QStringList &allowed);

// Renders `result` in the format chosen with --format and writes it to --output (or stdout);
// returns the exit code of DESIGN.md for the result (or Usage when writing failed).
int writeClusterReport(const QCommandLineParser &p, const Options &o, const Benchmark &benchmark,
                       const ClusterResult &result);

// A subcommand registers itself from its own file:
//   static const CommandRegistration reg{"scan", "scan --inventory FILE ...", cmdScan, 40};
struct Command
{
    QString name;
    QString usage; // one or more lines for the help text, without the program name
    int (*run)(const QStringList &args) = nullptr;
    int order = 50; // position in the help text
};
QList<Command> &commands();
struct CommandRegistration
{
    CommandRegistration(const char *name, const char *usage, int (*run)(const QStringList &),
                        int order);
};

// Runs `kinspect-cli <args>` (args without the program name); returns the exit code.
int run(const QStringList &args);

} // namespace kinspect::cli
