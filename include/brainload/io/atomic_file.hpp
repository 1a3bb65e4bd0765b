// An output file that appears at its final path only when complete: data goes to a temporary
// file ".NAME.PID.partial" beside the target, and commit() flushes it to disk and renames it
// into place. Destroyed without commit(), the temporary is removed, so a failed or interrupted
// run leaves nothing that looks complete. Temporaries of the same target left by processes that
// no longer exist (SIGKILL) are removed when the next AtomicFile for that target is made.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

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
  // Flushes the temporary file to disk (fsync); OutputIoError (exit 74) naming the file and
  // the cause on failure. commit() calls it unless done already.
  void flush();
  // Flushes, then renames into place; OutputIoError (exit 74) on failure.
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool flushed_ = false;
  bool committed_ = false;
};

// Checks, before any work, that `target` could be created (exit 73 otherwise).
void require_writable(const std::filesystem::path& target);
// Creates `dir` (and its parents) for outputs; OutputError (exit 73) naming the path when that
// fails, e.g. because a file of that name is in the way.
void create_output_directory(const std::filesystem::path& dir);
// Writes `text` to `path` with plain POSIX calls, so that every failure carries its errno:
// OutputError (73) when the file cannot be created, OutputIoError (74) when a write or the
// close fails. Messages name `shown_as` (the target) and `path` (the temporary).
void write_text_file(const std::filesystem::path& path, std::string_view text,
                     const std::filesystem::path& shown_as);

}  // namespace brainload
