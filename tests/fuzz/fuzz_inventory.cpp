// libFuzzer target: the inventory loader on arbitrary bytes. An inventory that loads must write
// back (inventoryToYaml) to a file that loads to the same inventory.

#include "FuzzSupport.h"

#include "inventory/Inventory.h"

using namespace kinspect;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    auto inv = loadInventoryFromData(bytes, QStringLiteral("fuzz.yaml"));
    if (!inv) {
        if (inv.error().message.isEmpty())
            fuzz::broken("a load error without a message");
        return 0;
    }
    for (const NodeSpec &n : inv->nodes) {
        if (n.name.isEmpty() || n.host.isEmpty())
            fuzz::broken("a node without a name or host was accepted", bytes);
        if (n.port < 1 || n.port > 65535)
            fuzz::broken("a port outside 1..65535 was accepted", bytes);
        if (!n.jump.isEmpty() && !inv->jumpHost(n.jump))
            fuzz::broken("a node names a jump host the inventory does not have", bytes);
        if (inv->node(n.name) == nullptr)
            fuzz::broken("node() does not find a loaded node", bytes);
    }
    // Round trip: what we save, we load back as the same inventory.
    const QByteArray yaml = inventoryToYaml(*inv);
    auto back = loadInventoryFromData(yaml, QStringLiteral("roundtrip.yaml"));
    if (!back)
        fuzz::broken("a loaded inventory does not load after saving",
                     bytes + "\n--- saved:\n" + yaml +
                         "\n--- error: " + back.error().message.toUtf8());
    if (back->cluster != inv->cluster || back->benchmark != inv->benchmark ||
        back->jumpHosts != inv->jumpHosts || back->nodes.size() != inv->nodes.size())
        fuzz::broken("the saved inventory loads differently", bytes + "\n--- saved:\n" + yaml);
    for (qsizetype i = 0; i < inv->nodes.size(); ++i) {
        NodeSpec a = inv->nodes[i], b = back->nodes[i];
        a.sourceLine = b.sourceLine = 0;
        if (a != b)
            fuzz::broken("a node reads back differently after saving",
                         bytes + "\n--- saved:\n" + yaml);
    }
    return 0;
}
