// See mpi_io_guard.hpp. Compiled only with -DBRAINLOAD_MPI=ON. The MPI_File_* definitions here
// interpose on Open MPI's for libhdf5_openmpi (the executable's definitions come first in symbol
// lookup); they are pulled into the link with guard_collective_writes, which hdf5_output.cpp calls.
#include "io/mpi_io_guard.hpp"

#include <mpi.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace brainload::io_detail {

namespace {

// The guarded path (fixed storage: read while the job is ending).
std::array<char, 4096> g_path{};
bool g_armed = false;

[[noreturn]] void end_job(const char* call, const char* cause) {
  int rank = 0;
  PMPI_Comm_rank(MPI_COMM_WORLD, &rank);
  std::fprintf(stderr, "error: rank %d: cannot write HDF5 file '%s': %s failed: %s\n", rank,
               g_path.data(), call, cause);
  std::fflush(stderr);
  ::unlink(g_path.data());
  PMPI_Abort(MPI_COMM_WORLD, 74);  // EX_IOERR
  std::abort();                    // MPI_Abort does not return
}

// The system's cause (errno, as Open MPI's POSIX layer left it) or MPI's error text.
const char* cause_of(int code, int system_error, std::array<char, MPI_MAX_ERROR_STRING>& text) {
  if (system_error != 0) return std::strerror(system_error);
  if (code != MPI_SUCCESS) {
    int length = 0;
    PMPI_Error_string(code, text.data(), &length);
    return text.data();
  }
  return "MPI reported no error";
}

bool guarded() { return g_armed; }

// A write's result: fails the job if MPI reports an error or wrote fewer bytes than asked.
int checked_write(const char* call, int code, int system_error, int count, MPI_Datatype type,
                  MPI_Status* status) {
  if (!g_armed) return code;
  std::array<char, MPI_MAX_ERROR_STRING> text{};
  if (code != MPI_SUCCESS) end_job(call, cause_of(code, system_error, text));
  MPI_Count type_size = 0;
  MPI_Count written = 0;
  PMPI_Type_size_x(type, &type_size);
  PMPI_Get_elements_x(status, MPI_BYTE, &written);
  const MPI_Count asked = type_size * count;
  if (written != asked) {
    // Open MPI passes a failed or short POSIX write on as a success with fewer bytes. The cause
    // is errno when the write failed; a short write sets none, so say whether the disk is full.
    std::array<char, 256> cause{};
    struct statvfs fs {};
    const std::string dir = std::filesystem::path(g_path.data()).parent_path().string();
    const bool full = ::statvfs(dir.empty() ? "." : dir.c_str(), &fs) == 0 && fs.f_bavail == 0;
    std::snprintf(cause.data(), cause.size(), "%s (%lld of %lld bytes written)",
                  system_error != 0 ? std::strerror(system_error)
                  : full            ? std::strerror(ENOSPC)
                                    : "a short write",
                  static_cast<long long>(written), static_cast<long long>(asked));
    end_job(call, cause.data());
  }
  return code;
}

}  // namespace

void guard_collective_writes(const std::filesystem::path& path) {
  const std::string name = path.string();
  const std::size_t n = std::min(name.size(), g_path.size() - 1);
  std::memcpy(g_path.data(), name.data(), n);
  g_path[n] = '\0';
  g_armed = true;
}

void unguard_collective_writes() { g_armed = false; }

}  // namespace brainload::io_detail

namespace brainload::io_detail {
namespace {

// A wrapped write: `write(status)` calls the PMPI_ version; its result is checked.
template <class Write>
int guarded_write(const char* call, int count, MPI_Datatype type, MPI_Status* status,
                  const Write& write) {
  MPI_Status own{};
  MPI_Status* s = status == MPI_STATUS_IGNORE ? &own : status;
  errno = 0;
  const int code = write(s);
  return checked_write(call, code, errno, count, type, s);
}

// A wrapped call without a byte count: only its error code is checked.
template <class Call>
int guarded_call(const char* name, const Call& call) {
  errno = 0;
  const int code = call();
  const int system_error = errno;
  if (code != MPI_SUCCESS && guarded()) {
    std::array<char, MPI_MAX_ERROR_STRING> text{};
    end_job(name, cause_of(code, system_error, text));
  }
  return code;
}

}  // namespace
}  // namespace brainload::io_detail

using brainload::io_detail::guarded_call;
using brainload::io_detail::guarded_write;

extern "C" {

int MPI_File_write_at(MPI_File fh, MPI_Offset offset, const void* buf, int count,
                      MPI_Datatype datatype, MPI_Status* status) {
  return guarded_write("MPI_File_write_at", count, datatype, status, [&](MPI_Status* s) {
    return PMPI_File_write_at(fh, offset, buf, count, datatype, s);
  });
}

int MPI_File_write_at_all(MPI_File fh, MPI_Offset offset, const void* buf, int count,
                          MPI_Datatype datatype, MPI_Status* status) {
  return guarded_write("MPI_File_write_at_all", count, datatype, status, [&](MPI_Status* s) {
    return PMPI_File_write_at_all(fh, offset, buf, count, datatype, s);
  });
}

int MPI_File_set_size(MPI_File fh, MPI_Offset size) {
  return guarded_call("MPI_File_set_size", [&] { return PMPI_File_set_size(fh, size); });
}

int MPI_File_sync(MPI_File fh) {
  return guarded_call("MPI_File_sync", [&] { return PMPI_File_sync(fh); });
}

}  // extern "C"
