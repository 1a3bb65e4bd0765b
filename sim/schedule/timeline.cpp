#include "brainload/schedule/timeline.hpp"

#include <algorithm>
#include <cmath>

#include "brainload/schedule/protocols.hpp"
#include "brainload/units.hpp"

namespace brainload {

namespace {

struct TimedPiece {
  double t0, t1;
  Drive drive;
};

bool same_drive(const Drive& a, const Drive& b) {
  return a.work_vo2max_frac == b.work_vo2max_frac &&
         a.muscle_intensity_frac == b.muscle_intensity_frac && a.effort == b.effort &&
         a.muscle_mass_frac == b.muscle_mass_frac && a.compound == b.compound &&
         a.bone_stimulus_per_min == b.bone_stimulus_per_min &&
         a.cognitive_engagement == b.cognitive_engagement && a.exercising == b.exercising &&
         a.awake == b.awake;
}

// Sleep-window boundaries (scenario time) inside [0, end].
void add_sleep_boundaries(const Scenario& s, double end, std::vector<double>& cuts) {
  for (int day = -1; day <= s.days + 1; ++day) {
    for (double clock : {s.sleep_from_min, s.sleep_to_min}) {
      const double t = day * units::kMinutesPerDay + clock - s.start_clock_min;
      if (t > 0.0 && t < end) cuts.push_back(t);
    }
  }
}

}  // namespace

bool is_asleep(const Scenario& s, double t_min) {
  const double c = units::clock_of(t_min, s.start_clock_min);
  if (s.sleep_from_min > s.sleep_to_min) return c >= s.sleep_from_min || c < s.sleep_to_min;
  return c >= s.sleep_from_min && c < s.sleep_to_min;
}

Timeline build_timeline(const Scenario& scenario, const Arm& arm, const Subject& subject,
                        const SessionDriveParams& drive_params, const OsteocalcinParams& bone,
                        const TimelineOptions& options) {
  Timeline tl;
  tl.end_min = scenario_end_min(scenario);
  tl.sessions = expand_sessions(scenario, arm);

  std::vector<TimedPiece> pieces;
  std::vector<std::pair<double, double>> attended;
  std::vector<double> cuts{0.0, tl.end_min};
  for (std::size_t k = 0; k < tl.sessions.size(); ++k) {
    if (options.attend != nullptr && !(*options.attend)[k]) continue;
    const auto& session = tl.sessions[k];
    const Protocol* protocol = find_protocol(scenario, session.protocol);
    if (protocol == nullptr) continue;
    attended.emplace_back(session.t0_min, session.t1_min);
    double t = session.t0_min;
    for (const auto& piece : session_pieces(*protocol, subject, drive_params, bone)) {
      pieces.push_back({t, t + piece.minutes, piece.drive});
      cuts.push_back(t);
      t += piece.minutes;
      cuts.push_back(t);
    }
  }

  std::vector<std::pair<double, double>> learning;
  for (const auto& e : arm.events) {
    const double t = to_scenario_min(scenario, e.day, e.at_min);
    tl.events.push_back({t, e.type, e.minutes, e.where});
    if (e.type == EventType::learn) {
      learning.emplace_back(t, t + e.minutes);
      cuts.push_back(t);
      cuts.push_back(t + e.minutes);
    }
  }
  std::ranges::stable_sort(tl.events, {}, &TimedEvent::t_min);
  add_sleep_boundaries(scenario, tl.end_min, cuts);

  std::ranges::sort(cuts);
  cuts.erase(std::unique(cuts.begin(), cuts.end(),
                         [](double a, double b) { return std::abs(a - b) < 1e-9; }),
             cuts.end());
  std::erase_if(cuts, [&](double c) { return c < 0.0 || c > tl.end_min; });

  std::size_t next_piece = 0;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    const double t0 = cuts[k];
    const double t1 = cuts[k + 1];
    const double mid = 0.5 * (t0 + t1);
    while (next_piece < pieces.size() && pieces[next_piece].t1 <= mid) ++next_piece;
    Drive d;
    const bool in_piece = next_piece < pieces.size() && pieces[next_piece].t0 <= mid;
    if (in_piece) d = pieces[next_piece].drive;
    const bool learning_now = std::ranges::any_of(
        learning, [&](const auto& w) { return w.first <= mid && mid < w.second; });
    if (learning_now) d.cognitive_engagement = 1.0;
    // Within a session (rests included) the person is awake, as while learning.
    const bool in_session = std::ranges::any_of(
        attended, [&](const auto& w) { return w.first <= mid && mid < w.second; });
    d.awake = in_session || learning_now || !is_asleep(scenario, mid);
    if (!tl.segments.empty() && same_drive(tl.segments.back().drive, d)) {
      tl.segments.back().t1_min = t1;
    } else {
      tl.segments.push_back({t0, t1, d});
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
