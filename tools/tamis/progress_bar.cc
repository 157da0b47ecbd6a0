#include "progress_bar.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "text_format.h"

namespace tamis::cli {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kShowAfter = std::chrono::milliseconds(500);
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr int kBarWidth = 24;

std::string format_eta(double seconds) {
  if (seconds < 0 || seconds > 360000) return "--:--";
  const auto total = static_cast<long>(seconds + 0.5);
  char text[32];
  if (total >= 3600) {
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(text, sizeof text, "%02ld:%02ld", total / 60, total % 60);
  }
  return text;
}

}  // namespace

ProgressBar::ProgressBar(bool enabled, bool shares_terminal, std::uint64_t total_files,
                         std::uint64_t total_bytes)
    : enabled_(enabled),
      shares_terminal_(shares_terminal),
      total_files_(total_files),
      total_bytes_(total_bytes),
      start_(Clock::now()) {
  if (enabled_) thread_ = std::thread([this] { run(); });
}

ProgressBar::~ProgressBar() { stop(); }

void ProgressBar::add_done(std::uint64_t files, std::uint64_t bytes) {
  files_done_.fetch_add(files, std::memory_order_relaxed);
  bytes_done_.fetch_add(bytes, std::memory_order_relaxed);
}

std::unique_lock<std::mutex> ProgressBar::hold_for_output() {
  std::unique_lock lock(mutex_);
  if (shares_terminal_) erase_locked();
  return lock;
}

void ProgressBar::stop() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  const std::lock_guard lock(mutex_);
  erase_locked();
}

void ProgressBar::run() {
  std::unique_lock lock(mutex_);
  if (wake_.wait_until(lock, start_ + kShowAfter, [this] { return stopping_; })) return;
  while (!stopping_) {
    draw_locked();
    wake_.wait_for(lock, kRedrawEvery, [this] { return stopping_; });
  }
}

void ProgressBar::draw_locked() {
  const std::uint64_t files = files_done_.load(std::memory_order_relaxed);
  const std::uint64_t bytes = bytes_done_.load(std::memory_order_relaxed);
  const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(bytes) / elapsed : 0;
  const double fraction =
      total_bytes_ > 0   ? static_cast<double>(bytes) / static_cast<double>(total_bytes_)
      : total_files_ > 0 ? static_cast<double>(files) / static_cast<double>(total_files_)
                         : 1.0;
  const double eta =
      rate > 0 && total_bytes_ >= bytes ? static_cast<double>(total_bytes_ - bytes) / rate : -1;

  const int filled = static_cast<int>(fraction * kBarWidth + 0.5);
  std::string bar(static_cast<std::size_t>(std::min(filled, kBarWidth)), '#');
  bar.resize(kBarWidth, '.');
  std::fprintf(stderr, "\r\x1b[K[%s] %llu/%llu files  %s/%s  %s/s  ETA %s", bar.c_str(),
               static_cast<unsigned long long>(files),
               static_cast<unsigned long long>(total_files_), human_bytes(bytes).c_str(),
               human_bytes(total_bytes_).c_str(),
               human_bytes(static_cast<std::uint64_t>(rate)).c_str(), format_eta(eta).c_str());
  std::fflush(stderr);
  visible_ = true;
}

void ProgressBar::erase_locked() {
  if (!visible_) return;
  std::fputs("\r\x1b[K", stderr);
  std::fflush(stderr);
  visible_ = false;
}

}  // namespace tamis::cli
