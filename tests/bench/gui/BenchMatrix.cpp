// How long the matrix takes to show 1,000 nodes x 130 controls, and to repaint while scrolling.
// Prints the figures BENCHMARKS.md records; fails if loading from a saved result takes a second
// or more, or a scroll step takes longer than 50 ms (a visible stall), at the median.

#include "UiFixtures.h"

#include "common/ResultFile.h"
#include "mainwindow/MainWindow.h"
#include "matrix/MatrixModel.h"
#include "matrix/MatrixPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>

using namespace kinspect;
using namespace kinspect::ui;
using namespace kinspect::testing;

namespace {

struct Stats
{
    double median = 0, p95 = 0, max = 0;
};

Stats stats(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    Stats s;
    if (v.empty())
        return s;
    s.median = v[v.size() / 2];
    s.p95 = v[std::min(v.size() - 1, size_t(double(v.size()) * 0.95))];
    s.max = v.back();
    return s;
}

int nodeCount()
{
    const int n = qEnvironmentVariableIntValue("KINSPECT_BENCH_NODES");
    return n > 0 ? n : 1000;
}

} // namespace

class BenchMatrix : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Benchmark m_bench;
    ClusterResult m_result;
    QString m_path;
    QString m_binPath;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_bench = loadBenchmark();
        m_result = largeResult(m_bench, nodeCount());
        m_path = m_dir.filePath(QStringLiteral("large.json"));
        QVERIFY(saveResultFile(m_bench, m_result, m_path).ok());
        m_binPath = m_dir.filePath(QStringLiteral("large.kinspect"));
        QVERIFY(saveResultFile(m_bench, m_result, m_binPath).ok());
        qInfo("result: %d nodes x %d controls, %lld cells, JSON file %.1f MB",
              int(m_result.nodes.size()), int(m_bench.controls.size()),
              qlonglong(m_result.nodes.size()) * m_bench.controls.size(),
              QFileInfo(m_path).size() / 1e6);
    }

    void loadAndScroll()
    {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTreeView *view = w.matrixPanel()->view();

        // 1. From memory: model + proxy + view, first paint.
        QElapsedTimer t;
        t.start();
        w.showResult(m_bench, m_result);
        view->repaint();
        const double fromMemory = t.nsecsElapsed() / 1e6;

        // 2. From a saved result (*.kinspect, the app's own format), then from the JSON report:
        // read + decode, model + view, first paint (the File > Open saved result path).
        const auto openRuns = [&](const QString &path, int runs, std::vector<double> *parse) {
            std::vector<double> out;
            for (int run = 0; run < runs; ++run) {
                t.restart();
                auto r = loadResultFile(path);
                parse->push_back(t.nsecsElapsed() / 1e6);
                if (!r.ok())
                    return std::vector<double>{};
                t.restart();
                if (!w.openResult(path, true))
                    return std::vector<double>{};
                view->repaint();
                out.push_back(t.nsecsElapsed() / 1e6);
            }
            return out;
        };
        std::vector<double> binParse, jsonParse;
        const std::vector<double> binRuns = openRuns(m_binPath, 5, &binParse);
        QVERIFY(!binRuns.empty());
        QCOMPARE(w.matrixPanel()->model()->nodeCount(), nodeCount());
        const std::vector<double> jsonRuns = openRuns(m_path, 3, &jsonParse);
        QVERIFY(!jsonRuns.empty());
        const Stats file = stats(binRuns);
        const Stats parse = stats(binParse);
        const Stats json = stats(jsonRuns);
        const Stats jparse = stats(jsonParse);

        // 3. Scrolling: vertical page steps through every control, then horizontal steps across
        // the node columns; each step repaints the tree and the frozen control columns
        // synchronously.
        std::vector<double> vsteps, hsteps;
        QScrollBar *vbar = view->verticalScrollBar();
        QScrollBar *hbar = view->horizontalScrollBar();
        for (int v = vbar->minimum(); v <= vbar->maximum(); v += qMax(1, vbar->pageStep() / 8)) {
            t.restart();
            vbar->setValue(v);
            view->repaint(); // the tree and the frozen columns laid over it
            vsteps.push_back(t.nsecsElapsed() / 1e6);
        }
        const int hstep = qMax(1, hbar->pageStep() / 2);
        for (int h = hbar->minimum(); h <= hbar->maximum() && hsteps.size() < 300; h += hstep) {
            t.restart();
            hbar->setValue(h);
            view->repaint();
            hsteps.push_back(t.nsecsElapsed() / 1e6);
        }
        const Stats vs = stats(vsteps), hs = stats(hsteps);

        qInfo("show from memory (model+proxy+view+first paint): %.0f ms", fromMemory);
        qInfo(
            "open saved result .kinspect (%.1f MB, read+decode+model+view+paint): median %.0f ms, "
            "max %.0f ms (read+decode alone: median %.0f ms)",
            QFileInfo(m_binPath).size() / 1e6, file.median, file.max, parse.median);
        qInfo("open JSON report (%.1f MB, parse+model+view+paint): median %.0f ms, max %.0f ms "
              "(parse alone: median %.0f ms)",
              QFileInfo(m_path).size() / 1e6, json.median, json.max, jparse.median);
        qInfo("vertical scroll, %d steps: median %.2f ms, p95 %.2f ms, max %.2f ms per repaint",
              int(vsteps.size()), vs.median, vs.p95, vs.max);
        qInfo("horizontal scroll, %d steps: median %.2f ms, p95 %.2f ms, max %.2f ms per repaint",
              int(hsteps.size()), hs.median, hs.p95, hs.max);

        QVERIFY2(file.median < 1000, "loading from a saved result took a second or more");
        QVERIFY2(vs.median < 50 && hs.median < 50, "scrolling stalls");
    }
};

QTEST_MAIN(BenchMatrix)
#include "BenchMatrix.moc"
