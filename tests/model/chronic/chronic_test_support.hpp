// A subject and a training week shared by the chronic tests (chronic_pathways_test.cpp and the
// per-pathway tests beside it).
#pragma once

#include "brainload/model/chronic/daily_dose.hpp"
#include "brainload/model/chronic_state.hpp"
#include "brainload/model/subject.hpp"

namespace brainload::testing {

inline ChronicState older_adult() {
  Subject s;
  s.age_years = 66.0;
  s.vo2max_ml_kg_min = 28.0;
  return baseline_chronic_state(s);
}

inline DailyDose training_day(int day) {
  DailyDose d;
  if (day % 7 == 0 || day % 7 == 2 || day % 7 == 4) {
    d.training_load = 0.35;
    d.lower_resistance_load = 0.8;
    d.upper_resistance_load = 0.8;
    d.heavy_resistance_load = 0.8;
    d.bdnf_action = 8.0;
    d.vegf = 20.0;
    d.hpa_exercise_drive = 20.0;
    d.sessions = 1;
  }
  return d;
}

}  // namespace brainload::testing
