// The browser's view of the engine: parse a scenario, edit it the way the page's controls
// say, and trace the reference individual through one arm. Compiled to WebAssembly by
// web/CMakeLists.txt; binds only to parse_scenario / validate_scenario, trace_reference and
// the observable registry, so the numbers are the ones `brainload trace` prints.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "brainload/error.hpp"
#include "brainload/io/scenario_toml.hpp"
#include "brainload/observables.hpp"
#include "brainload/population/agent.hpp"
#include "brainload/schedule/protocols.hpp"
#include "brainload/schedule/validate.hpp"
#include "brainload/simulation.hpp"

namespace {

using emscripten::val;
using namespace brainload;

// What the page's controls change. The identity edit (the defaults) leaves the scenario as
// written, so an untouched page traces exactly what the CLI traces.
struct Edits {
  double intensity_scale = 1.0;  // × work intensity (fraction of VO2max/HRmax, load_1rm)
  double duration_scale = 1.0;   // × steady minutes and interval work seconds
  int repeats = 0;               // interval repeats / resistance and impact sets; 0: as written
  double rest_scale = 1.0;       // × rest between repeats and sets
  double shift_min = 0.0;        // every session moved by this many minutes
  double second_gap_min = 0.0;   // > 0: a second session this long after the first starts (min)
  int training_status = -1;      // -1: as written; 0 untrained, 1 recreational, 2 trained
  double age_years = 0.0;        // > 0: the individual's age
  int female = -1;               // -1: as written (majority sex); 0 male, 1 female
  double subject_seed = 0.0;     // > 0: a personal subject drawn from the population with this
                                 // seed (VO2max, resting HR, lactate threshold, BDNF, IL-6,
                                 // Val66Met, trainability), at the age and sex above
};

bool changes_protocol(const Edits& e) {
  return e.intensity_scale != 1.0 || e.duration_scale != 1.0 || e.repeats > 0 ||
         e.rest_scale != 1.0;
}

void scale(Intensity& intensity, double factor) {
  if (intensity.kind != Intensity::Kind::all_out) intensity.value *= factor;
}

struct BlockEditor {
  const Edits& e;
  void operator()(SteadyBlock& b) const {
    b.minutes *= e.duration_scale;
    scale(b.intensity, e.intensity_scale);
  }
  void operator()(IntervalBlock& b) const {
    b.work_s *= e.duration_scale;
    b.rest_s *= e.rest_scale;
    scale(b.work, e.intensity_scale);
    if (e.repeats > 0) b.repeat = e.repeats;
  }
  void operator()(ResistanceBlock& b) const {
    b.load_1rm *= e.intensity_scale;
    b.rest_s *= e.rest_scale;
    if (e.repeats > 0) b.sets = e.repeats;
  }
  void operator()(ImpactBlock& b) const {
    b.rest_s *= e.rest_scale;
    if (e.repeats > 0) b.sets = e.repeats;
  }
  void operator()(RestBlock& /*unused*/) const {}
};

// The protocol a session should use after the edits: an edited copy stored in the scenario's
// user protocols under a new name (built-ins live outside the scenario).
std::string edited_protocol(Scenario& s, const std::string& name, const Edits& e) {
  const std::string edited_name = "web_edited_" + name;
  if (s.protocols.contains(edited_name)) return edited_name;
  const Protocol* original = find_protocol(s, name);
  if (original == nullptr) return name;  // validate_scenario reports the unknown name
  Protocol copy = *original;
  copy.name = edited_name;
  for (auto& spec : copy.blocks) std::visit(BlockEditor{e}, spec.block);
  s.protocols[edited_name] = std::move(copy);
  return edited_name;
}

void apply(Scenario& s, const Edits& e) {
  if (e.training_status >= 0 && e.training_status <= 2)
    s.population.training_status = static_cast<TrainingStatus>(e.training_status);
  if (e.age_years > 0.0)
    s.population.age = {AgeDistribution::Kind::uniform, e.age_years, e.age_years};
  if (e.female == 0 || e.female == 1) s.population.female_fraction = e.female == 1 ? 1.0 : 0.0;
  for (auto& arm : s.arms) {
    // A second session this long after the first starts: the arm's own second session of
    // that day is moved there, or the first is repeated there.
    if (e.second_gap_min > 0.0 && !arm.sessions.empty()) {
      const SessionSpec& first = arm.sessions.front();
      if (arm.sessions.size() >= 2 && arm.sessions[1].day == first.day) {
        arm.sessions[1].at_min = first.at_min + e.second_gap_min;
      } else {
        SessionSpec second = first;
        second.at_min += e.second_gap_min;
        arm.sessions.insert(arm.sessions.begin() + 1, second);
      }
    }
    for (auto& session : arm.sessions) {
      session.at_min += e.shift_min;
      if (changes_protocol(e)) session.protocol = edited_protocol(s, session.protocol, e);
    }
    for (auto& weekly : arm.weekly) {
      weekly.at_min += e.shift_min;
      if (changes_protocol(e)) weekly.protocol = edited_protocol(s, weekly.protocol, e);
    }
  }
}

val diagnostics_text(const ScenarioError& error) {
  std::string text;
  for (const auto& d : error.diagnostics()) text += d.format() + "\n";
  return val(text);
}

val session_list(const Scenario& s, const Arm& arm) {
  val list = val::array();
  for (const auto& session : arm.sessions) {
    val item = val::object();
    item.set("day", session.day);
    item.set("at_min", session.at_min);
    item.set("protocol", session.protocol);
    const Protocol* p = find_protocol(s, session.protocol);
    item.set("duration_min", p != nullptr ? protocol_duration_min(*p) : 0.0);
    list.call<void>("push", item);
  }
  return list;
}

// The page holds one parsed scenario at a time.
class Engine {
 public:
  // {ok: true, name, description, days, start_clock_min, arms: [...], questions, answers} or
  // {ok: false, error: "file:line:column: field: message\n..."}.
  val load(const std::string& text, const std::string& file_name) {
    val out = val::object();
    try {
      Scenario s = parse_scenario(text, file_name);
      require_valid(s);
      scenario_ = std::move(s);
    } catch (const ScenarioError& error) {
      out.set("ok", false);
      out.set("error", diagnostics_text(error));
      return out;
    } catch (const std::exception& error) {
      out.set("ok", false);
      out.set("error", std::string(error.what()));
      return out;
    }
    out.set("ok", true);
    out.set("name", scenario_.name);
    out.set("description", scenario_.description);
    out.set("days", scenario_.days);
    out.set("start_clock_min", scenario_.start_clock_min);
    out.set("age_kind", scenario_.population.age.kind == AgeDistribution::Kind::uniform
                            ? std::string("uniform")
                            : std::string("normal"));
    out.set("age_a", scenario_.population.age.a);
    out.set("age_b", scenario_.population.age.b);
    out.set("female_fraction", scenario_.population.female_fraction);
    out.set("training_status", static_cast<int>(scenario_.population.training_status));
    val arms = val::array();
    for (const auto& arm : scenario_.arms) {
      val a = val::object();
      a.set("name", arm.name);
      a.set("sessions", session_list(scenario_, arm));
      a.set("weekly", static_cast<int>(arm.weekly.size()));
      val events = val::array();
      for (const auto& e : arm.events) {
        val item = val::object();
        item.set("day", e.day);
        item.set("at_min", e.at_min);
        item.set("minutes", e.minutes);
        item.set("type", std::string(event_type_name(e.type)));
        events.call<void>("push", item);
      }
      a.set("events", events);
      arms.call<void>("push", a);
    }
    out.set("arms", arms);
    val questions = val::array();
    for (const auto& q : scenario_.teaching_questions) questions.call<void>("push", q);
    val answers = val::array();
    for (const auto& a : scenario_.teaching_answers) answers.call<void>("push", a);
    out.set("questions", questions);
    out.set("answers", answers);
    return out;
  }

  // One arm of the loaded scenario, edited, as columns: {ok, t_min: Float64Array, acute:
  // [Float64Array per acute observable], chronic: [...], events: [...], subject: {...}}.
  // rest = true drops the arm's sessions (the same individual resting: the page's band).
  val trace(int arm_index, const Edits& edits, double every_min, double from_day, double to_day,
            bool rest) const {
    val out = val::object();
    if (arm_index < 0 || static_cast<std::size_t>(arm_index) >= scenario_.arms.size()) {
      out.set("ok", false);
      out.set("error", std::string("no such arm"));
      return out;
    }
    Scenario s = scenario_;
    apply(s, edits);
    Arm& arm = s.arms[static_cast<std::size_t>(arm_index)];
    if (rest) {
      arm.sessions.clear();
      arm.weekly.clear();
    }
    Trace trace;
    try {
      require_valid(s);
      TraceOptions options;
      options.every_min = every_min;
      options.from_day = from_day;
      if (to_day > 0.0) options.to_day = to_day;
      if (edits.subject_seed > 0.0) {
        // The same draw as agent 0 of `brainload run --seed <seed>` on this arm of the edited
        // scenario (whose age and sex the edits have already fixed).
        const AgentTraits drawn = sample_agent(
            s, ModelParams{}, static_cast<std::uint64_t>(edits.subject_seed), 0, arm_index);
        options.subject = drawn.subject;
        options.trainability = drawn.trainability;
      }
      trace = trace_reference(s, arm, options);
    } catch (const ScenarioError& error) {
      out.set("ok", false);
      out.set("error", diagnostics_text(error));
      return out;
    } catch (const std::exception& error) {
      out.set("ok", false);
      out.set("error", std::string(error.what()));
      return out;
    }
    const std::size_t n = trace.rows.size();
    std::vector<double> column(n);
    auto to_js = [&]() {
      return val::global("Float64Array")
          .new_(emscripten::typed_memory_view(column.size(), column.data()))
          .call<val>("slice");
    };
    for (std::size_t r = 0; r < n; ++r) column[r] = trace.rows[r].t_min;
    out.set("t_min", to_js());
    val acute = val::array();
    for (std::size_t k = 0; k < kAcuteObservableCount; ++k) {
      for (std::size_t r = 0; r < n; ++r) column[r] = trace.rows[r].acute[k];
      acute.call<void>("push", to_js());
    }
    val chronic = val::array();
    for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
      for (std::size_t r = 0; r < n; ++r) column[r] = trace.rows[r].chronic[k];
      chronic.call<void>("push", to_js());
    }
    out.set("ok", true);
    out.set("acute", acute);
    out.set("chronic", chronic);
    val events = val::array();
    for (const auto& e : trace.events) {
      val item = val::object();
      const EventSpec& spec = arm.events[e.index];
      item.set("t_min", e.t_min);
      item.set("type", std::string(event_type_name(e.type)));
      item.set("name", spec.name);
      item.set("unit", event_unit(spec));
      item.set("value", e.value);
      events.call<void>("push", item);
    }
    out.set("events", events);
    val subject = val::object();
    subject.set("age_years", trace.subject.age_years);
    subject.set("female", trace.subject.female);
    subject.set("vo2max_ml_kg_min", trace.subject.vo2max_ml_kg_min);
    subject.set("hr_rest_bpm", trace.subject.hr_rest_bpm);
    subject.set("hr_max_bpm", trace.subject.hr_max_bpm);
    out.set("subject", subject);
    out.set("sessions", session_list(s, arm));
    return out;
  }

 private:
  Scenario scenario_;
};

// [{name, unit, meaning, kind: "acute" | "chronic"}] in trace column order.
val observables() {
  val list = val::array();
  auto add = [&](const ObservableInfo& info, const char* kind) {
    val item = val::object();
    item.set("name", std::string(info.name));
    item.set("unit", std::string(info.unit));
    item.set("meaning", std::string(info.meaning));
    item.set("kind", std::string(kind));
    list.call<void>("push", item);
  };
  for (const auto& info : acute_observables()) add(info, "acute");
  for (const auto& info : chronic_observables()) add(info, "chronic");
  return list;
}

}  // namespace

EMSCRIPTEN_BINDINGS(brainload_web) {
  emscripten::value_object<Edits>("Edits")
      .field("intensity_scale", &Edits::intensity_scale)
      .field("duration_scale", &Edits::duration_scale)
      .field("repeats", &Edits::repeats)
      .field("rest_scale", &Edits::rest_scale)
      .field("shift_min", &Edits::shift_min)
      .field("second_gap_min", &Edits::second_gap_min)
      .field("training_status", &Edits::training_status)
      .field("age_years", &Edits::age_years)
      .field("female", &Edits::female)
      .field("subject_seed", &Edits::subject_seed);
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("load", &Engine::load)
      .function("trace", &Engine::trace);
  emscripten::function("observables", &observables);
  emscripten::function(
      "version", +[]() { return std::string(BRAINLOAD_VERSION); });
}
