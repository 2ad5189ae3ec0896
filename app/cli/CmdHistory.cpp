// kinspect-cli history: list, show, compare and delete stored scans; check the database.

#include "CmdHistory.h"

#include "catalog/CatalogLoader.h"
#include "report/ReportFormats.h"
#include "store/ScanDiff.h"
#include "util/Text.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <unistd.h>

namespace kinspect::cli {

QString historyPath(const QCommandLineParser &p, const HistoryOptions &h)
{
    return p.isSet(h.historyDb) ? p.value(h.historyDb) : ScanHistory::defaultPath();
}

int finishReport(const QCommandLineParser &p, const Options &o, const HistoryOptions &h,
                 const Benchmark &benchmark, ClusterResult result,
                 const QList<QByteArray> &snapshots, const QString &inventory, bool store)
{
    QList<Waiver> waivers;
    if (p.isSet(h.waivers)) {
        auto w = loadWaiversFile(p.value(h.waivers));
        if (!w)
            return usageError(w.error().toString());
        waivers << *w;
    }
    const QString dbPath = historyPath(p, h);
    const bool useDb = !p.isSet(h.noHistory) && (store || QFileInfo::exists(dbPath));
    ScanHistory history;
    if (useDb) {
        if (auto e = history.open(dbPath)) {
            err() << "kinspect-cli: history: " << e->toString() << "\n";
            if (p.isSet(h.historyDb))
                return Usage;
        } else if (auto stored = history.waivers()) {
            waivers << *stored;
        }
    }
    if (!waivers.isEmpty()) {
        const WaiverOutcome wo = applyWaivers(result, waivers);
        if (wo.expired > 0)
            err() << "kinspect-cli: " << wo.expired
                  << " failure(s) matched an expired waiver and stay FAIL\n";
    }
    std::optional<qint64> scanId;
    if (store && history.isOpen()) {
        ScanMeta meta;
        meta.inventory = inventory.isEmpty() ? QString() : QFileInfo(inventory).absoluteFilePath();
        auto id = history.saveScan(result, snapshots, meta);
        if (!id)
            err() << "kinspect-cli: history: " << id.error().toString() << "\n";
        else {
            scanId = *id;
            err() << "kinspect-cli: stored as scan " << *id << " in " << history.path() << "\n";
        }
    }
    ReportOptions ro;
    const QString when = p.value(o.color);
    ro.color = when == QLatin1String("always") ||
               (when == QLatin1String("auto") && !p.isSet(o.output) && isatty(STDOUT_FILENO));
    ro.verbose = p.isSet(o.verbose);
    ro.snapshots = snapshots;
    if (p.isSet(h.compare) && history.isOpen()) {
        std::optional<qint64> prev;
        if (scanId)
            prev = history.previousScan(*scanId);
        else if (auto list = history.listScans(result.cluster); list && !list->isEmpty())
            prev = list->first().id;
        if (prev) {
            if (auto before = history.loadScan(*prev)) {
                ro.comparison = compareScans(before->result, result);
                ro.comparison->beforeId = *prev;
                ro.comparison->afterId = scanId.value_or(0);
            }
        }
    }
    auto data = renderReport(p.value(o.format), benchmark, result, ro);
    if (!data) {
        err() << "kinspect-cli: " << data.error().toString() << "\n";
        return Usage;
    }
    if (!writeOutput(p.value(o.output), *data, p.value(o.format) == QLatin1String("text")))
        return Usage;
    return exitCodeFor(result);
}

namespace {

QString statusCounts(const QHash<Status, int> &s)
{
    return QStringLiteral("%1 FAIL, %2 ERROR, %3 WAIVED, %4 PASS")
        .arg(s.value(Status::Fail))
        .arg(s.value(Status::Error))
        .arg(s.value(Status::Waived))
        .arg(s.value(Status::Pass));
}

QJsonObject infoJson(const ScanInfo &i)
{
    QJsonObject sum;
    for (auto it = i.summary.cbegin(); it != i.summary.cend(); ++it)
        sum.insert(statusName(it.key()), it.value());
    return QJsonObject{{QStringLiteral("id"), i.id},
                       {QStringLiteral("cluster"), i.cluster},
                       {QStringLiteral("inventory"), i.inventory},
                       {QStringLiteral("benchmark"), i.benchmarkId},
                       {QStringLiteral("startedAt"), i.startedAt.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("finishedAt"), i.finishedAt.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("complete"), i.complete},
                       {QStringLiteral("nodes"), i.nodeCount},
                       {QStringLiteral("ranBy"), i.ranBy},
                       {QStringLiteral("summary"), sum}};
}

bool openHistory(ScanHistory &history, const QCommandLineParser &p, const HistoryOptions &h)
{
    if (auto e = history.open(historyPath(p, h))) {
        usageError(e->toString());
        return false;
    }
    return true;
}

qint64 scanIdArg(const QCommandLineParser &p, const QCommandLineOption &opt, bool *ok)
{
    const qint64 id = p.value(opt).toLongLong(ok);
    *ok = *ok && id > 0;
    return id;
}

int cmdHistory(const QStringList &args)
{
    const QString action = args.value(0);
    const QStringList rest = args.mid(1);
    Options o;
    HistoryOptions h;
    QCommandLineOption cluster{QStringLiteral("cluster"), QStringLiteral("Only this cluster."),
                               QStringLiteral("NAME")};
    QCommandLineOption inventory{QStringLiteral("inventory"),
                                 QStringLiteral("Only scans of this inventory file."),
                                 QStringLiteral("FILE")};
    QCommandLineOption all{QStringLiteral("all"),
                           QStringLiteral("Include incomplete (interrupted) scans.")};
    QCommandLineOption scan{QStringLiteral("scan"), QStringLiteral("Scan id."),
                            QStringLiteral("ID")};
    QCommandLineOption from{QStringLiteral("from"), QStringLiteral("Older scan id."),
                            QStringLiteral("ID")};
    QCommandLineOption to{QStringLiteral("to"), QStringLiteral("Newer scan id."),
                          QStringLiteral("ID")};
    QCommandLineParser p;
    ScanHistory history;
    bool ok = false;

    if (action == QLatin1String("list")) {
        if (!parse(p, QStringLiteral("history list"), rest,
                   {h.historyDb, cluster, inventory, all, o.format}) ||
            !checkFormat(p.value(o.format), {QStringLiteral("text"), QStringLiteral("json")}) ||
            !openHistory(history, p, h))
            return Usage;
        const QString inv =
            p.isSet(inventory) ? QFileInfo(p.value(inventory)).absoluteFilePath() : QString();
        auto list = history.listScans(p.value(cluster), inv, p.isSet(all));
        if (!list)
            return usageError(list.error().toString());
        if (p.value(o.format) == QLatin1String("json")) {
            QJsonArray a;
            for (const ScanInfo &i : *list)
                a.append(infoJson(i));
            out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
            return Ok;
        }
        for (const ScanInfo &i : *list)
            out() << QStringLiteral("%1  %2  %3  %4  %5 nodes  %6%7\n")
                         .arg(i.id, 4)
                         .arg(i.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                              sanitizeForTerminal(i.cluster), i.benchmarkId)
                         .arg(i.nodeCount)
                         .arg(statusCounts(i.summary),
                              i.complete ? QString() : QStringLiteral("  (incomplete)"));
        if (list->isEmpty())
            err() << "kinspect-cli: no scans in " << history.path() << "\n";
        return Ok;
    }
    if (action == QLatin1String("show")) {
        if (!parse(p, QStringLiteral("history show"), rest,
                   {h.historyDb, scan, o.format, o.output, o.verbose, o.color, h.compare}) ||
            !checkFormat(p.value(o.format), reportFormats()) || !openHistory(history, p, h))
            return Usage;
        const qint64 id = scanIdArg(p, scan, &ok);
        if (!ok)
            return usageError(QStringLiteral("history show needs --scan ID"));
        auto stored = history.loadScan(id);
        if (!stored)
            return usageError(stored.error().toString());
        auto bench = CatalogLoader::load(stored->info.benchmarkId);
        if (!bench)
            return usageError(bench.error().toString());
        ReportOptions ro;
        ro.ranBy = stored->info.ranBy;
        ro.snapshots = stored->snapshots;
        ro.verbose = p.isSet(o.verbose);
        ro.color = p.value(o.color) == QLatin1String("always");
        if (p.isSet(h.compare))
            if (auto prev = history.previousScan(id))
                if (auto before = history.loadScan(*prev)) {
                    ro.comparison = compareScans(before->result, stored->result);
                    ro.comparison->beforeId = *prev;
                    ro.comparison->afterId = id;
                }
        auto data = renderReport(p.value(o.format), *bench, stored->result, ro);
        if (!data)
            return usageError(data.error().toString());
        if (!writeOutput(p.value(o.output), *data, p.value(o.format) == QLatin1String("text")))
            return Usage;
        return exitCodeFor(stored->result);
    }
    if (action == QLatin1String("compare")) {
        if (!parse(p, QStringLiteral("history compare"), rest,
                   {h.historyDb, from, to, o.format, o.output}) ||
            !checkFormat(p.value(o.format), {QStringLiteral("text"), QStringLiteral("json"),
                                             QStringLiteral("html")}) ||
            !openHistory(history, p, h))
            return Usage;
        bool ok2 = false;
        const qint64 a = scanIdArg(p, from, &ok), b = scanIdArg(p, to, &ok2);
        if (!ok || !ok2)
            return usageError(QStringLiteral("history compare needs --from ID --to ID"));
        auto before = history.loadScan(a);
        if (!before)
            return usageError(before.error().toString());
        auto after = history.loadScan(b);
        if (!after)
            return usageError(after.error().toString());
        ScanDiff d = compareScans(before->result, after->result);
        d.beforeId = a;
        d.afterId = b;
        QByteArray data;
        const QString f = p.value(o.format);
        if (f == QLatin1String("json"))
            data = QJsonDocument(scanDiffToJson(d)).toJson(QJsonDocument::Indented);
        else if (f == QLatin1String("html"))
            data = (QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
                                   "Kinspect scan comparison</title></head><body>") +
                    scanDiffHtml(d) + QStringLiteral("</body></html>\n"))
                       .toUtf8();
        else {
            QStringList lines = scanDiffText(d).split(QLatin1Char('\n'));
            for (QString &l : lines)
                l = sanitizeForTerminal(l);
            data = lines.join(QLatin1Char('\n')).toUtf8();
        }
        if (!writeOutput(p.value(o.output), data))
            return Usage;
        return d.count(ScanChange::Kind::NewFailure) > 0 ? Failed : Ok;
    }
    if (action == QLatin1String("delete")) {
        if (!parse(p, QStringLiteral("history delete"), rest, {h.historyDb, scan}) ||
            !openHistory(history, p, h))
            return Usage;
        const qint64 id = scanIdArg(p, scan, &ok);
        if (!ok)
            return usageError(QStringLiteral("history delete needs --scan ID"));
        if (auto e = history.deleteScan(id))
            return usageError(e->toString());
        return Ok;
    }
    if (action == QLatin1String("check")) {
        if (!parse(p, QStringLiteral("history check"), rest, {h.historyDb}) ||
            !openHistory(history, p, h))
            return Usage;
        auto r = history.integrityCheck();
        if (!r)
            return usageError(r.error().toString());
        out() << *r << "\n";
        auto incomplete = history.listScans(QString(), QString(), true);
        int n = 0;
        if (incomplete)
            for (const ScanInfo &i : *incomplete)
                n += !i.complete;
        out() << "schema " << history.schemaVersion() << ", " << n << " incomplete scan(s)\n";
        return *r == QLatin1String("ok") ? Ok : Failed;
    }
    return usageError(QStringLiteral("history needs list, show, compare, delete or check"));
}

const CommandRegistration regHistory{
    "history",
    "history list [--cluster NAME] [--inventory FILE] [--all] [--format text|json]\n"
    "history show --scan ID [--format FORMAT] [--output FILE] [--compare-previous]\n"
    "history compare --from ID --to ID [--format text|json|html]\n"
    "history delete --scan ID | history check   (all take --history-db FILE)\n"
    "                                             past scans: list, report, drift",
    cmdHistory, 60};

} // namespace

} // namespace kinspect::cli
