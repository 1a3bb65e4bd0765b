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
#include "brainload/io/hdf5_output.hpp"

#include <fmt/format.h>
#include <hdf5.h>
#include <hdf5_hl.h>

#include <algorithm>
#include <array>
#include <cstddef>
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

[[noreturn]] void fail(const fs::path& path, std::string_view what) {
  const std::string detail = hdf5_error_detail();
  throw OutputError(fmt::format("cannot write HDF5 file '{}': {} failed{}{}", path.string(), what,
                                detail.empty() ? "" : ": ", detail));
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
    return Handle(id, closer);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

  Handle plist(hid_t cls, std::string_view what) const {
    return own(H5Pcreate(cls), H5Pclose, what);
  }
  Handle scalar_space() const { return own(H5Screate(H5S_SCALAR), H5Sclose, "H5Screate(scalar)"); }
  Handle simple_space(const std::vector<hsize_t>& dims, std::string_view name) const {
    return own(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), H5Sclose,
               fmt::format("H5Screate_simple for '{}'", name));
  }
  // Variable-length UTF-8 string type: read back by h5py/xarray as Python str.
  Handle vlen_string_type() const {
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
    const Handle attr = own(H5Acreate2(obj, name, type.get(), space.get(), H5P_DEFAULT,
                                       H5P_DEFAULT),
                            H5Aclose, "H5Acreate2 of " + what);
    const char* text = value.c_str();
    check(H5Awrite(attr.get(), type.get(), &text), "H5Awrite of " + what);
  }

  void uint64_attr(hid_t obj, const char* name, std::uint64_t value,
                   std::string_view owner) const {
    const Handle space = scalar_space();
    const std::string what = fmt::format("attribute '{}' on {}", name, owner);
    const Handle attr = own(H5Acreate2(obj, name, H5T_STD_U64LE, space.get(), H5P_DEFAULT,
                                       H5P_DEFAULT),
                            H5Aclose, "H5Acreate2 of " + what);
    check(H5Awrite(attr.get(), H5T_NATIVE_UINT64, &value), "H5Awrite of " + what);
  }

 private:
  fs::path path_;
};

// --- layout ------------------------------------------------------------------------------

enum Dim : std::size_t { kAgent, kArm, kAssessDay, kTime, kQuantile, kDimCount };
constexpr std::array<const char*, kDimCount> kDimNames = {"agent", "arm", "assess_day", "time",
                                                          "quantile"};

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

constexpr hsize_t kAgentChunk = 65536;       // per-agent variables
constexpr hsize_t kTrajectoryAgentChunk = 1024;
constexpr hsize_t kTrajectoryTimeChunk = 4096;
constexpr hsize_t kTrajectoryChunkElems = 131072;  // 1 MiB of float64 per chunk at most
constexpr unsigned kDeflateLevel = 4;

std::string dims_text(const std::vector<Dim>& dims, const std::array<hsize_t, kDimCount>& len) {
  std::string out;
  for (Dim d : dims) {
    if (!out.empty()) out += " x ";
    out += fmt::format("{}={}", kDimNames[d], len[d]);
  }
  return out.empty() ? "scalar" : out;
}

// Throws OutputError before anything is written if a name or a size is wrong.
void validate(const fs::path& path, const std::vector<VarSpec>& vars,
              const std::array<hsize_t, kDimCount>& len) {
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
    std::uint64_t expected = 1;
    for (Dim d : v.dims) expected *= len[d];  // each factor fits in memory already
    if (v.size != expected) {
      throw OutputError(fmt::format(
          "cannot write HDF5 file '{}': variable '{}' has {} values, expected {} ({})",
          path.string(), name, v.size, expected, dims_text(v.dims, len)));
    }
  }
}

// Creates one dataset (optionally chunked and compressed), writes `data` and sets units and
// long_name. `memtype`/`filetype` give the element type.
Handle create_dataset(const Writer& w, hid_t file, const std::string& name, hid_t filetype,
                      hid_t memtype, const std::vector<hsize_t>& shape, const Storage& storage,
                      const void* data, std::size_t size) {
  const Handle space = w.simple_space(shape, name);
  const Handle dcpl = w.plist(H5P_DATASET_CREATE, "H5Pcreate(dataset create)");
  // Keep attributes in creation order, as netCDF-4 does.
  w.check(H5Pset_attr_creation_order(dcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
          fmt::format("H5Pset_attr_creation_order for '{}'", name));
  const bool any_zero = std::any_of(shape.begin(), shape.end(), [](hsize_t n) { return n == 0; });
  if (!storage.chunk.empty() && !any_zero) {
    w.check(H5Pset_chunk(dcpl.get(), static_cast<int>(storage.chunk.size()),
                         storage.chunk.data()),
            fmt::format("H5Pset_chunk for '{}'", name));
    if (storage.compress) {
      w.check(H5Pset_shuffle(dcpl.get()), fmt::format("H5Pset_shuffle for '{}'", name));
      w.check(H5Pset_deflate(dcpl.get(), kDeflateLevel),
              fmt::format("H5Pset_deflate for '{}'", name));
    }
  }
  Handle ds = w.own(H5Dcreate2(file, name.c_str(), filetype, space.get(), H5P_DEFAULT,
                               dcpl.get(), H5P_DEFAULT),
                    H5Dclose, fmt::format("H5Dcreate2 of '{}'", name));
  if (size > 0) {
    w.check(H5Dwrite(ds.get(), memtype, H5S_ALL, H5S_ALL, H5P_DEFAULT, data),
            fmt::format("H5Dwrite of '{}'", name));
  }
  return ds;
}

void write_contents(const Writer& w, hid_t file, const RunOutput& out,
                    const std::vector<VarSpec>& vars, const std::array<hsize_t, kDimCount>& len) {
  const std::string root = "the file";
  w.string_attr(file, "Conventions", "CF-1.8", root);
  w.string_attr(file, "title",
                fmt::format("brainload simulation of scenario '{}'", out.scenario_name), root);
  w.string_attr(file, "source", "brainload", root);
  w.string_attr(file, "model_version", out.model_version, root);
  w.string_attr(file, "scenario_name", out.scenario_name, root);
  w.string_attr(file, "command", out.command, root);
  w.string_attr(file, "history", out.command, root);
  w.uint64_attr(file, "seed", out.seed, root);
  w.string_attr(file, "scenario", out.scenario_text, root);

  // Dimension scales (coordinate variables), in dimension order.
  std::array<Handle, kDimCount> scales;
  {
    std::vector<std::int64_t> agent_ids(static_cast<std::size_t>(len[kAgent]));
    for (std::size_t i = 0; i < agent_ids.size(); ++i) agent_ids[i] = static_cast<std::int64_t>(i);
    Storage agent_storage;
    if (len[kAgent] > kAgentChunk) agent_storage.chunk = {kAgentChunk};
    scales[kAgent] = create_dataset(w, file, "agent", H5T_STD_I64LE, H5T_NATIVE_INT64,
                                    {len[kAgent]}, agent_storage, agent_ids.data(),
                                    agent_ids.size());
  }
  {
    const Handle type = w.vlen_string_type();
    std::vector<const char*> names;
    names.reserve(out.arm_names.size());
    for (const auto& a : out.arm_names) names.push_back(a.c_str());
    scales[kArm] = create_dataset(w, file, "arm", type.get(), type.get(), {len[kArm]}, {},
                                  names.data(), names.size());
  }
  scales[kAssessDay] = create_dataset(w, file, "assess_day", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                                      {len[kAssessDay]}, {}, out.assess_days.data(),
                                      out.assess_days.size());
  scales[kTime] = create_dataset(w, file, "time", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                                 {len[kTime]}, {}, out.time_days.data(), out.time_days.size());
  scales[kQuantile] = create_dataset(w, file, "quantile", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                                     {len[kQuantile]}, {}, out.quantiles.data(),
                                     out.quantiles.size());

  constexpr std::array<std::pair<const char*, const char*>, kDimCount> kScaleAttrs = {{
      {"1", "agent index"},
      {"1", "trial arm"},
      {"days", "assessment day (days since scenario start)"},
      {"days", "time since scenario start"},
      {"1", "quantile of the arm's population"},
  }};
  for (std::size_t d = 0; d < kDimCount; ++d) {
    const std::string owner = fmt::format("dimension '{}'", kDimNames[d]);
    w.check(H5DSset_scale(scales[d].get(), kDimNames[d]), "H5DSset_scale of " + owner);
    w.string_attr(scales[d].get(), "units", kScaleAttrs[d].first, owner);
    w.string_attr(scales[d].get(), "long_name", kScaleAttrs[d].second, owner);
  }

  for (const VarSpec& v : vars) {
    std::vector<hsize_t> shape;
    for (Dim d : v.dims) shape.push_back(len[d]);
    const hid_t filetype = v.is_int ? H5T_STD_I64LE : H5T_IEEE_F64LE;
    const hid_t memtype = v.is_int ? H5T_NATIVE_INT64 : H5T_NATIVE_DOUBLE;
    const Handle ds =
        create_dataset(w, file, *v.name, filetype, memtype, shape, v.storage, v.data, v.size);
    const std::string owner = fmt::format("variable '{}'", *v.name);
    for (std::size_t axis = 0; axis < v.dims.size(); ++axis) {
      w.check(H5DSattach_scale(ds.get(), scales[v.dims[axis]].get(),
                               static_cast<unsigned>(axis)),
              fmt::format("H5DSattach_scale of '{}' to axis {} of {}", kDimNames[v.dims[axis]],
                          axis, owner));
    }
    w.string_attr(ds.get(), "units", *v.units, owner);
    w.string_attr(ds.get(), "long_name", *v.long_name, owner);
  }
}

}  // namespace

void write_run_hdf5(const fs::path& path, const RunOutput& output) {
  if (output.agents < 0) {
    throw OutputError(fmt::format("cannot write HDF5 file '{}': negative agent count {}",
                                  path.string(), output.agents));
  }
  std::array<hsize_t, kDimCount> len{};
  len[kAgent] = static_cast<hsize_t>(output.agents);
  len[kArm] = output.arm_names.size();
  len[kAssessDay] = output.assess_days.size();
  len[kTime] = output.time_days.size();
  len[kQuantile] = output.quantiles.size();

  // Storage choices: per-agent variables chunked along `agent` when large; trajectories chunked
  // (agents x time, about 1 MiB at most) and compressed with shuffle + deflate.
  Storage per_agent;
  if (len[kAgent] > kAgentChunk) per_agent.chunk = {kAgentChunk};
  Storage per_agent_day;
  if (len[kAgent] > kAgentChunk) {
    per_agent_day.chunk = {kAgentChunk, std::max<hsize_t>(len[kAssessDay], 1)};
  }
  Storage trajectory;
  {
    const hsize_t t_chunk = std::clamp<hsize_t>(len[kTime], 1, kTrajectoryTimeChunk);
    const hsize_t a_max = std::clamp<hsize_t>(len[kAgent], 1, kTrajectoryAgentChunk);
    const hsize_t a_chunk = std::clamp<hsize_t>(kTrajectoryChunkElems / t_chunk, 1, a_max);
    trajectory.chunk = {a_chunk, t_chunk};
    trajectory.compress = true;
  }

  std::vector<VarSpec> vars;
  const auto add = [&vars](const auto& list, std::vector<Dim> dims, const Storage& storage) {
    for (const auto& v : list) {
      using Elem = typename std::decay_t<decltype(v.data)>::value_type;
      vars.push_back(VarSpec{&v.name, &v.units, &v.long_name, v.data.data(), v.data.size(),
                             std::is_same_v<Elem, std::int64_t>, dims, storage});
    }
  };
  add(output.agent_vars, {kAgent}, per_agent);
  add(output.agent_int_vars, {kAgent}, per_agent);
  add(output.outcome_vars, {kAgent, kAssessDay}, per_agent_day);
  add(output.quantile_vars, {kArm, kTime, kQuantile}, Storage{});
  add(output.trajectory_vars, {kAgent, kTime}, trajectory);
  validate(path, vars, len);

  const QuietHdf5Errors quiet;
  const Writer w(path);
  if (!output.trajectory_vars.empty() && H5Zfilter_avail(H5Z_FILTER_DEFLATE) <= 0) {
    fail(path, "deflate filter lookup (this HDF5 library has no zlib)");
  }

  // The file tracks and indexes link and attribute creation order, so netCDF readers list
  // variables in the order written; the 1.8 file format keeps it readable by HDF5 1.8+.
  const Handle fcpl = w.plist(H5P_FILE_CREATE, "H5Pcreate(file create)");
  w.check(H5Pset_link_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
          "H5Pset_link_creation_order");
  w.check(H5Pset_attr_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
          "H5Pset_attr_creation_order");
  const Handle fapl = w.plist(H5P_FILE_ACCESS, "H5Pcreate(file access)");
  w.check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V18, H5F_LIBVER_V18),
          "H5Pset_libver_bounds");

  Handle file = w.own(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), H5Fclose,
                      "creating the file (H5Fcreate)");
  try {
    write_contents(w, file.get(), output, vars, len);
    if (!file.close()) fail(path, "closing the file (H5Fclose)");
  } catch (...) {
    file.close();
    std::error_code ec;
    fs::remove(path, ec);  // never leave a partial file behind
    throw;
  }
}

}  // namespace brainload
