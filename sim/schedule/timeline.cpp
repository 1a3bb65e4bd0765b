#include "brainload/schedule/timeline.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/units.hpp"

namespace brainload {

namespace {

bool same_drive(const Drive& a, const Drive& b) {
  return a.work_vo2max_frac == b.work_vo2max_frac &&
         a.muscle_intensity_frac == b.muscle_intensity_frac && a.effort == b.effort &&
         a.muscle_mass_frac == b.muscle_mass_frac && a.compound == b.compound &&
         a.bone_stimulus_per_min == b.bone_stimulus_per_min &&
         a.cognitive_engagement == b.cognitive_engagement && a.all_out == b.all_out &&
         a.exercising == b.exercising && a.awake == b.awake && a.wake_clock_min == b.wake_clock_min;
}

// Sleep-window boundaries (scenario time) inside (t0, t1).
void add_sleep_boundaries(const Scenario& s, double t0, double t1, std::vector<double>& cuts) {
  const auto first = static_cast<int>(std::floor(t0 / units::kMinutesPerDay)) - 1;
  const auto last = static_cast<int>(std::floor(t1 / units::kMinutesPerDay)) + 1;
  for (int day = first; day <= last; ++day) {
    for (double clock : {s.sleep_from_min, s.sleep_to_min}) {
      const double t = day * units::kMinutesPerDay + clock - s.start_clock_min;
      if (t > t0 && t < t1) cuts.push_back(t);
    }
  }
}

}  // namespace

bool is_asleep(const Scenario& s, double t_min) {
  const double c = units::clock_of(t_min, s.start_clock_min);
  if (s.sleep_from_min > s.sleep_to_min) return c >= s.sleep_from_min || c < s.sleep_to_min;
  return c >= s.sleep_from_min && c < s.sleep_to_min;
}

Timeline span_timeline(const Scenario& scenario, double t0, double t1,
                       const std::vector<Segment>& pieces, const std::vector<Window>& sessions,
                       const std::vector<Window>& learning) {
  Timeline tl;
  tl.end_min = t1;
  std::vector<double> cuts{t0, t1};
  for (const Segment& p : pieces) {
    cuts.push_back(p.t0_min);
    cuts.push_back(p.t1_min);
  }
  for (const auto& [a, b] : learning) {
    cuts.push_back(a);
    cuts.push_back(b);
  }
  add_sleep_boundaries(scenario, t0, t1, cuts);
  std::ranges::sort(cuts);
  cuts.erase(std::unique(cuts.begin(), cuts.end(),
                         [](double a, double b) { return std::abs(a - b) < 1e-9; }),
             cuts.end());
  std::erase_if(cuts, [&](double c) { return c < t0 || c > t1; });

  const auto inside = [](const std::vector<Window>& windows, double t) {
    return std::ranges::any_of(windows,
                               [&](const Window& w) { return w.first <= t && t < w.second; });
  };
  std::size_t next_piece = 0;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const double a = cuts[k];
    const double b = cuts[k + 1];
    const double mid = 0.5 * (a + b);
    while (next_piece < pieces.size() && pieces[next_piece].t1_min <= mid) ++next_piece;
    Drive d;
    const bool in_piece = next_piece < pieces.size() && pieces[next_piece].t0_min <= mid;
    if (in_piece) d = pieces[next_piece].drive;
    const bool learning_now = inside(learning, mid);
    if (learning_now) d.cognitive_engagement = 1.0;
    // Within a session (rests included) the person is awake, as while learning.
    d.awake = in_piece || inside(sessions, mid) || learning_now || !is_asleep(scenario, mid);
    d.wake_clock_min = scenario.sleep_to_min;
    if (!tl.segments.empty() && same_drive(tl.segments.back().drive, d)) {
      tl.segments.back().t1_min = b;
    } else {
      tl.segments.push_back({a, b, d});
    }
  }
  return tl;
}

std::size_t segment_at(const Timeline& timeline, double t_min) {
  const auto it = std::ranges::upper_bound(timeline.segments, t_min, {}, &Segment::t0_min);
  return it == timeline.segments.begin()
             ? 0
             : static_cast<std::size_t>(it - timeline.segments.begin() - 1);
}

}  // namespace brainload
