#pragma once

// Included by exactly one source file of a test executable: replaces the C library's free() and
// realloc() in that process so that a test can watch for a secret in memory handed back to the
// allocator (a copy that was never wiped). Not for sanitizer builds (kSanitized: skip).

#include <atomic>
#include <cstring>

#include <malloc.h>

// --- free()/realloc() that look at what is freed ----------------------------------------------

extern "C" {
void __libc_free(void *);
void *__libc_malloc(size_t);
void *__libc_realloc(void *, size_t);
}

namespace {
// Fixed storage: the hooks must not allocate.
char g_secret[64];
size_t g_secretLen = 0;
std::atomic<bool> g_watching{false};
std::atomic<int> g_hits{0};

void inspect(void *p)
{
    if (!p || !g_watching.load(std::memory_order_relaxed) || g_secretLen == 0)
        return;
    const size_t n = malloc_usable_size(p);
    if (memmem(p, n, g_secret, g_secretLen))
        g_hits.fetch_add(1);
}
} // namespace

extern "C" void free(void *p)
{
    inspect(p);
    __libc_free(p);
}

extern "C" void *realloc(void *p, size_t n)
{
    // glibc's realloc frees the old block internally, where free() above would not see it.
    if (!p)
        return __libc_malloc(n);
    if (n == 0) {
        free(p);
        return nullptr;
    }
    const size_t old = malloc_usable_size(p);
    if (n <= old)
        return p;
    void *q = __libc_malloc(n);
    if (!q)
        return nullptr;
    memcpy(q, p, old);
    free(p);
    return q;
}

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

struct Watch
{
    explicit Watch(const char *secret)
    {
        g_secretLen = strlen(secret);
        memcpy(g_secret, secret, g_secretLen);
        g_hits = 0;
        g_watching = true;
    }
    ~Watch() { g_watching = false; }
    int hits() const { return g_hits.load(); }
};

} // namespace
