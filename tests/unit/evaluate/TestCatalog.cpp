// The built-in catalogs against the reference control index (tests/data/reference, copied from
// the benchmark documents' id/title lists): every id present with its title and automated flag,
// every automated control checkable, every text section written.

#include "catalog/CatalogCodec.h"
#include "catalog/CatalogLoader.h"

#include <QFile>
#include <QTest>

using namespace kinspect;

namespace {
struct RefControl
{
    QString id;
    bool automated;
    QString title;
};

QList<RefControl> readReference(const QString &id)
{
    QList<RefControl> out;
    QFile f(QStringLiteral(KINSPECT_TEST_DATA "/reference/%1-controls.tsv").arg(id));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the reference for %s", qPrintable(id));
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QLatin1Char('\t'));
        if (parts.size() != 3)
            qFatal("bad reference line: %s", qPrintable(line));
        out << RefControl{parts[0], parts[1] == QLatin1String("automated"), parts[2]};
    }
    return out;
}
} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void builtins()
    {
        const QStringList ids = CatalogLoader::builtinIds();
        QVERIFY(ids.contains(QStringLiteral("cis-1.5.1")));
        QVERIFY(ids.contains(QStringLiteral("cis-1.12")));
    }

    void matchesReference_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("cis-1.5.1") << QStringLiteral("cis-1.5.1");
        QTest::newRow("cis-1.12") << QStringLiteral("cis-1.12");
    }

    void matchesReference()
    {
        QFETCH(QString, id);
        auto b = CatalogLoader::load(id);
        QVERIFY2(b.ok(), b.ok() ? "" : qPrintable(b.error().toString()));
        const QList<RefControl> ref = readReference(id);
        QCOMPARE(b->controls.size(), ref.size());
        for (const RefControl &r : ref) {
            const Control *c = b->control(r.id);
            QVERIFY2(c, qPrintable(QStringLiteral("missing control ") + r.id));
            QCOMPARE(c->title, r.title);
            QCOMPARE(c->automated, r.automated);
            QVERIFY2(!r.automated || c->check, qPrintable(r.id + QStringLiteral(" has no check")));
            QVERIFY2(!c->references.isEmpty(),
                     qPrintable(r.id + QStringLiteral(" has no references")));
            QVERIFY2(!c->cisControls.isEmpty(),
                     qPrintable(r.id + QStringLiteral(" has no CIS Controls")));
            for (const QString *t : {&c->description, &c->rationale, &c->audit, &c->remediation,
                                     &c->impact, &c->defaultValue})
                QVERIFY2(!t->isEmpty(), qPrintable(r.id));
        }
    }

    // The seed controls carry full text, at least as rich as the seed documents.
    void seedsAreRich_data()
    {
        QTest::addColumn<QString>("benchmark");
        QTest::addColumn<QString>("control");
        QTest::addColumn<QString>("mustMention");
        QTest::newRow("1.5.1 1.2.5") << "cis-1.5.1"
                                     << "1.2.5"
                                     << "--kubelet-client-certificate";
        QTest::newRow("1.5.1 4.2.11") << "cis-1.5.1"
                                      << "4.2.11"
                                      << "rotateCertificates";
        QTest::newRow("1.12 1.2.4") << "cis-1.12"
                                    << "1.2.4"
                                    << "--kubelet-client-key";
        QTest::newRow("1.12 4.2.10") << "cis-1.12"
                                     << "4.2.10"
                                     << "rotateCertificates";
    }

    void seedsAreRich()
    {
        QFETCH(QString, benchmark);
        QFETCH(QString, control);
        QFETCH(QString, mustMention);
        auto b = CatalogLoader::load(benchmark);
        QVERIFY(b.ok());
        const Control *c = b->control(control);
        QVERIFY(c);
        QVERIFY(c->check);
        QVERIFY2(c->fix, "a seed control must be fixable by the tool");
        const QString all = c->description + c->rationale + c->audit + c->remediation;
        QVERIFY2(all.contains(mustMention), qPrintable(mustMention));
        // The seed documents run to ~200 words over these sections; ours are not thinner.
        const int words = (c->description + QLatin1Char(' ') + c->rationale + QLatin1Char(' ') +
                           c->audit + QLatin1Char(' ') + c->remediation + QLatin1Char(' ') +
                           c->impact + QLatin1Char(' ') + c->defaultValue)
                              .split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts)
                              .size();
        QVERIFY2(words >= 200, qPrintable(QString::number(words)));
        QVERIFY(c->references.size() >= 2);
        QVERIFY(c->cisControls.size() >= 2);
        QVERIFY(c->audit.contains(QLatin1String("```")));
    }

    void loaderRejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("controls");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        const QByteArray head =
            "controls:\n  - id: 1.1\n    title: t\n    automated: true\n"
            "    description: d\n    rationale: r\n    audit: a\n    remediation: m\n"
            "    impact: i\n    defaultValue: v\n    references: [https://kubernetes.io/]\n"
            "    cisControls: [{version: 8, id: '4.1', title: Secure Configuration}]\n";
        QTest::newRow("unknown key")
            << head + "    colour: red\n    check: {tests: [{setting: {flag: --x}, op: present}]}\n"
            << "unknown key 'colour'" << 13;
        QTest::newRow("unknown op") << head + "    check:\n      tests:\n        - setting: {flag: "
                                              "--x}\n          op: equals\n          value: a\n"
                                    << "unknown operator 'equals'" << 16;
        QTest::newRow("automated without check") << head << "has no check" << 2;
        QTest::newRow("no value")
            << head + "    check:\n      tests:\n        - setting: {flag: --x}\n          op: eq\n"
            << "needs a value" << 15;
        QTest::newRow("bad bitmask")
            << head + "    check:\n      tests:\n        - file: {path: /x}\n          property: "
                      "mode\n          op: bitmask\n          value: \"9z\"\n"
            << "not octal" << 18;
        QTest::newRow("syntax") << QByteArray("controls:\n  - id: [1\n") << "" << 3;
        QTest::newRow("no section")
            << QByteArray(head).replace("id: 1.1", "id: 9.1") +
                   "    check: {tests: [{setting: {flag: --x}, op: present}]}\n"
            << "no declared section" << 2;
    }

    void loaderRejectsBadInput()
    {
        QFETCH(QByteArray, controls);
        QFETCH(QString, message);
        QFETCH(int, line);
        Benchmark b;
        auto r0 = CatalogLoader::parseBenchmarkFile(
            "formatVersion: 1\nid: t\ntitle: T\nversion: '1'\nsections:\n  - {id: '1', title: One, "
            "nodeType: master}\n",
            QStringLiteral("b.yaml"), &b);
        QVERIFY(r0.ok());
        auto r = CatalogLoader::parseControlsFile(controls, QStringLiteral("controls-x.yaml"), &b);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().toString()));
        QCOMPARE(r.error().file, QStringLiteral("controls-x.yaml"));
        QCOMPARE(r.error().line, line);
    }

    // The compiled catalogs the build embeds say exactly what their YAML says.
    void compiledEqualsYaml_data() { matchesReference_data(); }
    void compiledEqualsYaml()
    {
        QFETCH(QString, id);
        QVERIFY(CatalogLoader::hasCompiledBuiltins());
        QFile f(QStringLiteral(":/compiled-benchmarks/%1.kcat").arg(id));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto compiled = decodeCatalog(f.readAll());
        QVERIFY2(compiled, compiled ? "" : qPrintable(compiled.error().toString()));
        auto yaml = CatalogLoader::loadDirectory(QStringLiteral(":/benchmarks/") + id);
        QVERIFY2(yaml, yaml ? "" : qPrintable(yaml.error().toString()));
        QCOMPARE(compiled->controls.size(), yaml->controls.size());
        for (int i = 0; i < yaml->controls.size(); ++i)
            QVERIFY2(compiled->controls[i] == yaml->controls[i], qPrintable(yaml->controls[i].id));
        QVERIFY(*compiled == *yaml);
        // load() hands out the compiled form, the headers come from it
        auto loaded = CatalogLoader::load(id);
        QVERIFY(loaded && *loaded == *yaml);
        bool found = false;
        for (const Benchmark &h : CatalogLoader::builtinHeaders()) {
            if (h.id != id)
                continue;
            found = true;
            QVERIFY(h.controls.isEmpty());
            QCOMPARE(h.sections, yaml->sections);
            QCOMPARE(h.kubernetesMin, yaml->kubernetesMin);
            QCOMPARE(h.title, yaml->title);
        }
        QVERIFY(found);
    }

    // Every field goes through the codec: a catalog with each one set reads back equal.
    void codecRoundTrip()
    {
        Benchmark b;
        b.id = QStringLiteral("x");
        b.title = QStringLiteral("T");
        b.version = QStringLiteral("1");
        b.kubernetesMin = QStringLiteral("1.1");
        b.kubernetesMax = QStringLiteral("1.2");
        b.sections << Section{QStringLiteral("1"), QStringLiteral("One"), NodeType::Etcd};
        b.booleanFlags[QStringLiteral("kubelet")] << QStringLiteral("--a") << QStringLiteral("--b");
        Control c;
        c.id = QStringLiteral("1.1");
        c.title = QStringLiteral("t");
        c.sectionId = QStringLiteral("1");
        c.automated = false;
        c.description = QStringLiteral("d");
        c.rationale = QStringLiteral("r");
        c.audit = QStringLiteral("a");
        c.remediation = QStringLiteral("m");
        c.impact = QStringLiteral("i");
        c.defaultValue = QStringLiteral("dv");
        c.references = {QStringLiteral("https://x"), QStringLiteral("y")};
        c.cisControls << CisControlRef{8, QStringLiteral("5.1"), QStringLiteral("ctl")};
        Test leaf;
        leaf.kind = Test::Kind::File;
        leaf.setting =
            SettingRef{QStringLiteral("kubelet"), QStringLiteral("--f"), QStringLiteral("a.b"),
                       QStringLiteral("K"),       QStringLiteral("def"), QStringLiteral("cdef")};
        leaf.file.kind = FileTarget::Kind::PathFrom;
        leaf.file.path = QStringLiteral("${pki}");
        leaf.file.from = SettingRef{QStringLiteral("etcd"), QStringLiteral("--g"), {}, {},
                                    std::nullopt,           QStringLiteral("z")};
        leaf.file.unit = QStringLiteral("kubelet");
        leaf.file.recursive = true;
        leaf.file.glob = QStringLiteral("*.crt");
        leaf.property = QStringLiteral("mode");
        leaf.op = Op::Bitmask;
        leaf.values = {QStringLiteral("600"), QStringLiteral("640")};
        leaf.ifMissing = IfMissing::NotApplicable;
        leaf.reason = QStringLiteral("why");
        leaf.line = 42;
        leaf.expectationText = QStringLiteral("bitmask 600 | 640");
        Test any;
        any.kind = Test::Kind::Any;
        any.children = {leaf, leaf};
        any.children[1].line = 43;
        c.check = Check{QStringLiteral("kubelet"), false, {any, leaf}};
        Fix fix;
        fix.params << FixParam{QStringLiteral("p"), QStringLiteral("P"), QStringLiteral("/x"),
                               QStringLiteral("fileExists")};
        fix.actions << FixAction{QStringLiteral("set"), QStringLiteral("--f"),
                                 QStringLiteral("c"),   QStringLiteral("k"),
                                 QStringLiteral("i"),   QStringLiteral("v"),
                                 QStringLiteral("600"), QStringLiteral("root:root")};
        c.fix = fix;
        c.sourceFile = QStringLiteral("controls-1.yaml");
        c.sourceLine = 7;
        b.controls << c << Control{};
        const QByteArray data = encodeCatalog(b);
        auto back = decodeCatalog(data);
        QVERIFY2(back, back ? "" : qPrintable(back.error().toString()));
        QVERIFY(*back == b);
        // Damaged or foreign data is refused, never half read.
        QVERIFY(!decodeCatalog(data.left(data.size() - 3)));
        QVERIFY(!decodeCatalog(data + "x"));
        QVERIFY(!decodeCatalog(QByteArray("KCAT garbage")));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "TestCatalog.moc"
