/* Stand-in for a Kubernetes component in the Kinspect lab.
 *
 * One source, copied under the names kube-apiserver, kube-controller-manager,
 * kube-scheduler, etcd, kubelet and kube-proxy. It behaves like the real binary
 * only where the audit and the remediation checks can see it:
 *   - "--version" prints the version string the real binary prints;
 *   - at start it rejects what would make the real binary exit at once: a flag
 *     that names a missing file, a malformed boolean or integer value, or an
 *     unknown flag (the sentinel prefixes --bogus- and --lab-unknown-);
 *   - otherwise it sleeps until it is signalled.
 * Build: cc -O1 -o labcomp labcomp.c -DLAB_KUBE_VERSION='"v1.32.2"'
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LAB_KUBE_VERSION
#define LAB_KUBE_VERSION "v1.32.2"
#endif
#ifndef LAB_ETCD_VERSION
#define LAB_ETCD_VERSION "3.5.16"
#endif

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static int in_list(const char *name, const char *const *list)
{
    for (; *list; ++list)
        if (strcmp(name, *list) == 0)
            return 1;
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static const char *const bool_flags[] = {
    "profiling", "anonymous-auth", "rotate-certificates", "rotate-server-certificates",
    "protect-kernel-defaults", "make-iptables-util-chains", "use-service-account-credentials",
    "service-account-lookup", "client-cert-auth", "peer-client-cert-auth", "auto-tls",
    "peer-auto-tls", "allow-privileged", "enable-bootstrap-token-auth", "leader-elect",
    "enable-debugging-handlers", "fail-swap-on", "contention-profiling", "logtostderr",
    "alsologtostderr", "serialize-image-pulls", "enable-server", "enable-aggregator-routing",
    "encryption-provider-config-automatic-reload", "experimental-initial-corrupt-check",
    "strict-reconfig-check", "service-account-extend-token-expiration", "version", "help", NULL};

static const char *const int_flags[] = {
    "read-only-port", "secure-port", "port", "event-qps", "event-burst", "audit-log-maxage",
    "audit-log-maxbackup", "audit-log-maxsize", "terminated-pod-gc-threshold", "max-pods",
    "healthz-port", "v", "snapshot-count", "quota-backend-bytes", "pod-max-pids", NULL};

/* Flags whose value is not a path even though the name suggests one. */
static const char *const not_path_flags[] = {
    "bootstrap-kubeconfig", "rotate-certificates", "rotate-server-certificates", "cert-dir",
    "feature-gates", "tls-cipher-suites", "tls-min-version", "service-account-issuer",
    "requestheader-allowed-names", "requestheader-extra-headers-prefix",
    "requestheader-group-headers", "requestheader-username-headers", "cipher-suites",
    "encryption-provider-config-automatic-reload", "key-prefix", NULL};

static int is_path_flag(const char *name, const char *value)
{
    if (!value || !*value || in_list(name, not_path_flags))
        return 0;
    if (ends_with(name, "file") || strcmp(name, "config") == 0 || ends_with(name, "kubeconfig"))
        return 1;
    if (value[0] == '/' && ends_with(name, "-config"))
        return 1;
    /* --kubelet-client-certificate, --kubelet-client-key, ...: a value that looks like a file */
    if ((strstr(name, "cert") || strstr(name, "key")) && (strchr(value, '/') || strchr(value, '.')))
        return 1;
    return 0;
}

static int valid_bool(const char *v)
{
    static const char *const ok[] = {"1", "t", "T", "TRUE", "true", "True",
                                     "0", "f", "F", "FALSE", "false", "False", NULL};
    return in_list(v, ok);
}

static int valid_int(const char *v)
{
    char *end = NULL;
    if (!*v)
        return 0;
    errno = 0;
    (void)strtol(v, &end, 10);
    return errno == 0 && end && *end == '\0';
}

static volatile sig_atomic_t stop_requested = 0;
static void on_term(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static void print_version(const char *comp, int argc, char **argv)
{
    if (strcmp(comp, "kubeadm") == 0) {
        int major = 1, minor = 0;
        sscanf(LAB_KUBE_VERSION, "v%d.%d", &major, &minor);
        for (int i = 1; i < argc; ++i)
            if (strcmp(argv[i], "short") == 0 || strcmp(argv[i], "-oshort") == 0 ||
                strcmp(argv[i], "--output=short") == 0) {
                printf("%s\n", LAB_KUBE_VERSION);
                return;
            }
        printf("kubeadm version: &version.Info{Major:\"%d\", Minor:\"%d\", GitVersion:\"%s\", "
               "GitCommit:\"0000000000000000000000000000000000000000\", GitTreeState:\"clean\", "
               "BuildDate:\"2025-01-01T00:00:00Z\", GoVersion:\"go1.23.6\", Compiler:\"gc\", "
               "Platform:\"linux/amd64\"}\n",
               major, minor, LAB_KUBE_VERSION);
        return;
    }
    if (strcmp(comp, "etcd") == 0) {
        printf("etcd Version: %s\nGit SHA: 0000000\nGo Version: go1.22.12\nGo OS/Arch: linux/amd64\n",
               LAB_ETCD_VERSION);
    } else {
        printf("Kubernetes %s\n", LAB_KUBE_VERSION);
    }
}

int main(int argc, char **argv)
{
    char exe[4096];
    const char *comp = base_name(argv[0]);
    static const char *const known[] = {"kube-apiserver", "kube-controller-manager", "kube-scheduler",
                                        "etcd", "kubelet", "kube-proxy", "kubeadm", NULL};
    if (!in_list(comp, known)) {
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n > 0) {
            exe[n] = '\0';
            comp = base_name(exe);
        }
    }

    for (int i = 1; i < argc; ++i) {
        if (strcmp(argv[i], "--version") == 0 || strcmp(argv[i], "--version=true") == 0 ||
            strcmp(argv[i], "version") == 0) {
            print_version(comp, argc, argv);
            return 0;
        }
    }

    if (strcmp(comp, "kubeadm") == 0) {
        fprintf(stderr, "kubeadm (Kinspect lab stand-in): only 'kubeadm version' is available\n");
        return 1;
    }

    const char *forced = getenv("LAB_FAIL_REASON");
    if (forced && *forced) {
        fprintf(stderr, "%s: %s\n", comp, forced);
        return 1;
    }

    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0')
            continue; /* positional items are ignored */
        char name[256];
        const char *value = NULL;
        const char *eq = strchr(arg, '=');
        size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
        if (len >= sizeof name)
            len = sizeof name - 1;
        memcpy(name, arg + 2, len);
        name[len] = '\0';
        int is_bool = in_list(name, bool_flags);
        if (eq)
            value = eq + 1;
        else if (!is_bool && i + 1 < argc && strncmp(argv[i + 1], "-", 1) != 0)
            value = argv[++i];

        if (strncmp(name, "bogus", 5) == 0 || strncmp(name, "lab-unknown", 11) == 0) {
            fprintf(stderr, "Error: unknown flag: --%s\n", name);
            return 1;
        }
        if (is_bool && value && !valid_bool(value)) {
            fprintf(stderr, "Error: invalid argument \"%s\" for \"--%s\" flag: strconv.ParseBool: parsing \"%s\": invalid syntax\n",
                    value, name, value);
            return 1;
        }
        if (!is_bool && !value && !in_list(name, not_path_flags)) {
            fprintf(stderr, "Error: flag needs an argument: --%s\n", name);
            return 1;
        }
        if (in_list(name, int_flags) && value && !valid_int(value)) {
            fprintf(stderr, "Error: invalid argument \"%s\" for \"--%s\" flag: strconv.ParseInt: parsing \"%s\": invalid syntax\n",
                    value, name, value);
            return 1;
        }
        if (is_path_flag(name, value) && access(value, F_OK) != 0) {
            fprintf(stderr, "Error: --%s: open %s: no such file or directory\n", name, value);
            return 1;
        }
    }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    fprintf(stderr, "%s %s started (pid %d)\n", comp, strcmp(comp, "etcd") == 0 ? LAB_ETCD_VERSION : LAB_KUBE_VERSION,
            (int)getpid());
    fflush(stderr);
    while (!stop_requested)
        pause();
    return 0;
}
