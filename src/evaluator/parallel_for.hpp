#pragma once
// Static partition of [0, n) into `threads` contiguous chunks run on
// std::threads (chunk 0 on the calling thread).  Results never depend on
// scheduling: callers write per-index outputs and reduce them in index order.
#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace gb {

template <class Fn>  // fn(begin, end, chunk)
void parallel_for(size_t n, int threads, Fn fn) {
  const size_t t = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(std::max(threads, 1)), n));
  if (t == 1) {
    fn(size_t{0}, n, 0);
    return;
  }
  std::vector<std::thread> pool;
  std::vector<std::exception_ptr> errors(t);
  auto run = [&](size_t c) {
    try {
      fn(n * c / t, n * (c + 1) / t, static_cast<int>(c));
    } catch (...) {
      errors[c] = std::current_exception();
    }
  };
  for (size_t c = 1; c < t; ++c) pool.emplace_back(run, c);
  run(0);
  for (auto& th : pool) th.join();
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace gb
