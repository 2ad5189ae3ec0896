// kinspect-cli waivers: the accepted risks kept with the history, and their YAML form.

#include "CmdHistory.h"

#include "store/Waiver.h"
#include "util/Text.h"

namespace kinspect::cli {

namespace {

int cmdWaivers(const QStringList &args)
{
    const QString action = args.value(0);
    const QStringList rest = args.mid(1);
    Options o;
    HistoryOptions h;
    QCommandLineOption file{QStringLiteral("file"), QStringLiteral("Waivers YAML file."),
                            QStringLiteral("FILE")};
    QCommandLineOption replace{QStringLiteral("replace"),
                               QStringLiteral("Replace every stored waiver (default: add or "
                                              "update by id).")};
    QCommandLineOption id{QStringLiteral("id"), QStringLiteral("Waiver id."), QStringLiteral("ID")};
    QCommandLineOption control{QStringLiteral("control"), QStringLiteral("Control id."),
                               QStringLiteral("ID")};
    QCommandLineOption nodes{QStringLiteral("nodes"),
                             QStringLiteral("Comma-separated node names or roles (default: all)."),
                             QStringLiteral("LIST")};
    QCommandLineOption justification{QStringLiteral("justification"),
                                     QStringLiteral("Why the risk is accepted."),
                                     QStringLiteral("TEXT")};
    QCommandLineOption owner{QStringLiteral("owner"), QStringLiteral("Who accepts it."),
                             QStringLiteral("NAME")};
    QCommandLineOption expires{QStringLiteral("expires"),
                               QStringLiteral("Last day it holds (YYYY-MM-DD)."),
                               QStringLiteral("DATE")};
    QCommandLineParser p;
    ScanHistory history;
    auto openDb = [&]() -> bool {
        if (auto e = history.open(historyPath(p, h))) {
            usageError(e->toString());
            return false;
        }
        return true;
    };

    if (action == QLatin1String("check")) {
        // Validate a YAML file without touching the history.
        if (!parse(p, QStringLiteral("waivers check"), rest, {file}))
            return Usage;
        if (!p.isSet(file))
            return usageError(QStringLiteral("waivers check needs --file FILE"));
        auto w = loadWaiversFile(p.value(file));
        if (!w)
            return usageError(w.error().toString());
        out() << w->size() << " waiver(s) OK\n";
        return Ok;
    }
    if (action == QLatin1String("list") || action == QLatin1String("export")) {
        if (!parse(p, QStringLiteral("waivers ") + action, rest, {h.historyDb, o.output}) ||
            !openDb())
            return Usage;
        auto w = history.waivers();
        if (!w)
            return usageError(w.error().toString());
        if (action == QLatin1String("export"))
            return writeOutput(p.value(o.output), waiversToYaml(*w)) ? Ok : Usage;
        const QDate today = QDate::currentDate();
        for (const Waiver &x : *w)
            out() << sanitizeForTerminal(
                         QStringLiteral("%1  %2  %3  %4  until %5%6  %7")
                             .arg(x.id, x.controlId,
                                  x.nodes.isEmpty() ? QStringLiteral("(all nodes)")
                                                    : x.nodes.join(QLatin1Char(',')),
                                  x.owner, x.expires.toString(Qt::ISODate),
                                  x.expiredOn(today) ? QStringLiteral(" (EXPIRED)") : QString(),
                                  x.justification))
                  << "\n";
        return Ok;
    }
    if (action == QLatin1String("import")) {
        if (!parse(p, QStringLiteral("waivers import"), rest, {h.historyDb, file, replace}))
            return Usage;
        if (!p.isSet(file))
            return usageError(QStringLiteral("waivers import needs --file FILE"));
        auto w = loadWaiversFile(p.value(file));
        if (!w)
            return usageError(w.error().toString());
        if (!openDb())
            return Usage;
        if (p.isSet(replace)) {
            if (auto e = history.replaceWaivers(*w))
                return usageError(e->toString());
        } else {
            for (const Waiver &x : *w)
                if (auto e = history.saveWaiver(x))
                    return usageError(e->toString());
        }
        err() << "kinspect-cli: " << w->size() << " waiver(s) imported into " << history.path()
              << "\n";
        return Ok;
    }
    if (action == QLatin1String("add")) {
        if (!parse(p, QStringLiteral("waivers add"), rest,
                   {h.historyDb, id, control, nodes, justification, owner, expires}))
            return Usage;
        Waiver w;
        w.id = p.value(id).trimmed();
        w.controlId = p.value(control).trimmed();
        for (const QString &n : p.value(nodes).split(QLatin1Char(','), Qt::SkipEmptyParts))
            w.nodes << n.trimmed();
        w.justification = p.value(justification).trimmed();
        w.owner = p.value(owner).trimmed();
        w.expires = QDate::fromString(p.value(expires), Qt::ISODate);
        w.created = QDateTime::currentDateTimeUtc();
        if (w.id.isEmpty() || w.controlId.isEmpty() || w.justification.isEmpty() ||
            w.owner.isEmpty() || !w.expires.isValid())
            return usageError(QStringLiteral("waivers add needs --id, --control, --justification, "
                                             "--owner and --expires YYYY-MM-DD"));
        // Validate through the YAML loader so both ways in obey the same rules.
        auto check = parseWaivers(waiversToYaml({w}), QStringLiteral("--control"));
        if (!check)
            return usageError(check.error().message);
        if (!openDb())
            return Usage;
        if (auto e = history.saveWaiver(w))
            return usageError(e->toString());
        return Ok;
    }
    if (action == QLatin1String("remove")) {
        if (!parse(p, QStringLiteral("waivers remove"), rest, {h.historyDb, id}) || !openDb())
            return Usage;
        if (auto e = history.removeWaiver(p.value(id)))
            return usageError(e->toString());
        return Ok;
    }
    return usageError(QStringLiteral("waivers needs list, export, import, add, remove or check"));
}

const CommandRegistration regWaivers{
    "waivers",
    "waivers list | export [--output FILE] | import --file FILE [--replace] | check --file FILE\n"
    "waivers add --id ID --control ID [--nodes A,B] --justification TEXT --owner NAME\n"
    "            --expires YYYY-MM-DD | remove --id ID   (all take --history-db FILE)\n"
    "                                             accepted FAILs kept with the history",
    cmdWaivers, 61};

} // namespace

} // namespace kinspect::cli
