#include "scan/ScanEngine.h"

#include "evaluate/Evaluator.h"
#include "snapshot/SnapshotParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

namespace kinspect {

namespace {
// The only shape a known version may have on its way to a node: it is node data.
bool isKnownVersionWord(const QString &w)
{
    static const QRegularExpression shape(
        QStringLiteral("^[a-z][a-z0-9-]{0,40}=[0-9]{1,10}:[0-9]{1,20}:[0-9a-f-]{1,64}=v[0-9][A-Za-"
                       "z0-9.+_-]{0,60}$"));
    return shape.match(w).hasMatch();
}
} // namespace

QString nodeStageName(NodeStage stage)
{
    switch (stage) {
    case NodeStage::Queued:
        return QStringLiteral("queued");
    case NodeStage::Connecting:
        return QStringLiteral("connecting");
    case NodeStage::Collecting:
        return QStringLiteral("collecting");
    case NodeStage::Evaluating:
        return QStringLiteral("evaluating");
    case NodeStage::Done:
        return QStringLiteral("done");
    case NodeStage::Failed:
        return QStringLiteral("failed");
    case NodeStage::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

ScanEngine::ScanEngine(Inventory inventory, const Benchmark &benchmark, RunnerFactory factory,
                       ScanOptions options, QObject *parent)
    : ScanEngine(std::move(inventory), BenchmarkSource([&benchmark] { return &benchmark; }),
                 std::move(factory), options, parent)
{}

ScanEngine::ScanEngine(Inventory inventory, BenchmarkSource benchmark, RunnerFactory factory,
                       ScanOptions options, QObject *parent)
    : QObject(parent), m_inventory(std::move(inventory)), m_benchmark(std::move(benchmark)),
      m_factory(std::move(factory)), m_options(options)
{
    qRegisterMetaType<kinspect::NodeStage>();
    qRegisterMetaType<kinspect::NodeResult>();
    m_runners.resize(size_t(m_inventory.nodes.size()));
    m_knownVersions.resize(size_t(m_inventory.nodes.size()));
}

ScanEngine::~ScanEngine()
{
    cancel();
    waitForFinished();
    disconnectAll();
}

QByteArray ScanEngine::collectorScript()
{
    QFile f(QStringLiteral(":/collector/kinspect-collect.sh"));
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.readAll();
}

RemoteCommand ScanEngine::collectorCommand(const NodeSpec &node, const QStringList &knownVersions)
{
    Q_UNUSED(node);
    RemoteCommand c;
    // The script travels on stdin: nothing from the inventory is ever part of the command line.
    c.argv = {QStringLiteral("sh"), QStringLiteral("-s"), QStringLiteral("--")};
    // Known versions go on a line before the script (not in argv, where component names would
    // make the collector's own processes candidates), single-quoted; every word was checked by
    // knownVersionsOf() and is checked again by the collector.
    QStringList words;
    for (const QString &w : knownVersions)
        if (isKnownVersionWord(w))
            words << w;
    if (!words.isEmpty())
        c.stdinData = "KC_PRESET_KNOWN='" + words.join(QLatin1Char(' ')).toLatin1() + "'\n";
    c.stdinData += collectorScript();
    c.privileged = true; // wrapped in sudo per the node's sudo mode (none: as is)
    c.maxOutputBytes = 64 * 1024 * 1024;
    return c;
}

QStringList ScanEngine::knownVersionsOf(const NodeSnapshot &snapshot)
{
    QStringList out;
    for (auto it = snapshot.versionProcesses.cbegin(); it != snapshot.versionProcesses.cend();
         ++it) {
        const QString w = it.key() + QLatin1Char('=') + it.value() + QLatin1Char('=') +
                          snapshot.versions.value(it.key());
        if (isKnownVersionWord(w))
            out << w;
    }
    return out;
}

bool ScanEngine::start()
{
    if (m_running.exchange(true))
        return false;
    m_cancel = false;
    {
        std::lock_guard lock(m_mutex);
        m_outputs.clear();
        m_outputs.resize(m_inventory.nodes.size());
        for (int i = 0; i < m_inventory.nodes.size(); ++i) {
            NodeResult &r = m_outputs[i].result;
            r.name = m_inventory.nodes[i].name;
            r.host = m_inventory.nodes[i].host;
            r.roles = m_inventory.nodes[i].roles;
            r.errorKind = errorKindName(ErrorKind::Cancelled);
            r.errorMessage = tr("not scanned");
        }
        m_startedAt = QDateTime::currentDateTimeUtc();
        m_finishedAt = QDateTime();
    }
    m_pending = int(m_inventory.nodes.size());
    if (m_pending == 0) {
        m_running = false;
        m_finishedAt = QDateTime::currentDateTimeUtc();
        emit finished();
        return true;
    }
    for (int i = 0; i < m_inventory.nodes.size(); ++i)
        emit nodeStageChanged(i, NodeStage::Queued);
    // The previous scan's workers have scanned their last node; let them end before reuse.
    joinWorkers();
    const int nodes = int(m_inventory.nodes.size());
    const int threads = qBound(1, m_options.jobs, nodes);
    m_next = 0;
    {
        std::lock_guard lock(m_workersMutex);
        m_activeWorkers = threads;
    }
    for (int t = 0; t < threads; ++t) {
        m_workers.emplace_back([this, nodes] {
            for (int i = m_next++; i < nodes; i = m_next++)
                scanNode(i);
            std::lock_guard lock(m_workersMutex);
            if (--m_activeWorkers == 0)
                m_workersDone.notify_all();
        });
    }
    return true;
}

void ScanEngine::joinWorkers()
{
    for (std::thread &t : m_workers)
        t.join();
    m_workers.clear();
}

void ScanEngine::cancel()
{
    m_cancel = true;
}

bool ScanEngine::isRunning() const
{
    return m_running;
}

bool ScanEngine::waitForFinished(int msecs)
{
    {
        std::unique_lock lock(m_workersMutex);
        const auto idle = [this] { return m_activeWorkers == 0; };
        if (msecs < 0)
            m_workersDone.wait(lock, idle);
        else if (!m_workersDone.wait_for(lock, std::chrono::milliseconds(msecs), idle))
            return false;
    }
    joinWorkers();
    return true;
}

ClusterResult ScanEngine::result() const
{
    std::lock_guard lock(m_mutex);
    ClusterResult r;
    r.cluster = m_inventory.cluster;
    if (const Benchmark *b = m_benchmark())
        r.benchmarkId = b->id;
    r.startedAt = m_startedAt;
    r.finishedAt = m_finishedAt;
    for (const auto &o : m_outputs)
        r.nodes << o.result;
    return r;
}

QList<NodeScanOutput> ScanEngine::outputs() const
{
    std::lock_guard lock(m_mutex);
    return m_outputs;
}

void ScanEngine::disconnectAll()
{
    std::lock_guard lock(m_mutex);
    for (auto &r : m_runners)
        if (r)
            r->disconnect();
}

int ScanEngine::keepAlive()
{
    if (m_running)
        return 0;
    std::lock_guard lock(m_mutex);
    int alive = 0;
    for (auto &r : m_runners)
        if (r && r->keepalive())
            ++alive;
    return alive;
}

void ScanEngine::scanNode(int index)
{
    const NodeSpec &node = m_inventory.nodes[index];
    QElapsedTimer timer;
    timer.start();
    NodeScanOutput out;
    out.result.name = node.name;
    out.result.host = node.host;
    out.result.roles = node.roles;
    NodeStage finalStage = NodeStage::Failed;

    const auto fail = [&](ErrorKind kind, const QString &message) {
        out.result.audited = false;
        out.result.errorKind = errorKindName(kind);
        out.result.errorMessage = message;
        finalStage = kind == ErrorKind::Cancelled ? NodeStage::Cancelled : NodeStage::Failed;
    };

    do {
        if (m_cancel) {
            fail(ErrorKind::Cancelled, tr("the scan was cancelled before this node was reached"));
            break;
        }
        emit nodeStageChanged(index, NodeStage::Connecting);
        ICommandRunner *runner = nullptr;
        {
            std::lock_guard lock(m_mutex);
            auto &slot = m_runners[size_t(index)];
            if (!slot)
                slot = m_factory(node);
            runner = slot.get();
        }
        if (!runner) {
            fail(ErrorKind::Internal, tr("no transport for this node"));
            break;
        }
        RemoteError error;
        if (!runner->connect(&m_cancel, &error)) {
            fail(m_cancel ? ErrorKind::Cancelled : error.kind, error.message);
            break;
        }
        emit nodeStageChanged(index, NodeStage::Collecting);
        QStringList known;
        {
            std::lock_guard lock(m_mutex);
            known = m_knownVersions[size_t(index)];
        }
        const RemoteCommand command = collectorCommand(node, known);
        if (command.stdinData.isEmpty()) {
            fail(ErrorKind::Internal, tr("the collector script is missing from this build"));
            break;
        }
        RemoteResult rr;
        if (!runner->run(command, &rr, &m_cancel, &error)) {
            fail(m_cancel ? ErrorKind::Cancelled : error.kind, error.message);
            break;
        }
        if (rr.exitStatus != 0) {
            const QString stderrText = QString::fromUtf8(rr.stderrData.left(2000)).trimmed();
            fail(ErrorKind::Collect,
                 tr("the collector exited with status %1%2")
                     .arg(rr.exitStatus)
                     .arg(stderrText.isEmpty() ? QString() : QStringLiteral(": ") + stderrText));
            break;
        }
        emit nodeStageChanged(index, NodeStage::Evaluating);
        auto snapshot = parseSnapshot(rr.stdoutData, node.name);
        if (!snapshot) {
            fail(ErrorKind::Parse,
                 tr("the node's snapshot could not be read: %1").arg(snapshot.error().toString()));
            break;
        }
        const Benchmark *benchmark = m_benchmark();
        if (!benchmark) {
            fail(ErrorKind::Internal, tr("the benchmark catalog could not be loaded"));
            break;
        }
        out.result = Evaluator(*benchmark)
                         .evaluate(*snapshot, NodeContext{node.name, node.host, node.roles});
        {
            std::lock_guard lock(m_mutex);
            m_knownVersions[size_t(index)] = knownVersionsOf(*snapshot);
        }
        out.snapshot = std::move(rr.stdoutData);
        finalStage = NodeStage::Done;
    } while (false);

    out.elapsedMs = timer.elapsed();
    const NodeResult copy = out.result;
    {
        std::lock_guard lock(m_mutex);
        m_outputs[index] = std::move(out);
    }
    emit nodeStageChanged(index, finalStage);
    emit nodeFinished(index, copy);
    if (--m_pending == 0) {
        {
            std::lock_guard lock(m_mutex);
            m_finishedAt = QDateTime::currentDateTimeUtc();
        }
        m_running = false;
        emit finished();
    }
}

} // namespace kinspect
