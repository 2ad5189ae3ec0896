#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "inventory/Inventory.h"
#include "scan/ICommandRunner.h"
#include "snapshot/NodeSnapshot.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kinspect {

// The stages a node goes through; reported as progress.
enum class NodeStage
{
    Queued,
    Connecting,
    Collecting,
    Evaluating,
    Done,
    Failed,
    Cancelled
};
QString nodeStageName(NodeStage stage);

struct ScanOptions
{
    int jobs = 8; // nodes scanned at once
};

// What one node's scan produced besides its verdicts: the raw snapshot, for the history and for
// offline re-evaluation.
struct NodeScanOutput
{
    NodeResult result;
    QByteArray snapshot; // collector output as received (empty when collection failed)
    qint64 elapsedMs = 0;
};

// Drives a scan: per node, on a worker thread, ONE collector exec through an ICommandRunner,
// then parse and evaluate. Bounded parallelism, per-node progress, prompt cancel; a node's
// failure is recorded as that node's error and never touches another node.
//
// Runners are made by a factory (SSH in the product, fakes in tests) and kept per node so a
// re-scan reuses open sessions (no new handshake).
class ScanEngine : public QObject
{
    Q_OBJECT

public:
    using RunnerFactory = std::function<std::unique_ptr<ICommandRunner>(const NodeSpec &)>;

    // Where a node's snapshot finds its benchmark: called on the worker threads when there is
    // something to evaluate (so a catalog may still be parsing while the first handshakes run),
    // must be thread-safe and returns nullptr if the catalog could not be loaded.
    using BenchmarkSource = std::function<const Benchmark *()>;

    ScanEngine(Inventory inventory, const Benchmark &benchmark, RunnerFactory factory,
               ScanOptions options = {}, QObject *parent = nullptr);
    ScanEngine(Inventory inventory, BenchmarkSource benchmark, RunnerFactory factory,
               ScanOptions options = {}, QObject *parent = nullptr);
    ~ScanEngine() override;

    // Starts scanning every node (asynchronous). Returns false if a scan is already running.
    bool start();
    // Asks every worker to stop; running commands are abandoned promptly and their channels
    // closed (which ends the remote process). Results of finished nodes are kept.
    void cancel();
    bool isRunning() const;
    // Blocks until the scan finished (for the CLI and tests). msecs < 0: no limit.
    bool waitForFinished(int msecs = -1);

    ClusterResult result() const;
    QList<NodeScanOutput> outputs() const;
    const Inventory &inventory() const { return m_inventory; }

    // Closes every kept session.
    void disconnectAll();
    // Sends a keepalive on every kept session while no scan runs (call it every minute or so
    // to keep sessions for a fast re-scan); returns how many are still alive.
    int keepAlive();

    // The collector script and the command that runs it; one place, used by the remediation and
    // by tests.
    static QByteArray collectorScript();
    // knownVersions: what an earlier scan of the node learnt from its binaries (see
    // knownVersionsOf()); the collector does not start those binaries again while they run.
    static RemoteCommand collectorCommand(const NodeSpec &node,
                                          const QStringList &knownVersions = {});
    // "COMPONENT=PID:STARTTIME:BOOTID=VERSION" for each binary version of a snapshot whose
    // process is known; a value of any other shape (the node sent it) is left out.
    static QStringList knownVersionsOf(const NodeSnapshot &snapshot);

signals:
    void nodeStageChanged(int index, kinspect::NodeStage stage);
    void nodeFinished(int index, const kinspect::NodeResult &result);
    void finished();

private:
    void scanNode(int index);

    Inventory m_inventory;
    BenchmarkSource m_benchmark;
    RunnerFactory m_factory;
    ScanOptions m_options;
    void joinWorkers();

    // Our own workers (not QThreadPool): every synchronisation of a scan is then in code that
    // ThreadSanitizer sees (Qt's pool queue is guarded inside the uninstrumented Qt library).
    std::vector<std::thread> m_workers;
    std::atomic_int m_next{0}; // next node index to take
    std::mutex m_workersMutex; // guards m_activeWorkers
    std::condition_variable m_workersDone;
    int m_activeWorkers = 0;
    std::atomic_bool m_cancel{false};
    std::atomic_int m_pending{0};
    std::atomic_bool m_running{false};
    mutable std::mutex m_mutex; // guards m_outputs, m_runners, m_result times
    QList<NodeScanOutput> m_outputs;
    std::vector<std::unique_ptr<ICommandRunner>> m_runners;
    std::vector<QStringList> m_knownVersions; // per node: knownVersionsOf() its last snapshot
    QDateTime m_startedAt;
    QDateTime m_finishedAt;
};

} // namespace kinspect

Q_DECLARE_METATYPE(kinspect::NodeStage)
Q_DECLARE_METATYPE(kinspect::NodeResult)
