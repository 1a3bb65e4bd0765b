#include "brainload/population/parallel.hpp"

#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
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
  arena.execute([&] {
    // Grain 1: the items are coarse (a whole simulation each) and uneven in cost.
    oneapi::tbb::parallel_for(oneapi::tbb::blocked_range<std::size_t>(0, n, 1),
                              [&](const oneapi::tbb::blocked_range<std::size_t>& range) {
                                for (std::size_t k = range.begin(); k != range.end(); ++k) {
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
