#include "brainload/validation/report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>

#include "brainload/error.hpp"
#include "brainload/io/atomic_file.hpp"
#include "brainload/validation/credibility.hpp"

namespace brainload::validation {

namespace {

std::string band_text(const Target& t) {
  const Band b = tolerance_band(t);
  const auto side = [](double v) {
    if (std::isinf(v)) return std::string(v < 0 ? "−∞" : "+∞");
    return format_number(v);
  };
  return fmt::format("[{}, {}]", side(b.lo), side(b.hi));
}

std::string published_text(const Target& t) {
  std::string s = format_number(t.published);
  if (t.low || t.high) {
    const auto side = [](const std::optional<double>& v, bool low) {
      if (!v || std::isinf(*v)) return std::string(low ? "−∞" : "+∞");
      return format_number(*v);
    };
    s += fmt::format(" ({} to {})", side(t.low, true), side(t.high, false));
  }
  return s;
}

std::string error_text(const Target& t, const TargetResult& r) {
  if (std::isnan(r.simulated)) return "–";
  const double e = relative_error(t, r.simulated);
  if (t.published == 0.0) return fmt::format("{:+.3g}", e);
  return fmt::format("{:+.0f} %", 100.0 * e);
}

std::string status_text(const TargetResult& r) {
  if (r.known_miss_now_passes) return "pass*";
  return std::string(status_name(r.status));
}

std::string simulated_text(const TargetResult& r) {
  return std::isnan(r.simulated) ? std::string("–") : format_number(r.simulated);
}

std::string utf8_truncate(const std::string& s, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) return s.substr(0, i) + "…";
      ++chars;
    }
  }
  return s;
}

std::size_t utf8_length(const std::string& s) {
  return static_cast<std::size_t>(std::ranges::count_if(
      s, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string pad(const std::string& s, std::size_t width) {
  const std::size_t n = utf8_length(s);
  return n >= width ? s : s + std::string(width - n, ' ');
}

std::string md_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string calibration_text(const Target& t) {
  switch (t.role) {
    case Role::fitted:
      return t.was_held_out.empty() ? "fitted"
                                    : "fitted (was held out until " + t.was_held_out + ")";
    case Role::derived:
      return "derived";
    case Role::held_out:
      return "held out";
  }
  return "?";
}

// A pass within 10 % of the band's width of one of its edges ("right at a bound", issue 13); for a
// one-sided band, within 10 % of the bound's magnitude.
constexpr double kBoundMargin = 0.10;

std::vector<bool> inside_bands(const SuiteResult& r) {
  std::vector<bool> passed;
  passed.reserve(r.results.size());
  for (const TargetResult& res : r.results) passed.push_back(res.status == Status::pass);
  return passed;
}

bool at_a_bound(const Target& t, const TargetResult& r) {
  if (r.status != Status::pass) return false;
  const Band b = tolerance_band(t);
  if (std::isinf(b.lo) || std::isinf(b.hi)) {
    const double edge = std::isinf(b.lo) ? b.hi : b.lo;
    if (std::isinf(edge)) return false;
    return std::abs(r.simulated - edge) <= kBoundMargin * std::max(std::abs(edge), 1e-9);
  }
  const double margin = kBoundMargin * (b.hi - b.lo);
  return r.simulated - b.lo <= margin || b.hi - r.simulated <= margin;
}

// Remarks on a target's result that a reader must see beside it.
std::string flags_text(const Target& t, const TargetResult& r) {
  std::string f;
  const auto add = [&f](std::string_view s) { f += (f.empty() ? "" : "; ") + std::string(s); };
  if (!t.wrong_reason.empty() && r.status == Status::pass) add("wrong reason: " + t.wrong_reason);
  if (band_contains_null(t)) add("null-value band: a model without the pathway passes too");
  if (at_a_bound(t, r)) add("passes within 10 % of a band edge");
  return f;
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  AtomicFile file(path);
  {
    std::ofstream out(file.temp_path(), std::ios::binary);
    out << text;
    out.close();
    if (!out) throw OutputError(fmt::format("cannot write '{}'", path.string()));
  }
  file.commit();
}

constexpr const char* kOverridesCaveat =
    "These results are not those of the model as shipped: every scenario ran with these values, "
    "over its own [parameters], and the fitted targets were fitted without them.";

}  // namespace

std::string format_number(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  if (v == 0.0) return "0";
  const double a = std::abs(v);
  if (a >= 1e6 || a < 1e-4) return fmt::format("{:.2e}", v);
  const int magnitude = static_cast<int>(std::floor(std::log10(a)));
  const int decimals = std::max(0, 2 - magnitude);
  return fmt::format("{:.{}f}", v, decimals);
}

void print_table(std::ostream& out, const Catalogue& c, const SuiteResult& r) {
  constexpr std::size_t kId = 44, kQuantity = 46, kNum = 10, kPub = 24, kErr = 8, kStatus = 10,
                        kFit = 9, kKind = 14;
  out << pad("target", kId) << ' ' << pad("quantity", kQuantity) << ' ' << pad("simulated", kNum)
      << ' ' << pad("published (range)", kPub) << ' ' << pad("error", kErr) << ' '
      << pad("status", kStatus) << ' ' << pad("role", kFit) << ' ' << pad("evidence", kKind)
      << " source\n";
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    out << pad(utf8_truncate(t.id, kId), kId) << ' '
        << pad(utf8_truncate(t.quantity, kQuantity), kQuantity) << ' '
        << pad(simulated_text(res), kNum) << ' ' << pad(published_text(t), kPub) << ' '
        << pad(error_text(t, res), kErr) << ' ' << pad(status_text(res), kStatus) << ' '
        << pad(utf8_truncate(calibration_text(t), kFit), kFit) << ' '
        << pad(std::string(evidence_name(t.evidence)), kKind) << ' ' << t.source.short_form()
        << '\n';
  }
  bool remarks = false;
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const std::string f = flags_text(c.targets[i], r.results[i]);
    if (f.empty() || r.results[i].status != Status::pass) continue;
    if (!remarks) {
      out << "\npassing, with a remark:\n";
      remarks = true;
    }
    out << "  " << c.targets[i].id << ": " << f << '\n';
  }
  bool header = false;
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    if (res.status == Status::pass && !res.known_miss_now_passes) continue;
    if (!header) {
      out << "\nnot passing, and why:\n";
      header = true;
    }
    std::string why;
    if (res.status == Status::error) {
      why = "error: " + res.message;
    } else if (res.known_miss_now_passes) {
      why = "listed as a known miss but now inside tolerance; remove known_miss";
    } else if (res.status == Status::known_miss) {
      why = "known miss: " + t.known_miss;
    } else {
      why = fmt::format("simulated {} outside {}", simulated_text(res), band_text(t));
    }
    out << "  " << t.id << ": " << why << '\n';
  }
  bool seed_header = false;
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    if (res.replicates.empty() || !seed_dependent(t, res)) continue;
    if (!seed_header) {
      out << "\nstatus depends on the seed (replicates on both sides of the band):\n";
      seed_header = true;
    }
    out << "  " << t.id << " (" << role_name(t.role) << ", " << status_text(res)
        << "): " << replicates_inside(t, res.replicates) << " of " << res.replicates.size()
        << " seeds inside " << band_text(t) << '\n';
  }
}

std::string markdown_report(const Catalogue& c, const SuiteResult& r, const std::string& command,
                            const Comparison* comparison) {
  std::ostringstream md;
  md << "# brainload literature validation\n\n";
  if (!c.title.empty()) md << c.title << "\n\n";
  md << "`" << summary_line(r.summary) << "`\n\n";
  md << "Command: `" << command << "` (catalogue `" << c.file << "`, "
     << fmt::format("{:.1f}", r.seconds) << " s). " << r.summary.fitted
     << " targets were used to fit model parameters (*fitted*) and " << r.summary.derived
     << " follow from a fitted parameter by construction (*derived*); they "
     << "are shown but are not evidence of validity. Only *held out* targets test the model.\n\n";
  if (!r.parameter_overrides.empty()) {
    md << "**Parameter overrides** (`--set`): `" << overrides_text(r.parameter_overrides) << "`. "
       << kOverridesCaveat << "\n\n";
  }
  md << "| evidence | targets | passed | held out | held out passed |\n|---|---|---|---|---|\n";
  for (std::size_t k = 0; k < r.summary.by_kind.size(); ++k) {
    const KindCount& kc = r.summary.by_kind.at(k);
    md << "| " << evidence_name(static_cast<Evidence>(k)) << " | " << kc.targets << " | "
       << kc.passed << " | " << kc.held_out << " | " << kc.held_out_passed << " |\n";
  }
  md << "\n| observable | credibility | held-out (graded) | measured | passed | null-value bands "
        "| fitted or derived |\n|---|---|---|---|---|---|---|\n";
  for (const Credibility& g : grade_observables(c, inside_bands(r))) {
    md << "| `" << g.observable << "` | " << grade_name(g.grade) << " | " << g.held_out << " | "
       << g.measured << " | " << g.passed << " | " << g.null_band << " | " << g.calibration
       << " |\n";
  }
  md << "\n";
  md << "| # | target | pathway | quantity | simulated | published (range) | band | "
        "error | "
        "status | role | evidence | source | remarks |\n";
  md << "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    md << "| " << i + 1 << " | `" << t.id << "` | " << md_escape(t.pathway) << " | "
       << md_escape(t.quantity) << (t.unit.empty() ? "" : " (" + md_escape(t.unit) + ")") << " | "
       << simulated_text(res) << " | " << published_text(t) << " | " << band_text(t) << " | "
       << error_text(t, res) << " | " << (res.status == Status::pass ? "" : "**")
       << status_text(res) << (res.status == Status::pass ? "" : "**") << " | "
       << calibration_text(t) << " | " << evidence_name(t.evidence) << " | "
       << md_escape(t.source.short_form()) << " | " << md_escape(flags_text(t, res)) << " |\n";
  }
  const std::string robustness = robustness_line(c, r);
  if (!robustness.empty()) {
    md << "\n## Seed robustness\n\n`" << robustness
       << "`\n\nEach population target was also run at the next seeds (same agents); pass and "
          "miss are still decided at the catalogue's seed. Targets whose replicates fall on both "
          "sides of the band:\n\n";
    bool listed = false;
    for (std::size_t i = 0; i < c.targets.size(); ++i) {
      const Target& t = c.targets[i];
      const TargetResult& res = r.results[i];
      if (res.replicates.empty() || !seed_dependent(t, res)) continue;
      if (!listed) {
        md << "| target | role | status at its seed | inside the band | replicates | band |\n"
              "|---|---|---|---|---|---|\n";
        listed = true;
      }
      std::string values;
      for (const double v : res.replicates) {
        values += (values.empty() ? "" : ", ") + format_number(v);
      }
      md << "| `" << t.id << "` | " << role_name(t.role) << " | " << status_text(res) << " | "
         << replicates_inside(t, res.replicates) << " of " << res.replicates.size() << " | "
         << values << " | " << band_text(t) << " |\n";
    }
    if (!listed) md << "None.\n";
  }
  if (comparison != nullptr) md << comparison_markdown(*comparison);
  md << "\n## Known misses and failures\n\n";
  bool any = false;
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    if (res.status == Status::pass && !res.known_miss_now_passes) continue;
    any = true;
    md << "- `" << t.id << "` (" << status_text(res) << ", simulated " << simulated_text(res)
       << ", published " << published_text(t) << "): ";
    if (res.status == Status::error) {
      md << "error: " << md_escape(res.message);
    } else if (res.known_miss_now_passes) {
      md << "listed as a known miss but now inside tolerance; the catalogue entry should be "
            "updated";
    } else if (res.status == Status::known_miss) {
      md << md_escape(t.known_miss);
    } else {
      md << "outside the tolerance band " << band_text(t);
    }
    md << "\n";
  }
  if (!any) md << "None.\n";
  md << "\n## Calibration: fitted and derived targets\n\n";
  for (const Target& t : c.targets) {
    if (t.role == Role::held_out) continue;
    md << "- `" << t.id << "`: " << md_escape(t.fitted_parameters) << "\n";
  }
  md << "\n## Targets, tolerances and sources\n\n";
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    md << i + 1 << ". **`" << t.id << "`** — " << md_escape(t.quantity) << ". Reader `"
       << reader_name(t.reader) << "` on `" << t.scenario << "` arm `" << t.arm << "`"
       << (t.vs_arm.empty()
               ? ""
               : fmt::format(" ({} vs arm `{}`)",
                             t.combine == Combine::difference ? "difference" : "ratio", t.vs_arm))
       << (t.pool_arms.empty()
               ? ""
               : fmt::format(", mean with arms `{}`", fmt::join(t.pool_arms, "`, `")))
       << ". Tolerance `" << tolerance_name(t.tolerance) << "` " << band_text(t) << ": "
       << md_escape(t.tolerance_basis) << " Source: " << md_escape(t.source.long_form())
       << (t.note.empty() ? "" : " Note: " + md_escape(t.note)) << "\n";
  }
  return md.str();
}

namespace {

// Simulated over published for a time-course target: an inline SVG, published points with their
// 95 % CI as bars, the simulated curve as a line through its points.
std::string curve_svg(const Target& t, const TargetResult& r) {
  constexpr double kW = 420.0, kH = 220.0, kL = 48.0, kR = 12.0, kT = 12.0, kB = 32.0;
  const std::size_t n = t.curve_t_min.size();
  double y0 = std::ranges::min(t.curve_low), y1 = std::ranges::max(t.curve_high);
  for (const double v : r.curve) {
    if (std::isfinite(v)) {
      y0 = std::min(y0, v);
      y1 = std::max(y1, v);
    }
  }
  if (!(y1 > y0)) y1 = y0 + 1.0;
  const double t0 = t.curve_t_min.front(), t1 = t.curve_t_min.back();
  const auto x = [&](double v) { return kL + (v - t0) / (t1 - t0) * (kW - kL - kR); };
  const auto y = [&](double v) { return kH - kB - (v - y0) / (y1 - y0) * (kH - kT - kB); };
  std::ostringstream o;
  o << fmt::format(R"(<svg width="{}" height="{}" )", kW, kH)
    << R"(role="img" style="background:#fff;border:1px solid #ccc">)";
  o << fmt::format(R"(<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="#888"/>)", kL, kH - kB,
                   kW - kR);
  o << fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#888"/>)", kL, kT, kH - kB);
  o << fmt::format(R"(<text x="{}" y="{}" font-size="10" text-anchor="end">{}</text>)", kL - 4,
                   y(y1) + 4, format_number(y1));
  o << fmt::format(R"(<text x="{}" y="{}" font-size="10" text-anchor="end">{}</text>)", kL - 4,
                   y(y0) + 4, format_number(y0));
  o << fmt::format(R"(<text x="{}" y="{}" font-size="10">{} min</text>)", x(t0), kH - 8,
                   format_number(t0));
  o << fmt::format(R"(<text x="{}" y="{}" font-size="10" text-anchor="end">{} min</text>)", x(t1),
                   kH - 8, format_number(t1));
  for (std::size_t i = 0; i < n; ++i) {
    o << fmt::format(R"(<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" stroke="#333"/>)",
                     x(t.curve_t_min[i]), y(t.curve_low[i]), y(t.curve_high[i]));
    o << fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="3" fill="#333"/>)", x(t.curve_t_min[i]),
                     y(t.curve_values[i]));
  }
  if (r.curve.size() == n) {
    std::string points;
    for (std::size_t i = 0; i < n; ++i) {
      points += fmt::format("{:.1f},{:.1f} ", x(t.curve_t_min[i]), y(r.curve[i]));
    }
    o << R"(<polyline fill="none" stroke="#c0392b" stroke-width="2" points=")" << points
      << R"("/>)";
  }
  o << fmt::format(R"(<text x="{}" y="{}" font-size="10" fill="#c0392b">simulated</text>)", kW - 80,
                   kT + 10);
  o << fmt::format(R"(<text x="{}" y="{}" font-size="10">published ± 95 % CI</text>)", kW - 160,
                   kT + 22);
  o << "</svg>";
  return o.str();
}

const char* row_class(const TargetResult& res) {
  return res.status == Status::pass         ? "pass"
         : res.status == Status::known_miss ? "miss"
         : res.status == Status::fail       ? "fail"
                                            : "error";
}

}  // namespace

std::string html_report(const Catalogue& c, const SuiteResult& r, const std::string& command) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<title>brainload literature validation</title>\n<style>\n"
    << "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}"
    << "table{border-collapse:collapse;font-size:13px;margin-bottom:1em}th,td{border:1px solid "
       "#ccc;padding:3px 6px;vertical-align:top}th{background:#eee}"
    << "tr.pass td.st{background:#d8f0d8}tr.fail td.st,tr.error td.st{background:#f6c6c6}"
    << "tr.miss td.st{background:#fbe7b5}td.num{text-align:right;font-variant-numeric:tabular-nums}"
    << "tr.fitted td.cal{color:#777}code{font-size:12px}.summary{font-size:16px;font-weight:600}"
    << "td.gA{background:#cdeccd}td.gB{background:#e6f3c4}td.gC{background:#fbe7b5}"
    << "td.guntested{background:#eee;color:#777}.flag{color:#a04000}\n"
    << "</style>\n</head>\n<body>\n<h1>brainload literature validation</h1>\n";
  if (!c.title.empty()) h << "<p>" << html_escape(c.title) << "</p>\n";
  h << "<p class=\"summary\">" << html_escape(summary_line(r.summary)) << "</p>\n";
  h << "<p>Command: <code>" << html_escape(command) << "</code> (catalogue <code>"
    << html_escape(c.file) << "</code>, " << fmt::format("{:.1f}", r.seconds) << " s). "
    << r.summary.fitted << " targets were used to fit model parameters (<em>fitted</em>) and "
    << r.summary.derived
    << " follow from a fitted parameter by construction (<em>derived</em>): shown, but not "
       "evidence of validity. Only <em>held out</em> targets test the model. Band rules, roles "
       "and grades: <code>docs/validation.md</code>.</p>\n";
  if (!r.parameter_overrides.empty()) {
    h << "<p class=\"flag\"><strong>Parameter overrides</strong> (<code>--set</code>): "
      << html_escape(overrides_text(r.parameter_overrides)) << ". " << html_escape(kOverridesCaveat)
      << "</p>\n";
  }
  h << "<h2>Passes by evidence kind</h2>\n<table><thead><tr><th>evidence</th><th>targets</th>"
       "<th>passed</th><th>held out</th><th>held out passed</th></tr></thead><tbody>\n";
  for (std::size_t k = 0; k < r.summary.by_kind.size(); ++k) {
    const KindCount& kc = r.summary.by_kind.at(k);
    h << "<tr><td>" << evidence_name(static_cast<Evidence>(k)) << "</td><td class=\"num\">"
      << kc.targets << "</td><td class=\"num\">" << kc.passed << "</td><td class=\"num\">"
      << kc.held_out << "</td><td class=\"num\">" << kc.held_out_passed << "</td></tr>\n";
  }
  h << "</tbody></table>\n";
  h << "<h2>Credibility per observable</h2>\n<table><thead><tr><th>observable</th><th>grade</th>"
       "<th>held-out targets (graded)</th><th>of which measured</th><th>passed</th>"
       "<th>null-value bands (not graded)</th><th>fitted or derived</th></tr></thead><tbody>\n";
  for (const Credibility& g : grade_observables(c, inside_bands(r))) {
    h << "<tr><td><code>" << g.observable << "</code></td><td class=\"g" << grade_name(g.grade)
      << "\">" << grade_name(g.grade) << "</td><td class=\"num\">" << g.held_out
      << "</td><td class=\"num\">" << g.measured << "</td><td class=\"num\">" << g.passed
      << "</td><td class=\"num\">" << g.null_band << "</td><td class=\"num\">" << g.calibration
      << "</td></tr>\n";
  }
  h << "</tbody></table>\n";
  // One section per pathway, its targets together (as Pulse's methodology reports do).
  std::vector<std::string> pathways;
  for (const Target& t : c.targets) {
    if (std::ranges::find(pathways, t.pathway) == pathways.end()) pathways.push_back(t.pathway);
  }
  for (const std::string& pathway : pathways) {
    h << "<h2 id=\"" << html_escape(pathway) << "\">Pathway: " << html_escape(pathway)
      << "</h2>\n<table>\n<thead><tr><th>#</th><th>target</th><th>quantity</th>"
         "<th>simulated</th><th>published (range)</th><th>band</th><th>error</th>"
         "<th>status</th><th>role</th><th>evidence</th><th>source</th><th>remarks</th></tr>"
         "</thead>\n<tbody>\n";
    std::string curves;
    for (std::size_t i = 0; i < c.targets.size(); ++i) {
      const Target& t = c.targets[i];
      if (t.pathway != pathway) continue;
      const TargetResult& res = r.results[i];
      h << R"(<tr class=")" << row_class(res) << (t.fitted() ? " fitted" : "")
        << R"("><td class="num">)" << i + 1 << "</td><td><code>" << html_escape(t.id)
        << "</code></td><td>" << html_escape(t.quantity)
        << (t.unit.empty() ? "" : " (" + html_escape(t.unit) + ")") << "</td><td class=\"num\">"
        << html_escape(simulated_text(res)) << "</td><td class=\"num\">"
        << html_escape(published_text(t)) << "</td><td class=\"num\">" << html_escape(band_text(t))
        << " <small>" << band_rule_name(t.band) << "</small></td><td class=\"num\">"
        << html_escape(error_text(t, res)) << "</td><td class=\"st\">"
        << html_escape(status_text(res)) << "</td><td class=\"cal\">"
        << html_escape(calibration_text(t)) << "</td><td>" << evidence_name(t.evidence)
        << "</td><td>" << html_escape(t.source.short_form()) << "</td><td class=\"flag\">"
        << html_escape(flags_text(t, res)) << "</td></tr>\n";
      if (t.reader == Reader::curve_nrmse) {
        curves += "<figure><figcaption><code>" + html_escape(t.id) +
                  "</code>: " + html_escape(t.quantity) + ". Normalised RMS error " +
                  html_escape(simulated_text(res)) + " (band " + html_escape(band_text(t)) +
                  ").</figcaption>" + curve_svg(t, res) + "</figure>\n";
      }
    }
    h << "</tbody>\n</table>\n" << curves;
  }
  h << "<h2>Known misses and failures</h2>\n<ul>\n";
  bool any = false;
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    if (res.status == Status::pass && !res.known_miss_now_passes) continue;
    any = true;
    std::string why;
    if (res.status == Status::error) {
      why = "error: " + res.message;
    } else if (res.known_miss_now_passes) {
      why =
          "listed as a known miss but now inside tolerance; the catalogue entry should be updated";
    } else if (res.status == Status::known_miss) {
      why = t.known_miss;
    } else {
      why = "outside the tolerance band " + band_text(t);
    }
    h << "<li><code>" << html_escape(t.id) << "</code> (" << html_escape(status_text(res))
      << ", simulated " << html_escape(simulated_text(res)) << ", published "
      << html_escape(published_text(t)) << "): " << html_escape(why) << "</li>\n";
  }
  if (!any) h << "<li>None.</li>\n";
  h << "</ul>\n<h2>Calibration: fitted and derived targets</h2>\n<ul>\n";
  for (const Target& t : c.targets) {
    if (t.role == Role::held_out) continue;
    h << "<li><code>" << html_escape(t.id) << "</code> (" << html_escape(calibration_text(t))
      << "): " << html_escape(t.fitted_parameters) << "</li>\n";
  }
  h << "</ul>\n<h2>Targets, bands and sources</h2>\n<ol>\n";
  for (const Target& t : c.targets) {
    h << "<li><b><code>" << html_escape(t.id) << "</code></b>: " << html_escape(t.quantity)
      << ". Reader <code>" << reader_name(t.reader) << "</code> on <code>"
      << html_escape(t.scenario) << "</code> arm <code>" << html_escape(t.arm) << "</code>";
    if (!t.vs_arm.empty()) h << " vs arm <code>" << html_escape(t.vs_arm) << "</code>";
    for (const std::string& a : t.pool_arms) h << " + arm <code>" << html_escape(a) << "</code>";
    h << ". Band <code>" << band_rule_name(t.band) << "</code> " << html_escape(band_text(t))
      << ": " << html_escape(t.tolerance_basis);
    if (t.widen > 0.0)
      h << " Widened by " << format_number(t.widen) << ": " << html_escape(t.widen_basis);
    h << " <br>Source (" << evidence_name(t.evidence) << "): " << html_escape(t.source.long_form());
    if (!t.note.empty()) h << " <br>Note: " << html_escape(t.note);
    h << "</li>\n";
  }
  h << "</ol>\n</body>\n</html>\n";
  return h.str();
}

namespace {

// `validate --set` values as a JSON object (empty: the model as shipped); a name set twice keeps
// its last value, the one that was run.
nlohmann::json overrides_json(const std::vector<std::pair<std::string, double>>& overrides) {
  nlohmann::json o = nlohmann::json::object();
  for (const auto& [name, value] : overrides) o[name] = value;
  return o;
}

template <class Number>
nlohmann::json comparison_json(const Comparison& c, const Number& number) {
  const auto ids = [](const std::vector<TargetRecord>& records) {
    nlohmann::json a = nlohmann::json::array();
    for (const TargetRecord& r : records) a.push_back(r.id);
    return a;
  };
  nlohmann::json changes = nlohmann::json::array();
  for (const StatusChange& s : c.status_changes) {
    changes.push_back({{"id", s.id},
                       {"role_before", s.role_before},
                       {"role_after", s.role_after},
                       {"pass_before", s.pass_before},
                       {"pass_after", s.pass_after},
                       {"wrong_reason_before", s.wrong_reason_before},
                       {"wrong_reason_after", s.wrong_reason_after},
                       {"simulated_before", number(s.before)},
                       {"simulated_after", number(s.after)}});
  }
  nlohmann::json held_out = nlohmann::json::array();
  const auto pathway = [](const PathwayHeldOut& p) {
    return nlohmann::json{{"pathway", p.pathway},
                          {"before_passed", p.before_passed},
                          {"before_total", p.before_total},
                          {"after_passed", p.after_passed},
                          {"after_total", p.after_total}};
  };
  for (const PathwayHeldOut& p : c.held_out) held_out.push_back(pathway(p));
  held_out.push_back(pathway(c.acute));
  held_out.push_back(pathway(c.chronic));
  held_out.push_back(pathway(c.all));
  // The earlier run's `validate --set` values; this run's are the report's parameter_overrides.
  return {{"earlier", c.earlier},
          {"earlier_parameter_overrides", overrides_json(c.overrides_before)},
          {"added", ids(c.added)},
          {"removed", ids(c.removed)},
          {"status_changes", changes},
          {"common", c.common},
          {"values_changed", c.values_changed},
          {"largest_relative_change", c.largest_relative_change},
          {"largest_change_id", c.largest_change_id},
          {"held_out", held_out}};
}

}  // namespace

std::string json_report(const Catalogue& c, const SuiteResult& r, const Comparison* comparison) {
  nlohmann::json targets = nlohmann::json::array();
  const auto number = [](double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
  };
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    const Band b = tolerance_band(t);
    std::string reason = t.known_miss;
    if (res.status == Status::error) reason = res.message;
    if (res.status == Status::pass && !t.wrong_reason.empty()) reason = t.wrong_reason;
    nlohmann::json row = {
        {"id", t.id},
        {"pathway", t.pathway},
        {"observable", t.graded_observable()},
        {"source", t.source.short_form()},
        {"evidence", evidence_name(t.evidence)},
        {"role", role_name(t.role)},
        {"layer", target_layer(t)},
        {"published", {{"value", t.published}, {"low", number(b.lo)}, {"high", number(b.hi)}}},
        {"simulated", number(res.simulated)},
        {"pass", res.status == Status::pass},
        // A pass the review found to be for the wrong reason: inside its band, not evidence
        // (the summary's held_out_passed leaves it out).
        {"wrong_reason", res.status == Status::pass && !t.wrong_reason.empty()},
        {"known_miss", !t.known_miss.empty()},
        {"reason", reason}};
    if (t.reader == Reader::curve_nrmse) {
      row["curve"] = {{"t_min", t.curve_t_min},
                      {"published", t.curve_values},
                      {"low", t.curve_low},
                      {"high", t.curve_high},
                      {"simulated", res.curve}};
    }
    if (!res.replicates.empty()) {
      nlohmann::json values = nlohmann::json::array();
      for (const double v : res.replicates) values.push_back(number(v));
      row["replicates"] = {{"first_seed", t.seed},
                           {"values", values},
                           {"inside", replicates_inside(t, res.replicates)}};
    }
    targets.push_back(std::move(row));
  }
  nlohmann::json credibility = nlohmann::json::object();
  for (const Credibility& g : grade_observables(c, inside_bands(r))) {
    credibility[g.observable] = grade_name(g.grade);
  }
  const SuiteSummary& s = r.summary;
  nlohmann::json j = {{"targets", targets},
                      {"summary",
                       {{"targets", s.targets},
                        {"held_out", s.held_out},
                        {"held_out_passed", s.held_out_passed},
                        {"fitted", s.fitted},
                        {"derived", s.derived},
                        {"passed", s.passed},
                        {"wrong_reason", s.wrong_reason},
                        {"failed", s.failed},
                        {"known_misses", s.known_misses}}},
                      {"credibility", credibility}};
  j["parameter_overrides"] = overrides_json(r.parameter_overrides);  // always present
  if (comparison != nullptr) j["comparison"] = comparison_json(*comparison, number);
  return j.dump(2) + "\n";
}

void write_reports(const std::filesystem::path& directory, const Catalogue& c, const SuiteResult& r,
                   const std::string& command, const Comparison* comparison) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    throw OutputError(fmt::format("cannot create '{}': {}", directory.string(), ec.message()));
  }
  write_file(directory / "report.md", markdown_report(c, r, command, comparison));
  write_file(directory / "report.html", html_report(c, r, command));
  write_file(directory / "report.json", json_report(c, r, comparison));
}

}  // namespace brainload::validation
