// Nesting bound of a TOML text before parsing it (see toml_nesting.hpp for why).
#include "toml_nesting.hpp"

#include <cstddef>
#include <vector>

namespace brainload::detail {

namespace {

// Where a line starts matters only for the column in the message.
struct Cursor {
  std::string_view text;
  std::size_t i = 0;
  int line = 1;
  std::size_t line_start = 0;

  [[nodiscard]] bool done() const { return i >= text.size(); }
  [[nodiscard]] char at() const { return text[i]; }
  [[nodiscard]] bool starts_with(std::string_view s) const { return text.substr(i, s.size()) == s; }
  void advance() {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
    ++i;
  }
  [[nodiscard]] DeepNesting here() const { return {line, static_cast<int>(i - line_start) + 1}; }
};

// Skips a string starting at the quote under the cursor: "basic", 'literal', """multi-line
// basic""" or '''multi-line literal'''. A single-line string stops at the end of the line
// (unterminated: toml++ rejects it there).
void skip_string(Cursor& c) {
  const char quote = c.at();
  const bool basic = quote == '"';
  const std::string_view triple = basic ? std::string_view(R"(""")") : std::string_view("'''");
  if (c.starts_with(triple)) {
    for (int k = 0; k < 3; ++k) c.advance();
    while (!c.done() && !c.starts_with(triple)) {
      if (basic && c.at() == '\\' && c.i + 1 < c.text.size()) c.advance();
      c.advance();
    }
    for (int k = 0; k < 3 && !c.done(); ++k) c.advance();
    return;
  }
  c.advance();
  while (!c.done() && c.at() != quote && c.at() != '\n') {
    if (basic && c.at() == '\\' && c.i + 1 < c.text.size() && c.text[c.i + 1] != '\n') {
      c.advance();
    }
    c.advance();
  }
  if (!c.done() && c.at() == quote) c.advance();
}

enum class Mode {
  line_start,  // top level, before a key or a [header]
  header,      // inside [a.b.c] or [[a.b.c]]
  key,         // a key, up to '='
  value,       // a value, or between values of an array / inline table
  rest         // after a header on its line
};

// An open array or inline table and the depth of that node.
struct Frame {
  bool inline_table = false;
  int depth = 0;
};

}  // namespace

std::optional<DeepNesting> find_deep_nesting(std::string_view text, int max_depth) {
  Cursor c{text};
  std::vector<Frame> open;
  Mode mode = Mode::line_start;
  int table_depth = 0;  // of the table the last header opened (root: 0)
  int key_base = 0;     // of the table the current key is read into
  int key_parts = 1;
  int value_depth = 0;  // of a value read now

  while (!c.done()) {
    const char ch = c.at();
    if (ch == '\n') {
      if (open.empty()) mode = Mode::line_start;
      c.advance();
      continue;
    }
    if (ch == '#') {
      while (!c.done() && c.at() != '\n') c.advance();
      continue;
    }
    if (ch == '"' || ch == '\'') {
      if (mode == Mode::line_start) {
        mode = Mode::key;
        key_base = table_depth;
        key_parts = 1;
      }
      skip_string(c);
      continue;
    }
    switch (mode) {
      case Mode::line_start:
        if (ch == '[') {
          mode = Mode::header;
          table_depth = 1;
          while (!c.done() && c.at() == '[') c.advance();
          if (table_depth > max_depth) return c.here();
          continue;
        }
        if (ch != ' ' && ch != '\t' && ch != '\r') {
          mode = Mode::key;
          key_base = table_depth;
          key_parts = 1;
          continue;  // read this character as part of the key
        }
        break;
      case Mode::header:
        if (ch == '.' && ++table_depth > max_depth) return c.here();
        if (ch == ']') mode = Mode::rest;
        break;
      case Mode::key:
        if (ch == '.' && key_base + ++key_parts > max_depth) return c.here();
        if (ch == '=') {
          mode = Mode::value;
          value_depth = key_base + key_parts;
        } else if (ch == '}' && !open.empty() && open.back().inline_table) {
          value_depth = open.back().depth;  // `{}` or `{ a = 1, }`
          open.pop_back();
          mode = Mode::value;
        }
        break;
      case Mode::value:
        if (ch == '[' || ch == '{') {
          open.push_back({ch == '{', value_depth});
          if (value_depth + 1 > max_depth) return c.here();
          if (ch == '{') {
            mode = Mode::key;
            key_base = value_depth;
            key_parts = 1;
          } else {
            ++value_depth;
          }
        } else if ((ch == ']' || ch == '}') && !open.empty() &&
                   open.back().inline_table == (ch == '}')) {
          value_depth = open.back().depth;
          open.pop_back();
        } else if (ch == ',' && !open.empty()) {
          if (open.back().inline_table) {
            mode = Mode::key;
            key_base = open.back().depth;
            key_parts = 1;
          } else {
            value_depth = open.back().depth + 1;
          }
        }
        break;
      case Mode::rest:
        break;
    }
    c.advance();
  }
  return std::nullopt;
}

}  // namespace brainload::detail
