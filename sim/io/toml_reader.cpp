#include "toml_reader.hpp"

#include <cctype>
#include <cmath>

#include "brainload/suggest.hpp"
#include "toml_nesting.hpp"

namespace brainload::detail {

namespace {

Diagnostic syntax_diagnostic(const toml::parse_error& error, std::string_view file) {
  const auto& begin = error.source().begin;
  std::string description = printable(error.description(), 300);
  if (!description.empty()) description[0] = static_cast<char>(std::tolower(description[0]));
  const bool encoding = description.find("utf-8") != std::string::npos ||
                        description.find("\\u0000") != std::string::npos;
  return {{std::string(file), std::max(1, static_cast<int>(begin.line)),
           std::max(1, static_cast<int>(begin.column))},
          "",
          fmt::format("invalid TOML: {}{}", description,
                      encoding ? "; expected a UTF-8 text file without NUL bytes" : "")};
}

}  // namespace

toml::table parse_toml(std::string_view text, std::string_view file_name, int max_depth) {
  // Before toml++: its parser recurses once per level of dotted-key tables, with no limit
  // (toml_nesting.hpp).
  if (const auto deep = find_deep_nesting(text, max_depth)) {
    throw ScenarioError({{{std::string(file_name), deep->line, deep->column},
                          "",
                          fmt::format("invalid TOML: tables or arrays nested more than {} levels "
                                      "deep (dotted keys, [a.b.c] headers, [ or {{)",
                                      max_depth)}});
  }
  try {
    return toml::parse(text, file_name);
  } catch (const toml::parse_error& error) {
    throw ScenarioError({syntax_diagnostic(error, file_name)});
  }
}

std::string join(Keys names) {
  std::string out;
  for (const std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

std::string printable(std::string_view text, std::size_t max_chars) {
  std::size_t cut = std::min(max_chars, text.size());
  while (cut < text.size() && cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;  // not inside a UTF-8 sequence
  }
  std::string out;
  for (const char c : text.substr(0, cut)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out += c;
    }
  }
  if (cut < text.size()) out += "...";
  return out;
}

std::string number_text(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  return fmt::format("{}", x);
}

std::string shown(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return fmt::format("\"{}\"", printable(node.as_string()->get()));
    case toml::node_type::integer:
      return fmt::format("{}", node.as_integer()->get());
    case toml::node_type::floating_point:
      return number_text(node.as_floating_point()->get());
    case toml::node_type::boolean:
      return node.as_boolean()->get() ? "true" : "false";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "a date or time";
  }
}

std::string item_path(std::string_view path, std::size_t index) {
  return fmt::format("{}[{}]", path, index);
}

void check_keys(Context& ctx, const TableRef& t, Keys allowed) {
  for (auto&& [key, value] : t.table) {
    if (std::ranges::find(allowed, key.str()) != allowed.end()) continue;
    ctx.error(ctx.at(key.source()), t.field(key.str()),
              fmt::format("unknown key '{}';{} expected one of: {}", printable(key.str()),
                          suggestion(key.str(), allowed), join(allowed)));
  }
}

const toml::node* lookup(Context& ctx, const TableRef& t, std::string_view key, Need need,
                         std::string_view expected) {
  const toml::node* node = t.get(key);
  if (node == nullptr && need == Need::required) {
    ctx.error(ctx.at(t.table), t.field(key),
              fmt::format("missing required key '{}'; expected {}", key, expected));
  }
  return node;
}

bool is_nonfinite_float(const toml::node& node) {
  const auto* value = node.as_floating_point();
  return value != nullptr && !std::isfinite(value->get());
}

std::optional<std::int64_t> int_value(Context& ctx, const toml::node& node,
                                      const std::string& field, const IntRange& range) {
  if (const auto* value = node.as_integer()) {
    if (value->get() >= range.min && value->get() <= range.max) return value->get();
  }
  const char* prefix = is_nonfinite_float(node) ? "must be a finite number; " : "";
  ctx.error(node, field,
            fmt::format("{}expected {}, got {}", prefix, range.expected(), shown(node)));
  return std::nullopt;
}

std::optional<double> number_value(Context& ctx, const toml::node& node, const std::string& field,
                                   const NumRange& range) {
  std::optional<double> x;
  if (const auto* i = node.as_integer()) x = static_cast<double>(i->get());
  if (const auto* f = node.as_floating_point()) x = f->get();
  if (x && std::isfinite(*x) && range.contains(*x)) return x;
  const char* prefix = (x && !std::isfinite(*x)) ? "must be a finite number; " : "";
  ctx.error(node, field,
            fmt::format("{}expected {}, got {}", prefix, range.expected(), shown(node)));
  return std::nullopt;
}

std::optional<std::string> string_value(Context& ctx, const toml::node& node,
                                        const std::string& field, std::string_view expected) {
  if (const auto* value = node.as_string()) return value->get();
  ctx.error(node, field, fmt::format("expected {}, got {}", expected, shown(node)));
  return std::nullopt;
}

std::optional<std::size_t> choice_value(Context& ctx, const toml::node& node,
                                        const std::string& field, Keys choices) {
  if (const auto* value = node.as_string()) {
    const auto it = std::ranges::find(choices, std::string_view(value->get()));
    if (it != choices.end()) return static_cast<std::size_t>(it - choices.begin());
  }
  ctx.error(node, field, fmt::format("expected one of: {}, got {}", join(choices), shown(node)));
  return std::nullopt;
}

std::optional<std::int64_t> read_int(Context& ctx, const TableRef& t, std::string_view key,
                                     Need need, const IntRange& range) {
  const toml::node* node = lookup(ctx, t, key, need, range.expected());
  return node != nullptr ? int_value(ctx, *node, t.field(key), range) : std::nullopt;
}

std::optional<double> read_number(Context& ctx, const TableRef& t, std::string_view key, Need need,
                                  const NumRange& range) {
  const toml::node* node = lookup(ctx, t, key, need, range.expected());
  return node != nullptr ? number_value(ctx, *node, t.field(key), range) : std::nullopt;
}

std::optional<std::string> read_string(Context& ctx, const TableRef& t, std::string_view key,
                                       Need need) {
  const toml::node* node = lookup(ctx, t, key, need, "a string");
  return node != nullptr ? string_value(ctx, *node, t.field(key), "a string") : std::nullopt;
}

std::optional<std::size_t> read_choice(Context& ctx, const TableRef& t, std::string_view key,
                                       Need need, Keys choices) {
  const toml::node* node = lookup(ctx, t, key, need, fmt::format("one of: {}", join(choices)));
  return node != nullptr ? choice_value(ctx, *node, t.field(key), choices) : std::nullopt;
}

std::optional<bool> read_bool(Context& ctx, const TableRef& t, std::string_view key) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* value = node->as_boolean()) return value->get();
  ctx.error(*node, t.field(key), fmt::format("expected true or false, got {}", shown(*node)));
  return std::nullopt;
}

}  // namespace brainload::detail
