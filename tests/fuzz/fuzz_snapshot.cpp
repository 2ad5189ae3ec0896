// libFuzzer target: the collector-output parser on arbitrary bytes; a snapshot that parses is
// evaluated under the real cis-1.12 catalog, so hostile snapshots reach the evaluator too.

#include "FuzzSupport.h"

#include "catalog/CatalogLoader.h"
#include "evaluate/Evaluator.h"
#include "snapshot/SnapshotParser.h"

#include <memory>

using namespace kinspect;

namespace {
const Benchmark &benchmark()
{
    static const std::unique_ptr<Benchmark> b = [] {
        auto loaded = CatalogLoader::load(QStringLiteral("cis-1.12"));
        if (!loaded)
            fuzz::broken("cannot load the cis-1.12 catalog", loaded.error().message.toUtf8());
        return std::make_unique<Benchmark>(*loaded);
    }();
    return *b;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    benchmark();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto snapshot = parseSnapshot(bytes, QStringLiteral("fuzz.snap"));
    if (!snapshot) {
        if (snapshot.error().message.isEmpty())
            fuzz::broken("a parse error without a message");
        return 0;
    }
    const Evaluator evaluator(benchmark());
    NodeContext context;
    context.name = QStringLiteral("fuzz");
    context.host = QStringLiteral("127.0.0.1");
    // Parsed config files are cached by content: the first evaluation parses them, the second
    // reads the cache; both must say the same.
    Evaluator::clearCaches();
    const NodeResult result = evaluator.evaluate(*snapshot, context);
    // Every control of the catalog gets a result, whatever the node sent.
    if (result.results.size() != benchmark().controls.size())
        fuzz::broken("the evaluation lost controls");
    const NodeResult again = evaluator.evaluate(*snapshot, context);
    for (qsizetype i = 0; i < result.results.size(); ++i) {
        const ControlResult &a = result.results[i], &b = again.results[i];
        bool same = a.status == b.status && a.reason == b.reason &&
                    a.remediationFile == b.remediationFile &&
                    a.evidence.size() == b.evidence.size();
        for (qsizetype e = 0; same && e < a.evidence.size(); ++e)
            same = a.evidence[e].actual == b.evidence[e].actual &&
                   a.evidence[e].key == b.evidence[e].key &&
                   a.evidence[e].path == b.evidence[e].path &&
                   a.evidence[e].passed == b.evidence[e].passed;
        if (!same)
            fuzz::broken("a second evaluation (cached config files) differs", a.controlId.toUtf8());
    }
    // Declared roles take another path through applicability than detected ones.
    context.declaredRoles = {QStringLiteral("control-plane"), QStringLiteral("etcd"),
                             QStringLiteral("worker")};
    evaluator.evaluate(*snapshot, context);
    Evaluator::kubernetesVersion(*snapshot);
    return 0;
}
