// A one-line progress display on stderr: files and bytes done, throughput and time left. It
// appears only after the work has lasted a moment, redraws at most ten times a second from its
// own thread, and is erased when the work ends.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace tamis::cli {

class ProgressBar {
 public:
  // `enabled` false makes every call a no-op (not a terminal, or --no-progress).
  // `shares_terminal`: results go to the same terminal, so the bar must make way for them.
  ProgressBar(bool enabled, bool shares_terminal, std::uint64_t total_files,
              std::uint64_t total_bytes);
  ~ProgressBar();  // stops and erases the bar
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void add_done(std::uint64_t files, std::uint64_t bytes);

  // Keeps the bar from being redrawn while the returned lock is held and, when results share its
  // terminal, erases it first so they are not torn by it.
  [[nodiscard]] std::unique_lock<std::mutex> hold_for_output();

  void stop();

 private:
  void run();
  void draw_locked();
  void erase_locked();

  const bool enabled_;
  const bool shares_terminal_;
  const std::uint64_t total_files_;
  const std::uint64_t total_bytes_;
  const std::chrono::steady_clock::time_point start_;
  std::atomic<std::uint64_t> files_done_{0};
  std::atomic<std::uint64_t> bytes_done_{0};

  std::mutex mutex_;  // guards the terminal line and the fields below
  std::condition_variable wake_;
  bool stopping_ = false;
  bool visible_ = false;
  std::thread thread_;
};

}  // namespace tamis::cli
