// The std::ranges algorithms the core uses, for Emscripten 3.1.6's libc++ 14, which has the
// range concepts and views but none of the ranges algorithms. Force-included (-include) into
// the wasm build only, so the core keeps writing standard C++20. Each forwards to the classic
// algorithm with the projection folded into the predicate. Add one here when the core starts
// using another (the wasm build then fails with "no member named '...' in namespace
// 'std::ranges'").
#pragma once

#include <algorithm>
#include <functional>
#include <ranges>
#include <utility>

#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 15000

namespace std::ranges {  // NOLINT(cert-dcl58-cpp): fills in what this libc++ lacks
namespace brainload_web_shim {

template <class Comp, class Proj>
auto by(Comp& comp, Proj& proj) {
  return [&](auto&& a, auto&& b) {
    return std::invoke(comp, std::invoke(proj, a), std::invoke(proj, b));
  };
}
template <class Pred, class Proj>
auto on(Pred& pred, Proj& proj) {
  return [&](auto&& a) { return static_cast<bool>(std::invoke(pred, std::invoke(proj, a))); };
}

struct sort_fn {
  template <class R, class Comp = ranges::less, class Proj = identity>
  auto operator()(R&& r, Comp comp = {}, Proj proj = {}) const {
    std::sort(ranges::begin(r), ranges::end(r), by(comp, proj));
    return ranges::end(r);
  }
};
struct stable_sort_fn {
  template <class R, class Comp = ranges::less, class Proj = identity>
  auto operator()(R&& r, Comp comp = {}, Proj proj = {}) const {
    std::stable_sort(ranges::begin(r), ranges::end(r), by(comp, proj));
    return ranges::end(r);
  }
};
struct find_fn {
  template <class R, class T, class Proj = identity>
  auto operator()(R&& r, const T& value, Proj proj = {}) const {
    return std::find_if(ranges::begin(r), ranges::end(r),
                        [&](auto&& e) { return std::invoke(proj, e) == value; });
  }
};
struct count_if_fn {
  template <class R, class Pred, class Proj = identity>
  auto operator()(R&& r, Pred pred, Proj proj = {}) const {
    return std::count_if(ranges::begin(r), ranges::end(r), on(pred, proj));
  }
};
struct any_of_fn {
  template <class R, class Pred, class Proj = identity>
  bool operator()(R&& r, Pred pred, Proj proj = {}) const {
    return std::any_of(ranges::begin(r), ranges::end(r), on(pred, proj));
  }
};
struct all_of_fn {
  template <class R, class Pred, class Proj = identity>
  bool operator()(R&& r, Pred pred, Proj proj = {}) const {
    return std::all_of(ranges::begin(r), ranges::end(r), on(pred, proj));
  }
};
struct none_of_fn {
  template <class R, class Pred, class Proj = identity>
  bool operator()(R&& r, Pred pred, Proj proj = {}) const {
    return std::none_of(ranges::begin(r), ranges::end(r), on(pred, proj));
  }
};
struct upper_bound_fn {
  template <class R, class T, class Comp = ranges::less, class Proj = identity>
  auto operator()(R&& r, const T& value, Comp comp = {}, Proj proj = {}) const {
    return std::upper_bound(ranges::begin(r), ranges::end(r), value, [&](const T& v, auto&& e) {
      return std::invoke(comp, v, std::invoke(proj, e));
    });
  }
};
struct lower_bound_fn {
  template <class R, class T, class Comp = ranges::less, class Proj = identity>
  auto operator()(R&& r, const T& value, Comp comp = {}, Proj proj = {}) const {
    return std::lower_bound(ranges::begin(r), ranges::end(r), value, [&](auto&& e, const T& v) {
      return std::invoke(comp, std::invoke(proj, e), v);
    });
  }
};

}  // namespace brainload_web_shim

inline constexpr brainload_web_shim::sort_fn sort{};
inline constexpr brainload_web_shim::stable_sort_fn stable_sort{};
inline constexpr brainload_web_shim::find_fn find{};
inline constexpr brainload_web_shim::count_if_fn count_if{};
inline constexpr brainload_web_shim::any_of_fn any_of{};
inline constexpr brainload_web_shim::all_of_fn all_of{};
inline constexpr brainload_web_shim::none_of_fn none_of{};
inline constexpr brainload_web_shim::upper_bound_fn upper_bound{};
inline constexpr brainload_web_shim::lower_bound_fn lower_bound{};

}  // namespace std::ranges

#endif
