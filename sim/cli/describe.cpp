#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "brainload/model/exercise.hpp"
#include "brainload/observables.hpp"
#include "brainload/schedule/protocols.hpp"
#include "cli/commands.hpp"

namespace brainload::cli {

namespace {

nlohmann::json describe_json() {
  nlohmann::json j;
  auto list = [](auto infos) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& o : infos) {
      a.push_back({{"name", o.name}, {"unit", o.unit}, {"meaning", o.meaning}});
    }
    return a;
  };
  j["observables"] = {{"acute", list(acute_observables())}, {"chronic", list(chronic_observables())}};
  nlohmann::json protocols = nlohmann::json::array();
  for (const auto& p : builtin_protocols()) {
    protocols.push_back({{"name", p.name},
                         {"description", p.description},
                         {"minutes", protocol_duration_min(p)},
                         {"source", p.source}});
  }
  j["protocols"] = protocols;
  nlohmann::json exercises = nlohmann::json::array();
  for (const auto& e : exercise_catalogue()) {
    exercises.push_back({{"name", e.name},
                         {"muscle_mass_frac", e.muscle_mass_frac},
                         {"compound", e.compound},
                         {"axial_load_bw", e.axial_load_bw},
                         {"note", e.note}});
  }
  j["exercises"] = exercises;
  nlohmann::json impacts = nlohmann::json::array();
  for (const auto& i : impact_catalogue()) {
    impacts.push_back({{"name", i.name},
                       {"peak_force_bw", i.peak_force_bw},
                       {"seconds_per_jump", i.seconds_per_jump},
                       {"vo2max_frac", i.vo2max_frac},
                       {"note", i.note}});
  }
  j["impacts"] = impacts;
  return j;
}

}  // namespace

int run_describe(const DescribeOptions& options) {
  const nlohmann::json j = describe_json();
  if (options.json) {
    std::cout << j.dump(2) << '\n';
    return 0;
  }
  fmt::print("Observables (acute)\n");
  for (const auto& o : acute_observables()) fmt::print("  {:<30} {:<10} {}\n", o.name, o.unit, o.meaning);
  fmt::print("\nObservables (chronic)\n");
  for (const auto& o : chronic_observables()) fmt::print("  {:<30} {:<10} {}\n", o.name, o.unit, o.meaning);
  fmt::print("\nBuilt-in protocols\n");
  for (const auto& p : builtin_protocols()) {
    fmt::print("  {:<18} {:>5.1f} min  {}\n  {:<18}             source: {}\n", p.name,
               protocol_duration_min(p), p.description, "", p.source);
  }
  fmt::print("\nExercises (muscle mass fraction, compound 0-1, axial load at 1RM in body weights)\n");
  for (const auto& e : exercise_catalogue()) {
    fmt::print("  {:<18} {:>5.2f} {:>5.2f} {:>5.1f}  {}\n", e.name, e.muscle_mass_frac, e.compound,
               e.axial_load_bw, e.note);
  }
  fmt::print("\nImpact kinds (peak force in body weights, seconds per jump, VO2max fraction)\n");
  for (const auto& i : impact_catalogue()) {
    fmt::print("  {:<18} {:>5.1f} {:>5.1f} {:>5.2f}  {}\n", i.name, i.peak_force_bw,
               i.seconds_per_jump, i.vo2max_frac, i.note);
  }
  return 0;
}

}  // namespace brainload::cli
