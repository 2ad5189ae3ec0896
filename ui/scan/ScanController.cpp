#include "scan/ScanController.h"

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "prompts/PromptBridge.h"
#include "snapshot/SnapshotParser.h"
#include "ssh/SshCommandRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

namespace kinspect::ui {

ScanController::ScanController(PromptBridge *bridge, QObject *parent)
    : QObject(parent), m_bridge(bridge)
{}

ScanController::~ScanController()
{
    if (m_engine) {
        cancel();
        waitForEngine();
        m_engine->disconnectAll();
    }
}

void ScanController::waitForEngine()
{
    // Workers may be blocked on a prompt queued to this thread: keep delivering events while
    // waiting (the bridge answers "cancel" once cancelled).
    while (m_engine && m_engine->isRunning()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        m_engine->waitForFinished(20);
    }
}

bool ScanController::isRunning() const
{
    return m_engine && m_engine->isRunning();
}

bool ScanController::start(const Inventory &inventory, const QString &benchmarkId, QString *error)
{
    if (isRunning()) {
        *error = tr("A scan is already running.");
        return false;
    }
    if (inventory.nodes.isEmpty()) {
        *error = tr("The inventory has no nodes.");
        return false;
    }
    m_auto = benchmarkId.isEmpty();
    QString id = benchmarkId;
    if (m_auto) {
        const QStringList ids = CatalogLoader::builtinIds();
        id = ids.value(ids.size() - 1);
    }
    auto bench = CatalogLoader::load(id);
    if (!bench) {
        *error = bench.error().toString();
        return false;
    }
    m_cancelled = false;
    m_bridge->setCancelled(false);
    // A re-scan of the same inventory with the same connection settings reuses the engine: its
    // runners keep their SSH sessions open (no new handshake, no new prompts). The engine reads
    // the benchmark through a reference to m_benchmark.
    const QByteArray key = inventoryToYaml(inventory) + '\n' + m_ssh.knownHostsFile.toUtf8() +
                           '\n' + m_ssh.sshConfigFile.toUtf8() + '\n' +
                           QByteArray::number(m_ssh.connectTimeoutSec) + '\n' +
                           QByteArray::number(m_jobs) + (m_testFactory ? "\ntest" : "");
    if (m_engine && key == m_engineKey) {
        m_benchmark = *bench;
        emit started(m_benchmark, int(m_inventory.nodes.size()));
        if (!m_engine->start()) {
            *error = tr("The scan could not start.");
            return false;
        }
        return true;
    }
    if (m_engine) {
        m_engine->disconnectAll();
        m_engine.reset();
    }
    m_engineKey = key;
    m_benchmark = *bench;
    m_inventory = inventory;

    ScanEngine::RunnerFactory factory = m_testFactory;
    if (!factory) {
        const SshOptions base = m_ssh;
        PromptBridge *bridge = m_bridge;
        const Inventory inv = inventory;
        factory = [base, bridge, inv](const NodeSpec &node) {
            SshOptions o = base;
            o.hostKeyPrompt = [bridge](const HostKeyInfo &info) {
                return bridge->askHostKey(info);
            };
            o.secretPrompt = [bridge, name = node.name](const QString &prompt, QByteArray *secret) {
                return bridge->askSecret(name, prompt, secret);
            };
            return std::unique_ptr<ICommandRunner>(new SshCommandRunner(node, inv, o));
        };
    }
    ScanOptions so;
    so.jobs = m_jobs;
    m_engine = std::make_unique<ScanEngine>(m_inventory, m_benchmark, factory, so);
    connect(m_engine.get(), &ScanEngine::nodeStageChanged, this, &ScanController::nodeStageChanged,
            Qt::QueuedConnection);
    connect(m_engine.get(), &ScanEngine::nodeFinished, this, &ScanController::nodeFinished,
            Qt::QueuedConnection);
    connect(m_engine.get(), &ScanEngine::finished, this, &ScanController::onEngineFinished,
            Qt::QueuedConnection);
    emit started(m_benchmark, int(m_inventory.nodes.size()));
    if (!m_engine->start()) {
        *error = tr("The scan could not start.");
        return false;
    }
    return true;
}

void ScanController::cancel()
{
    if (!isRunning())
        return;
    m_cancelled = true;
    m_bridge->setCancelled(true);
    m_engine->cancel();
}

void ScanController::onEngineFinished()
{
    if (!m_engine)
        return;
    m_engine->waitForFinished();
    ClusterResult result = m_engine->result();
    if (m_auto && !m_cancelled) {
        QString version;
        for (const NodeResult &n : result.nodes)
            if (version.isEmpty() && !n.kubernetesVersion.isEmpty())
                version = n.kubernetesVersion;
        const QList<Benchmark> all = CatalogLoader::builtinHeaders();
        const QString chosen = selectBenchmarkId(all, version);
        if (chosen != m_benchmark.id) {
            if (auto b = CatalogLoader::load(chosen)) {
                m_benchmark = *b;
                result.benchmarkId = m_benchmark.id;
                const Evaluator evaluator(m_benchmark);
                const QList<NodeScanOutput> outputs = m_engine->outputs();
                for (int i = 0; i < outputs.size() && i < result.nodes.size(); ++i) {
                    if (!outputs[i].result.audited)
                        continue;
                    auto snap = parseSnapshot(outputs[i].snapshot, outputs[i].result.name);
                    if (!snap)
                        continue;
                    const NodeSpec &node = m_inventory.nodes[i];
                    result.nodes[i] =
                        evaluator.evaluate(*snap, NodeContext{node.name, node.host, node.roles});
                }
            }
        }
    }
    if (result.cluster.isEmpty())
        result.cluster = m_inventory.cluster;
    m_result = result;
    emit finished(m_benchmark, m_result, m_cancelled);
}

QList<QByteArray> ScanController::snapshots() const
{
    QList<QByteArray> out;
    if (!m_engine || m_engine->isRunning())
        return out;
    for (const NodeScanOutput &o : m_engine->outputs())
        out << o.snapshot;
    return out;
}

} // namespace kinspect::ui
