// A generic parallel loop over indices, for callers outside population/ that must not include
// TBB themselves (tests/layout_check.cmake keeps TBB in this folder). Each index runs exactly
// once; callers store results by index so the output order never depends on scheduling.
#pragma once

#include <cstddef>
#include <functional>

namespace brainload {

// Runs f(0) … f(n − 1) on up to `threads` worker threads (0: all cores), started in index order
// (each worker takes the next index), so callers with uneven items should put the longest first.
// Blocks until every call has returned. If any call throws, one of the exceptions is rethrown here
// after the others have finished.
void parallel_for_index(std::size_t n, int threads, const std::function<void(std::size_t)>& f);

}  // namespace brainload
