// `brainload run`. The default build runs the whole population in this process. An MPI build
// (-DBRAINLOAD_MPI=ON) splits it across the ranks of `mpirun -np R brainload run ...`
// (population/distributed.hpp) and writes the same file and summary: rank 0 alone reads the
// output paths, prints and writes the JSON; all ranks write the HDF5 file together; a failure
// or interrupt on any rank makes every rank exit non-zero, and rank 0 reports it.
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <utility>

#include "brainload/error.hpp"
#include "brainload/io/atomic_file.hpp"
#include "brainload/io/checkpoint.hpp"
#include "brainload/io/life_state.hpp"
#include "brainload/io/run_files.hpp"
#include "brainload/io/scenario_toml.hpp"
#ifdef BRAINLOAD_MPI
#include "brainload/population/distributed.hpp"
#endif
#include "brainload/schedule/validate.hpp"
#include "cli/commands.hpp"
#include "cli/jobs.hpp"
#include "cli/parameters.hpp"

namespace brainload::cli {

namespace {

struct RunCliOptions {
  std::string scenario;
  std::string out;
  std::optional<std::int64_t> agents;
  std::uint64_t seed = 1;
  int threads = 0;
  std::string summary_json;
  bool quiet = false;
  bool force = false;
  bool trajectories = false;
  std::vector<std::string> sets;  // --set NAME=VALUE
  std::string command_line;
  std::string checkpoint;  // --checkpoint FILE
  std::string resume;      // --resume FILE
  double checkpoint_every_min = 5.0;
};

std::atomic<bool> g_cancel{false};

extern "C" void on_signal(int /*signal*/) { g_cancel.store(true); }

// Progress bar on standard error: `shown` is the percentage last drawn.
void show_progress(std::int64_t done, std::int64_t agents, int& shown) {
  const int pct = static_cast<int>(100 * done / std::max<std::int64_t>(agents, 1));
  if (pct == shown) return;
  shown = pct;
  fmt::print(stderr, "\r[{:<25}] {:3}% {} / {} agents",
             std::string(static_cast<std::size_t>(pct / 4), '#'), pct, done, agents);
  if (done == agents) fmt::print(stderr, "\n");
}

// The summary with the parameters set away from their defaults.
nlohmann::json summary_with_parameters(nlohmann::json j, const ChosenParameters& chosen) {
  j["parameters_overridden"] = nlohmann::json::object();
  for (const auto& [name, value] : chosen.overridden) j["parameters_overridden"][name] = value;
  return j;
}

// The summary JSON: printed for "-", else written to a temporary file held in `file` until
// commit_outputs() renames it.
template <class Options>  // RunCliOptions or RunJob
void write_summary_json(const Options& options, const nlohmann::json& j,
                        std::optional<AtomicFile>& file) {
  if (options.summary_json == "-") {
    std::cout << j.dump(2) << '\n';
  } else if (!options.summary_json.empty()) {
    file.emplace(options.summary_json);
    write_text_file(file->temp_path(), j.dump(2) + '\n', file->target());
  }
}

// Both outputs reach the disk, then both names appear: a failure at any step leaves neither
// (the HDF5 file is removed again if the summary cannot be renamed after it).
void commit_outputs(AtomicFile& h5, std::optional<AtomicFile>& json) {
  h5.flush();
  if (json) json->flush();
  h5.commit();
  if (!json) return;
  try {
    json->commit();
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(h5.target(), ec);
    throw;
  }
}

// Chronic outcomes mean something over weeks: shown when the scenario lasts this long, or when
// [report] outcomes lists them.
constexpr int kChronicReportMinDays = 28;

std::string shown_value(double mean, double sd, std::int64_t n) {
  if (n == 0) return "—";
  return n > 1 ? fmt::format("{:+.3g} ± {:.2g}", mean, sd) : fmt::format("{:+.3g}", mean);
}

void print_events(const TrialSummary& t) {
  bool any = false;
  for (const ArmSummary& arm : t.arms) any = any || !arm.events.empty();
  if (!any) return;
  fmt::print("\nevents (measured values, mean ± sd over the agents that took them)\n");
  fmt::print("{:<14} {:<28} {:>5} {:>20}  {}\n", "arm", "event", "n", "value", "unit");
  for (const ArmSummary& arm : t.arms) {
    for (const EventStats& e : arm.events) {
      fmt::print("{:<14} {:<28} {:>5} {:>20}  {}\n", arm.name, e.name, e.n,
                 shown_value(e.mean, e.sd, e.n), e.unit);
    }
  }
  if (t.event_contrasts.empty()) return;
  fmt::print("\nevent contrasts against {} (difference of means, SMD, 95 % CI)\n", t.control);
  for (const Contrast& c : t.event_contrasts) {
    fmt::print("{:<14} {:<28} {:+.3g}  SMD {:+.2f}  [{:+.3g}, {:+.3g}]\n", c.arm, c.event,
               c.mean_difference, c.smd, c.ci95_low, c.ci95_high);
  }
}

void print_table(const Scenario& s, const TrialSummary& t) {
  const std::size_t last = t.assess_days.size() - 1;
  const std::array defaults{"strength_1rm_rel",    "vo2max_ml_kg_min",      "bdnf_resting_ng_ml",
                            "brain_age_gap_years", "cognition_composite_z", "executive_function_z",
                            "working_memory_z",    "depression_z"};
  std::vector<std::string> shown;
  if (!s.report_outcomes.empty()) {
    shown = s.report_outcomes;
  } else if (s.days >= kChronicReportMinDays) {
    shown.assign(defaults.begin(), defaults.end());
  }
  fmt::print("\n{} — {} agents\n", s.name, s.population.agents);
  fmt::print("{:<14} {:>5} {:>8} {:>9}", "arm", "n", "dropout", "attended");
  if (!shown.empty()) {
    fmt::print("   change from day {} to day {} (mean ± sd)", t.assess_days.front(),
               t.assess_days[last]);
  }
  fmt::print("\n");
  for (const ArmSummary& arm : t.arms) {
    const double attended = arm.sessions_scheduled > 0
                                ? 100.0 * static_cast<double>(arm.sessions_done) /
                                      static_cast<double>(arm.sessions_scheduled)
                                : 0.0;
    fmt::print("{:<14} {:>5} {:>8} {:>8.0f}%\n", arm.name, arm.n, arm.dropouts, attended);
  }
  if (!shown.empty()) {
    fmt::print("\n{:<14}", "arm");
    for (const std::string& name : shown) fmt::print(" {:>18}", name.substr(0, 18));
    fmt::print("\n");
    for (const ArmSummary& arm : t.arms) {
      fmt::print("{:<14}", arm.name);
      for (const std::string& name : shown) {
        for (std::size_t k = 0; k < kChronicObservableCount; ++k) {
          if (chronic_observables()[k].name == name) {
            const OutcomeStats& o = arm.outcomes[last][k];
            fmt::print(" {:>18}", fmt::format("{:+.2f} ± {:.2f}", o.change_mean, o.change_sd));
          }
        }
      }
      fmt::print("\n");
    }
  } else {
    fmt::print(
        "(chronic outcomes are not shown for a {}-day scenario; list them in [report] "
        "outcomes = [...] to see them)\n",
        s.days);
  }
  print_events(t);
  for (const ArmSummary& arm : t.arms) {
    if (arm.failed > 0) {
      fmt::print(
          "{}: {} agent(s) failed to integrate and are excluded (see failure_code in the "
          "HDF5 file)\n",
          arm.name, arm.failed);
    }
  }
  for (const Correlation& c : t.correlations) {
    if (c.n > 2 && !shown.empty()) {
      fmt::print("{}: across agents, {} change vs {} change to day {}: r = {:+.2f} (n = {})\n",
                 c.arm, c.x, c.y, c.day, c.r, c.n);
    }
  }
}

// The command recorded in the HDF5 file, without the checkpoint options (they do not change what
// is computed), so that a resumed run's file equals that of a run that never stopped.
std::string recorded_command(const std::string& command_line) {
  std::string out;
  std::istringstream words(command_line);
  std::string w;
  bool skip_next = false;
  while (words >> w) {
    if (skip_next) {
      skip_next = false;
      continue;
    }
    if (w == "--checkpoint" || w == "--resume" || w == "--checkpoint-every") {
      skip_next = true;
      continue;
    }
    if (w.starts_with("--checkpoint=") || w.starts_with("--resume=") ||
        w.starts_with("--checkpoint-every=")) {
      continue;
    }
    out += (out.empty() ? "" : " ") + w;
  }
  return out;
}

// A block of the HDF5 layout as checkpoint arrays, and back (the layout is agent_block()'s).
CheckpointBlock checkpoint_block(std::int64_t first, std::int64_t count, const RunOutput& block) {
  CheckpointBlock b{first, count, {}, {}};
  for (const auto* vars :
       {&block.agent_vars, &block.outcome_vars, &block.event_vars, &block.trajectory_vars}) {
    for (const OutputVariable& v : *vars) b.reals.push_back(v.data);
  }
  for (const OutputIntVariable& v : block.agent_int_vars) b.ints.push_back(v.data);
  return b;
}

// `one`: agent_block() of a single agent, whose arrays give each variable's width per agent.
RunOutput block_of(const RunOutput& one, const CheckpointBlock& b,
                   const std::filesystem::path& path) {
  RunOutput o = one;
  std::size_t k = 0;
  const auto malformed = [&] {
    return InputDataError(
        fmt::format("cannot resume from '{}': its block of agents from {} does "
                    "not have this run's variables",
                    path.string(), b.first));
  };
  const auto count = static_cast<std::size_t>(b.count);
  for (auto* vars : {&o.agent_vars, &o.outcome_vars, &o.event_vars, &o.trajectory_vars}) {
    for (OutputVariable& v : *vars) {
      if (k >= b.reals.size() || b.reals[k].size() != count * v.data.size()) throw malformed();
      v.data = b.reals[k++];
    }
  }
  if (k != b.reals.size() || b.ints.size() != o.agent_int_vars.size()) throw malformed();
  for (std::size_t i = 0; i < b.ints.size(); ++i) {
    if (b.ints[i].size() != count * o.agent_int_vars[i].data.size()) throw malformed();
    o.agent_int_vars[i].data = b.ints[i];
  }
  return o;
}

// What the checkpoint of this run records (see CheckpointHeader).
template <class Options>  // RunCliOptions or RunJob
CheckpointHeader checkpoint_header(const Scenario& s, const Options& options, std::int64_t agents,
                                   const RunOptions& run, const ChosenParameters& chosen,
                                   const TrialAccumulator& accumulator,
                                   const std::string& command) {
  return {BRAINLOAD_VERSION,
          s.name,
          text_fingerprint(s.source_text),
          options.seed,
          agents,
          options.trajectories,
          run.block_agents,
          chosen.overridden,
          accumulator.serialize().size(),
          command};
}

#ifndef BRAINLOAD_MPI
}  // namespace

RunResult run_job(Scenario s, const RunJob& job) {
  const ChosenParameters chosen = choose_parameters(s, job.sets);
  if (job.agents) s.population.agents = static_cast<int>(*job.agents);
  const std::filesystem::path& out = job.out;
  require_writable(out);
  if (!job.summary_json.empty() && job.summary_json != "-") require_writable(job.summary_json);

  RunOptions run;
  run.seed = job.seed;
  run.threads = job.threads;
  run.agents = s.population.agents;
  run.cancel = job.cancel;
  const RunPlan plan = make_run_plan(s, run);
  const std::int64_t agents = total_agents(s, run);

  AtomicFile h5(out);
  TrialSummary summary;
  nlohmann::json doc;  // the summary JSON, also the file's `summary` attribute
  // A resumed run records the command that started it, so its file equals a run that never
  // stopped.
  const std::string command =
      job.resume.empty() ? job.command : read_checkpoint_header(job.resume).command;
  const std::string checkpoint = job.resume.empty() ? job.checkpoint : job.resume;
  std::optional<CheckpointLog> log;
  {
    RunOutput layout = run_layout(s, plan, agents, job.seed, command, job.trajectories);
    layout.parameters_overridden = chosen.overridden;
    RunFileWriter writer(h5.temp_path(), layout);
    TrialAccumulator accumulator(s, plan);
    std::int64_t done = 0;
    const CheckpointHeader header =
        checkpoint_header(s, job, agents, run, chosen, accumulator, command);
    if (!job.resume.empty()) {
      // The committed blocks go into the new file exactly as the first run wrote them.
      const RunOutput one = agent_block(s, plan, std::vector<AgentResult>(1), job.trajectories);
      const CheckpointProgress progress =
          read_checkpoint(checkpoint, header, [&](const CheckpointBlock& b) {
            if (b.first + b.count > agents) {
              throw InputDataError(fmt::format("cannot resume from '{}': it holds agents beyond {}",
                                               checkpoint, agents));
            }
            writer.write_agents(b.first, b.count, block_of(one, b, checkpoint));
          });
      accumulator.merge_serialized(progress.accumulator);
      done = progress.agents_done;
      run.first_agent = done;
      log.emplace(checkpoint, progress.committed_bytes);
      if (!job.quiet) {
        fmt::print(stderr, "resuming from '{}': {} of {} agents done\n", checkpoint, done, agents);
      }
    } else if (!checkpoint.empty()) {
      log.emplace(checkpoint, header);
    }
    using Clock = std::chrono::steady_clock;
    const auto every = std::chrono::duration<double, std::ratio<60>>(job.checkpoint_every_min);
    auto last_commit = Clock::now();
    const auto commit = [&] {
      log->commit(done, accumulator.serialize());
      last_commit = Clock::now();
    };
    try {
      if (done < agents) {
        run_population_streaming(
            s, run,
            [&](std::int64_t first, std::vector<AgentResult>& block) {
              for (const AgentResult& a : block) accumulator.add(a);
              const auto n = static_cast<std::int64_t>(block.size());
              const RunOutput rows = agent_block(s, plan, block, job.trajectories);
              writer.write_agents(first, n, rows);
              done += n;
              if (log) {
                log->append_block(checkpoint_block(first, n, rows));
                if (Clock::now() - last_commit >= every) commit();
              }
              if (job.progress) job.progress(done, agents);
            },
            chosen.params);
      }
    } catch (const Cancelled&) {
      // Everything handed to the sink is in the log: keep it.
      if (log) {
        commit();
        fmt::print(stderr,
                   "\ncheckpoint: {} of {} agents saved in '{}'; continue with --resume {}\n", done,
                   agents, checkpoint, checkpoint);
      }
      throw;
    }
    summary = accumulator.summary();
    doc = summary_with_parameters(summary_json(s, job.seed, agents, summary), chosen);
    writer.finish(quantile_variables(s, plan, accumulator.quantiles()), doc.dump());
  }
  if (job.cancel != nullptr && job.cancel->load()) throw Cancelled();
  std::optional<AtomicFile> json;
  write_summary_json(job, doc, json);
  commit_outputs(h5, json);
  if (log) log->remove();  // the run is complete: its checkpoint is no longer needed
  return {std::move(s), std::move(summary), std::move(doc)};
}

namespace {

int run_run(const RunCliOptions& options) {
  Scenario s = load_scenario_file(options.scenario);
  require_valid(s);
  const std::filesystem::path out = options.out.empty()
                                        ? std::filesystem::path("output") / (s.name + ".h5")
                                        : std::filesystem::path(options.out);
  if (options.out.empty()) create_output_directory("output");
  if (std::filesystem::exists(out) && !options.force) {
    throw OutputError(fmt::format("'{}' exists; pass --force to overwrite it", out.string()));
  }
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  RunJob job;
  job.out = out;
  job.agents = options.agents;
  job.seed = options.seed;
  job.threads = options.threads;
  job.trajectories = options.trajectories;
  job.sets = options.sets;
  job.command = recorded_command(options.command_line);
  job.summary_json = options.summary_json;
  job.checkpoint = options.checkpoint;
  job.resume = options.resume;
  job.checkpoint_every_min = options.checkpoint_every_min;
  job.quiet = options.quiet;
  job.cancel = &g_cancel;
  if (::isatty(STDERR_FILENO) != 0 && !options.quiet) {
    job.progress = [shown = -1](std::int64_t done, std::int64_t agents) mutable {
      show_progress(done, agents, shown);
    };
  }
  const RunResult result = run_job(std::move(s), job);
  if (!options.quiet && options.summary_json != "-") {
    print_table(result.scenario, result.summary);
    fmt::print("\nwrote {}\n", out.string());
  }
  return 0;
}
#else
// Rank 0's temporary HDF5 path, removed by the signal handler at once: mpirun forwards Ctrl-C
// as SIGTERM and kills the ranks one second later, possibly before they have cleaned up.
std::array<char, 4096> g_temp_path{};
volatile std::sig_atomic_t g_temp_armed = 0;

extern "C" void on_signal_rank(int /*signal*/) {
  g_cancel.store(true);
  if (g_temp_armed != 0) ::unlink(g_temp_path.data());
}

// The exit code main() gives an error (README), so that the ranks can agree on one; -1 for a
// rank that only stopped because another failed.
int exit_code_of(const std::exception_ptr& error, std::string& message) {
  try {
    std::rethrow_exception(error);
  } catch (const StoppedByOtherRank&) {
    return -1;
  } catch (const Cancelled& e) {
    message = e.what();
    return 130;
  } catch (const ScenarioError& e) {
    message = e.what();
    return 65;
  } catch (const InputDataError& e) {
    message = fmt::format("error: {}", e.what());  // as main() words it
    return 65;
  } catch (const MissingInputError& e) {
    message = e.what();
    return 66;
  } catch (const OutputError& e) {
    message = e.what();
    return 73;
  } catch (const OutputIoError& e) {
    message = e.what();
    return 74;
  } catch (const UsageError& e) {
    message = e.what();
    return 2;
  } catch (const std::exception& e) {
    message = e.what();
    return 70;
  } catch (...) {
    message = "unknown error";
    return 70;
  }
}

// The agreed failure on standard error, as main() words it for that exit code. Rank 0 prints
// it before the ranks part: mpirun ends the whole job as soon as one rank exits non-zero.
void print_failure(const RankFailure& f) {
  const std::string message =
      f.rank == 0 ? f.message : fmt::format("rank {}: {}", f.rank, f.message);
  switch (f.exit_code) {
    case 130:
      fmt::print(stderr, "\ninterrupted: no output written\n");
      break;
    case 65:
      fmt::print(stderr, "{}\n", message);
      break;
    case 70:
      fmt::print(stderr, "internal error: {}\n", message);
      break;
    default:
      fmt::print(stderr, "error: {}\n", message);
      break;
  }
  std::fflush(stderr);
}

// The run split across the ranks of an MPI job. Phases end in a vote, so that a failure on one
// rank stops every rank at the same point instead of leaving them in a collective call.
// The checkpoint of an MPI run (io/checkpoint.hpp): rank 0's main log, one part log per rank.
struct MpiCheckpoint {
  std::filesystem::path path;             // the main log
  std::optional<CheckpointLog> main;      // rank 0
  std::optional<CheckpointLog> part;      // this rank's
  std::vector<CheckpointPart> old_parts;  // a resumed run's committed parts (read only)
  std::int64_t imported = 0;              // agents the resumed checkpoint held
  std::int64_t done_here = 0;             // agents this rank has simulated and appended
  [[nodiscard]] std::string part_name(std::size_t k) const {
    return fmt::format("{}.p{}", path.filename().string(), k);
  }
};

// The text rank 0 broadcasts about a resumed checkpoint: its committed parts and blocks.
std::string index_text(const CheckpointIndex& index) {
  nlohmann::json j = {{"parts", nlohmann::json::array()},
                      {"blocks", nlohmann::json::array()},
                      {"agents_done", index.agents_done}};
  for (const CheckpointPart& p : index.parts) j["parts"].push_back({p.file, p.bytes});
  for (const CheckpointBlockRef& b : index.blocks) {
    j["blocks"].push_back({b.part, b.offset, b.first, b.count});
  }
  return j.dump();
}

CheckpointIndex index_of(const std::string& text) {
  CheckpointIndex index;
  const nlohmann::json j = nlohmann::json::parse(text);
  index.agents_done = j.at("agents_done").get<std::int64_t>();
  for (const auto& p : j.at("parts")) {
    index.parts.push_back({p.at(0).get<std::string>(), p.at(1).get<std::uintmax_t>()});
  }
  for (const auto& b : j.at("blocks")) {
    index.blocks.push_back({b.at(0).get<std::size_t>(), b.at(1).get<std::uintmax_t>(),
                            b.at(2).get<std::int64_t>(), b.at(3).get<std::int64_t>()});
  }
  return index;
}

// The agents [0, agents) not in `blocks` (sorted, disjoint).
std::vector<AgentRange> missing_agents(const std::vector<CheckpointBlockRef>& blocks,
                                       std::int64_t agents) {
  std::vector<AgentRange> out;
  std::int64_t at = 0;
  for (const CheckpointBlockRef& b : blocks) {
    if (b.first > at) out.push_back({at, b.first - at});
    at = b.first + b.count;
  }
  if (at < agents) out.push_back({at, agents - at});
  return out;
}

// Collective: every rank makes its part durable, then rank 0 commits them with the merged
// trial statistics. A failure here ends the job (the others are inside the same calls).
// Returns the agents committed (on rank 0; 0 elsewhere).
std::int64_t commit_checkpoint(const MpiJob& job, MpiCheckpoint& c, const Scenario& s,
                               const RunPlan& plan, const TrialAccumulator& accumulator) {
  try {
    const std::uintmax_t bytes = c.part->sync();
    const std::vector<std::uint64_t> lengths = gather_to_root(job, bytes);
    const std::vector<std::uint64_t> done =
        gather_to_root(job, static_cast<std::uint64_t>(c.done_here));
    TrialAccumulator all(s, plan);
    all.merge_serialized(accumulator.serialize());
    reduce_to_root(job, all);
    if (!job.root()) return 0;
    std::vector<CheckpointPart> parts = c.old_parts;
    std::int64_t total = c.imported;
    for (int r = 0; r < job.size(); ++r) {
      const auto k = static_cast<std::size_t>(r);
      parts.push_back({c.part_name(c.old_parts.size() + k), lengths[k]});
      total += static_cast<std::int64_t>(done[k]);
    }
    c.main->commit(total, all.serialize(), parts);
    return total;
  } catch (const std::exception& e) {
    abort_job(dynamic_cast<const OutputError*>(&e) != nullptr ? 73 : 74,
              fmt::format("rank {}: {}", job.rank(), e.what()));
  }
}

int run_run_mpi(const RunCliOptions& options) {
  const MpiJob job;
  std::exception_ptr error;  // this rank's first failure; later phases are skipped
  const auto attempt = [&error](const auto& step) {
    if (error) return;
    try {
      step();
    } catch (...) {
      error = std::current_exception();
    }
  };

  Scenario s;
  std::filesystem::path out;
  RunOptions run;
  RunPlan plan;
  std::int64_t agents = 0;
  std::optional<AtomicFile> h5;  // rank 0: chooses the temporary path, renames it at the end
  TrialSummary summary;
  ChosenParameters chosen;
  std::string command = recorded_command(options.command_line);
  const bool checkpointing = !options.checkpoint.empty() || !options.resume.empty();
  MpiCheckpoint ckpt;
  ckpt.path = options.resume.empty() ? options.checkpoint : options.resume;
  CheckpointIndex index;  // rank 0: what a resumed checkpoint holds
  attempt([&] {
    s = load_scenario_file(options.scenario);
    require_valid(s);
    chosen = choose_parameters(s, options.sets);
    if (options.agents) s.population.agents = static_cast<int>(*options.agents);
    out = options.out.empty() ? std::filesystem::path("output") / (s.name + ".h5")
                              : std::filesystem::path(options.out);
    std::signal(SIGINT, on_signal_rank);
    std::signal(SIGTERM, on_signal_rank);
    run.seed = options.seed;
    run.threads = options.threads;  // per rank, capped by threads_per_rank
    run.agents = s.population.agents;
    run.cancel = &g_cancel;
    plan = make_run_plan(s, run);
    agents = total_agents(s, run);
    if (!job.root()) return;
    if (options.out.empty()) create_output_directory("output");
    if (std::filesystem::exists(out) && !options.force) {
      throw OutputError(fmt::format("'{}' exists; pass --force to overwrite it", out.string()));
    }
    require_writable(out);
    if (!options.summary_json.empty() && options.summary_json != "-") {
      require_writable(options.summary_json);
    }
    if (!options.resume.empty()) {
      // A resumed run records the command that started it, so its file equals a run that never
      // stopped.
      command = read_checkpoint_header(options.resume).command;
      const TrialAccumulator empty(s, plan);
      index = read_checkpoint_index(
          options.resume, checkpoint_header(s, options, agents, run, chosen, empty, command));
      ckpt.main.emplace(options.resume, index.committed_bytes);
    } else if (checkpointing) {
      const TrialAccumulator empty(s, plan);
      ckpt.main.emplace(options.checkpoint,
                        checkpoint_header(s, options, agents, run, chosen, empty, command));
    }
    h5.emplace(out);
    const std::string temp = h5->temp_path().string();
    if (temp.size() < g_temp_path.size()) {
      std::memcpy(g_temp_path.data(), temp.c_str(), temp.size() + 1);
      g_temp_armed = 1;
    }
  });

  if (!any_rank(job, error != nullptr)) {
    const std::string temp = broadcast_text(job, h5 ? h5->temp_path().string() : "", 0);
    command = broadcast_text(job, command, 0);
    if (!options.resume.empty()) {
      const std::string text = broadcast_text(job, job.root() ? index_text(index) : "", 0);
      attempt([&] {
        const CheckpointIndex shared = index_of(text);
        if (!job.root()) index.parts = shared.parts, index.blocks = shared.blocks;
        index.agents_done = shared.agents_done;
        ckpt.old_parts = index.parts;
        ckpt.imported = index.agents_done;
      });
    }
    if (checkpointing) {
      attempt([&] {
        const std::size_t k = ckpt.old_parts.size() + static_cast<std::size_t>(job.rank());
        // Every rank knows the header: rank 0 has checked it against the checkpoint's.
        const TrialAccumulator empty(s, plan);
        ckpt.part.emplace(CheckpointLog::part(
            ckpt.path.parent_path() / ckpt.part_name(k),
            checkpoint_header(s, options, agents, run, chosen, empty, command), k));
      });
    }
    std::optional<RunFileWriter> writer;
    attempt([&] {
      RunOutput layout = run_layout(s, plan, agents, options.seed, command, options.trajectories);
      layout.parameters_overridden = chosen.overridden;
      writer.emplace(temp, layout, RunFileWriter::Collective{});
    });
    const int without_file = count_ranks(job, !writer);
    if (without_file > 0 && without_file < job.size()) {
      // The others hold the file open and could only close it together with these ranks.
      std::string message = "the output file opened on some ranks only";
      if (error) exit_code_of(error, message);
      abort_job(73, fmt::format("rank {}: {}", job.rank(), message));
    }
    if (without_file == 0 && !any_rank(job, error != nullptr)) {
      TrialAccumulator accumulator(s, plan);
      const bool tty = job.root() && ::isatty(STDERR_FILENO) != 0 && !options.quiet;
      int shown = -1;
      const RunOutput one = agent_block(s, plan, std::vector<AgentResult>(1), options.trajectories);
      const RunOutput nothing = agent_block(s, plan, {}, options.trajectories);
      // A resumed run: the committed blocks go into the new file, rank k taking every R-th.
      const auto size = static_cast<std::size_t>(job.size());
      const std::size_t import_rounds = (index.blocks.size() + size - 1) / size;
      for (std::size_t round = 0; round < import_rounds; ++round) {
        const std::size_t k = round * size + static_cast<std::size_t>(job.rank());
        std::optional<RunOutput> rows;
        std::int64_t first = agents;
        std::int64_t count = 0;
        attempt([&] {
          if (k >= index.blocks.size()) return;
          const CheckpointBlockRef& ref = index.blocks[k];
          const std::filesystem::path file =
              checkpoint_part_path(ckpt.path, index.parts.at(ref.part));
          CheckpointBlock b = read_checkpoint_block(file, ref.offset);
          if (b.first != ref.first || b.count != ref.count) {
            throw InputDataError(
                fmt::format("cannot resume from '{}': its block at byte {} has changed",
                            file.string(), ref.offset));
          }
          rows = block_of(one, b, file);
          first = b.first;
          count = b.count;
        });
        if (any_rank(job, error != nullptr)) break;  // every rank stops at the same round
        writer->write_agents(first, count, rows ? *rows : nothing);
      }
      if (!error && job.root() && !index.accumulator.empty()) {
        accumulator.merge_serialized(index.accumulator);
      }
      if (job.root() && !options.resume.empty() && !options.quiet) {
        fmt::print(stderr, "resuming from '{}': {} of {} agents done\n", ckpt.path.string(),
                   index.agents_done, agents);
      }
      DistributedWork work;
      if (!options.resume.empty()) work.remaining = missing_agents(index.blocks, agents);
      using Clock = std::chrono::steady_clock;
      auto last_commit = Clock::now();
      const auto every =
          std::chrono::duration<double, std::ratio<60>>(options.checkpoint_every_min);
      if (checkpointing) {
        work.checkpoint_due = [&] { return Clock::now() - last_commit >= every; };
      }
      bool resumed_all = !options.resume.empty() && work.remaining.empty();
      if (!any_rank(job, error != nullptr) && !resumed_all) {
        attempt([&] {
          run_population_distributed(
              job, s, run,
              [&](std::int64_t first, std::vector<AgentResult>& block, std::int64_t agents_done,
                  bool checkpoint) {
                for (const AgentResult& a : block) accumulator.add(a);
                const auto n = static_cast<std::int64_t>(block.size());
                const RunOutput rows = agent_block(s, plan, block, options.trajectories);
                writer->write_agents(first, n, rows);
                if (checkpointing && n > 0) {
                  ckpt.part->append_block(checkpoint_block(first, n, rows));
                  ckpt.done_here += n;
                }
                if (checkpoint) {
                  commit_checkpoint(job, ckpt, s, plan, accumulator);
                  last_commit = Clock::now();
                }
                if (tty) show_progress(ckpt.imported + agents_done, agents, shown);
              },
              chosen.params, {}, work);
        });
      }
      // Interrupted on every rank at the same round: what is done is kept in the checkpoint.
      const auto cancelled = [&] {
        if (!error) return false;
        try {
          std::rethrow_exception(error);
        } catch (const Cancelled&) {
          return true;
        } catch (...) {
          return false;
        }
      };
      if (checkpointing && count_ranks(job, cancelled()) == job.size()) {
        const std::int64_t saved = commit_checkpoint(job, ckpt, s, plan, accumulator);
        if (job.root()) {
          fmt::print(stderr,
                     "\ncheckpoint: {} of {} agents saved in '{}'; continue with --resume {}\n",
                     saved, agents, ckpt.path.string(), ckpt.path.string());
        }
      }
      // Every rank leaves the rounds at the same point, failed or not.
      if (!any_rank(job, error != nullptr)) {
        reduce_to_root(job, accumulator);
        std::vector<OutputVariable> quantiles;
        std::string text;  // rank 0's summary JSON, the file's `summary` attribute
        attempt([&] {
          if (!job.root()) return;
          quantiles = quantile_variables(s, plan, accumulator.quantiles());
          summary = accumulator.summary();
          text = summary_with_parameters(summary_json(s, options.seed, agents, summary), chosen)
                     .dump();
        });
        if (!any_rank(job, error != nullptr)) {
          attempt([&] { writer->finish(quantiles, text); });
        }
      }
    }
    writer.reset();  // unless finished, every rank closes the file together
    if (!any_rank(job, error != nullptr) && any_rank(job, g_cancel.load())) {
      error = std::make_exception_ptr(Cancelled());
    }
    if (job.root()) {
      attempt([&] {
        std::optional<AtomicFile> json;
        write_summary_json(
            options,
            summary_with_parameters(summary_json(s, options.seed, agents, summary), chosen), json);
        g_temp_armed = 0;
        commit_outputs(*h5, json);
      });
    }
    // The run is complete: its checkpoint is no longer needed (every part, old and new).
    const bool complete = !any_rank(job, error != nullptr);
    if (complete && checkpointing) {
      ckpt.part->remove();
      if (job.root()) {
        // Its parts, and those of a resumed run killed before its first commit: every
        // <checkpoint>.p<k> beside it.
        const std::string prefix = ckpt.path.filename().string() + ".p";
        const std::filesystem::path dir =
            ckpt.path.has_parent_path() ? ckpt.path.parent_path() : std::filesystem::path(".");
        std::error_code ec;
        std::vector<std::filesystem::path> parts;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
          const std::string name = entry.path().filename().string();
          if (name.size() > prefix.size() && name.starts_with(prefix) &&
              name.find_first_not_of("0123456789", prefix.size()) == std::string::npos) {
            parts.push_back(entry.path());
          }
        }
        for (const auto& part : parts) std::filesystem::remove(part, ec);
        ckpt.main->remove();
      }
    }
  }

  std::string message;
  const int code = error ? exit_code_of(error, message) : 0;
  const std::optional<RankFailure> failure = agree_on_failure(job, code, message);
  if (!failure) {
    if (job.root() && !options.quiet && options.summary_json != "-") {
      print_table(s, summary);
      fmt::print("\nwrote {}\n", out.string());
    }
    return 0;
  }
  if (job.root()) print_failure(*failure);
  (void)any_rank(job, false);  // the others wait until rank 0 has said why
  return failure->exit_code;
}
#endif

}  // namespace

Command add_run_command(CLI::App& app, const std::string& command_line) {
  auto o = std::make_shared<RunCliOptions>();
  o->command_line = command_line;
  CLI::App* cmd =
      app.add_subcommand("run", "simulate the population of every arm, write HDF5 and a summary");
  cmd->add_option("scenario", o->scenario, "scenario file (TOML)")->required();
  cmd->add_option("-o,--out", o->out, "HDF5 output (default output/<scenario-name>.h5)");
  cmd->add_option("--agents", o->agents, "agents in all arms together (default: the scenario's)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100000000}));
  cmd->add_option("--seed", o->seed, "random seed")->default_val(1);
#ifdef BRAINLOAD_MPI
  cmd->add_option("--threads", o->threads,
                  "worker threads per rank (default and maximum: the cores per rank)")
#else
  cmd->add_option("--threads", o->threads,
                  "worker threads (default and maximum: the number of cores)")
#endif
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--summary-json", o->summary_json,
                  "write the summary as JSON to FILE, or - for standard output");
  cmd->add_flag("--quiet", o->quiet, "no progress bar and no table");
  cmd->add_flag("--force", o->force, "overwrite an existing output file");
  add_set_option(*cmd, o->sets);
  cmd->add_flag("--trajectories", o->trajectories,
                "also write per-agent trajectories of every chronic observable (agent x time)");
  auto* checkpoint = cmd->add_option(
      "--checkpoint", o->checkpoint,
      "save the finished agents to FILE as the run goes, so that a killed run can be resumed "
      "with --resume FILE (removed when the run completes)");
  cmd->add_option("--checkpoint-every", o->checkpoint_every_min,
                  "minutes between checkpoint commits (default 5; 0: after every block of agents)")
      ->check(CLI::Range(0.0, 1e6));
  cmd->add_option("--resume", o->resume,
                  "continue the run saved in checkpoint FILE (same scenario, seed, agents, "
                  "--set and --trajectories); the result equals a run that never stopped")
      ->excludes(checkpoint);
#ifdef BRAINLOAD_MPI
  return {cmd, [o] { return run_run_mpi(*o); }};
#else
  return {cmd, [o] { return run_run(*o); }};
#endif
}

}  // namespace brainload::cli
