// The archive walker against real archives built at test time with the real tools (zip, tar,
// gzip, bzip2, xz, zstd, 7z, cpio, ar), plus the sniffer and member naming on their own.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "archive/archive_limits.h"
#include "archive/archive_walker.h"
#include "archive/callback_byte_source.h"
#include "archive/format_sniffer.h"
#include "archive/member_name.h"
#include "archive_test_support.h"

namespace tamis {
namespace {

using archive_test::RecordingVisitor;
using archive_test::ScratchDir;
using archive_test::SeenMember;
using archive_test::StringSource;
using archive_test::walk_file;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Text with a recognisable line per row so that prefixes and boundaries can be checked exactly.
std::string numbered_lines(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += "row " + std::to_string(i) + ",customer-" + std::to_string(i * 7919 % 10007) + "\n";
  }
  return text;
}

void write_file(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

TEST(ArchiveSniffer, RecognisesMagicBytesAndNotText) {
  using namespace std::string_view_literals;
  EXPECT_EQ(sniff_container("\x1f\x8b\x08\x00rest"sv).format, "gzip");
  EXPECT_EQ(sniff_container("PK\x03\x04...."sv).kind, ContainerKind::kArchive);
  EXPECT_EQ(sniff_container("\x28\xb5\x2f\xfd...."sv).format, "zstd");
  EXPECT_EQ(sniff_container("7z\xbc\xaf\x27\x1c"sv).format, "7z");
  EXPECT_EQ(sniff_container("!<arch>\nfoo"sv).format, "ar");
  EXPECT_EQ(sniff_container("070701000"sv).format, "cpio");
  EXPECT_EQ(sniff_container("name,card\nAlice,4111111111111111\n").kind, ContainerKind::kNone);
  // Text that merely starts like bzip2's or zip's magic is not taken for it.
  EXPECT_EQ(sniff_container("BZh9 is not a bzip2 stream").kind, ContainerKind::kNone);
  EXPECT_EQ(sniff_container("PK is a common abbreviation").kind, ContainerKind::kNone);
  EXPECT_EQ(sniff_container("").kind, ContainerKind::kNone);
}

TEST(ArchiveSniffer, TarWithoutMagicNeedsAValidChecksum) {
  std::string header(512, '\0');
  header.replace(0, 8, "file.txt");
  header.replace(100, 7, "0000644");
  header.replace(124, 11, "00000000005");
  header.replace(148, 8, "        ");
  std::uint64_t sum = 0;
  for (unsigned char c : header) sum += c;
  char checksum[8];
  std::snprintf(checksum, sizeof checksum, "%06o", static_cast<unsigned>(sum));
  header.replace(148, 6, checksum, 6);
  header[154] = '\0';
  EXPECT_EQ(sniff_container(header).format, "tar");
  header[0] = 'g';  // the checksum no longer adds up
  EXPECT_EQ(sniff_container(header).kind, ContainerKind::kNone);
}

TEST(ArchiveMemberName, EscapesControlCharactersAndInvalidUtf8) {
  EXPECT_EQ(escape_member_name("../../etc/passwd"), "../../etc/passwd");
  EXPECT_EQ(escape_member_name("dos\\path"), "dos\\path");  // nothing to escape: kept as is
  EXPECT_EQ(escape_member_name("a\\b\n"), "a\\x5cb\\x0a");
  EXPECT_EQ(escape_member_name("a\x1b[31mb\x7f"), "a\\x1b[31mb\\x7f");
  EXPECT_EQ(escape_member_name("tab\there\nnew"), "tab\\x09here\\x0anew");
  EXPECT_EQ(escape_member_name("\xe8\xa1\xa8.txt"), "\xe8\xa1\xa8.txt");  // 表.txt stays
  EXPECT_EQ(escape_member_name("\x95\x5c.txt"), "\\x95\\x5c.txt");        // CP932 bytes
  // Not UTF-8 as a whole: the stray valid sequence (ea 97 97) is escaped too, no mojibake.
  EXPECT_EQ(escape_member_name("\x88\xea\x97\x97"), "\\x88\\xea\\x97\\x97");
  EXPECT_EQ(escape_member_name("c1\xc2\x85."), "c1\\xc2\\x85.");     // NEL, a C1 control
  EXPECT_EQ(escape_member_name("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
}

TEST(ArchiveLimits, RatioAndEncryptionWording) {
  EXPECT_FALSE(exceeds_expansion_ratio(kExpansionCheckFloor - 1, 0, 1));   // below the floor
  EXPECT_FALSE(exceeds_expansion_ratio(1000ULL << 20, 1ULL << 20, 1000));  // exactly 1000:1
  EXPECT_TRUE(exceeds_expansion_ratio((1000ULL << 20) + 1, 1ULL << 20, 1000));
  EXPECT_TRUE(exceeds_expansion_ratio(kExpansionCheckFloor, 0, 1000));      // nothing consumed
  EXPECT_FALSE(exceeds_expansion_ratio(~0ULL, ~0ULL / 2, 4'000'000'000u));  // no overflow
  EXPECT_TRUE(mentions_encryption("Encrypted file is unsupported"));
  EXPECT_TRUE(mentions_encryption("Passphrase required for this entry"));
  EXPECT_TRUE(mentions_encryption("Decryption is unsupported due to lack of crypto library"));
  EXPECT_FALSE(mentions_encryption("Truncated input file (needed 512 bytes, only 0 available)"));
}

TEST(ArchiveMemberName, SingleStreamMemberDropsTheCompressorSuffix) {
  EXPECT_EQ(single_stream_member_name("dir/notes.txt.gz"), "notes.txt");
  EXPECT_EQ(single_stream_member_name("logs.tgz"), "logs.tar");
  EXPECT_EQ(single_stream_member_name("a.csv.zst"), "a.csv");
  EXPECT_EQ(single_stream_member_name("blob"), "data");
  EXPECT_EQ(single_stream_member_name(".gz"), "data");
  EXPECT_EQ(join_member_path("outer.tar.gz", "bundle/x"), "outer.tar.gz/bundle/x");
}

TEST(ArchiveWalk, PlainTextIsDeliveredAsTheObjectItself) {
  const std::string text = numbered_lines(5000);
  StringSource source(text, 1000);
  RecordingVisitor visitor;
  const WalkSummary summary = walk_archive(source, "notes.txt", Limits{}, visitor);
  ASSERT_EQ(visitor.members.size(), 1u);
  EXPECT_EQ(visitor.members[0].info.path, "notes.txt");
  EXPECT_EQ(visitor.members[0].info.depth, 0u);
  EXPECT_EQ(visitor.members[0].content, text);
  EXPECT_EQ(summary.status.code, "COMPLETE");
  EXPECT_EQ(summary.mime_type, "");
  EXPECT_EQ(summary.members, 0u);
}

TEST(ArchiveWalk, CallbackSourceAndItsReadErrorReachTheMember) {
  // A gzip stream produced 7 bytes at a time by a function that then fails mid-object.
  std::string gzip_head("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);
  std::size_t offset = 0;
  CallbackByteSource source(
      [&](std::string_view& chunk) {
        if (offset >= gzip_head.size()) return Pull::kEnd;
        chunk = std::string_view(gzip_head).substr(offset, 7);
        offset += chunk.size();
        return Pull::kData;
      },
      [] {
        return ObjectStatus{"PARTIAL", "UNABLE_TO_PARSE_FILE", "connection reset at 10"};
      });
  RecordingVisitor visitor;
  const WalkSummary summary = walk_archive(source, "stream.gz", Limits{}, visitor);
  EXPECT_EQ(summary.mime_type, "application/gzip");
  // The cause named is the source's failure, not the truncation libarchive saw because of it.
  EXPECT_EQ(summary.status.detail, "connection reset at 10");
  EXPECT_EQ(summary.status.code, "SKIPPED");
  EXPECT_TRUE(visitor.members.empty());  // libarchive found no member header in 10 bytes
}

TEST(ArchiveWalk, EmptyObjectIsOneEmptyMember) {
  StringSource source("");
  RecordingVisitor visitor;
  const WalkSummary summary = walk_archive(source, "empty", Limits{}, visitor);
  ASSERT_EQ(visitor.members.size(), 1u);
  EXPECT_EQ(visitor.members[0].bytes, 0u);
  EXPECT_EQ(summary.status.code, "COMPLETE");
}

TEST(ArchiveWalk, TarGzContainingZipContainingCsvHasExactPaths) {
  TAMIS_REQUIRE_TOOLS("tar", "gzip", "zip");
  ScratchDir dir;
  const std::string csv = "name,ssn\nAlice,123-45-6789\n";
  const std::string readme = numbered_lines(200);
  write_file(dir.file("zipsrc/inner/customers.csv"), csv);
  write_file(dir.file("bundle/readme.txt"), readme);
  ASSERT_TRUE(
      dir.run("cd zipsrc && zip -qr ../bundle/data.zip inner && cd .. && "
              "tar -czf outer.tar.gz bundle"));
  RecordingVisitor visitor;
  const WalkSummary summary = walk_file(dir.file("outer.tar.gz"), "outer.tar.gz", visitor);
  EXPECT_EQ(summary.status.code, "COMPLETE") << summary.status.detail;
  EXPECT_EQ(summary.mime_type, "application/gzip");
  const auto* member = visitor.find("outer.tar.gz/bundle/data.zip/inner/customers.csv");
  ASSERT_NE(member, nullptr) << ::testing::PrintToString(visitor.paths());
  EXPECT_EQ(member->content, csv);
  EXPECT_EQ(member->status.code, "COMPLETE");
  EXPECT_EQ(member->info.depth, 2u);
  EXPECT_EQ(member->info.container_format, "zip");
  ASSERT_TRUE(member->info.size.has_value());
  EXPECT_EQ(*member->info.size, csv.size());
  const auto* text = visitor.find("outer.tar.gz/bundle/readme.txt");
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(text->content, readme);
  // Directories are skipped silently; nothing else was reported.
  EXPECT_EQ(visitor.members.size(), 2u) << ::testing::PrintToString(visitor.paths());
}

// Each (file in `dir`, expected member path) walks completely to exactly one member holding
// `content`.
void expect_one_member_each(const ScratchDir& dir,
                            const std::vector<std::pair<std::string, std::string>>& cases,
                            const std::string& content) {
  for (const auto& [file, path] : cases) {
    SCOPED_TRACE(file);
    RecordingVisitor visitor;
    const WalkSummary summary = walk_file(dir.file(file), file, visitor);
    EXPECT_EQ(summary.status.code, "COMPLETE") << summary.status.detail;
    ASSERT_EQ(visitor.members.size(), 1u) << ::testing::PrintToString(visitor.paths());
    EXPECT_EQ(visitor.members[0].info.path, path);
    EXPECT_EQ(visitor.members[0].content, content);
    EXPECT_EQ(visitor.members[0].status.code, "COMPLETE") << visitor.members[0].status.detail;
  }
}

TEST(ArchiveWalk, EachCompressorAndArchiveFormatIsWalked) {
  TAMIS_REQUIRE_TOOLS("gzip", "bzip2", "xz", "zstd", "7z", "cpio", "ar", "tar");
  ScratchDir dir;
  const std::string csv = numbered_lines(3000);
  write_file(dir.file("data.csv"), csv);
  ASSERT_TRUE(dir.run(
      "gzip -kc data.csv > data.csv.gz && bzip2 -kc data.csv > data.csv.bz2 && "
      "xz -kc data.csv > data.csv.xz && zstd -qc data.csv > data.csv.zst && "
      "7z a -bd data.7z data.csv && ls data.csv | cpio -o -H newc --quiet > data.cpio && "
      "ar rc data.a data.csv && tar -cJf data.tar.xz data.csv && tar -cf data.tar data.csv && "
      "ls data.csv | cpio -o -H odc --quiet > data.odc.cpio && "
      "ls data.csv | cpio -o -H bin --quiet > data.bin.cpio && "
      "for f in v7 oldgnu gnu ustar posix; do tar --format=$f -cf data.$f.tar data.csv; done && "
      "tar -cf - data.csv | zstd -q > data.tzst && tar -cjf data.tbz2 data.csv"));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"data.csv.gz", "data.csv.gz/data.csv"},
      {"data.csv.bz2", "data.csv.bz2/data.csv"},
      {"data.csv.xz", "data.csv.xz/data.csv"},
      {"data.csv.zst", "data.csv.zst/data.csv"},
      {"data.7z", "data.7z/data.csv"},
      {"data.cpio", "data.cpio/data.csv"},
      {"data.a", "data.a/data.csv"},
      {"data.tar.xz", "data.tar.xz/data.csv"},
      {"data.tar", "data.tar/data.csv"},
      {"data.odc.cpio", "data.odc.cpio/data.csv"},
      {"data.bin.cpio", "data.bin.cpio/data.csv"},
      {"data.v7.tar", "data.v7.tar/data.csv"},
      {"data.oldgnu.tar", "data.oldgnu.tar/data.csv"},
      {"data.gnu.tar", "data.gnu.tar/data.csv"},
      {"data.ustar.tar", "data.ustar.tar/data.csv"},
      {"data.posix.tar", "data.posix.tar/data.csv"},
      {"data.tzst", "data.tzst/data.csv"},
      {"data.tbz2", "data.tbz2/data.csv"},
  };
  expect_one_member_each(dir, cases, csv);
}

// The formats whose tools install-deps.sh adds for this test alone: ISO 9660 images (xorriso's
// mkisofs mode, with Rock Ridge names), lzip and Unix compress (.Z).
TEST(ArchiveWalk, IsoImageLzipAndCompressAreWalked) {
  TAMIS_REQUIRE_TOOLS("xorriso", "lzip", "compress", "tar");
  ScratchDir dir;
  const std::string csv = numbered_lines(2000);
  write_file(dir.file("data.csv"), csv);
  ASSERT_TRUE(
      dir.run("mkdir -p image/reports && cp data.csv image/reports/q1-customers.csv && "
              "xorriso -as mkisofs -quiet -R -o data.iso image 2>/dev/null && "
              "lzip -kc data.csv > data.csv.lz && compress -c data.csv > data.csv.Z && "
              "tar -cf - data.csv | lzip > data.tar.lz"));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"data.iso", "data.iso/reports/q1-customers.csv"},
      {"data.csv.lz", "data.csv.lz/data.csv"},
      {"data.csv.Z", "data.csv.Z/data.csv"},
      {"data.tar.lz", "data.tar.lz/data.csv"},
  };
  expect_one_member_each(dir, cases, csv);
}

TEST(ArchiveWalk, Lz4StreamIsWalked) {
  TAMIS_REQUIRE_TOOLS("lz4");
  ScratchDir dir;
  const std::string text = numbered_lines(1000);
  write_file(dir.file("log.txt"), text);
  ASSERT_TRUE(dir.run("lz4 -q log.txt log.txt.lz4"));
  RecordingVisitor visitor;
  walk_file(dir.file("log.txt.lz4"), "log.txt.lz4", visitor);
  ASSERT_EQ(visitor.members.size(), 1u);
  EXPECT_EQ(visitor.members[0].info.path, "log.txt.lz4/log.txt");
  EXPECT_EQ(visitor.members[0].content, text);
}

TEST(ArchiveWalk, SevenZipInsideAnotherArchiveIsReportedNotSpooled) {
  TAMIS_REQUIRE_TOOLS("7z", "zip");
  ScratchDir dir;
  write_file(dir.file("inner.txt"), "inside the 7z\n");
  ASSERT_TRUE(dir.run("7z a -bd inner.7z inner.txt && zip -q outer.zip inner.7z"));
  RecordingVisitor visitor;
  const WalkSummary summary = walk_file(dir.file("outer.zip"), "outer.zip", visitor);
  const auto* inner = visitor.find("outer.zip/inner.7z/inner.txt");
  ASSERT_NE(inner, nullptr) << ::testing::PrintToString(visitor.paths());
  EXPECT_EQ(inner->bytes, 0u);
  EXPECT_EQ(inner->status.code, "SKIPPED");
  EXPECT_EQ(inner->status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_NE(inner->status.detail.find("needs random access"), std::string::npos)
      << inner->status.detail;
  EXPECT_EQ(summary.status.code, "COMPLETE");
}

TEST(ArchiveWalk, DepthZeroOpensNothing) {
  TAMIS_REQUIRE_TOOLS("gzip");
  ScratchDir dir;
  write_file(dir.file("a.txt"), "text\n");
  ASSERT_TRUE(dir.run("gzip a.txt"));
  Limits limits;
  limits.max_archive_depth = 0;
  RecordingVisitor visitor;
  const WalkSummary summary = walk_file(dir.file("a.txt.gz"), "a.txt.gz", visitor, limits);
  EXPECT_TRUE(visitor.members.empty());
  EXPECT_EQ(summary.status.code, "SKIPPED");
  EXPECT_EQ(summary.status.reason, "ARCHIVE_DEPTH_LIMIT");
  EXPECT_EQ(summary.mime_type, "application/gzip");
}

TEST(ArchiveWalk, FiftyNestedGzipLayersStopAtTheDepthLimit) {
  TAMIS_REQUIRE_TOOLS("gzip");
  ScratchDir dir;
  write_file(dir.file("l0"), "the innermost text\n");
  ASSERT_TRUE(dir.run("for i in $(seq 1 50); do gzip -c l$((i-1)) > l$i; rm l$((i-1)); done"));
  RecordingVisitor visitor;
  const WalkSummary summary = walk_file(dir.file("l50"), "nested.gz", visitor);
  ASSERT_EQ(visitor.members.size(), 1u) << ::testing::PrintToString(visitor.paths());
  const auto& deepest = visitor.members[0];
  EXPECT_FALSE(deepest.readable);
  EXPECT_EQ(deepest.status.code, "SKIPPED");
  EXPECT_EQ(deepest.status.reason, "ARCHIVE_DEPTH_LIMIT");
  EXPECT_NE(deepest.status.detail.find("maxArchiveDepth (10)"), std::string::npos)
      << deepest.status.detail;
  EXPECT_EQ(deepest.info.depth, 10u);
  EXPECT_EQ(deepest.info.path, "nested.gz/nested/data/data/data/data/data/data/data/data/data");
  EXPECT_EQ(summary.bytes_delivered, 0u);

  // With room for every layer the text at the bottom is reached.
  Limits deep;
  deep.max_archive_depth = 60;
  RecordingVisitor all;
  walk_file(dir.file("l50"), "nested.gz", all, deep);
  ASSERT_EQ(all.members.size(), 1u);
  EXPECT_EQ(all.members[0].content, "the innermost text\n");
  EXPECT_EQ(all.members[0].info.depth, 50u);
}

TEST(ArchiveWalk, ZipBombStopsAtTheExpansionRatio) {
  TAMIS_REQUIRE_TOOLS("zip", "head");
  ScratchDir dir;
  // 1 GiB of zeros streamed through zip's stdin: never on disk or in memory uncompressed.
  ASSERT_TRUE(
      dir.run("head -c 1073741824 /dev/zero | zip -q -9 bomb.zip - && "
              "printf after > after.txt && zip -q bomb.zip after.txt"));
  ASSERT_LT(std::filesystem::file_size(dir.file("bomb.zip")), 2u << 20);
  Limits limits;
  // Zeros deflate at about 1030:1, just past the default of 1000 (the last check below); 100
  // shows the mechanism with a margin that no zlib tuning can erase.
  limits.max_expansion_ratio = 100;
  RecordingVisitor visitor(0);
  const auto started = std::chrono::steady_clock::now();
  const WalkSummary summary = walk_file(dir.file("bomb.zip"), "bomb.zip", visitor, limits);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  const auto* bomb = visitor.find("bomb.zip/-");
  ASSERT_NE(bomb, nullptr) << ::testing::PrintToString(visitor.paths());
  EXPECT_EQ(bomb->status.code, "PARTIAL");
  EXPECT_EQ(bomb->status.reason, "EXPANSION_RATIO_LIMIT");
  EXPECT_NE(bomb->status.detail.find("maxExpansionRatio (100)"), std::string::npos);
  EXPECT_GE(bomb->bytes, 1u << 20);
  EXPECT_LT(bomb->bytes, 64u << 20);
  EXPECT_EQ(summary.status.reason, "EXPANSION_RATIO_LIMIT");
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 10);

  RecordingVisitor with_defaults(0);
  const WalkSummary defaults = walk_file(dir.file("bomb.zip"), "bomb.zip", with_defaults);
  EXPECT_EQ(defaults.status.reason, "EXPANSION_RATIO_LIMIT") << defaults.status.detail;
  EXPECT_LT(defaults.bytes_delivered, 8u << 20);
}

// Fifield-style overlapping bomb, simplest form: 100 central-directory entries that all point at
// one local entry holding 64 MiB of zeros (70 KB on disk, 6.4 GiB if every entry is decoded).
TEST(ArchiveWalk, OverlappingEntryZipBombIsBounded) {
  TAMIS_REQUIRE_TOOLS("python3");
  ScratchDir dir;
  ASSERT_TRUE(dir.run(R"(python3 - <<"EOF"
import struct, zlib
size = 64 << 20
comp = zlib.compressobj(9, zlib.DEFLATED, -15)
parts, crc = [], 0
for _ in range(64):
    parts.append(comp.compress(bytes(1 << 20)))
    crc = zlib.crc32(bytes(1 << 20), crc)
data = b"".join(parts) + comp.flush()
local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, 6, 0) + b"kernel"
central = b"".join(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data),
                               size, 4, 0, 0, 0, 0, 0, 0) + b"m%03d" % i for i in range(100))
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 100, 100, len(central), len(local) + len(data), 0)
open("overlap.zip", "wb").write(local + data + central + end)
EOF)"));
  ASSERT_LT(std::filesystem::file_size(dir.file("overlap.zip")), 200u * 1024);

  // Default limits: deflate of zeros runs just past 1000:1, so the ratio stops the first entry.
  RecordingVisitor by_ratio(0);
  const WalkSummary ratio = walk_file(dir.file("overlap.zip"), "overlap.zip", by_ratio);
  EXPECT_EQ(ratio.status.reason, "EXPANSION_RATIO_LIMIT") << ratio.status.detail;
  EXPECT_LE(ratio.bytes_delivered, 2u << 20);

  // Without the ratio: libarchive reads zip entries through their local headers in order, so the
  // shared entry is decoded once, never 100 times; and the object's byte budget bounds it anyway.
  Limits limits;
  limits.max_expansion_ratio = 4'000'000'000u;
  RecordingVisitor once(0);
  const WalkSummary whole = walk_file(dir.file("overlap.zip"), "overlap.zip", once, limits);
  EXPECT_EQ(whole.bytes_delivered, 64u << 20) << ::testing::PrintToString(once.paths());
  limits.max_decoded_bytes = 32u << 20;
  RecordingVisitor by_budget(0);
  const WalkSummary budget = walk_file(dir.file("overlap.zip"), "overlap.zip", by_budget, limits);
  EXPECT_EQ(budget.status.code, "PARTIAL");
  EXPECT_EQ(budget.status.reason, "FILE_EXCEEDS_SIZE_LIMIT") << budget.status.detail;
  EXPECT_EQ(budget.bytes_delivered, 32u << 20);
}

TEST(ArchiveWalk, HugeSparseTarMemberStopsAtMaxMemberBytesAndTheWalkGoesOn) {
  TAMIS_REQUIRE_TOOLS("tar", "truncate");
  ScratchDir dir;
  write_file(dir.file("after.txt"), "still scanned\n");
  // Data at both ends, 20 GiB of hole between: libarchive hands the hole back as zeros.
  ASSERT_TRUE(
      dir.run("printf head > huge.bin && truncate -s 20G huge.bin && printf tail >> huge.bin"
              " && tar --sparse -cf sparse.tar huge.bin after.txt && rm huge.bin"));
  Limits limits;
  limits.max_member_bytes = 8u << 20;
  limits.max_expansion_ratio = 4'000'000'000u;
  RecordingVisitor visitor(0);
  const auto started = std::chrono::steady_clock::now();
  const WalkSummary summary = walk_file(dir.file("sparse.tar"), "sparse.tar", visitor, limits);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  const auto* huge = visitor.find("sparse.tar/huge.bin");
  ASSERT_NE(huge, nullptr) << ::testing::PrintToString(visitor.paths());
  EXPECT_EQ(huge->bytes, 8u << 20);
  EXPECT_EQ(huge->status.code, "PARTIAL");
  EXPECT_EQ(huge->status.reason, "FILE_EXCEEDS_SIZE_LIMIT");
  EXPECT_NE(huge->status.detail.find("maxMemberBytes (8388608)"), std::string::npos);
  ASSERT_TRUE(huge->info.size.has_value());
  EXPECT_EQ(*huge->info.size, (20ULL << 30) + 4);
  RecordingVisitor after_visitor;
  const auto* after = visitor.find("sparse.tar/after.txt");
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->bytes, 14u);
  EXPECT_EQ(summary.status.code, "COMPLETE");
  EXPECT_LT(std::chrono::duration_cast<std::chrono::seconds>(elapsed).count(), 10);
}

TEST(ArchiveWalk, HostileNamesAreReportedEscapedAndNeverTouchTheFileSystem) {
  TAMIS_REQUIRE_TOOLS("python3");
  ScratchDir dir;
  ASSERT_TRUE(
      dir.run("python3 -c \"import zipfile\n"
              "z = zipfile.ZipFile('evil.zip', 'w')\n"
              "z.writestr('../../etc/passwd', 'root:x:0:0')\n"
              "z.writestr('/abs/path', 'absolute')\n"
              "z.writestr('../tamis_probe_written', 'x')\n"
              "z.writestr('bell\\x07\\x1b[2Jname', 'ctl')\n"
              "z.close()\""));
  RecordingVisitor visitor;
  const WalkSummary summary = walk_file(dir.file("evil.zip"), "evil.zip", visitor);
  EXPECT_EQ(summary.status.code, "COMPLETE") << summary.status.detail;
  EXPECT_EQ(visitor.paths(),
            (std::vector<std::string>{"evil.zip/../../etc/passwd", "evil.zip//abs/path",
                                      "evil.zip/../tamis_probe_written",
                                      "evil.zip/bell\\x07\\x1b[2Jname"}));
  EXPECT_EQ(visitor.members[0].content, "root:x:0:0");
  EXPECT_FALSE(std::filesystem::exists(dir.path().parent_path() / "tamis_probe_written"));
  EXPECT_FALSE(std::filesystem::exists("/abs/path"));
}

TEST(ArchiveWalk, TruncatedGzipKeepsTheBytesBeforeTheFault) {
  TAMIS_REQUIRE_TOOLS("gzip", "head");
  ScratchDir dir;
  const std::string text = numbered_lines(100000);
  write_file(dir.file("log.txt"), text);
  ASSERT_TRUE(
      dir.run("gzip -c log.txt > full.gz && head -c $(( $(stat -c %s full.gz) / 2 )) "
              "full.gz > cut.gz"));
  RecordingVisitor visitor(text.size());
  const WalkSummary summary = walk_file(dir.file("cut.gz"), "log.txt.gz", visitor);
  ASSERT_EQ(visitor.members.size(), 1u) << ::testing::PrintToString(visitor.paths());
  const auto& member = visitor.members[0];
  EXPECT_EQ(member.info.path, "log.txt.gz/log.txt");
  EXPECT_EQ(member.status.code, "PARTIAL");
  EXPECT_EQ(member.status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_FALSE(member.status.detail.empty());
  EXPECT_GT(member.bytes, text.size() / 4);
  EXPECT_LT(member.bytes, text.size());
  EXPECT_EQ(member.content, text.substr(0, member.content.size()));
  // The object as a whole was not read to its end either.
  EXPECT_EQ(summary.status.code, "PARTIAL");
  EXPECT_EQ(summary.status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_NE(summary.status.detail.find("log.txt.gz/log.txt"), std::string::npos)
      << summary.status.detail;
}

TEST(ArchiveWalk, CorruptZipMemberFailsAloneAndEarlierMembersStand) {
  TAMIS_REQUIRE_TOOLS("zip");
  ScratchDir dir;
  const std::string first = numbered_lines(2000);
  write_file(dir.file("a.txt"), first);
  write_file(dir.file("b.txt"), numbered_lines(40000));
  write_file(dir.file("c.txt"), "third\n");
  ASSERT_TRUE(dir.run("zip -q -9 good.zip a.txt b.txt c.txt"));
  std::string zip = read_file(dir.file("good.zip"));
  // Overwrite the middle of b.txt's deflate data (its local header follows a.txt's data).
  const std::size_t b_header = zip.find("PK\x03\x04", 4);
  ASSERT_NE(b_header, std::string::npos);
  for (std::size_t i = b_header + 200; i < b_header + 260; ++i) zip[i] = static_cast<char>(0xff);
  StringSource source(zip);
  RecordingVisitor visitor;
  walk_archive(source, "bad.zip", Limits{}, visitor);
  const auto* a = visitor.find("bad.zip/a.txt");
  ASSERT_NE(a, nullptr) << ::testing::PrintToString(visitor.paths());
  EXPECT_EQ(a->content, first);
  EXPECT_EQ(a->status.code, "COMPLETE");
  const auto* b = visitor.find("bad.zip/b.txt");
  ASSERT_NE(b, nullptr);
  EXPECT_NE(b->status.code, "COMPLETE");
  EXPECT_EQ(b->status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_FALSE(b->status.detail.empty());
}

TEST(ArchiveWalk, GarbageAfterZipMagicIsAStatusNotACrash) {
  // 0x08 bytes: the general-purpose flags claim no encryption, so the fault is a parse error.
  StringSource source(std::string("PK\x03\x04", 4) + std::string(3000, '\x08'));
  RecordingVisitor visitor;
  const WalkSummary summary = walk_archive(source, "junk.zip", Limits{}, visitor);
  EXPECT_EQ(summary.status.reason, "UNABLE_TO_PARSE_FILE");
  EXPECT_NE(summary.status.code, "COMPLETE");
  EXPECT_NE(summary.status.detail.find("zip"), std::string::npos) << summary.status.detail;
}

TEST(ArchiveWalk, MemberCountLimitStopsTheWalk) {
  TAMIS_REQUIRE_TOOLS("tar");
  ScratchDir dir;
  for (int i = 0; i < 5; ++i) write_file(dir.file("m/f" + std::to_string(i)), "x\n");
  ASSERT_TRUE(dir.run("cd m && tar -cf ../five.tar f0 f1 f2 f3 f4"));
  Limits limits;
  limits.max_archive_members = 3;
  RecordingVisitor visitor;
  const WalkSummary summary = walk_file(dir.file("five.tar"), "five.tar", visitor, limits);
  EXPECT_EQ(visitor.paths(),
            (std::vector<std::string>{"five.tar/f0", "five.tar/f1", "five.tar/f2"}));
  EXPECT_EQ(summary.status.code, "PARTIAL");
  EXPECT_EQ(summary.status.reason, "ARCHIVE_MEMBER_LIMIT");
  EXPECT_NE(summary.status.detail.find("maxArchiveMembers (3)"), std::string::npos);
}

TEST(ArchiveWalk, DecodedBytesLimitCoversTheWholeObject) {
  TAMIS_REQUIRE_TOOLS("tar");
  ScratchDir dir;
  write_file(dir.file("m/a"), std::string(100000, 'a'));
  write_file(dir.file("m/b"), std::string(100000, 'b'));
  write_file(dir.file("m/c"), std::string(10, 'c'));
  ASSERT_TRUE(dir.run("cd m && tar -cf ../three.tar a b c"));
  Limits limits;
  limits.max_decoded_bytes = 150000;
  RecordingVisitor visitor;
  const WalkSummary summary = walk_file(dir.file("three.tar"), "three.tar", visitor, limits);
  ASSERT_EQ(visitor.members.size(), 2u) << ::testing::PrintToString(visitor.paths());
  EXPECT_EQ(visitor.members[0].bytes, 100000u);
  EXPECT_EQ(visitor.members[1].bytes, 50000u);
  EXPECT_EQ(visitor.members[1].status.reason, "FILE_EXCEEDS_SIZE_LIMIT");
  EXPECT_NE(visitor.members[1].status.detail.find("maxDecodedBytes (150000)"), std::string::npos);
  EXPECT_EQ(summary.status.reason, "FILE_EXCEEDS_SIZE_LIMIT");
  EXPECT_EQ(summary.bytes_delivered, 150000u);

  // A budget that ends exactly where the object ends is not a limit hit.
  limits.max_decoded_bytes = 200010;
  RecordingVisitor exact;
  const WalkSummary whole = walk_file(dir.file("three.tar"), "three.tar", exact, limits);
  ASSERT_EQ(exact.members.size(), 3u);
  for (const auto& member : exact.members) EXPECT_EQ(member.status.code, "COMPLETE");
  EXPECT_EQ(whole.status.code, "COMPLETE") << whole.status.detail;
  EXPECT_EQ(whole.bytes_delivered, 200010u);
}

TEST(ArchiveWalk, LinksAreListedAsSkippedNotFollowed) {
  TAMIS_REQUIRE_TOOLS("tar");
  ScratchDir dir;
  write_file(dir.file("m/real.txt"), "content\n");
  ASSERT_TRUE(
      dir.run("cd m && ln -s /etc/shadow link && ln real.txt hard && "
              "tar -cf ../links.tar real.txt link hard"));
  RecordingVisitor visitor;
  walk_file(dir.file("links.tar"), "links.tar", visitor);
  const auto* link = visitor.find("links.tar/link");
  ASSERT_NE(link, nullptr) << ::testing::PrintToString(visitor.paths());
  EXPECT_FALSE(link->readable);
  EXPECT_EQ(link->status.code, "SKIPPED");
  EXPECT_EQ(link->status.reason, "UNSUPPORTED_FILE_TYPE");
  EXPECT_NE(link->status.detail.find("symbolic link to \"/etc/shadow\""), std::string::npos);
  const auto* hard = visitor.find("links.tar/hard");
  ASSERT_NE(hard, nullptr);
  EXPECT_NE(hard->status.detail.find("hard link to \"real.txt\""), std::string::npos);
  ASSERT_NE(visitor.find("links.tar/real.txt"), nullptr);
  EXPECT_EQ(visitor.find("links.tar/real.txt")->content, "content\n");
}

TEST(ArchiveWalk, EncryptedZipMemberIsSkippedAndTheWalkContinues) {
  TAMIS_REQUIRE_TOOLS("zip");
  ScratchDir dir;
  write_file(dir.file("secret.txt"), "password=hunter2\n");
  write_file(dir.file("open.txt"), "public\n");
  ASSERT_TRUE(dir.run("zip -q -P pass mixed.zip secret.txt && zip -q mixed.zip open.txt"));
  RecordingVisitor visitor;
  const WalkSummary summary = walk_file(dir.file("mixed.zip"), "mixed.zip", visitor);
  const auto* secret = visitor.find("mixed.zip/secret.txt");
  ASSERT_NE(secret, nullptr) << ::testing::PrintToString(visitor.paths());
  EXPECT_EQ(secret->status.code, "SKIPPED");
  EXPECT_EQ(secret->status.reason, "ENCRYPTED");
  EXPECT_EQ(secret->bytes, 0u);
  const auto* open = visitor.find("mixed.zip/open.txt");
  ASSERT_NE(open, nullptr);
  EXPECT_EQ(open->content, "public\n");
  EXPECT_EQ(summary.status.code, "COMPLETE");
}

// Hostile input in bulk: every truncation point and random byte damage of real nested archives
// must end in statuses, never a crash, a hang or an unbounded read (run under ASan in CI).
TEST(ArchiveWalk, TruncatedAndDamagedArchivesAlwaysEndInStatuses) {
  TAMIS_REQUIRE_TOOLS("tar", "gzip", "zip", "bzip2");
  ScratchDir dir;
  write_file(dir.file("src/inner/a.csv"), numbered_lines(300));
  write_file(dir.file("src/b.txt"), "card 4111 1111 1111 1111\n");
  ASSERT_TRUE(
      dir.run("cd src && zip -qr ../in.zip inner && cd .. && cp in.zip src/ && "
              "tar -czf all.tar.gz -C src . && tar -cjf all.tar.bz2 -C src ."));
  const auto valid = [](const SeenMember& m) {
    return m.status.code == "COMPLETE" || m.status.code == "PARTIAL" || m.status.code == "SKIPPED";
  };
  std::mt19937 random(20261123);
  for (const char* name : {"in.zip", "all.tar.gz", "all.tar.bz2"}) {
    SCOPED_TRACE(name);
    const std::string original = read_file(dir.file(name));
    ASSERT_GT(original.size(), 100u);
    std::vector<std::string> variants;
    for (std::size_t cut = 1; cut < original.size(); cut += 1 + original.size() / 97) {
      variants.push_back(original.substr(0, cut));
    }
    for (int round = 0; round < 150; ++round) {
      std::string damaged = original;
      const int flips = 1 + static_cast<int>(random() % 8);
      for (int i = 0; i < flips; ++i) {
        damaged[random() % damaged.size()] = static_cast<char>(random() & 0xff);
      }
      variants.push_back(std::move(damaged));
    }
    for (const auto& bytes : variants) {
      StringSource source(bytes, 1 + random() % 5000);
      RecordingVisitor visitor(0);
      const WalkSummary summary = walk_archive(source, name, Limits{}, visitor);
      EXPECT_TRUE(summary.status.code == "COMPLETE" || summary.status.code == "PARTIAL" ||
                  summary.status.code == "SKIPPED")
          << summary.status.code;
      for (const auto& member : visitor.members) EXPECT_TRUE(valid(member)) << member.info.path;
      // Nothing here decodes to more than a few hundred KiB, whatever the damage.
      EXPECT_LT(summary.bytes_delivered, 8u << 20);
    }
  }
}

}  // namespace
}  // namespace tamis
