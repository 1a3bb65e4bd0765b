// The HDF5 file of `brainload run`, written with the HDF5 C API so that
// xarray.open_dataset(path, engine="h5netcdf") (and netCDF-4 readers) see named dimensions.
//
// Layout (everything in the root group, links in creation order):
//   dimension scales  agent (int64), arm (vlen UTF-8 string), assess_day (f64, days),
//                     time (f64, days), quantile (f64)
//   data variables    agent_vars, agent_int_vars (agent); outcome_vars (agent, assess_day);
//                     quantile_vars (arm, time, quantile); trajectory_vars (agent, time)
// Every axis of every variable is attached to its dimension scale; every dataset carries
// `units` and `long_name`. String attributes and the `arm` coordinate are variable-length
// UTF-8 strings: h5py hands them back as Python str whatever their length (fixed-length
// strings of length 1, such as units "1" written without a terminator, come back as bytes, and
// fixed-length string datasets come back as bytes unless tagged `_Encoding`).
//
// Sizes and names are validated before the file is created. On any HDF5 failure the partial
// file is removed and OutputError says which call failed and why.
//
// MPI builds add a collective mode (RunFileWriter::Collective): every rank opens the file
// through MPI-IO and makes the same metadata calls with the same values; rows are written with
// collective transfers, a rank with nothing to write selecting none (parallel HDF5 1.10 takes
// compression filters only with collective writes). Variable-length data cannot be written
// through MPI-IO in HDF5 1.10, so the `arm` coordinate (vlen strings) is filled in by rank 0
// alone after the collective close.
#include "brainload/io/hdf5_output.hpp"

#include <fmt/format.h>
#include <hdf5.h>
#include <hdf5_hl.h>
#ifdef BRAINLOAD_MPI
#include <mpi.h>

#include <cstdio>
#include <cstdlib>

#include "io/mpi_io_guard.hpp"
#endif

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "brainload/error.hpp"

namespace brainload {

namespace fs = std::filesystem;

namespace {

// {"lactate.rest_mmol_l": 0.9} (names are <group>.<field>: letters, digits, '_' and '.').
std::string overrides_json(const std::map<std::string, double>& overrides) {
  std::string text = "{";
  for (const auto& [name, value] : overrides) {
    text += fmt::format("{}\"{}\": {}", text.size() > 1 ? ", " : "", name, value);
  }
  return text + "}";
}

// --- errors ------------------------------------------------------------------------------

// The most specific message on HDF5's error stack for the current thread ("" when empty).
std::string hdf5_error_detail() {
  std::string detail;
  const auto walk = [](unsigned n, const H5E_error2_t* err, void* client) -> herr_t {
    auto* out = static_cast<std::string*>(client);
    if (n == 0 && err != nullptr && err->desc != nullptr) *out = err->desc;
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, walk, &detail);
  H5Eclear2(H5E_DEFAULT);
  return detail;
}

// The cause in a detail from HDF5's POSIX driver ("file write failed: time = …, errno = 28,
// error message = 'No space left on device', …"): the system's message alone, or the whole
// detail when it has none.
std::string hdf5_cause(const std::string& detail) {
  const std::string key = "error message = '";
  const std::size_t at = detail.find(key);
  if (at == std::string::npos) return detail;
  const std::size_t end = detail.find('\'', at + key.size());
  if (end == std::string::npos) return detail;
  return detail.substr(at + key.size(), end - at - key.size());
}

// A failure once the file exists: exit 74.
[[noreturn]] void fail(const fs::path& path, std::string_view what) {
  const std::string cause = hdf5_cause(hdf5_error_detail());
  throw OutputIoError(fmt::format("cannot write HDF5 file '{}': {} failed{}{}", path.string(), what,
                                  cause.empty() ? "" : ": ", cause));
}

// HDF5 1.10 keeps the id of a file whose H5Fclose failed (a full disk while flushing) pointing
// at the freed file object, and its exit handler closes that id again: a segmentation fault
// after the error was reported. The operating system reclaims the memory at exit anyway, so the
// handler is switched off, before anything else calls the library. Called first by every
// writer; no other code in brainload calls HDF5.
void hdf5_without_exit_handler() {
  static const bool kDone = [] {
    H5dont_atexit();  // fails harmlessly if the library was already initialised
    return true;
  }();
  (void)kDone;
}

// Silences HDF5's automatic error printing for the lifetime of the object and restores the
// previous handler afterwards (errors are reported through OutputError instead).
class QuietHdf5Errors {
 public:
  QuietHdf5Errors() {
    saved_ok_ = H5Eget_auto2(H5E_DEFAULT, &func_, &data_) >= 0;
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  QuietHdf5Errors(const QuietHdf5Errors&) = delete;
  QuietHdf5Errors& operator=(const QuietHdf5Errors&) = delete;
  ~QuietHdf5Errors() {
    if (saved_ok_) H5Eset_auto2(H5E_DEFAULT, func_, data_);
  }

 private:
  H5E_auto2_t func_ = nullptr;
  void* data_ = nullptr;
  bool saved_ok_ = false;
};

// --- handles -----------------------------------------------------------------------------

// Owns one hid_t and closes it with the matching H5?close on destruction.
class Handle {
 public:
  using Closer = herr_t (*)(hid_t);
  Handle() = default;
  Handle(hid_t id, Closer closer) : id_(id), closer_(closer) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept
      : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
      closer_ = other.closer_;
    }
    return *this;
  }
  ~Handle() { reset(); }

  [[nodiscard]] hid_t get() const { return id_; }
  // Closes now and reports whether the close succeeded (a file close flushes).
  bool close() {
    if (id_ < 0) return true;
    const herr_t status = closer_(id_);
    id_ = H5I_INVALID_HID;
    return status >= 0;
  }

 private:
  void reset() {
    if (id_ >= 0) closer_(id_);
    id_ = H5I_INVALID_HID;
  }
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

// Everything that talks to HDF5 for one file goes through here: each call is checked and a
// failure throws OutputError naming the call and the object.
class Writer {
 public:
  explicit Writer(fs::path path) : path_(std::move(path)) {}

  void check(herr_t status, std::string_view what) const {
    if (status < 0) fail(path_, what);
  }
  Handle own(hid_t id, Handle::Closer closer, std::string_view what) const {
    if (id < 0) fail(path_, what);
    return {id, closer};
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

  [[nodiscard]] Handle plist(hid_t cls, std::string_view what) const {
    return own(H5Pcreate(cls), H5Pclose, what);
  }
  [[nodiscard]] Handle scalar_space() const {
    return own(H5Screate(H5S_SCALAR), H5Sclose, "H5Screate(scalar)");
  }
  [[nodiscard]] Handle simple_space(const std::vector<hsize_t>& dims, std::string_view name) const {
    return own(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose,
               fmt::format("H5Screate_simple for '{}'", name));
  }
  // Variable-length UTF-8 string type: read back by h5py/xarray as Python str.
  [[nodiscard]] Handle vlen_string_type() const {
    Handle t = own(H5Tcopy(H5T_C_S1), H5Tclose, "H5Tcopy(H5T_C_S1)");
    check(H5Tset_size(t.get(), H5T_VARIABLE), "H5Tset_size(H5T_VARIABLE)");
    check(H5Tset_cset(t.get(), H5T_CSET_UTF8), "H5Tset_cset(UTF-8)");
    check(H5Tset_strpad(t.get(), H5T_STR_NULLTERM), "H5Tset_strpad(NULLTERM)");
    return t;
  }

  void string_attr(hid_t obj, const char* name, const std::string& value,
                   std::string_view owner) const {
    const Handle type = vlen_string_type();
    const Handle space = scalar_space();
    const std::string what = fmt::format("attribute '{}' on {}", name, owner);
    const Handle attr =
        own(H5Acreate2(obj, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
            "H5Acreate2 of " + what);
    const char* text = value.c_str();
    check(H5Awrite(attr.get(), type.get(), &text), "H5Awrite of " + what);
  }

  void uint64_attr(hid_t obj, const char* name, std::uint64_t value, std::string_view owner) const {
    const Handle space = scalar_space();
    const std::string what = fmt::format("attribute '{}' on {}", name, owner);
    const Handle attr =
        own(H5Acreate2(obj, name, H5T_STD_U64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
            "H5Acreate2 of " + what);
    check(H5Awrite(attr.get(), H5T_NATIVE_UINT64, &value), "H5Awrite of " + what);
  }

 private:
  fs::path path_;
};

// --- layout ------------------------------------------------------------------------------

// The dimensions, named like the HDF5 dimension scales; dim::count is the number of them.
namespace dim {
enum Dim : std::size_t { agent, arm, assess_day, time, quantile, event, count };
}  // namespace dim
using dim::Dim;
constexpr std::array<const char*, dim::count> kDimNames = {"agent", "arm",      "assess_day",
                                                           "time",  "quantile", "event"};

struct Storage {
  std::vector<hsize_t> chunk;  // empty: contiguous
  bool compress = false;
};

// One data variable to write, whatever its element type.
struct VarSpec {
  const std::string* name;
  const std::string* units;
  const std::string* long_name;
  const void* data;
  std::size_t size;
  bool is_int;
  std::vector<Dim> dims;
  Storage storage;
};

constexpr hsize_t kAgentChunk = 65536;  // per-agent variables
constexpr hsize_t kTrajectoryAgentChunk = 1024;
constexpr hsize_t kTrajectoryTimeChunk = 4096;
constexpr hsize_t kTrajectoryChunkElems = 131072;  // 1 MiB of float64 per chunk at most
constexpr unsigned kDeflateLevel = 4;

std::string dims_text(const std::vector<Dim>& dims, const std::array<hsize_t, dim::count>& len) {
  std::string out;
  for (Dim d : dims) {
    if (!out.empty()) out += " x ";
    out += fmt::format("{}={}", kDimNames[d], len[d]);
  }
  return out.empty() ? "scalar" : out;
}

// Throws OutputError before anything is written if a variable name is invalid or taken.
void validate_names(const fs::path& path, const std::vector<VarSpec>& vars) {
  std::set<std::string_view> seen(kDimNames.begin(), kDimNames.end());
  for (const VarSpec& v : vars) {
    const std::string& name = *v.name;
    if (name.empty() || name.find('/') != std::string::npos || name == "." ||
        name.find('\0') != std::string::npos) {
      throw OutputError(fmt::format("cannot write HDF5 file '{}': invalid variable name '{}'",
                                    path.string(), name));
    }
    if (!seen.insert(name).second) {
      throw OutputError(fmt::format(
          "cannot write HDF5 file '{}': variable name '{}' is used twice (or is a dimension name)",
          path.string(), name));
    }
  }
}

// Throws OutputError before anything is written if a name or a size is wrong.
void validate(const fs::path& path, const std::vector<VarSpec>& vars,
              const std::array<hsize_t, dim::count>& len) {
  validate_names(path, vars);
  for (const VarSpec& v : vars) {
    const std::string& name = *v.name;
    std::uint64_t expected = 1;
    for (Dim d : v.dims) expected *= len[d];  // each factor fits in memory already
    if (v.size != expected) {
      throw OutputError(
          fmt::format("cannot write HDF5 file '{}': variable '{}' has {} values, expected {} ({})",
                      path.string(), name, v.size, expected, dims_text(v.dims, len)));
    }
  }
}

// Creates one dataset (optionally chunked and compressed); float datasets are filled with NaN
// until written.
Handle create_dataset(const Writer& w, hid_t file, const std::string& name, hid_t filetype,
                      const std::vector<hsize_t>& shape, const Storage& storage) {
  const Handle space = w.simple_space(shape, name);
  const Handle dcpl = w.plist(H5P_DATASET_CREATE, "H5Pcreate(dataset create)");
  // No creation and modification times in the object headers: the same run writes the same
  // bytes (a resumed run's file equals an uninterrupted one's under cmp, not only h5diff).
  w.check(H5Pset_obj_track_times(dcpl.get(), false),
          fmt::format("H5Pset_obj_track_times for '{}'", name));
  // Keep attributes in creation order, as netCDF-4 does.
  w.check(H5Pset_attr_creation_order(dcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
          fmt::format("H5Pset_attr_creation_order for '{}'", name));
  if (H5Tequal(filetype, H5T_IEEE_F64LE) > 0) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    w.check(H5Pset_fill_value(dcpl.get(), H5T_NATIVE_DOUBLE, &nan),
            fmt::format("H5Pset_fill_value for '{}'", name));
  }
  const bool any_zero = std::any_of(shape.begin(), shape.end(), [](hsize_t n) { return n == 0; });
  if (!storage.chunk.empty() && !any_zero) {
    w.check(H5Pset_chunk(dcpl.get(), static_cast<int>(storage.chunk.size()), storage.chunk.data()),
            fmt::format("H5Pset_chunk for '{}'", name));
    if (storage.compress) {
      w.check(H5Pset_shuffle(dcpl.get()), fmt::format("H5Pset_shuffle for '{}'", name));
      w.check(H5Pset_deflate(dcpl.get(), kDeflateLevel),
              fmt::format("H5Pset_deflate for '{}'", name));
    }
  }
  return w.own(
      H5Dcreate2(file, name.c_str(), filetype, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT),
      H5Dclose, fmt::format("H5Dcreate2 of '{}'", name));
}

void write_all(const Writer& w, hid_t ds, hid_t memtype, const void* data, std::size_t size,
               const std::string& name) {
  if (size == 0) return;
  w.check(H5Dwrite(ds, memtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
          fmt::format("H5Dwrite of '{}'", name));
}

// Rows [first, first + rows) of a dataset whose first axis is `agent`.
void write_rows(const Writer& w, hid_t ds, hid_t memtype, const void* data, hsize_t first,
                hsize_t rows, hsize_t row_len, int rank, const std::string& name) {
  if (rows == 0 || row_len == 0) return;
  const Handle file_space = w.own(H5Dget_space(ds), H5Sclose, "H5Dget_space of '" + name + "'");
  const std::array<hsize_t, 2> start{first, 0};
  const std::array<hsize_t, 2> count{rows, row_len};
  w.check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr, count.data(),
                              nullptr),
          fmt::format("H5Sselect_hyperslab of '{}'", name));
  const Handle mem_space = w.simple_space(
      rank == 1 ? std::vector<hsize_t>{rows} : std::vector<hsize_t>{rows, row_len}, name);
  w.check(H5Dwrite(ds, memtype, mem_space.get(), file_space.get(), H5P_DEFAULT, data),
          fmt::format("H5Dwrite of rows {}..{} of '{}'", first, first + rows, name));
}

Storage per_agent_storage(const std::array<hsize_t, dim::count>& len, bool with_day) {
  Storage s;
  if (len[dim::agent] > kAgentChunk) {
    s.chunk = with_day
                  ? std::vector<hsize_t>{kAgentChunk, std::max<hsize_t>(len[dim::assess_day], 1)}
                  : std::vector<hsize_t>{kAgentChunk};
  }
  return s;
}

// Per-agent event values (agent, event): chunks of whole rows, as the outcomes.
Storage event_storage(const std::array<hsize_t, dim::count>& len) {
  Storage s;
  if (len[dim::agent] > kAgentChunk) {
    s.chunk = std::vector<hsize_t>{kAgentChunk, std::max<hsize_t>(len[dim::event], 1)};
  }
  return s;
}

Storage trajectory_storage(const std::array<hsize_t, dim::count>& len) {
  Storage s;
  const hsize_t t_chunk = std::clamp<hsize_t>(len[dim::time], 1, kTrajectoryTimeChunk);
  const hsize_t a_max = std::clamp<hsize_t>(len[dim::agent], 1, kTrajectoryAgentChunk);
  const hsize_t a_chunk = std::clamp<hsize_t>(kTrajectoryChunkElems / t_chunk, 1, a_max);
  s.chunk = {a_chunk, t_chunk};
  s.compress = true;
  return s;
}

}  // namespace

// The open file: every dataset created up front, streamed variables written row block by row
// block, quantiles at the end.
struct RunFileWriter::Impl {
  fs::path path;
  bool exit_handler_off = (hdf5_without_exit_handler(), true);  // before any other HDF5 call
  QuietHdf5Errors quiet;
  Writer w;
  // Collective mode (MPI builds): every rank writes the file together.
  bool collective = false;
  int mpi_rank = 0;
  Handle dxpl;                           // collective transfers
  std::vector<std::string> arm_names;    // written by rank 0 after the collective close
  std::vector<std::string> event_names;  // likewise (with event_units)
  std::vector<std::string> event_units;
  bool collective_done = false;  // past the last collective call
  // Collective mode: the compressed trajectory rows [pending_first, pending_first +
  // pending_rows) wait in Var::pending until they fill whole chunks. Parallel HDF5 keeps no
  // chunk cache for filtered writes, so each write of part of a chunk decompresses and
  // recompresses all of it; writing whole chunks compresses each once, as the serial file does.
  hsize_t pending_first = 0;
  hsize_t pending_rows = 0;
  hsize_t trajectory_chunk_rows = 1;
  std::size_t first_trajectory = 0;  // index of the first trajectory variable in `streamed`
  std::array<hsize_t, dim::count> len{};
  Handle file;
  std::array<Handle, dim::count> scales;
  struct Var {
    std::string name;
    std::vector<Dim> dims;
    bool is_int;
    Handle ds;
    std::vector<double> pending = {};  // collective mode, trajectories: rows not yet written
  };
  std::vector<Var> streamed;   // agent, int, outcome, trajectory variables, in layout order
  std::vector<Var> quantiles;  // written by finish()
  std::string summary_text;    // finish()'s, for rank 0's reopening in collective mode
  bool finished = false;

  Impl(const fs::path& p, const RunOutput& layout, bool collective_mode = false)
      : path(p), w(p), collective(collective_mode) {
    if (layout.agents < 0) {
      throw OutputError(fmt::format("cannot write HDF5 file '{}': negative agent count {}",
                                    path.string(), layout.agents));
    }
    len[dim::agent] = static_cast<hsize_t>(layout.agents);
    len[dim::arm] = layout.arm_names.size();
    len[dim::assess_day] = layout.assess_days.size();
    len[dim::time] = layout.time_days.size();
    len[dim::quantile] = layout.quantiles.size();
    len[dim::event] = layout.event_names.size();
    if (layout.event_names.size() != layout.event_units.size() ||
        (len[dim::event] == 0 && !layout.event_vars.empty())) {
      throw OutputError(fmt::format(
          "cannot write HDF5 file '{}': {} event names, {} event units and {} event variables",
          path.string(), layout.event_names.size(), layout.event_units.size(),
          layout.event_vars.size()));
    }

    // Names are checked here; sizes when data arrives.
    std::vector<VarSpec> names;
    const auto add_names = [&names](const auto& list, std::vector<Dim> dims) {
      for (const auto& v : list) {
        names.push_back(VarSpec{&v.name, &v.units, &v.long_name, nullptr, 0, false, dims, {}});
      }
    };
    add_names(layout.agent_vars, {dim::agent});
    add_names(layout.agent_int_vars, {dim::agent});
    add_names(layout.outcome_vars, {dim::agent, dim::assess_day});
    add_names(layout.event_vars, {dim::agent, dim::event});
    add_names(layout.quantile_vars, {dim::arm, dim::time, dim::quantile});
    add_names(layout.trajectory_vars, {dim::agent, dim::time});
    validate_names(path, names);

    if (!layout.trajectory_vars.empty() && H5Zfilter_avail(H5Z_FILTER_DEFLATE) <= 0) {
      fail(path, "deflate filter lookup (this HDF5 library has no zlib)");
    }
    // The file tracks and indexes link and attribute creation order, so netCDF readers list
    // variables in the order written; the 1.8 file format keeps it readable by HDF5 1.8+.
    const Handle fcpl = w.plist(H5P_FILE_CREATE, "H5Pcreate(file create)");
    w.check(H5Pset_link_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
            "H5Pset_link_creation_order");
    w.check(H5Pset_attr_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
            "H5Pset_attr_creation_order");
    w.check(H5Pset_obj_track_times(fcpl.get(), false), "H5Pset_obj_track_times");
    const Handle fapl = w.plist(H5P_FILE_ACCESS, "H5Pcreate(file access)");
    w.check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V18, H5F_LIBVER_V18),
            "H5Pset_libver_bounds");
#ifdef BRAINLOAD_MPI
    if (collective) {
      MPI_Comm_rank(MPI_COMM_WORLD, &mpi_rank);
      w.check(H5Pset_fapl_mpio(fapl.get(), MPI_COMM_WORLD, MPI_INFO_NULL), "H5Pset_fapl_mpio");
      dxpl = w.plist(H5P_DATASET_XFER, "H5Pcreate(dataset transfer)");
      w.check(H5Pset_dxpl_mpio(dxpl.get(), H5FD_MPIO_COLLECTIVE), "H5Pset_dxpl_mpio(collective)");
      arm_names = layout.arm_names;
      event_names = layout.event_names;
      event_units = layout.event_units;
    }
#endif
#ifdef BRAINLOAD_MPI
    if (collective) io_detail::guard_collective_writes(path);  // see io/mpi_io_guard.hpp
#endif
    const hid_t created = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get());
    if (created < 0) {
#ifdef BRAINLOAD_MPI
      io_detail::unguard_collective_writes();
#endif
      const std::string cause = hdf5_cause(hdf5_error_detail());
      throw OutputError(
          fmt::format("cannot create HDF5 file '{}': creating the file (H5Fcreate) "
                      "failed{}{}",
                      path.string(), cause.empty() ? "" : ": ", cause));
    }
    file = Handle(created, H5Fclose);
    try {
      create_layout(layout);
    } catch (...) {
      abandon();
      throw;
    }
  }

  void create_layout(const RunOutput& out) {
    const std::string root = "the file";
    w.string_attr(file.get(), "Conventions", "CF-1.8", root);
    w.string_attr(file.get(), "title",
                  fmt::format("brainload simulation of scenario '{}'", out.scenario_name), root);
    w.string_attr(file.get(), "source", "brainload", root);
    w.string_attr(file.get(), "model_version", out.model_version, root);
    w.string_attr(file.get(), "scenario_name", out.scenario_name, root);
    w.string_attr(file.get(), "command", out.command, root);
    w.string_attr(file.get(), "history", out.command, root);
    w.uint64_attr(file.get(), "seed", out.seed, root);
    w.string_attr(file.get(), "scenario", out.scenario_text, root);
    w.string_attr(file.get(), "parameters_overridden", overrides_json(out.parameters_overridden),
                  root);

    // Dimension scales (coordinate variables), in dimension order.
    {
      scales[dim::agent] = create_dataset(w, file.get(), "agent", H5T_STD_I64LE, {len[dim::agent]},
                                          per_agent_storage(len, false));
      std::vector<std::int64_t> ids(
          static_cast<std::size_t>(std::min<hsize_t>(len[dim::agent], kAgentChunk)));
      for (hsize_t first = 0; first < len[dim::agent]; first += ids.size()) {
        const hsize_t rows = std::min<hsize_t>(ids.size(), len[dim::agent] - first);
        for (hsize_t i = 0; i < rows; ++i) ids[i] = static_cast<std::int64_t>(first + i);
        put_rows(scales[dim::agent].get(), H5T_NATIVE_INT64, ids.data(), first,
                 mpi_rank == 0 ? rows : 0, 1, 1, "agent");
      }
    }
    {
      const Handle type = w.vlen_string_type();
      std::vector<const char*> names;
      for (const auto& a : out.arm_names) names.push_back(a.c_str());
      scales[dim::arm] = create_dataset(w, file.get(), "arm", type.get(), {len[dim::arm]}, {});
      if (!collective) {
        write_all(w, scales[dim::arm].get(), type.get(), names.data(), names.size(), "arm");
      }
    }
    const auto coordinate = [&](Dim d, const std::vector<double>& values) {
      scales[d] = create_dataset(w, file.get(), kDimNames[d], H5T_IEEE_F64LE, {len[d]}, {});
      put_all(scales[d].get(), H5T_NATIVE_DOUBLE, values.data(), values.size(), kDimNames[d]);
    };
    const bool events = len[dim::event] > 0;  // no event dimension when the scenario has none
    if (events) {
      const Handle type = w.vlen_string_type();
      std::vector<const char*> names;
      for (const auto& e : out.event_names) names.push_back(e.c_str());
      scales[dim::event] =
          create_dataset(w, file.get(), "event", type.get(), {len[dim::event]}, {});
      if (!collective) {
        write_all(w, scales[dim::event].get(), type.get(), names.data(), names.size(), "event");
      }
    }
    coordinate(dim::assess_day, out.assess_days);
    coordinate(dim::time, out.time_days);
    coordinate(dim::quantile, out.quantiles);

    constexpr std::array<std::pair<const char*, const char*>, dim::count> kScaleAttrs = {{
        {"1", "agent index"},
        {"1", "trial arm"},
        {"days", "assessment day (days since scenario start)"},
        {"days", "time since scenario start"},
        {"1", "quantile of the arm's population"},
        {"1", "measurement or test event, by name (scenario events)"},
    }};
    for (std::size_t d = 0; d < dim::count; ++d) {
      if (scales[d].get() < 0) continue;
      const std::string owner = fmt::format("dimension '{}'", kDimNames[d]);
      w.check(H5DSset_scale(scales[d].get(), kDimNames[d]), "H5DSset_scale of " + owner);
      w.string_attr(scales[d].get(), "units", kScaleAttrs[d].first, owner);
      w.string_attr(scales[d].get(), "long_name", kScaleAttrs[d].second, owner);
    }

    const auto declare = [&](const auto& list, std::vector<Dim> dims, const Storage& storage,
                             bool is_int, std::vector<Var>& into) {
      for (const auto& v : list) {
        std::vector<hsize_t> shape;
        shape.reserve(dims.size());
        for (Dim d : dims) shape.push_back(len[d]);
        Handle ds = create_dataset(w, file.get(), v.name, is_int ? H5T_STD_I64LE : H5T_IEEE_F64LE,
                                   shape, storage);
        const std::string owner = fmt::format("variable '{}'", v.name);
        for (std::size_t axis = 0; axis < dims.size(); ++axis) {
          w.check(H5DSattach_scale(ds.get(), scales[dims[axis]].get(), static_cast<unsigned>(axis)),
                  fmt::format("H5DSattach_scale of '{}' to axis {} of {}", kDimNames[dims[axis]],
                              axis, owner));
        }
        w.string_attr(ds.get(), "units", v.units, owner);
        w.string_attr(ds.get(), "long_name", v.long_name, owner);
        into.push_back(Var{v.name, dims, is_int, std::move(ds)});
      }
    };
    declare(out.agent_vars, {dim::agent}, per_agent_storage(len, false), false, streamed);
    declare(out.agent_int_vars, {dim::agent}, per_agent_storage(len, false), true, streamed);
    declare(out.outcome_vars, {dim::agent, dim::assess_day}, per_agent_storage(len, true), false,
            streamed);
    if (events) {
      declare(out.event_vars, {dim::agent, dim::event}, event_storage(len), false, streamed);
      // The unit of each event's values (they differ by event: SD, mmol/L, ...).
      const Handle type = w.vlen_string_type();
      Handle units = create_dataset(w, file.get(), "event_unit", type.get(), {len[dim::event]}, {});
      w.check(H5DSattach_scale(units.get(), scales[dim::event].get(), 0),
              "H5DSattach_scale of 'event' to 'event_unit'");
      w.string_attr(units.get(), "long_name", "unit of each event's values",
                    "variable 'event_unit'");
      if (!collective) {
        std::vector<const char*> texts;
        for (const auto& u : out.event_units) texts.push_back(u.c_str());
        write_all(w, units.get(), type.get(), texts.data(), texts.size(), "event_unit");
      }
    }
    declare(out.quantile_vars, {dim::arm, dim::time, dim::quantile}, Storage{}, false, quantiles);
    first_trajectory = streamed.size();
    declare(out.trajectory_vars, {dim::agent, dim::time}, trajectory_storage(len), false, streamed);
    trajectory_chunk_rows = trajectory_storage(len).chunk[0];
  }

  [[nodiscard]] hsize_t row_len(const Var& v) const {
    return v.dims.size() == 2 ? len[v.dims[1]] : 1;
  }

  // Rows [first, first + rows) of a dataset whose first axis is `agent`. In collective mode
  // every rank calls this, a rank with no rows selecting none.
  void put_rows(hid_t ds, hid_t memtype, const void* data, hsize_t first, hsize_t rows,
                hsize_t row_len, int rank, const std::string& name) const {
    if (!collective) {
      write_rows(w, ds, memtype, data, first, rows, row_len, rank, name);
      return;
    }
    if (row_len == 0) return;  // the same on every rank
    const Handle file_space = w.own(H5Dget_space(ds), H5Sclose, "H5Dget_space of '" + name + "'");
    Handle mem_space;
    if (rows > 0) {
      const std::array<hsize_t, 2> start{first, 0};
      const std::array<hsize_t, 2> count{rows, row_len};
      w.check(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, start.data(), nullptr,
                                  count.data(), nullptr),
              fmt::format("H5Sselect_hyperslab of '{}'", name));
      mem_space = w.simple_space(
          rank == 1 ? std::vector<hsize_t>{rows} : std::vector<hsize_t>{rows, row_len}, name);
    } else {
      mem_space = select_none(file_space.get(), name);
    }
    const double unused = 0.0;
    w.check(H5Dwrite(ds, memtype, mem_space.get(), file_space.get(), dxpl.get(),
                     rows > 0 ? data : &unused),
            fmt::format("H5Dwrite (collective) of rows {}..{} of '{}'", first, first + rows, name));
  }

  // A whole dataset of `size` values. In collective mode every rank calls this; rank 0 writes
  // and the others select none (their `data` is not read).
  void put_all(hid_t ds, hid_t memtype, const void* data, std::size_t size,
               const std::string& name) const {
    if (!collective) {
      write_all(w, ds, memtype, data, size, name);
      return;
    }
    if (size == 0) return;  // the same on every rank
    if (mpi_rank == 0) {
      w.check(H5Dwrite(ds, memtype, H5S_ALL, H5S_ALL, dxpl.get(), data),
              fmt::format("H5Dwrite (collective) of '{}'", name));
      return;
    }
    const Handle file_space = w.own(H5Dget_space(ds), H5Sclose, "H5Dget_space of '" + name + "'");
    const Handle mem_space = select_none(file_space.get(), name);
    const double unused = 0.0;
    w.check(H5Dwrite(ds, memtype, mem_space.get(), file_space.get(), dxpl.get(), &unused),
            fmt::format("H5Dwrite (collective, empty) of '{}'", name));
  }

  // Selects nothing in `file_space` and returns a memory space that selects nothing.
  [[nodiscard]] Handle select_none(hid_t file_space, const std::string& name) const {
    w.check(H5Sselect_none(file_space), fmt::format("H5Sselect_none of '{}'", name));
    Handle mem_space = w.simple_space({1}, name);
    w.check(H5Sselect_none(mem_space.get()), fmt::format("H5Sselect_none of '{}'", name));
    return mem_space;
  }

  template <class T>
  void check_block_var(const Var& v, const std::vector<T>& data, hsize_t rows) const {
    const hsize_t expected = rows * row_len(v);
    if (data.size() != expected) {
      throw OutputError(fmt::format(
          "cannot write HDF5 file '{}': variable '{}' has {} values, expected {} ({} agents)",
          path.string(), v.name, data.size(), expected, rows));
    }
  }

  template <class T>
  void write_block_var(const Var& v, const std::vector<T>& data, hsize_t first, hsize_t rows) {
    put_rows(v.ds.get(), v.is_int ? H5T_NATIVE_INT64 : H5T_NATIVE_DOUBLE, data.data(), first, rows,
             row_len(v), static_cast<int>(v.dims.size()), v.name);
  }

  void write_agents(std::int64_t first_agent, std::int64_t count, const RunOutput& block) {
    if (first_agent < 0 || count < 0 ||
        static_cast<hsize_t>(first_agent) + static_cast<hsize_t>(count) > len[dim::agent]) {
      throw OutputError(fmt::format("cannot write HDF5 file '{}': agents {}..{} outside 0..{}",
                                    path.string(), first_agent, first_agent + count,
                                    len[dim::agent]));
    }
    const std::size_t expected_vars = block.agent_vars.size() + block.agent_int_vars.size() +
                                      block.outcome_vars.size() + block.event_vars.size() +
                                      block.trajectory_vars.size();
    if (expected_vars != streamed.size()) {
      throw OutputError(
          fmt::format("cannot write HDF5 file '{}': a block has {} variables, the "
                      "layout {}",
                      path.string(), expected_vars, streamed.size()));
    }
    const auto first = static_cast<hsize_t>(first_agent);
    const auto rows = static_cast<hsize_t>(count);
    // Every size is checked before the first write (in collective mode the other ranks would
    // otherwise wait in a write this rank never makes).
    std::size_t k = 0;
    for (const auto& v : block.agent_vars) check_block_var(streamed[k++], v.data, rows);
    for (const auto& v : block.agent_int_vars) check_block_var(streamed[k++], v.data, rows);
    for (const auto& v : block.outcome_vars) check_block_var(streamed[k++], v.data, rows);
    for (const auto& v : block.event_vars) check_block_var(streamed[k++], v.data, rows);
    for (const auto& v : block.trajectory_vars) check_block_var(streamed[k++], v.data, rows);
    if (collective && rows > 0 && pending_rows > 0 && first != pending_first + pending_rows) {
      throw OutputError(fmt::format(
          "cannot write HDF5 file '{}': agents {}..{} do not follow agent {} (in collective mode "
          "each rank's agents arrive in order)",
          path.string(), first, first + rows, pending_first + pending_rows));
    }
    k = 0;
    for (const auto& v : block.agent_vars) write_block_var(streamed[k++], v.data, first, rows);
    for (const auto& v : block.agent_int_vars) write_block_var(streamed[k++], v.data, first, rows);
    for (const auto& v : block.outcome_vars) write_block_var(streamed[k++], v.data, first, rows);
    for (const auto& v : block.event_vars) write_block_var(streamed[k++], v.data, first, rows);
    if (!collective) {
      for (const auto& v : block.trajectory_vars)
        write_block_var(streamed[k++], v.data, first, rows);
      return;
    }
    if (block.trajectory_vars.empty()) return;
    if (pending_rows == 0) pending_first = first;
    for (const auto& v : block.trajectory_vars) {
      auto& pending = streamed[k++].pending;
      pending.insert(pending.end(), v.data.begin(), v.data.end());
    }
    pending_rows += rows;
    write_pending(false);
  }

  // Collective mode: writes the pending trajectory rows up to the last whole chunk (all of them
  // if `all`). Every rank calls this equally often: one collective write per variable.
  void write_pending(bool all) {
    const hsize_t end = pending_first + pending_rows;
    const hsize_t upto =
        all ? end : std::max(pending_first, end / trajectory_chunk_rows * trajectory_chunk_rows);
    const hsize_t rows = upto - pending_first;
    for (std::size_t k = first_trajectory; k < streamed.size(); ++k) {
      Var& v = streamed[k];
      put_rows(v.ds.get(), H5T_NATIVE_DOUBLE, v.pending.data(), pending_first, rows, row_len(v), 2,
               v.name);
      v.pending.erase(v.pending.begin(),
                      v.pending.begin() + static_cast<std::ptrdiff_t>(rows * row_len(v)));
    }
    pending_first = upto;
    pending_rows -= rows;
  }

  void finish(const std::vector<OutputVariable>& data, const std::string& summary) {
    // In collective mode only rank 0 brings the data.
    const bool has_data = !collective || mpi_rank == 0;
    if (has_data && data.size() != quantiles.size()) {
      throw OutputError(
          fmt::format("cannot write HDF5 file '{}': {} quantile variables, the "
                      "layout has {}",
                      path.string(), data.size(), quantiles.size()));
    }
    const hsize_t expected = len[dim::arm] * len[dim::time] * len[dim::quantile];
    for (std::size_t k = 0; has_data && k < data.size(); ++k) {
      if (data[k].data.size() != expected) {
        throw OutputError(fmt::format(
            "cannot write HDF5 file '{}': variable '{}' has {} values, expected {} (arm={} x "
            "time={} x quantile={})",
            path.string(), quantiles[k].name, data[k].data.size(), expected, len[dim::arm],
            len[dim::time], len[dim::quantile]));
      }
    }
    if (collective) write_pending(true);
    for (std::size_t k = 0; k < quantiles.size(); ++k) {
      put_all(quantiles[k].ds.get(), H5T_NATIVE_DOUBLE, has_data ? data[k].data.data() : nullptr,
              expected, quantiles[k].name);
    }
    if (!collective && !summary.empty()) w.string_attr(file.get(), "summary", summary, "the file");
    summary_text = summary;
    // Closing a dataset writes its cached chunks: on a full disk, this is where it fails.
    for (auto* list : {&streamed, &quantiles}) {
      for (Var& v : *list) {
        if (!v.ds.close()) fail(path, fmt::format("closing '{}' (H5Dclose)", v.name));
      }
      list->clear();
    }
    for (std::size_t d = 0; d < scales.size(); ++d) {
      if (!scales[d].close()) fail(path, fmt::format("closing '{}' (H5Dclose)", kDimNames[d]));
    }
    if (!file.close()) fail(path, "closing the file (H5Fclose)");
    collective_done = true;
#ifdef BRAINLOAD_MPI
    io_detail::unguard_collective_writes();
#endif
    if (collective && mpi_rank == 0) write_arm_names();
    finished = true;
  }

  // Collective mode, rank 0, after the collective close: the vlen-string `arm` coordinate,
  // through the default (POSIX) driver.
  void write_arm_names() {
    file = w.own(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose,
                 "reopening the file on rank 0 (H5Fopen)");
    const Handle ds =
        w.own(H5Dopen2(file.get(), "arm", H5P_DEFAULT), H5Dclose, "H5Dopen2 of 'arm'");
    const Handle type = w.vlen_string_type();
    std::vector<const char*> names;
    for (const auto& a : arm_names) names.push_back(a.c_str());
    write_all(w, ds.get(), type.get(), names.data(), names.size(), "arm");
    if (!summary_text.empty()) w.string_attr(file.get(), "summary", summary_text, "the file");
    if (!event_names.empty()) {
      for (const auto& [dataset, texts] :
           {std::pair{"event", &event_names}, std::pair{"event_unit", &event_units}}) {
        const Handle eds = w.own(H5Dopen2(file.get(), dataset, H5P_DEFAULT), H5Dclose,
                                 fmt::format("H5Dopen2 of '{}'", dataset));
        std::vector<const char*> c;
        for (const auto& e : *texts) c.push_back(e.c_str());
        write_all(w, eds.get(), type.get(), c.data(), c.size(), dataset);
      }
    }
    if (!file.close()) fail(path, "closing the file (H5Fclose)");
  }

  void abandon() {
    streamed.clear();
    quantiles.clear();
    for (auto& s : scales) s.close();
    file.close();
    if (collective && mpi_rank != 0) return;  // rank 0 removes the shared file
    std::error_code ec;
    fs::remove(path, ec);  // never leave a partial file behind
  }

  // Collective mode: a failure inside the collective calls leaves the other ranks waiting in
  // them, so no rank can close the file any more; ends the job.
  [[noreturn]] void abort_job(const char* what) const {
#ifdef BRAINLOAD_MPI
    std::fprintf(stderr, "error: rank %d: %s\n", mpi_rank, what);
    std::fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, 74);  // EX_IOERR: a write inside the collective calls failed
#endif
    (void)what;
    std::abort();
  }
};

RunFileWriter::RunFileWriter(const fs::path& path, const RunOutput& layout)
    : impl_(new Impl(path, layout)) {}

#ifdef BRAINLOAD_MPI
RunFileWriter::RunFileWriter(const fs::path& path, const RunOutput& layout, Collective)
    : impl_(new Impl(path, layout, true)) {}
#endif

RunFileWriter::~RunFileWriter() {
  if (!impl_->finished) impl_->abandon();
  delete impl_;
}

void RunFileWriter::write_agents(std::int64_t first, std::int64_t count, const RunOutput& block) {
  try {
    impl_->write_agents(first, count, block);
  } catch (const std::exception& e) {
    if (impl_->collective) impl_->abort_job(e.what());
    impl_->abandon();
    impl_->finished = true;  // nothing left to close
    throw;
  } catch (...) {
    impl_->abandon();
    impl_->finished = true;  // nothing left to close
    throw;
  }
}

void RunFileWriter::finish(const std::vector<OutputVariable>& quantile_vars,
                           const std::string& summary) {
  try {
    impl_->finish(quantile_vars, summary);
  } catch (const std::exception& e) {
    if (impl_->collective && !impl_->collective_done) impl_->abort_job(e.what());
    impl_->abandon();
    impl_->finished = true;
    throw;
  } catch (...) {
    impl_->abandon();
    impl_->finished = true;
    throw;
  }
}

void write_run_hdf5(const fs::path& path, const RunOutput& output) {
  // Check every size before the file exists, so a malformed request leaves nothing behind.
  std::array<hsize_t, dim::count> len{};
  len[dim::agent] = static_cast<hsize_t>(std::max<std::int64_t>(output.agents, 0));
  len[dim::arm] = output.arm_names.size();
  len[dim::assess_day] = output.assess_days.size();
  len[dim::time] = output.time_days.size();
  len[dim::quantile] = output.quantiles.size();
  len[dim::event] = output.event_names.size();
  std::vector<VarSpec> vars;
  const auto add = [&vars](const auto& list, std::vector<Dim> dims) {
    for (const auto& v : list) {
      vars.push_back(
          VarSpec{&v.name, &v.units, &v.long_name, v.data.data(), v.data.size(), false, dims, {}});
    }
  };
  add(output.agent_vars, {dim::agent});
  add(output.agent_int_vars, {dim::agent});
  add(output.outcome_vars, {dim::agent, dim::assess_day});
  add(output.event_vars, {dim::agent, dim::event});
  add(output.quantile_vars, {dim::arm, dim::time, dim::quantile});
  add(output.trajectory_vars, {dim::agent, dim::time});
  validate(path, vars, len);

  RunOutput layout = output;
  for (auto& v : layout.quantile_vars) v.data.clear();
  RunFileWriter writer(path, layout);
  writer.write_agents(0, output.agents, output);
  writer.finish(output.quantile_vars);
}

}  // namespace brainload
