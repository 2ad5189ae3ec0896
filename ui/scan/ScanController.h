#pragma once

#include "catalog/Catalog.h"
#include "evaluate/Result.h"
#include "inventory/Inventory.h"
#include "scan/ScanEngine.h"
#include "ssh/SshOptions.h"

#include <QObject>

#include <memory>

namespace kinspect::ui {

class PromptBridge;

// Runs one scan for the main window: ScanEngine over SshCommandRunner (or a factory a test
// provides), prompts through a PromptBridge, and, when no benchmark was chosen, the automatic
// choice of kinspect-cli: scan under the newest, then pick by the nodes' Kubernetes version and
// re-evaluate the snapshots offline.
class ScanController : public QObject
{
    Q_OBJECT

public:
    explicit ScanController(PromptBridge *bridge, QObject *parent = nullptr);
    ~ScanController() override;

    // Base SSH options (known_hosts, timeouts); the prompts are filled in per node.
    void setSshOptions(const SshOptions &options) { m_ssh = options; }
    const SshOptions &sshOptions() const { return m_ssh; }
    // Replaces the SSH transport (tests); the next scan makes new runners.
    void setRunnerFactory(ScanEngine::RunnerFactory factory)
    {
        m_testFactory = std::move(factory);
        m_engineKey.clear();
    }
    void setJobs(int jobs) { m_jobs = jobs; }

    // benchmarkId empty: automatic. Returns false (with a reason) when it cannot start.
    bool start(const Inventory &inventory, const QString &benchmarkId, QString *error);
    void cancel();
    bool isRunning() const;

    const Benchmark &benchmark() const { return m_benchmark; }
    const ClusterResult &result() const { return m_result; }
    // The raw collector output of the last scan, one per node in inventory order (empty for a
    // node that was not collected): stored with the scan in the history.
    QList<QByteArray> snapshots() const;

signals:
    void started(const kinspect::Benchmark &benchmark, int nodeCount);
    void nodeStageChanged(int index, kinspect::NodeStage stage);
    void nodeFinished(int index, const kinspect::NodeResult &result);
    // The final result, under the benchmark finally chosen (it may differ from started()'s).
    void finished(const kinspect::Benchmark &benchmark, const kinspect::ClusterResult &result,
                  bool cancelled);

private:
    void onEngineFinished();
    void waitForEngine();

    PromptBridge *m_bridge;
    SshOptions m_ssh;
    ScanEngine::RunnerFactory m_testFactory;
    int m_jobs = 8;
    Inventory m_inventory;
    Benchmark m_benchmark;
    bool m_auto = false;
    bool m_cancelled = false;
    std::unique_ptr<ScanEngine> m_engine;
    QByteArray m_engineKey; // what the engine's runners were made for (re-scans reuse sessions)
    ClusterResult m_result;
};

} // namespace kinspect::ui
