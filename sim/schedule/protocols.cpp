#include "brainload/schedule/protocols.hpp"

#include <algorithm>
#include <vector>

#include "brainload/model/exercise.hpp"

namespace brainload {

namespace {

Intensity vo2(double f) { return {Intensity::Kind::vo2max, f}; }
Intensity hr(double f) { return {Intensity::Kind::hrmax, f}; }
Intensity all_out() { return {Intensity::Kind::all_out, 1.0}; }

BlockSpec lift(const char* exercise, int sets, int reps, double load, double rest_s) {
  return {ResistanceBlock{exercise, sets, reps, load, rest_s, false}, {}};
}
BlockSpec pause(double minutes) { return {RestBlock{minutes}, {}}; }

std::vector<Protocol> make_builtins() {
  std::vector<Protocol> p;
  p.push_back({"wingate",
               "one 30 s all-out cycle sprint",
               "Bar-Or 1987, Sports Med 4:381 (the Wingate anaerobic test)",
               {{IntervalBlock{1, 30.0, all_out(), 0.0, std::nullopt, Modality::cycle}, {}}},
               {}});
  p.push_back({"sprint_6x6s",
               "6 x 6 s all-out sprints, 60 s passive rest",
               "seed 002: 'The Influence of Acute Sprint Interval Training on Cognitive "
               "Performance in Healthy Younger Adults'",
               {{IntervalBlock{6, 6.0, all_out(), 60.0, std::nullopt, Modality::cycle}, {}}},
               {}});
  p.push_back({"hiit_4x4",
               "4 x 4 min at 90 % HRmax, 3 min active rest at 65 % HRmax",
               "Helgerud et al. 2007, Med Sci Sports Exerc 39:665",
               {{IntervalBlock{4, 240.0, hr(0.90), 180.0, hr(0.65), Modality::run}, {}}},
               {}});
  p.push_back({"tabata",
               "8 x 20 s at 170 % VO2max, 10 s rest",
               "Tabata et al. 1996, Med Sci Sports Exerc 28:1327",
               {{IntervalBlock{8, 20.0, vo2(1.70), 10.0, std::nullopt, Modality::cycle}, {}}},
               {}});
  p.push_back({"zone2_45min",
               "45 min steady at 70 % HRmax (below the first lactate threshold)",
               "Seiler 2010, Int J Sports Physiol Perform 5:276 (intensity zones)",
               {{SteadyBlock{45.0, hr(0.70), Modality::cycle}, {}}},
               {}});
  p.push_back({"vo2max_intervals",
               "5 x 3 min at 95 % VO2max, 3 min active rest at 50 % VO2max",
               "Buchheit & Laursen 2013, Sports Med 43:313",
               {{IntervalBlock{5, 180.0, vo2(0.95), 180.0, vo2(0.50), Modality::run}, {}}},
               {}});
  p.push_back({"lisa_hrt",
               "heavy resistance: 3 x 8 at 80 % 1RM of leg press, bench press, row, leg "
               "extension; 2 min between sets and exercises",
               "Bechshoeft et al. 2017, BMJ Open 7:e014541 (LISA protocol: 3 x 6-12 at 70-85 % "
               "1RM, supervised, 3/week)",
               {lift("leg_press", 3, 8, 0.80, 120.0), pause(2.0),
                lift("bench_press", 3, 8, 0.80, 120.0), pause(2.0), lift("row", 3, 8, 0.80, 120.0),
                pause(2.0), lift("leg_extension", 3, 8, 0.80, 120.0)},
               {}});
  p.push_back(
      {"lisa_mit",
       "moderate resistance at home with body weight and bands: 3 x 12 squat, lunge, "
       "row, overhead press at 35-45 % 1RM, 1 min rest",
       "Bechshoeft et al. 2017, BMJ Open 7:e014541 (LISA MIT arm, 3 x 10-15 reps)",
       {lift("squat", 3, 12, 0.40, 60.0), pause(1.0), lift("lunge", 3, 12, 0.35, 60.0), pause(1.0),
        lift("row", 3, 12, 0.40, 60.0), pause(1.0), lift("overhead_press", 3, 12, 0.35, 60.0)},
       {}});
  p.push_back({"jump_training",
               "3 x 10 box jumps, then 3 x 50 rope skips, 1 min rest",
               "Kohrt et al. 2004, Med Sci Sports Exerc 36:1985 (ACSM bone-health stand: "
               "10-20 jumps, several sets)",
               {{ImpactBlock{10, 3, 60.0, "box_jump"}, {}},
                pause(1.0),
                {ImpactBlock{50, 3, 60.0, "jump_rope"}, {}}},
               {}});
  p.push_back({"air_squats_20",
               "an exercise snack: 20 body-weight squats",
               "seed 002 (exercise snacks); Jenkins et al. 2019, Appl Physiol Nutr Metab 44:681",
               {lift("squat", 1, 20, 0.30, 0.0)},
               {}});
  return p;
}

const std::vector<Protocol>& builtins() {
  static const std::vector<Protocol> kProtocols = make_builtins();
  return kProtocols;
}

double seconds_of(const Block& block) {
  struct Visitor {
    double operator()(const SteadyBlock& b) const { return b.minutes * 60.0; }
    double operator()(const IntervalBlock& b) const {
      return b.repeat * b.work_s + (b.repeat - 1) * b.rest_s;
    }
    double operator()(const ResistanceBlock& b) const {
      return b.sets * b.reps * kSecondsPerRep + (b.sets - 1) * b.rest_s;
    }
    double operator()(const ImpactBlock& b) const {
      const ImpactInfo* info = find_impact(b.kind);
      const double per_jump = info != nullptr ? info->seconds_per_jump : 1.0;
      return b.sets * b.jumps * per_jump + (b.sets - 1) * b.rest_s;
    }
    double operator()(const RestBlock& b) const { return b.minutes * 60.0; }
  };
  return std::visit(Visitor{}, block);
}

}  // namespace

std::span<const Protocol> builtin_protocols() { return builtins(); }

const Protocol* find_builtin_protocol(std::string_view name) {
  const auto& all = builtins();
  const auto it = std::ranges::find(all, name, &Protocol::name);
  return it == all.end() ? nullptr : &*it;
}

const Protocol* find_protocol(const Scenario& scenario, std::string_view name) {
  if (const auto it = scenario.protocols.find(std::string(name)); it != scenario.protocols.end()) {
    return &it->second;
  }
  return find_builtin_protocol(name);
}

double protocol_duration_min(const Protocol& protocol) {
  double seconds = 0.0;
  for (const auto& spec : protocol.blocks) seconds += seconds_of(spec.block);
  return seconds / 60.0;
}

}  // namespace brainload
