#include "CliCommon.h"

#include "catalog/CatalogLoader.h"
#include "report/JsonReport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kinspect::cli {

namespace {

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

const CommandRegistration regBenchmarks{
    "benchmarks", "benchmarks [--format text|json]              list the built-in benchmarks",
    cmdBenchmarks, 10};
const CommandRegistration regControls{
    "controls", "controls --benchmark ID [--format text|json] list a benchmark's controls",
    cmdControls, 20};
const CommandRegistration regCollector{
    "collector",
    "collector                                    print the collector script (run it on a node\n"
    "                                             with 'sh -s' to produce a snapshot)",
    cmdCollector, 90};

} // namespace

} // namespace kinspect::cli
