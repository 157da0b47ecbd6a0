// Charset conversion to normalised UTF-8 (lib/decode/text_decoder.h), bytes/s of input: the same
// prose-and-logs text with accented words as plain UTF-8 (the baseline: no converter), UTF-8 with
// a byte order mark, UTF-16LE with a byte order mark (detected), and Latin-1 (declared as
// ISO-8859-1, since statistical detection of a single-byte charset is a guess). The transcoder
// alone (ICU, lib/decode/utf8_transcoder.h) is measured too, to split conversion from
// normalisation. Run: tamis_bench --benchmark_filter=StageCharset
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "decode/text_decoder.h"
#include "decode/utf8_transcoder.h"
#include "stage_inputs.h"

namespace tamis {
namespace {

constexpr std::size_t kTextBytes = 8 << 20;

enum class Input : std::uint8_t { kUtf8, kUtf8Bom, kUtf16LeBom, kLatin1 };

const char* input_name(Input input) {
  switch (input) {
    case Input::kUtf8:
      return "UTF-8";
    case Input::kUtf8Bom:
      return "UTF-8 with BOM";
    case Input::kUtf16LeBom:
      return "UTF-16LE with BOM";
    case Input::kLatin1:
      return "ISO-8859-1";
  }
  return "?";
}

// Mixed text with one 'e' in twenty written as U+00E9, as Latin-1 text (one byte per character),
// so every encoding below carries non-ASCII characters.
const std::string& latin1_text() {
  static const std::string text = [] {
    std::string out = bench::generate_text(kTextBytes);
    std::size_t seen = 0;
    for (char& c : out) {
      if (c == 'e' && ++seen % 20 == 0) c = static_cast<char>(0xE9);
    }
    return out;
  }();
  return text;
}

std::string latin1_to_utf8(std::string_view latin1) {
  std::string out;
  out.reserve(latin1.size() + latin1.size() / 32);
  for (const char c : latin1) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(0xC0 | (u >> 6)));
      out.push_back(static_cast<char>(0x80 | (u & 0x3F)));
    }
  }
  return out;
}

std::string latin1_to_utf16le(std::string_view latin1) {
  std::string out;
  out.reserve(2 * latin1.size());
  for (const char c : latin1) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

const std::string& encoded(Input input) {
  static const std::string utf8 = latin1_to_utf8(latin1_text());
  static const std::string utf8_bom = "\xEF\xBB\xBF" + utf8;
  static const std::string utf16 = "\xFF\xFE" + latin1_to_utf16le(latin1_text());
  switch (input) {
    case Input::kUtf8:
      return utf8;
    case Input::kUtf8Bom:
      return utf8_bom;
    case Input::kUtf16LeBom:
      return utf16;
    case Input::kLatin1:
      return latin1_text();
  }
  return utf8;
}

void BM_StageCharsetDecode(benchmark::State& state) {
  const auto input = static_cast<Input>(state.range(0));
  state.SetLabel(input_name(input));
  const std::string& bytes = encoded(input);
  TextDecoderOptions options;
  if (input == Input::kLatin1) options.encoding = "ISO-8859-1";
  std::uint64_t out_bytes = 0;
  std::string charset;
  for (auto _ : state) {
    auto decoder = TextDecoder::create(options);
    if (!decoder) {
      state.SkipWithError(decoder.error().message.c_str());
      return;
    }
    out_bytes = 0;
    const TextDecoder::Sink sink = [&](std::string_view utf8) { out_bytes += utf8.size(); };
    for (std::size_t at = 0; at < bytes.size(); at += bench::kStageChunk) {
      decoder->feed(std::string_view(bytes).substr(at, bench::kStageChunk), sink);
    }
    decoder->finish(sink);
    if (decoder->charset()) charset = decoder->charset()->name;
    benchmark::DoNotOptimize(out_bytes);
  }
  if (out_bytes != encoded(Input::kUtf8).size()) {
    state.SkipWithError(("decoded to an unexpected size as " + charset).c_str());
    return;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["utf8_out_MiB"] = static_cast<double>(out_bytes) / (1 << 20);
}

// ICU conversion only, no detection and no normalisation.
void BM_StageCharsetTranscodeOnly(benchmark::State& state) {
  const auto input = static_cast<Input>(state.range(0));
  state.SetLabel(input_name(input));
  const std::string& bytes = encoded(input);
  const char* encoding = input == Input::kUtf16LeBom ? "UTF-16LE" : "ISO-8859-1";
  std::uint64_t out_bytes = 0;
  for (auto _ : state) {
    auto transcoder = Utf8Transcoder::open(encoding);
    if (!transcoder) {
      state.SkipWithError(transcoder.error().message.c_str());
      return;
    }
    out_bytes = 0;
    const Utf8Transcoder::Sink sink = [&](std::string_view utf8) { out_bytes += utf8.size(); };
    for (std::size_t at = 0; at < bytes.size(); at += bench::kStageChunk) {
      transcoder->feed(std::string_view(bytes).substr(at, bench::kStageChunk), sink);
    }
    transcoder->finish(sink);
    benchmark::DoNotOptimize(out_bytes);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
  state.counters["utf8_out_MiB"] = static_cast<double>(out_bytes) / (1 << 20);
}

BENCHMARK(BM_StageCharsetDecode)
    ->DenseRange(0, 3)
    ->ArgName("input")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_StageCharsetTranscodeOnly)
    ->Arg(static_cast<int>(Input::kUtf16LeBom))
    ->Arg(static_cast<int>(Input::kLatin1))
    ->ArgName("input")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace tamis
