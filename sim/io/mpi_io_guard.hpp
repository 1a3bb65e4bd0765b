// MPI builds only: a write failure of the collective HDF5 file ends the job at once, cleanly.
//
// Why: parallel HDF5 1.10 does not fail collectively. On a full disk one rank's metadata write
// comes back short, HDF5 abandons the flush on that rank only and goes on to the next
// collective call, while the other ranks wait in the flush's barrier: every rank hangs inside
// H5Fclose (seen: one rank in H5FD_truncate's broadcast, the other in H5AC's sync point). Open
// MPI's OMPIO reports such a write as a success with fewer bytes, so an MPI file error handler
// never runs. The guard therefore wraps the MPI-IO calls HDF5 makes through the MPI profiling
// interface (MPI_File_write_at, MPI_File_write_at_all, MPI_File_set_size and MPI_File_sync call
// their PMPI_ versions and check the result): a failed or short write prints one message naming
// the file and the cause, removes the temporary file and ends every rank with MPI_Abort(74).
#pragma once

#include <filesystem>

namespace brainload::io_detail {

// From now on a failed write on any MPI file of this process ends the job, naming `path` (the
// temporary HDF5 file, removed). `path` must be set before the file is created.
void guard_collective_writes(const std::filesystem::path& path);

// The guard is off again (the file is closed).
void unguard_collective_writes();

}  // namespace brainload::io_detail
