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
  ProgressBar(bool enabled, std::uint64_t total_files, std::uint64_t total_bytes);
  ~ProgressBar();  // stops and erases the bar
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void add_done(std::uint64_t files, std::uint64_t bytes);

  // Erases the bar and keeps it from being redrawn while the returned lock is held, so text
  // written to a terminal shared by stdout and stderr is not torn by it.
  [[nodiscard]] std::unique_lock<std::mutex> hold_for_output();

  void stop();

 private:
  void run();
  void draw_locked();
  void erase_locked();

  const bool enabled_;
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
