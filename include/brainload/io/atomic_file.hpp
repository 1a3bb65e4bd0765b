// An output file that appears at its final path only when complete: data goes to a temporary
// file beside the target, and commit() renames it into place. Destroyed without commit(), the
// temporary is removed, so a failed or interrupted run leaves nothing that looks complete.
#pragma once

#include <filesystem>
#include <string>

namespace brainload {

class AtomicFile {
 public:
  // Throws OutputError if the directory does not exist or is not writable.
  explicit AtomicFile(std::filesystem::path target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  [[nodiscard]] const std::filesystem::path& temp_path() const { return temp_; }
  [[nodiscard]] const std::filesystem::path& target() const { return target_; }
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool committed_ = false;
};

// Checks, before any work, that `target` could be created (exit 73 otherwise).
void require_writable(const std::filesystem::path& target);
// Creates `dir` (and its parents) for outputs; OutputError (exit 73) naming the path when that
// fails, e.g. because a file of that name is in the way.
void create_output_directory(const std::filesystem::path& dir);

}  // namespace brainload
