/* An LD_PRELOAD library that makes the n-th I/O call on brainload's temporary output files fail,
 * as a full or failing disk would, so that every failure point of `brainload run` is reached on
 * any machine (tests/io/faults/test_faults.py sweeps n).
 *
 *   FAULT_OP    write (write, pwrite, pwritev and their 64-bit names; Open MPI's MPI-IO writes
 *               with pwritev), fsync, close or rename
 *   FAULT_AT    1-based index of the first failing call of that kind; every later one fails too
 *               (a full disk stays full); 0 or unset: only count
 *   FAULT_ERRNO errno to fail with (default ENOSPC)
 *   FAULT_COUNT file to which the number of matching calls is written at exit
 *
 * Only descriptors opened on a path ending in ".partial" are touched; rename is matched on its
 * source path. Everything else passes straight to the C library. Built with _GNU_SOURCE
 * (tests/CMakeLists.txt) for RTLD_NEXT. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static char g_tracked[4096];
static long g_calls;

static const char* op(void) {
  const char* v = getenv("FAULT_OP");
  return v ? v : "";
}

/* The output temporaries end in ".partial"; the MPI library's own files named after them
 * (".partial_cid-….sm" shared-file-pointer segments in its session directory,
 * ".partial.locktest.N") are not the output and pass through. */
static int is_partial(const char* path) {
  static const char kSuffix[] = ".partial";
  if (!path) return 0;
  const size_t n = strlen(path);
  return n >= sizeof kSuffix - 1 && strcmp(path + n - (sizeof kSuffix - 1), kSuffix) == 0;
}

static int tracked(int fd) { return fd >= 0 && fd < (int)sizeof g_tracked && g_tracked[fd]; }

/* Counts a matching call of kind `kind` and says whether it must fail. */
static int should_fail(const char* kind) {
  if (strcmp(op(), kind) != 0) return 0;
  ++g_calls;
  const char* at = getenv("FAULT_AT");
  const long n = at ? atol(at) : 0;
  if (n <= 0 || g_calls < n) return 0;
  const char* e = getenv("FAULT_ERRNO");
  errno = e ? atoi(e) : ENOSPC;
  return 1;
}

__attribute__((destructor)) static void report(void) {
  const char* path = getenv("FAULT_COUNT");
  if (!path) return;
  FILE* f = fopen(path, "w");
  if (!f) return;
  fprintf(f, "%ld\n", g_calls);
  fclose(f);
}

#define NEXT(name) ((__typeof__(&(name)))dlsym(RTLD_NEXT, #name))

static int track(int fd, const char* path) {
  if (fd >= 0 && fd < (int)sizeof g_tracked) g_tracked[fd] = (char)is_partial(path);
  return fd;
}

int open(const char* path, int flags, ...) {
  mode_t mode = 0;
  if (flags & (O_CREAT | O_TMPFILE)) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  return track(NEXT(open)(path, flags, mode), path);
}

int open64(const char* path, int flags, ...) {
  mode_t mode = 0;
  if (flags & (O_CREAT | O_TMPFILE)) {
    va_list ap;
    va_start(ap, flags);
    mode = va_arg(ap, mode_t);
    va_end(ap);
  }
  return track(NEXT(open64)(path, flags, mode), path);
}

ssize_t write(int fd, const void* buf, size_t n) {
  if (tracked(fd) && should_fail("write")) return -1;
  return NEXT(write)(fd, buf, n);
}

ssize_t pwrite(int fd, const void* buf, size_t n, off_t offset) {
  if (tracked(fd) && should_fail("write")) return -1;
  return NEXT(pwrite)(fd, buf, n, offset);
}

ssize_t pwrite64(int fd, const void* buf, size_t n, off64_t offset) {
  if (tracked(fd) && should_fail("write")) return -1;
  return NEXT(pwrite64)(fd, buf, n, offset);
}

ssize_t pwritev(int fd, const struct iovec* iov, int n, off_t offset) {
  if (tracked(fd) && should_fail("write")) return -1;
  return NEXT(pwritev)(fd, iov, n, offset);
}

ssize_t pwritev64(int fd, const struct iovec* iov, int n, off64_t offset) {
  if (tracked(fd) && should_fail("write")) return -1;
  return NEXT(pwritev64)(fd, iov, n, offset);
}

int fsync(int fd) {
  if (tracked(fd) && should_fail("fsync")) return -1;
  return NEXT(fsync)(fd);
}

int close(int fd) {
  const int was_tracked = tracked(fd);
  if (fd >= 0 && fd < (int)sizeof g_tracked) g_tracked[fd] = 0;
  const int rc = NEXT(close)(fd);
  /* The descriptor is released either way, as Linux does when close reports an error. */
  if (rc == 0 && was_tracked && should_fail("close")) return -1;
  return rc;
}

int rename(const char* from, const char* to) {
  if (is_partial(from) && should_fail("rename")) return -1;
  return NEXT(rename)(from, to);
}
