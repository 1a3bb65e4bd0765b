#include "brainload/population/parallel.hpp"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace brainload {

void parallel_for_index(std::size_t n, int threads, const std::function<void(std::size_t)>& f) {
  if (n == 0) return;
  const int workers =
      threads > 0 ? threads : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  std::exception_ptr first_error;
  std::mutex error_mutex;
  oneapi::tbb::task_arena arena(workers);
  std::atomic<std::size_t> next{0};
  arena.execute([&] {
    // One loop a worker, each taking the next index from a shared counter, so the items start in
    // index order whatever their costs, and a caller that puts its longest items first gets the
    // longest-processing-time-first schedule. (A blocked_range, even of grain 1, hands a second
    // worker the far half of the range: one worker could then run the longest items one after
    // another while the other finishes the short ones.)
    oneapi::tbb::parallel_for(0, workers, [&](int) {
      for (std::size_t k = next++; k < n; k = next++) {
        try {
          f(k);
        } catch (...) {
          const std::lock_guard<std::mutex> lock(error_mutex);
          if (!first_error) first_error = std::current_exception();
        }
      }
    });
  });
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace brainload
