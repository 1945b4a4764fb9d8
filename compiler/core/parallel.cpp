#include "compiler/core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace leeway {

unsigned thread_count(unsigned threads) { return threads ? threads : std::max(1u, std::thread::hardware_concurrency()); }

namespace {

// One run of parallel_for: its items are taken one at a time by every
// thread that works on it.
struct Run {
  std::size_t n = 0;
  const std::function<void(std::size_t)>* body = nullptr;
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;

  void work() {
    try {
      for (std::size_t i = next++; i < n && !failed; i = next++) (*body)(i);
    } catch (...) {
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failed.exchange(true)) failure = std::current_exception();
    }
  }
};

// Threads kept for the whole process and given one run at a time. Memory a
// thread allocates belongs to that thread's heap: threads made and ended for
// every run left their heaps behind, and the next run's threads freed into
// them from afar. A conflict-heavy `check --format json` (a run per batch of
// 4,096 diagnostics) and a check of 1,000 policies each take some 8% less
// time on two cores with the threads kept.
class Pool {
 public:
  static Pool& get() {
    static Pool* pool = new Pool();  // never destroyed: workers may outlive main's statics
    return *pool;
  }

  // Runs `run` on the calling thread and up to `helpers` workers; false when
  // the pool is busy (another run, or a run inside a run) and the caller
  // must make threads of its own.
  bool run(Run& r, unsigned helpers) {
    if (inside_) return false;
    std::unique_lock<std::mutex> busy(busy_, std::try_to_lock);
    if (!busy.owns_lock()) return false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      while (workers_.size() < helpers) workers_.emplace_back([this] { loop(); });
      current_ = &r;
      wanted_ = helpers;
      taken_ = 0;
      done_ = 0;
      ++generation_;
    }
    wake_.notify_all();
    inside_ = true;
    r.work();
    inside_ = false;
    std::unique_lock<std::mutex> lock(mutex_);
    finished_.wait(lock, [&] { return done_ == taken_ && (taken_ == wanted_ || r.next >= r.n); });
    // Workers that did not take this run before it ended must not take it later.
    current_ = nullptr;
    return true;
  }

 private:
  Pool() = default;

  void loop() {
    inside_ = true;
    std::uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return generation_ != seen && current_ && taken_ < wanted_; });
      seen = generation_;
      Run* r = current_;
      ++taken_;
      lock.unlock();
      r->work();
      lock.lock();
      ++done_;
      finished_.notify_all();
    }
  }

  std::mutex busy_;  // one run at a time
  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  std::vector<std::thread> workers_;
  Run* current_ = nullptr;
  unsigned wanted_ = 0, taken_ = 0, done_ = 0;
  std::uint64_t generation_ = 0;
  static thread_local bool inside_;  // this thread works on a run
};

thread_local bool Pool::inside_ = false;

}  // namespace

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& body) {
  threads = thread_count(threads);
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) body(i);
    return;
  }
  Run run;
  run.n = n;
  run.body = &body;
  if (!Pool::get().run(run, threads - 1)) {
    // A run inside a run (the gap search of a policy shares its work while
    // other policies are analysed): threads of its own.
    std::vector<std::thread> extra;
    for (unsigned t = 1; t < threads; ++t) extra.emplace_back([&run] { run.work(); });
    run.work();
    for (auto& th : extra) th.join();
  }
  if (run.failure) std::rethrow_exception(run.failure);
}

}  // namespace leeway
