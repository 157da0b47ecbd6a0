#include "decode/quoted_printable_stream.h"

#include <array>
#include <cstring>

namespace tamis {
namespace {

constexpr std::int8_t kNotHex = -1;

constexpr std::array<std::int8_t, 256> make_hex_table() {
  std::array<std::int8_t, 256> table{};
  for (auto& entry : table) entry = kNotHex;
  for (int i = 0; i < 10; ++i) table['0' + i] = static_cast<std::int8_t>(i);
  for (int i = 0; i < 6; ++i) {
    table['A' + i] = static_cast<std::int8_t>(10 + i);
    table['a' + i] = static_cast<std::int8_t>(10 + i);
  }
  return table;
}

constexpr std::array<std::int8_t, 256> kHex = make_hex_table();

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::size_t QuotedPrintableDecoder::decode(std::string_view input, char* out) {
  char* const begin = out;
  const char* p = input.data();
  const char* const end = p + input.size();
  while (p < end) {
    const char c = *p;
    switch (state_) {
      case State::kText: {
        // Copy the run up to the next "=" in one go: most of a QP body is plain text.
        const void* found = std::memchr(p, '=', static_cast<std::size_t>(end - p));
        const char* stop = found != nullptr ? static_cast<const char*>(found) : end;
        std::memcpy(out, p, static_cast<std::size_t>(stop - p));
        out += stop - p;
        p = stop;
        if (p < end) {
          state_ = State::kEquals;
          ++p;
        }
        continue;
      }
      case State::kEquals:
        if (kHex[static_cast<unsigned char>(c)] != kNotHex) {
          held_hex_ = c;
          state_ = State::kEqualsHex;
          ++p;
        } else if (c == '\r') {
          state_ = State::kEqualsCr;
          ++p;
        } else if (c == '\n') {
          state_ = State::kText;
          ++p;
        } else if (is_blank(c)) {
          held_blanks_.assign(1, c);
          state_ = State::kEqualsBlank;
          ++p;
        } else {
          // A lone "=": kept, and `c` is read again as text.
          ++invalid_;
          *out++ = '=';
          state_ = State::kText;
        }
        continue;
      case State::kEqualsHex: {
        const std::int8_t low = kHex[static_cast<unsigned char>(c)];
        if (low != kNotHex) {
          *out++ = static_cast<char>((kHex[static_cast<unsigned char>(held_hex_)] << 4) | low);
          ++p;
        } else {
          ++invalid_;
          *out++ = '=';
          *out++ = held_hex_;
        }
        state_ = State::kText;
        continue;
      }
      case State::kEqualsCr:
        if (c == '\n') ++p;
        state_ = State::kText;
        continue;
      case State::kEqualsBlank:
        if (c == '\r') {
          state_ = State::kEqualsCr;
          ++p;
        } else if (c == '\n') {
          state_ = State::kText;
          ++p;
        } else if (is_blank(c) && held_blanks_.size() < kMaxHeldBlanks) {
          held_blanks_.push_back(c);
          ++p;
        } else {
          ++invalid_;
          *out++ = '=';
          std::memcpy(out, held_blanks_.data(), held_blanks_.size());
          out += held_blanks_.size();
          state_ = State::kText;
        }
        continue;
    }
  }
  return static_cast<std::size_t>(out - begin);
}

std::size_t QuotedPrintableDecoder::finish(char* out) {
  std::size_t written = 0;
  if (state_ == State::kEquals) {
    ++invalid_;
    out[written++] = '=';
  } else if (state_ == State::kEqualsHex) {
    ++invalid_;
    out[written++] = '=';
    out[written++] = held_hex_;
  }
  state_ = State::kText;
  held_blanks_.clear();
  return written;
}

}  // namespace tamis
