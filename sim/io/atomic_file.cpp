#include "brainload/io/atomic_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "brainload/error.hpp"

namespace brainload {

namespace fs = std::filesystem;

namespace {
fs::path parent_of(const fs::path& target) {
  const fs::path parent = target.parent_path();
  return parent.empty() ? fs::path(".") : parent;
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
}

AtomicFile::~AtomicFile() {
  if (!committed_) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void AtomicFile::commit() {
  std::error_code ec;
  fs::rename(temp_, target_, ec);
  if (ec) {
    throw OutputError(fmt::format("cannot move '{}' to '{}': {}", temp_.string(), target_.string(),
                                  ec.message()));
  }
  committed_ = true;
}

}  // namespace brainload
