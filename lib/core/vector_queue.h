// A first-in first-out queue kept in one vector: pushed at the back, popped at the front, and
// searched in between (its elements stay contiguous, in the order they came in). Unlike a deque,
// a push may move the elements: no reference to one is kept across a push.
// std::deque allocates a block every few elements and frees it once they are popped, so a queue
// that turns over constantly (one entry per CSV cell) keeps writing to memory just fetched from
// the allocator; here the same storage is reused, the popped front being dropped in bulk.
#pragma once

#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace tamis {

template <class T>
class VectorQueue {
 public:
  using iterator = typename std::vector<T>::iterator;
  using const_iterator = typename std::vector<T>::const_iterator;
  using reverse_iterator = std::reverse_iterator<iterator>;

  bool empty() const { return head_ == items_.size(); }
  std::size_t size() const { return items_.size() - head_; }
  void clear() {
    items_.clear();
    head_ = 0;
  }

  void push_back(T item) { items_.push_back(std::move(item)); }
  void pop_front() {
    ++head_;
    // Dropped once they are many and at least half of the storage, so each pop costs O(1).
    if (head_ >= kCompactAfter && head_ * 2 >= items_.size()) {
      items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
    }
  }

  // Inside the queue, for the rare entry that must go between others or leave early: O(size).
  iterator insert(iterator at, T item) { return items_.insert(at, std::move(item)); }
  iterator erase(iterator at) { return items_.erase(at); }

  T& operator[](std::size_t i) { return items_[head_ + i]; }
  const T& operator[](std::size_t i) const { return items_[head_ + i]; }
  T& front() { return items_[head_]; }
  const T& front() const { return items_[head_]; }
  T& back() { return items_.back(); }
  const T& back() const { return items_.back(); }

  iterator begin() { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
  iterator end() { return items_.end(); }
  const_iterator begin() const { return items_.begin() + static_cast<std::ptrdiff_t>(head_); }
  const_iterator end() const { return items_.end(); }
  reverse_iterator rbegin() { return reverse_iterator(end()); }
  reverse_iterator rend() { return reverse_iterator(begin()); }

 private:
  static constexpr std::size_t kCompactAfter = 256;

  std::vector<T> items_;
  std::size_t head_ = 0;
};

}  // namespace tamis
