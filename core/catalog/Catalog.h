#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace kinspect {

// The benchmark catalog: data loaded from resources/benchmarks/<id>/ (docs/catalog-format.md).
// Plain values; the Evaluator and the UI read them, nothing mutates them after loading.

enum class NodeType
{
    Master,
    Etcd,
    ControlPlane,
    Node,
    Policies
};

struct Section
{
    QString id;
    QString title;
    NodeType nodeType = NodeType::Node; // inherited from the top-level section
    int depth() const { return int(id.count(QLatin1Char('.'))); }

    bool operator==(const Section &) const = default;
};

struct CisControlRef
{
    int version = 0;
    QString id;
    QString title;

    bool operator==(const CisControlRef &) const = default;
};

enum class Op
{
    Present,
    Absent,
    Eq,
    NotEq,
    Gt,
    Gte,
    Lt,
    Lte,
    Has,
    NotHave,
    Regex,
    ValidElements,
    Bitmask,
    Owner
};
QString opName(Op op);
std::optional<Op> opFromName(const QString &name);
// "eq false", "bitmask 600", "has NodeRestriction", "present"
QString describeExpectation(Op op, const QStringList &values);

// Where a setting's effective value comes from: flag > config file key > default.
struct SettingRef
{
    QString component;                    // empty: the check's component
    QString flag;                         // "--anonymous-auth"
    QString config;                       // "authentication.anonymous.enabled"
    QString key;                          // map key within the value (feature gates)
    std::optional<QString> defaultValue;  // when no config file is in use
    std::optional<QString> configDefault; // when a config file is in use but lacks the key

    bool operator==(const SettingRef &) const = default;
};

struct FileTarget
{
    enum class Kind
    {
        Path,
        PathFrom,
        Unit
    };
    Kind kind = Kind::Path;
    QString path;    // Path: may hold ${profile} variables
    SettingRef from; // PathFrom
    QString unit;    // Unit: "kubelet"
    bool recursive = false;
    QString glob; // filter on the entry's file name, with recursive

    bool operator==(const FileTarget &) const = default;
};

enum class IfMissing
{
    Pass,
    Fail,
    NotApplicable,
    Error
};

struct Test
{
    enum class Kind
    {
        Setting,
        File,
        All,
        Any
    };
    Kind kind = Kind::Setting;
    SettingRef setting;
    FileTarget file;
    QString property; // mode | owner | exists (file tests)
    Op op = Op::Present;
    QStringList values; // one or more accepted values
    IfMissing ifMissing = IfMissing::Error;
    QString reason;       // said when a missing file makes the control not applicable
    QList<Test> children; // All / Any
    int line = 0;         // in the catalog file
    // describeExpectation(op, values), made once by the loader (every evaluation of the test
    // on every node shows it); empty in a Test built by hand: expectation() makes it then.
    QString expectationText;
    QString expectation() const
    {
        return expectationText.isEmpty() ? describeExpectation(op, values) : expectationText;
    }

    bool operator==(const Test &) const; // defaulted below: QList<Test> needs Test complete
};
inline bool Test::operator==(const Test &) const = default;

struct Check
{
    QString component; // empty for pure file checks
    bool matchAll = true;
    QList<Test> tests;

    bool operator==(const Check &) const = default;
};

struct FixParam
{
    QString name;
    QString label;
    QString defaultValue;
    QString validate; // fileExists | dirExists | none

    bool operator==(const FixParam &) const = default;
};

struct FixAction
{
    QString action; // set | remove | addItem | removeItem | setKey | chmod | chown
    QString flag;
    QString config;
    QString key;
    QString item;
    QString value;
    QString mode;
    QString owner;

    bool operator==(const FixAction &) const = default;
};

struct Fix
{
    QList<FixParam> params;
    QList<FixAction> actions;

    bool operator==(const Fix &) const = default;
};

struct Control
{
    QString id;
    QString title;
    QString sectionId;
    bool automated = true;
    QString description;
    QString rationale;
    QString audit;
    QString remediation;
    QString impact;
    QString defaultValue;
    QStringList references;
    QList<CisControlRef> cisControls;
    std::optional<Check> check;
    std::optional<Fix> fix;
    QString sourceFile;
    int sourceLine = 0;

    bool operator==(const Control &) const = default;
};

struct Benchmark
{
    QString id;      // cis-1.5.1
    QString title;   // CIS Kubernetes Benchmark
    QString version; // 1.5.1
    QString kubernetesMin;
    QString kubernetesMax;
    QList<Section> sections;                    // in file order
    QList<Control> controls;                    // sorted by id (numeric per component)
    QHash<QString, QSet<QString>> booleanFlags; // component -> flags that take no value

    const Control *control(const QString &id) const;
    const Section *section(const QString &id) const;
    // The top-level section's node type of a control.
    NodeType nodeTypeOf(const Control &control) const;
    // "1.2" -> "API Server"; walks up to the top-level title when asked.
    QString sectionTitle(const QString &id) const;

    bool operator==(const Benchmark &) const = default;
};

// "1.2.10" < "1.2.9" is wrong as strings; compare numerically per dot-separated component.
bool controlIdLess(const QString &a, const QString &b);

} // namespace kinspect
