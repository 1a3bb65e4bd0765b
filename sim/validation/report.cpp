#include "brainload/validation/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <system_error>

#include "brainload/error.hpp"
#include "brainload/io/atomic_file.hpp"

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

std::string calibration_text(const Target& t) { return t.fitted ? "fitted" : "held out"; }

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
                        kFit = 8;
  out << pad("target", kId) << ' ' << pad("quantity", kQuantity) << ' ' << pad("simulated", kNum)
      << ' ' << pad("published (range)", kPub) << ' ' << pad("error", kErr) << ' '
      << pad("status", kStatus) << ' ' << pad("fit", kFit) << " source\n";
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    out << pad(utf8_truncate(t.id, kId), kId) << ' '
        << pad(utf8_truncate(t.quantity, kQuantity), kQuantity) << ' '
        << pad(simulated_text(res), kNum) << ' ' << pad(published_text(t), kPub) << ' '
        << pad(error_text(t, res), kErr) << ' ' << pad(status_text(res), kStatus) << ' '
        << pad(calibration_text(t), kFit) << ' ' << t.source.short_form() << '\n';
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
}

std::string markdown_report(const Catalogue& c, const SuiteResult& r, const std::string& command) {
  std::ostringstream md;
  md << "# brainload literature validation\n\n";
  if (!c.title.empty()) md << c.title << "\n\n";
  md << "`" << summary_line(r.summary) << "`\n\n";
  md << "Command: `" << command << "` (catalogue `" << c.file << "`, "
     << fmt::format("{:.1f}", r.seconds) << " s). " << r.summary.fitted
     << " targets were used to fit model parameters (*fitted*); they "
     << "are shown but are not evidence of validity. Only *held out* targets test the model.\n\n";
  md << "| # | target | pathway | quantity | simulated | published (range) | tolerance band | "
        "error | "
        "status | calibration | source |\n";
  md << "|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    md << "| " << i + 1 << " | `" << t.id << "` | " << md_escape(t.pathway) << " | "
       << md_escape(t.quantity) << (t.unit.empty() ? "" : " (" + md_escape(t.unit) + ")") << " | "
       << simulated_text(res) << " | " << published_text(t) << " | " << band_text(t) << " | "
       << error_text(t, res) << " | " << (res.status == Status::pass ? "" : "**")
       << status_text(res) << (res.status == Status::pass ? "" : "**") << " | "
       << calibration_text(t) << " | " << md_escape(t.source.short_form()) << " |\n";
  }
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
  md << "\n## Calibration: targets used to fit parameters\n\n";
  for (const Target& t : c.targets) {
    if (!t.fitted) continue;
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
       << ". Tolerance `" << tolerance_name(t.tolerance) << "` " << band_text(t) << ": "
       << md_escape(t.tolerance_basis) << " Source: " << md_escape(t.source.long_form())
       << (t.note.empty() ? "" : " Note: " + md_escape(t.note)) << "\n";
  }
  return md.str();
}

std::string html_report(const Catalogue& c, const SuiteResult& r, const std::string& command) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<title>brainload literature validation</title>\n<style>\n"
    << "body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}"
    << "table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:3px 6px;"
    << "vertical-align:top}th{background:#eee;position:sticky;top:0}"
    << "tr.pass td.st{background:#d8f0d8}tr.fail td.st,tr.error td.st{background:#f6c6c6}"
    << "tr.miss td.st{background:#fbe7b5}td.num{text-align:right;font-variant-numeric:tabular-nums}"
    << "tr.fitted td.cal{color:#777}code{font-size:12px}.summary{font-size:16px;font-weight:600}\n"
    << "</style>\n</head>\n<body>\n<h1>brainload literature validation</h1>\n";
  if (!c.title.empty()) h << "<p>" << html_escape(c.title) << "</p>\n";
  h << "<p class=\"summary\">" << html_escape(summary_line(r.summary)) << "</p>\n";
  h << "<p>Command: <code>" << html_escape(command) << "</code> (catalogue <code>"
    << html_escape(c.file) << "</code>, " << fmt::format("{:.1f}", r.seconds) << " s). "
    << r.summary.fitted
    << " targets were used to fit model parameters (<em>fitted</em>): shown, but not evidence of "
       "validity. Only <em>held out</em> targets test the model.</p>\n";
  h << "<table>\n<thead><tr><th>#</th><th>target</th><th>pathway</th><th>quantity</th>"
       "<th>simulated</th><th>published (range)</th><th>tolerance band</th><th>error</th>"
       "<th>status</th><th>calibration</th><th>source</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < c.targets.size(); ++i) {
    const Target& t = c.targets[i];
    const TargetResult& res = r.results[i];
    const char* cls = res.status == Status::pass         ? "pass"
                      : res.status == Status::known_miss ? "miss"
                      : res.status == Status::fail       ? "fail"
                                                         : "error";
    h << R"(<tr class=")" << cls << (t.fitted ? " fitted" : "") << R"("><td class="num">)" << i + 1
      << "</td><td><code>" << html_escape(t.id) << "</code></td><td>" << html_escape(t.pathway)
      << "</td><td>" << html_escape(t.quantity)
      << (t.unit.empty() ? "" : " (" + html_escape(t.unit) + ")") << "</td><td class=\"num\">"
      << html_escape(simulated_text(res)) << "</td><td class=\"num\">"
      << html_escape(published_text(t)) << "</td><td class=\"num\">" << html_escape(band_text(t))
      << "</td><td class=\"num\">" << html_escape(error_text(t, res)) << "</td><td class=\"st\">"
      << html_escape(status_text(res)) << "</td><td class=\"cal\">" << calibration_text(t)
      << "</td><td>" << html_escape(t.source.short_form()) << "</td></tr>\n";
  }
  h << "</tbody>\n</table>\n<h2>Known misses and failures</h2>\n<ul>\n";
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
  h << "</ul>\n<h2>Calibration: targets used to fit parameters</h2>\n<ul>\n";
  for (const Target& t : c.targets) {
    if (!t.fitted) continue;
    h << "<li><code>" << html_escape(t.id) << "</code>: " << html_escape(t.fitted_parameters)
      << "</li>\n";
  }
  h << "</ul>\n<h2>Targets, tolerances and sources</h2>\n<ol>\n";
  for (const Target& t : c.targets) {
    h << "<li><b><code>" << html_escape(t.id) << "</code></b>: " << html_escape(t.quantity)
      << ". Reader <code>" << reader_name(t.reader) << "</code> on <code>"
      << html_escape(t.scenario) << "</code> arm <code>" << html_escape(t.arm) << "</code>";
    if (!t.vs_arm.empty()) h << " vs arm <code>" << html_escape(t.vs_arm) << "</code>";
    h << ". Tolerance <code>" << tolerance_name(t.tolerance) << "</code> "
      << html_escape(band_text(t)) << ": " << html_escape(t.tolerance_basis)
      << " <br>Source: " << html_escape(t.source.long_form());
    if (!t.note.empty()) h << " <br>Note: " << html_escape(t.note);
    h << "</li>\n";
  }
  h << "</ol>\n</body>\n</html>\n";
  return h.str();
}

void write_reports(const std::filesystem::path& directory, const Catalogue& c, const SuiteResult& r,
                   const std::string& command) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    throw OutputError(fmt::format("cannot create '{}': {}", directory.string(), ec.message()));
  }
  write_file(directory / "report.md", markdown_report(c, r, command));
  write_file(directory / "report.html", html_report(c, r, command));
}

}  // namespace brainload::validation
