#include "brainload/io/life_state.hpp"

#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "brainload/error.hpp"
#include "brainload/io/atomic_file.hpp"
#include "io/json_number.hpp"

namespace brainload {

namespace {

constexpr const char* kFormat = "brainload life state";
constexpr int kFormatVersion = 1;

double number_of(const nlohmann::json& j) { return j.is_null() ? std::nan("") : j.get<double>(); }

std::string hex(std::uint64_t x) { return fmt::format("{:016x}", x); }

}  // namespace

void write_life_state(const std::filesystem::path& path, const LifeState& state,
                      const StateProvenance& provenance) {
  nlohmann::json j;
  j["format"] = kFormat;
  j["format_version"] = kFormatVersion;
  j["model_version"] = provenance.model_version;
  j["scenario"] = provenance.scenario;
  j["scenario_fingerprint"] = hex(provenance.scenario_hash);
  j["arm"] = provenance.arm;
  j["parameters_overridden"] = provenance.parameters;
  j["day"] = state.day;
  nlohmann::json chronic = nlohmann::json::object();
  visit_chronic_fields(state.chronic,
                       [&](const char* name, const double& value) { chronic[name] = value; });
  j["chronic"] = chronic;
  j["acute"] = nlohmann::json::array();
  for (const double x : state.acute) j["acute"].push_back(json_number_or_null(x));
  j["acute_valid"] = state.acute_valid;
  j["sessions_done"] = state.sessions_done;
  j["dropped_out"] = state.dropped_out;
  j["dropout_day"] = state.dropout_day;
  j["events"] = nlohmann::json::array();
  for (const EventProgress& e : state.events) {
    nlohmann::json series = nlohmann::json::array();
    for (const auto& [t, v] : e.series) series.push_back({t, json_number_or_null(v)});
    j["events"].push_back({{"finished", e.finished},
                           {"index", e.record.index},
                           {"t_min", e.record.t_min},
                           {"type", event_type_name(e.record.type)},
                           {"value", json_number_or_null(e.record.value)},
                           {"note", e.record.note},
                           {"series", series}});
  }
  AtomicFile file(path);
  write_text_file(file.temp_path(), j.dump(1) + '\n', file.target());
  file.commit();
}

LifeState read_life_state(const std::filesystem::path& path, const StateProvenance& expected) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw MissingInputError(
        fmt::format("cannot read saved state '{}': {}", path.string(),
                    std::filesystem::exists(path, ec) ? "not a regular file" : "no such file"));
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) throw MissingInputError(fmt::format("cannot read saved state '{}'", path.string()));
  const auto bad = [&](const std::string& why) {
    return InputDataError(fmt::format("{}: {}", path.string(), why));
  };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    throw bad(fmt::format("not a saved state (invalid JSON: {})", e.what()));
  }
  try {
    if (!j.is_object() || j.value("format", "") != kFormat) {
      throw bad("not a saved state (written by `brainload trace --save-state`)");
    }
    if (j.at("format_version").get<int>() != kFormatVersion) {
      throw bad(fmt::format("saved-state format {} is not this brainload's ({})",
                            j.at("format_version").get<int>(), kFormatVersion));
    }
    const auto differs = [&](const char* what, const std::string& saved, const std::string& now) {
      if (saved != now) {
        throw bad(
            fmt::format("saved with {} '{}', not '{}'; a state continues only the life it "
                        "was saved from",
                        what, saved, now));
      }
    };
    differs("brainload", j.at("model_version").get<std::string>(), expected.model_version);
    differs("scenario", j.at("scenario").get<std::string>(), expected.scenario);
    differs("arm", j.at("arm").get<std::string>(), expected.arm);
    if (j.at("scenario_fingerprint").get<std::string>() != hex(expected.scenario_hash)) {
      throw bad(
          fmt::format("scenario '{}' has changed since the state was saved (its text "
                      "differs); a state continues only the life it was saved from",
                      expected.scenario));
    }
    const auto saved_parameters =
        j.at("parameters_overridden").get<std::map<std::string, double>>();
    if (saved_parameters != expected.parameters) {
      std::string saved_text;
      std::string now_text;
      for (const auto& [k, v] : saved_parameters) saved_text += fmt::format(" {}={}", k, v);
      for (const auto& [k, v] : expected.parameters) now_text += fmt::format(" {}={}", k, v);
      throw bad(fmt::format("saved with parameters set to{} but now{}",
                            saved_text.empty() ? " their defaults" : saved_text,
                            now_text.empty() ? " their defaults" : now_text));
    }
    LifeState s;
    s.day = j.at("day").get<int>();
    if (s.day < 0) throw bad("day is negative");
    const nlohmann::json& chronic = j.at("chronic");
    visit_chronic_fields(s.chronic, [&](const char* name, double& value) {
      if (!chronic.contains(name)) throw bad(fmt::format("chronic.{} is missing", name));
      value = chronic.at(name).get<double>();
    });
    const nlohmann::json& acute = j.at("acute");
    if (!acute.is_array() || acute.size() != s.acute.size()) {
      throw bad(fmt::format("acute has {} values, the model {}", acute.size(), s.acute.size()));
    }
    for (std::size_t k = 0; k < s.acute.size(); ++k) s.acute[k] = number_of(acute[k]);
    s.acute_valid = j.at("acute_valid").get<bool>();
    s.sessions_done = j.at("sessions_done").get<int>();
    s.dropped_out = j.at("dropped_out").get<bool>();
    s.dropout_day = j.at("dropout_day").get<int>();
    for (const nlohmann::json& e : j.at("events")) {
      EventProgress p;
      p.finished = e.at("finished").get<bool>();
      p.record.index = e.at("index").get<std::size_t>();
      p.record.t_min = e.at("t_min").get<double>();
      const std::string type = e.at("type").get<std::string>();
      bool known = false;
      for (const EventType t :
           {EventType::cognitive_test, EventType::learn, EventType::recall, EventType::measure}) {
        if (type == event_type_name(t)) {
          p.record.type = t;
          known = true;
        }
      }
      if (!known) throw bad(fmt::format("unknown event type '{}'", type));
      p.record.value = number_of(e.at("value"));
      p.record.note = e.at("note").get<std::string>();
      for (const nlohmann::json& pair : e.at("series")) {
        p.series.emplace_back(pair.at(0).get<double>(), number_of(pair.at(1)));
      }
      if (p.finished && p.record.index != s.events.size()) {
        throw bad(fmt::format("event {} records index {}", s.events.size(), p.record.index));
      }
      s.events.push_back(std::move(p));
    }
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw bad(fmt::format("not a complete saved state ({})", e.what()));
  }
}

}  // namespace brainload
