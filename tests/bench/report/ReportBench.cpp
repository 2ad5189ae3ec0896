// Renders every report format for a large cluster (default 100 nodes) and prints the time each
// took. Also the way to look at the PDF: kinspect-report-bench --nodes 8 --out /tmp/r
//   kinspect-report-bench [--nodes N] [--out DIR]

#include "../../unit/report/ReportFixture.h"

#include "report/ReportFormats.h"

#include <QElapsedTimer>
#include <QGuiApplication>

#include <cstdio>
#include <ctime>

static double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen")
                                                                    : qgetenv("QT_QPA_PLATFORM"));
    QGuiApplication app(argc, argv);
    int nodes = 100;
    QString out;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--nodes"))
            nodes = args[i + 1].toInt();
        if (args[i] == QLatin1String("--out"))
            out = args[i + 1];
    }
    // The fixture has 8 snapshots + 1 unaudited node; copies of the 8 reach N nodes.
    const int copies = qMax(1, (nodes - 1 + 7) / 8);
    QElapsedTimer t;
    t.start();
    auto f = kinspect::testing::buildFixture(copies);
    while (f.result.nodes.size() > nodes)
        f.result.nodes.removeAt(f.result.nodes.size() - 2); // keep the unaudited node last
    std::printf("fixture: %d nodes evaluated in %lld ms\n", int(f.result.nodes.size()),
                t.elapsed());
    kinspect::ReportOptions o;
    o.ranBy = QStringLiteral("bench@kinspect");
    o.snapshots = f.snapshots; // failing controls show the planned change
    int rc = 0;
    for (const QString &format : kinspect::reportFormats()) {
        t.restart();
        const double cpu0 = cpuMs();
        auto data = kinspect::renderReport(format, f.benchmark, f.result, o);
        const qint64 ms = t.elapsed();
        const double cpu = cpuMs() - cpu0; // every thread of the process (wall time suffers
                                           // under load; CPU time much less)
        if (!data) {
            std::printf("%s: error %s\n", qPrintable(format), qPrintable(data.error().toString()));
            rc = 1;
            continue;
        }
        std::printf("%-6s %6lld ms  (CPU %6.0f ms)  %9lld bytes\n", qPrintable(format), ms, cpu,
                    qint64(data->size()));
        if (!out.isEmpty()) {
            QDir().mkpath(out);
            QFile file(out + QStringLiteral("/report.") + kinspect::reportFileSuffix(format));
            file.open(QIODevice::WriteOnly);
            file.write(*data);
        }
    }
    return rc;
}
