#include "brainload/io/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>

#include "brainload/error.hpp"

namespace brainload {

namespace fs = std::filesystem;

namespace {
fs::path parent_of(const fs::path& target) {
  const fs::path parent = target.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

std::string errno_text(int code) { return std::strerror(code); }

// The process id in a temporary name ".NAME.PID.partial" of `target`, or 0 when `name` is not
// one.
long partial_pid(const std::string& name, const std::string& target_name) {
  const std::string prefix = "." + target_name + ".";
  const std::string_view suffix = ".partial";
  if (name.size() <= prefix.size() + suffix.size() || !name.starts_with(prefix) ||
      !name.ends_with(suffix)) {
    return 0;
  }
  const std::string digits =
      name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
  if (digits.empty() || digits.size() > 9 ||
      digits.find_first_not_of("0123456789") != std::string::npos) {
    return 0;
  }
  return std::stol(digits);
}

// Whether process `pid` may still be writing: it exists and has not ended. A killed process
// that nobody has reaped yet (a zombie: its parent was killed too, and the container's first
// process does not reap orphans) still answers kill(pid, 0), so /proc says whether it ended.
// EPERM (another user's process) counts as alive.
bool process_alive(long pid) {
  if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) return false;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return true;  // no /proc: trust kill()
  // "pid (comm) S ...": the state follows the last ')' (comm may contain spaces and parens).
  const std::size_t close = line.rfind(')');
  if (close == std::string::npos || close + 2 >= line.size()) return true;
  const char state = line[close + 2];
  return state != 'Z' && state != 'X';
}

// Removes the temporary files of `target` left by processes that no longer exist (killed
// with SIGKILL, out of memory, a node that rebooted): one line on standard error for each.
// A process that exists, or that this one may not signal (EPERM), keeps its file.
void remove_stale_partials(const fs::path& target) {
  const std::string target_name = target.filename().string();
  std::error_code ec;
  fs::directory_iterator it(parent_of(target), ec);
  if (ec) return;
  for (const fs::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    const long pid = partial_pid(name, target_name);
    if (pid <= 0 || pid == static_cast<long>(::getpid())) continue;
    if (process_alive(pid)) continue;
    std::error_code remove_ec;
    if (fs::remove(entry.path(), remove_ec)) {
      std::fprintf(stderr,
                   "note: removed '%s', the temporary file of an earlier run (process %ld) that "
                   "no longer exists\n",
                   entry.path().c_str(), pid);
    }
  }
}
}  // namespace

void require_writable(const fs::path& target) {
  const fs::path dir = parent_of(target);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw OutputError(fmt::format("cannot create '{}': directory '{}' does not exist",
                                  target.string(), dir.string()));
  }
  if (fs::is_directory(target, ec)) {
    throw OutputError(fmt::format("cannot create '{}': it is a directory", target.string()));
  }
  if (::access(dir.c_str(), W_OK) != 0) {
    throw OutputError(fmt::format("cannot create '{}': directory '{}' is not writable",
                                  target.string(), dir.string()));
  }
}

void create_output_directory(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw OutputError(
        fmt::format("cannot create output directory '{}': {}", dir.string(), ec.message()));
  }
}

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
  require_writable(target_);
  temp_ = parent_of(target_) /
          fmt::format(".{}.{}.partial", target_.filename().string(), static_cast<long>(::getpid()));
  remove_stale_partials(target_);
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void AtomicFile::flush() {
  if (flushed_) return;
  // The data reaches the disk before the name does: a delayed-allocation or network filesystem
  // may report a full disk only here, and a crash after the rename must not leave a short file.
  const int fd = ::open(temp_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw OutputIoError(fmt::format("cannot write '{}': reopening '{}' to flush it failed: {}",
                                    target_.string(), temp_.string(), errno_text(errno)));
  }
  const int synced = ::fsync(fd);
  const int sync_errno = errno;
  const int closed = ::close(fd);
  const int close_errno = errno;
  if (synced != 0 || closed != 0) {
    throw OutputIoError(fmt::format("cannot write '{}': flushing '{}' to disk (fsync) failed: {}",
                                    target_.string(), temp_.string(),
                                    errno_text(synced != 0 ? sync_errno : close_errno)));
  }
  flushed_ = true;
}

void AtomicFile::commit() {
  flush();
  std::error_code ec;
  fs::rename(temp_, target_, ec);
  if (ec) {
    throw OutputIoError(fmt::format("cannot move '{}' to '{}': {}", temp_.string(),
                                    target_.string(), ec.message()));
  }
  committed_ = true;
}

void write_text_file(const fs::path& path, std::string_view text, const fs::path& shown_as) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) {
    throw OutputError(fmt::format("cannot create '{}' (as '{}'): {}", shown_as.string(),
                                  path.string(), errno_text(errno)));
  }
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int code = n < 0 ? errno : EIO;
      ::close(fd);
      throw OutputIoError(fmt::format("cannot write '{}' (as '{}'): writing failed: {}",
                                      shown_as.string(), path.string(), errno_text(code)));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    throw OutputIoError(fmt::format("cannot write '{}' (as '{}'): closing failed: {}",
                                    shown_as.string(), path.string(), errno_text(errno)));
  }
}

}  // namespace brainload
