#include "brainload/validation/credibility.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "brainload/observables.hpp"

namespace brainload::validation {

std::string_view grade_name(Grade g) {
  switch (g) {
    case Grade::a:
      return "A";
    case Grade::b:
      return "B";
    case Grade::c:
      return "C";
    case Grade::untested:
      return "untested";
  }
  return "?";
}

bool band_contains_null(const Target& t) {
  const auto null = null_value(t);
  if (!null) return false;
  const Band b = tolerance_band(t);
  return b.lo <= *null && *null <= b.hi;
}

std::vector<Credibility> grade_observables(const Catalogue& c, const std::vector<bool>& passed) {
  std::vector<Credibility> out;
  for (const auto& o : acute_observables()) out.push_back({std::string(o.name), true});
  for (const auto& o : chronic_observables()) out.push_back({std::string(o.name), false});
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const std::string name = t.graded_observable();
    auto it = std::ranges::find_if(out, [&](const Credibility& g) { return g.observable == name; });
    if (it == out.end()) continue;
    if (!t.held_out()) {
      ++it->calibration;
      continue;
    }
    if (band_contains_null(t)) {
      ++it->null_band;
      continue;
    }
    const bool measured = t.evidence == Evidence::data || t.evidence == Evidence::meta_analysis;
    const bool pass = i < passed.size() && passed[i] && t.wrong_reason.empty();
    ++it->held_out;
    it->measured += measured ? 1 : 0;
    it->passed += pass ? 1 : 0;
    it->measured_passed += pass && measured ? 1 : 0;
  }
  for (Credibility& g : out) {
    if (g.held_out == 0) {
      g.grade = Grade::untested;
    } else if (g.measured >= 3 && g.passed == g.held_out) {
      g.grade = Grade::a;
    } else if (g.measured_passed >= 1 && 2 * g.passed >= g.held_out) {
      g.grade = Grade::b;
    } else {
      g.grade = Grade::c;
    }
  }
  return out;
}

std::vector<Credibility> grade_observables(const Catalogue& c) {
  std::vector<bool> passed;
  passed.reserve(c.targets.size());
  for (const Target& t : c.targets) passed.push_back(t.known_miss.empty());
  return grade_observables(c, passed);
}

std::map<std::string, std::string> shipped_grades() {
  std::vector<std::string> candidates{"validation/catalogue.toml"};
#if defined(BRAINLOAD_CATALOGUE_FROM_BIN) && defined(BRAINLOAD_CATALOGUE_FROM_MODULE)
  // An installed copy, found from the file this code was loaded from: the executable in
  // <prefix>/bin, or the Python module in <prefix>/lib/python3.X/dist-packages/brainload.
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&shipped_grades), &info) != 0 && info.dli_fname != nullptr) {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::canonical(info.dli_fname, ec);
    if (!ec) {
      for (const char* rel : {BRAINLOAD_CATALOGUE_FROM_BIN, BRAINLOAD_CATALOGUE_FROM_MODULE}) {
        candidates.push_back((self.parent_path() / rel).lexically_normal().string());
      }
    }
  }
#endif
#ifdef BRAINLOAD_CATALOGUE_PATH
  candidates.emplace_back(BRAINLOAD_CATALOGUE_PATH);  // the source tree, for a build tree's copy
#endif
  std::map<std::string, std::string> grades;
  for (const std::string& path : candidates) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    try {
      for (const Credibility& g : grade_observables(load_catalogue(path))) {
        grades.emplace(g.observable, std::string(grade_name(g.grade)));
      }
      return grades;
    } catch (const std::exception&) {
      grades.clear();  // an invalid catalogue grades nothing; try the next one
    }
  }
  return grades;
}

}  // namespace brainload::validation
