#include "brainload/validation/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

#include "brainload/error.hpp"
#include "brainload/observables.hpp"
#include "brainload/validation/report.hpp"

namespace brainload::validation {

namespace {

[[noreturn]] void bad_report(const std::filesystem::path& file, int line, int column,
                             std::string field, std::string message) {
  std::vector<Diagnostic> d;
  d.push_back({SourceLocation{file.string(), line, column}, std::move(field), std::move(message)});
  throw ScenarioError(std::move(d));
}

// Line and column (1-based) of a byte offset, for a JSON syntax error.
std::pair<int, int> line_and_column(const std::string& text, std::size_t offset) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < std::min(offset, text.size()); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

std::string verdict(bool pass, bool wrong_reason) {
  if (!pass) return "miss";
  return wrong_reason ? "pass (wrong reason)" : "pass";
}

std::string value_text(double v) { return std::isfinite(v) ? format_number(v) : "none"; }

std::string count_text(int passed, int total) {
  return total == 0 ? std::string("-") : fmt::format("{} / {}", passed, total);
}

bool changed(const PathwayHeldOut& p) {
  return p.before_passed != p.after_passed || p.before_total != p.after_total;
}

std::string headline(const Comparison& c) {
  const std::size_t before = static_cast<std::size_t>(c.common) + c.removed.size();
  const std::size_t after = static_cast<std::size_t>(c.common) + c.added.size();
  return fmt::format(
      "compared with {}: {} → {} targets ({} added, {} removed); {} status change{}; {} of {} "
      "common values changed",
      c.earlier, before, after, c.added.size(), c.removed.size(), c.status_changes.size(),
      c.status_changes.size() == 1 ? "" : "s", c.values_changed, c.common);
}

std::string largest_text(const Comparison& c) {
  if (c.values_changed == 0) return "No simulated value changed";
  if (c.largest_change_id.empty()) return "A simulated value appeared or vanished";
  return fmt::format("Largest relative change: {} {} → {} ({:.2g})", c.largest_change_id,
                     value_text(c.largest_before), value_text(c.largest_after),
                     c.largest_relative_change);
}

// The three cells every listing of a status change shows: role, status and values, each as
// "before → after" where it changed.
struct ChangeCells {
  std::string role;
  std::string status;
  std::string values;
};

ChangeCells cells(const StatusChange& s) {
  return {s.role_before == s.role_after ? s.role_after : s.role_before + " → " + s.role_after,
          verdict(s.pass_before, s.wrong_reason_before) + " → " +
              verdict(s.pass_after, s.wrong_reason_after),
          value_text(s.before) + " → " + value_text(s.after)};
}

// How the added, removed and changed targets are written: plain text or Markdown. Each format
// takes the arguments named in its comment.
struct ListStyle {
  const char* added_title;
  const char* removed_title;
  const char* list_title;   // {title}
  const char* record_row;   // {id} {role} {status} {value}
  const char* change_head;  // no arguments
  const char* change_row;   // {id} {role} {status} {values}
};

std::string target_lists(const Comparison& c, const ListStyle& style) {
  std::string out;
  const auto list = [&](const char* title, const std::vector<TargetRecord>& records) {
    if (records.empty()) return;
    out += fmt::format(fmt::runtime(style.list_title), title);
    for (const TargetRecord& r : records) {
      out += fmt::format(fmt::runtime(style.record_row), r.id, r.role,
                         verdict(r.pass, r.wrong_reason), value_text(r.simulated));
    }
  };
  list(style.added_title, c.added);
  list(style.removed_title, c.removed);
  if (!c.status_changes.empty()) {
    out += style.change_head;
    for (const StatusChange& s : c.status_changes) {
      const ChangeCells x = cells(s);
      out += fmt::format(fmt::runtime(style.change_row), s.id, x.role, x.status, x.values);
    }
  }
  return out;
}

}  // namespace

EarlierReport read_report(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw MissingInputError(fmt::format(
        "cannot read earlier report '{}' (--compare takes the report.json of an earlier "
        "`brainload validate`)",
        file.string()));
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const auto [line, column] = line_and_column(text, e.byte > 0 ? e.byte - 1 : 0);
    bad_report(file, line, column, "", "not valid JSON (a report.json of `brainload validate`)");
  }
  if (!j.is_object() || !j.contains("targets") || !j["targets"].is_array()) {
    bad_report(file, 0, 0, "targets",
               "missing or not an array: not a report.json of `brainload validate`");
  }
  std::vector<TargetRecord> records;
  const nlohmann::json& targets = j["targets"];
  for (std::size_t i = 0; i < targets.size(); ++i) {
    const nlohmann::json& row = targets[i];
    const auto field = [&](const char* name) { return fmt::format("targets[{}].{}", i, name); };
    if (!row.is_object()) bad_report(file, 0, 0, fmt::format("targets[{}]", i), "not an object");
    const auto text_of = [&](const char* name) {
      if (!row.contains(name) || !row[name].is_string()) {
        bad_report(file, 0, 0, field(name), "missing or not a string");
      }
      return row[name].get<std::string>();
    };
    TargetRecord r;
    r.id = text_of("id");
    r.pathway = text_of("pathway");
    r.role = text_of("role");
    // Reports from before the layer field have none: compare_reports fills it in by id.
    if (row.contains("layer")) r.layer = text_of("layer");
    if (!row.contains("pass") || !row["pass"].is_boolean()) {
      bad_report(file, 0, 0, field("pass"), "missing or not true/false");
    }
    r.pass = row["pass"].get<bool>();
    // Reports from before the wrong-reason rule have no such field: no pass was flagged then.
    if (row.contains("wrong_reason")) {
      if (!row["wrong_reason"].is_boolean()) {
        bad_report(file, 0, 0, field("wrong_reason"), "not true/false");
      }
      r.wrong_reason = row["wrong_reason"].get<bool>();
    }
    if (!row.contains("simulated") ||
        !(row["simulated"].is_number() || row["simulated"].is_null())) {
      bad_report(file, 0, 0, field("simulated"), "missing or not a number or null");
    }
    r.simulated = row["simulated"].is_null() ? std::numeric_limits<double>::quiet_NaN()
                                             : row["simulated"].get<double>();
    records.push_back(std::move(r));
  }
  EarlierReport report{std::move(records), {}};
  // Reports from before `validate --set` have no such field: the shipped model.
  if (j.contains("parameter_overrides")) {
    const nlohmann::json& o = j["parameter_overrides"];
    if (!o.is_object()) bad_report(file, 0, 0, "parameter_overrides", "not an object of numbers");
    for (const auto& [name, value] : o.items()) {
      if (!value.is_number()) {
        bad_report(file, 0, 0, "parameter_overrides." + name, "not a number");
      }
      report.parameter_overrides.emplace_back(name, value.get<double>());
    }
  }
  return report;
}

std::vector<TargetRecord> read_report_targets(const std::filesystem::path& file) {
  return read_report(file).targets;
}

std::string target_layer(const Target& t) {
  const std::string observable = t.graded_observable();
  for (const ObservableInfo& o : acute_observables()) {
    if (o.name == observable) return "acute";
  }
  return "chronic";
}

std::vector<TargetRecord> target_records(const Catalogue& c, const SuiteResult& r) {
  std::vector<TargetRecord> records;
  records.reserve(c.targets.size());
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    const bool pass = res.status == Status::pass;
    TargetRecord rec;
    rec.id = t.id;
    rec.pathway = t.pathway;
    rec.role = std::string(role_name(t.role));
    rec.layer = target_layer(t);
    rec.pass = pass;
    rec.wrong_reason = pass && !t.wrong_reason.empty();
    rec.simulated = res.simulated;
    records.push_back(std::move(rec));
  }
  return records;
}

Comparison compare_reports(const std::vector<TargetRecord>& before,
                           const std::vector<TargetRecord>& after, const std::string& earlier) {
  Comparison c;
  c.earlier = earlier;
  std::map<std::string, const TargetRecord*> before_by_id;
  std::map<std::string, const TargetRecord*> after_by_id;
  for (const TargetRecord& r : before) before_by_id.emplace(r.id, &r);
  for (const TargetRecord& r : after) after_by_id.emplace(r.id, &r);

  for (const TargetRecord& r : before) {
    if (!after_by_id.contains(r.id)) c.removed.push_back(r);
  }
  for (const TargetRecord& a : after) {
    const auto it = before_by_id.find(a.id);
    if (it == before_by_id.end()) {
      c.added.push_back(a);
      continue;
    }
    const TargetRecord& b = *it->second;
    ++c.common;
    if (b.pass != a.pass || b.wrong_reason != a.wrong_reason || b.role != a.role) {
      c.status_changes.push_back({a.id, b.role, a.role, b.pass, a.pass, b.wrong_reason,
                                  a.wrong_reason, b.simulated, a.simulated});
    }
    const bool fb = std::isfinite(b.simulated);
    const bool fa = std::isfinite(a.simulated);
    if (fb != fa) {
      ++c.values_changed;
    } else if (fb && b.simulated != a.simulated) {
      ++c.values_changed;
      const double scale = std::max(std::fabs(a.simulated), std::fabs(b.simulated));
      const double rel = std::fabs(a.simulated - b.simulated) / scale;
      if (rel > c.largest_relative_change || c.largest_change_id.empty()) {
        c.largest_relative_change = rel;
        c.largest_change_id = a.id;
        c.largest_before = b.simulated;
        c.largest_after = a.simulated;
      }
    }
  }

  std::map<std::string, PathwayHeldOut> by_pathway;
  c.acute.pathway = "acute";
  c.chronic.pathway = "chronic";
  c.all.pathway = "all";
  const auto count = [&](const std::vector<TargetRecord>& records, bool after_side) {
    for (const TargetRecord& r : records) {
      if (r.role != "held_out") continue;
      std::string layer = r.layer;
      if (layer.empty()) {
        const auto now = after_by_id.find(r.id);
        if (now != after_by_id.end()) layer = now->second->layer;
      }
      PathwayHeldOut* side = layer == "acute"     ? &c.acute
                             : layer == "chronic" ? &c.chronic
                                                  : nullptr;
      for (PathwayHeldOut* q : {&by_pathway[r.pathway], side, &c.all}) {
        if (q == nullptr) continue;
        ++(after_side ? q->after_total : q->before_total);
        if (r.held_out_pass()) ++(after_side ? q->after_passed : q->before_passed);
      }
    }
  };
  count(before, false);
  count(after, true);
  for (auto& [name, p] : by_pathway) {
    p.pathway = name;
    c.held_out.push_back(p);
  }
  return c;
}

namespace {

// "parameter overrides: earlier none → now a=1, b=2" when either run had any; "" otherwise.
std::string overrides_line(const Comparison& c) {
  if (c.overrides_before.empty() && c.overrides_after.empty()) return "";
  const auto list = [](const std::vector<std::pair<std::string, double>>& o) {
    return o.empty() ? std::string("none (the model as shipped)") : overrides_text(o);
  };
  return fmt::format("parameter overrides: earlier {} → now {}", list(c.overrides_before),
                     list(c.overrides_after));
}

}  // namespace

std::string comparison_text(const Comparison& c) {
  std::string out = headline(c) + "\n";
  if (const std::string line = overrides_line(c); !line.empty()) out += line + "\n";
  out += "held-out passes by pathway (earlier → now; * changed):\n";
  std::size_t width = 3;
  for (const PathwayHeldOut& p : c.held_out) width = std::max(width, p.pathway.size());
  const auto row = [&](const PathwayHeldOut& p) {
    return fmt::format("  {} {:<{}}  {:>9}  →  {}\n", changed(p) ? '*' : ' ', p.pathway, width,
                       count_text(p.before_passed, p.before_total),
                       count_text(p.after_passed, p.after_total));
  };
  for (const PathwayHeldOut& p : c.held_out) out += row(p);
  out += row(c.acute);
  out += row(c.chronic);
  out += row(c.all);
  out += target_lists(c, {"added", "removed", "{}:\n", "  {}  {}  {}  {}\n", "status changes:\n",
                          "  {}  {}  {}  {}\n"});
  out += largest_text(c) + "\n";
  return out;
}

std::string comparison_markdown(const Comparison& c) {
  std::string md = "\n## Compared with an earlier report\n\n";
  md += "`" + headline(c) + "`\n\n";
  if (const std::string line = overrides_line(c); !line.empty()) md += "`" + line + "`\n\n";
  md +=
      "Held-out passes (sound passes; a pass for the wrong reason is not counted) by "
      "pathway:\n\n| pathway | earlier | now |\n|---|---|---|\n";
  const auto row = [&](const PathwayHeldOut& p, bool bold) {
    const std::string name = bold ? "**" + p.pathway + "**" : p.pathway;
    md += fmt::format("| {}{} | {} | {} |\n", name, changed(p) ? " (changed)" : "",
                      count_text(p.before_passed, p.before_total),
                      count_text(p.after_passed, p.after_total));
  };
  for (const PathwayHeldOut& p : c.held_out) row(p, false);
  row(c.acute, true);
  row(c.chronic, true);
  row(c.all, true);
  md += target_lists(
      c, {"Added", "Removed", "\n{}:\n\n", "- `{}` ({}): {}, {}\n",
          "\nStatus changes:\n\n| target | role | status | simulated |\n|---|---|---|---|\n",
          "| `{}` | {} | {} | {} |\n"});
  md += "\n" + largest_text(c) + ".\n";
  return md;
}

}  // namespace brainload::validation
