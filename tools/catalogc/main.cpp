// kinspect-catalogc: compiles a built-in benchmark catalog (YAML, embedded by kinspect_resources)
// into the binary form of core/catalog/CatalogCodec.h. Run by the build, not installed:
//   kinspect-catalogc cis-1.12 OUT.kcat
// It loads the catalog exactly as the product does without a compiled form (the same embedded
// files, the same loader), so the two cannot differ.

#include "catalog/CatalogCodec.h"
#include "catalog/CatalogLoader.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>

using namespace kinspect;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: kinspect-catalogc BENCHMARK-ID OUT\n");
        return 64;
    }
    auto b = CatalogLoader::loadDirectory(QStringLiteral(":/benchmarks/") + args[1]);
    if (!b) {
        std::fprintf(stderr, "kinspect-catalogc: %s\n", qPrintable(b.error().toString()));
        return 1;
    }
    const QByteArray data = encodeCatalog(*b);
    auto back = decodeCatalog(data);
    if (!back || !(*back == *b)) {
        std::fprintf(stderr, "kinspect-catalogc: %s does not read back the same\n",
                     qPrintable(args[1]));
        return 1;
    }
    QSaveFile out(args[2]);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size() || !out.commit()) {
        std::fprintf(stderr, "kinspect-catalogc: cannot write %s\n", qPrintable(args[2]));
        return 1;
    }
    return 0;
}
