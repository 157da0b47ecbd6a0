// The MIME walker: structure, decoding, hostile and truncated emails, limits, chunking, streaming.
#include "extract/mime_walker.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "archive/byte_source.h"
#include "base64_test_support.h"

namespace tamis {
namespace {

// An in-memory email handed over `chunk` bytes at a time, or in two pieces cut at `split`.
class EmailSource final : public ByteSource {
 public:
  explicit EmailSource(std::string data, std::size_t chunk = 4096,
                       ObjectStatus end_status = ObjectStatus{})
      : data_(std::move(data)), chunk_(chunk), end_status_(std::move(end_status)) {}
  static EmailSource split_at(std::string data, std::size_t split) {
    EmailSource source(std::move(data));
    source.split_ = split;
    return source;
  }
  Pull pull(std::string_view& chunk) override {
    if (offset_ >= data_.size()) {
      status_ = end_status_;
      return Pull::kEnd;
    }
    std::size_t size = chunk_;
    if (split_ != std::string::npos) size = offset_ < split_ ? split_ - offset_ : data_.size();
    chunk = std::string_view(data_).substr(offset_, size);
    offset_ += chunk.size();
    return Pull::kData;
  }
  const ObjectStatus& status() const override { return status_; }

 private:
  std::string data_;
  std::size_t chunk_;
  std::size_t split_ = std::string::npos;
  std::size_t offset_ = 0;
  ObjectStatus end_status_;
  ObjectStatus status_;
};

struct SeenPart {
  MimePart part;
  std::string headers;
  bool has_headers = false;
  std::string body;
  bool has_body = false;
  ObjectStatus body_status;
};

// Records every header block and body, merged per part path, in the order first seen.
class RecordingVisitor final : public MimeVisitor {
 public:
  void on_headers(const MimePart& part, std::string_view header_text) override {
    SeenPart& seen = entry(part);
    seen.headers = std::string(header_text);
    seen.has_headers = true;
  }
  void on_body(const MimePart& part, ByteSource& decoded) override {
    SeenPart& seen = entry(part);
    seen.part = part;
    seen.has_body = true;
    std::string_view chunk;
    while (decoded.pull(chunk) == Pull::kData) seen.body += chunk;
    seen.body_status = decoded.status();
  }

  const SeenPart* find(std::string_view path) const {
    for (const auto& seen : parts) {
      if (seen.part.part_path == path) return &seen;
    }
    return nullptr;
  }
  std::vector<std::string> paths() const {
    std::vector<std::string> out;
    for (const auto& seen : parts) out.push_back(seen.part.part_path);
    return out;
  }
  // Everything seen, as one comparable text.
  std::string dump() const {
    std::string out;
    for (const auto& seen : parts) {
      const MimePart& p = seen.part;
      out += "[" + p.part_path + "|" + p.content_type + "|" + p.charset + "|" + p.filename + "|" +
             p.transfer_encoding + "|" + (p.attachment ? "A" : "I") + "|" +
             std::to_string(p.depth) + "]\n" + seen.headers + "<body " +
             (seen.has_body ? "yes" : "no") + ">" + seen.body + "</body>\n";
    }
    return out;
  }

  std::vector<SeenPart> parts;

 private:
  SeenPart& entry(const MimePart& part) {
    for (auto& seen : parts) {
      if (seen.part.part_path == part.part_path) return seen;
    }
    parts.push_back(SeenPart{part, {}, false, {}, false, {}});
    return parts.back();
  }
};

MimeSummary walk(std::string_view email, RecordingVisitor& visitor,
                 const MimeLimits& limits = MimeLimits{}, std::size_t chunk = 4096) {
  EmailSource source{std::string(email), chunk};
  return walk_mime(source, limits, visitor);
}

bool has_diagnostic(const MimeSummary& summary, std::string_view code) {
  return std::any_of(summary.diagnostics.begin(), summary.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

std::string crlf(std::string_view lf_text) {
  std::string out;
  for (const char c : lf_text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// MIME's 76-character lines.
std::string encode_base64(std::string_view bytes) {
  return testing_support::encode_base64(bytes, 76);
}

constexpr std::string_view kSimple =
    "From: Alice <alice@example.com>\n"
    "To: bob@example.com\n"
    "Subject: Payroll\n"
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "\n"
    "SSN 123-45-6789 as discussed.\n"
    "Bye\n";

TEST(MimeWalker, SimpleTextEmail) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk(kSimple, visitor);
  EXPECT_TRUE(is_complete(summary.status));
  EXPECT_TRUE(summary.diagnostics.empty());
  EXPECT_EQ(summary.parts, 1u);
  ASSERT_EQ(visitor.parts.size(), 1u);
  const SeenPart& message = visitor.parts[0];
  EXPECT_EQ(message.part.part_path, "");
  EXPECT_EQ(message.part.content_type, "text/plain");
  EXPECT_FALSE(message.part.attachment);
  EXPECT_EQ(message.headers,
            "From: Alice <alice@example.com>\nTo: bob@example.com\nSubject: Payroll\n"
            "Date: Mon, 1 Jan 2024 10:00:00 +0000\n");
  EXPECT_EQ(message.body, "SSN 123-45-6789 as discussed.\nBye\n");
}

constexpr std::string_view kAlternative =
    "From: a@example.com\n"
    "Subject: Hi\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/alternative;\n"
    "\tboundary=\"==alt==\"\n"
    "\n"
    "This is a multi-part message in MIME format.\n"
    "--==alt==\n"
    "Content-Type: text/plain; charset=\"us-ascii\"\n"
    "\n"
    "Plain 4111 1111 1111 1111\n"
    "--==alt==\n"
    "Content-Type: text/html; charset=UTF-8\n"
    "\n"
    "<p>Html</p>\n"
    "\n"
    "--==alt==--\n"
    "\n";

TEST(MimeWalker, MultipartAlternativeDeliversEachPartAndThePreamble) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk(kAlternative, visitor);
  EXPECT_TRUE(is_complete(summary.status));
  EXPECT_TRUE(summary.diagnostics.empty()) << summary.diagnostics[0].code;
  EXPECT_EQ(summary.parts, 3u);
  EXPECT_EQ(visitor.paths(), (std::vector<std::string>{"", "preamble", "1", "2"}));
  const SeenPart* message = visitor.find("");
  EXPECT_EQ(message->part.content_type, "multipart/alternative");
  EXPECT_FALSE(message->has_body);
  EXPECT_NE(message->headers.find("Content-Type: multipart/alternative;\tboundary=\"==alt==\"\n"),
            std::string::npos);
  EXPECT_EQ(visitor.find("preamble")->body, "This is a multi-part message in MIME format.");
  EXPECT_EQ(visitor.find("preamble")->part.content_type, "text/plain");
  const SeenPart* plain = visitor.find("1");
  EXPECT_EQ(plain->part.content_type, "text/plain");
  EXPECT_EQ(plain->part.charset, "us-ascii");
  EXPECT_EQ(plain->part.depth, 1u);
  EXPECT_FALSE(plain->part.attachment);
  EXPECT_EQ(plain->body, "Plain 4111 1111 1111 1111");  // the line break before "--" is not
  const SeenPart* html = visitor.find("2");
  EXPECT_EQ(html->part.content_type, "text/html");
  EXPECT_EQ(html->part.charset, "UTF-8");
  EXPECT_EQ(html->body, "<p>Html</p>\n");
  EXPECT_EQ(visitor.find("epilogue"), nullptr);  // blank epilogue: nothing to scan
}

std::string zip_bytes() {
  std::string bytes("PK\x03\x04\x14\x00\x00\x00\x08\x00", 10);
  std::mt19937 generator(42);
  for (int i = 0; i < 5000; ++i) bytes += static_cast<char>(generator() & 0xFF);
  bytes += std::string("PK\x05\x06\x00\x00\r\n--b1\r\n", 14);  // looks like a boundary, encoded
  return bytes;
}

std::string mixed_with_attachment() {
  return crlf(
             "From: a@example.com\n"
             "Content-Type: multipart/mixed; boundary=b1\n"
             "\n"
             "--b1\n"
             "Content-Type: text/plain\n"
             "\n"
             "See attached.\n"
             "--b1\n"
             "Content-Type: application/zip; name=\"data.zip\"\n"
             "Content-Disposition: attachment; filename=\"customers.zip\"\n"
             "Content-Transfer-Encoding: Base64\n"
             "\n") +
         encode_base64(zip_bytes()) + crlf("\n--b1--\n");
}

TEST(MimeWalker, Base64AttachmentComesOutExact) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk(mixed_with_attachment(), visitor);
  EXPECT_TRUE(is_complete(summary.status));
  EXPECT_TRUE(summary.diagnostics.empty());
  const SeenPart* text = visitor.find("1");
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(text->body, "See attached.");
  const SeenPart* zip = visitor.find("2");
  ASSERT_NE(zip, nullptr);
  EXPECT_EQ(zip->part.content_type, "application/zip");
  EXPECT_EQ(zip->part.filename, "customers.zip");  // Content-Disposition wins over name
  EXPECT_EQ(zip->part.transfer_encoding, "base64");
  EXPECT_TRUE(zip->part.attachment);
  EXPECT_EQ(zip->body, zip_bytes());
  EXPECT_TRUE(is_complete(zip->body_status));
}

constexpr std::string_view kNested =
    "Content-Type: multipart/mixed; boundary=\"outer\"\n"
    "\n"
    "--outer\n"
    "Content-Type: multipart/alternative; boundary=\"inner\"\n"
    "\n"
    "--inner\n"
    "\n"
    "inner plain\n"
    "--inner\n"
    "Content-Type: text/html\n"
    "\n"
    "inner html\n"
    "--inner--\n"
    "inner epilogue text\n"
    "--outer\n"
    "Content-Type: text/csv; name=list.csv\n"
    "\n"
    "a,b\n"
    "--outer--\n"
    "outer epilogue\n";

TEST(MimeWalker, NestedMultipartsNumberPartsLikeImap) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk(kNested, visitor);
  EXPECT_TRUE(is_complete(summary.status));
  EXPECT_TRUE(summary.diagnostics.empty());
  EXPECT_EQ(visitor.paths(),
            (std::vector<std::string>{"", "1", "1.1", "1.2", "1.epilogue", "2", "epilogue"}));
  EXPECT_EQ(visitor.find("1")->part.content_type, "multipart/alternative");
  EXPECT_EQ(visitor.find("1.1")->body, "inner plain");
  EXPECT_EQ(visitor.find("1.1")->part.content_type, "text/plain");  // no headers: the default
  EXPECT_EQ(visitor.find("1.1")->part.depth, 2u);
  EXPECT_EQ(visitor.find("1.2")->body, "inner html");
  EXPECT_EQ(visitor.find("1.epilogue")->body, "inner epilogue text");
  EXPECT_EQ(visitor.find("2")->body, "a,b");
  EXPECT_EQ(visitor.find("2")->part.filename, "list.csv");
  EXPECT_FALSE(visitor.find("2")->part.attachment);  // text/* without attachment disposition
  EXPECT_EQ(visitor.find("epilogue")->body, "outer epilogue\n");
  EXPECT_EQ(summary.parts, 5u);  // the message, 1, 1.1, 1.2, 2
}

constexpr std::string_view kForwarded =
    "Subject: Fwd\n"
    "Content-Type: multipart/mixed; boundary=m\n"
    "\n"
    "--m\n"
    "\n"
    "see below\n"
    "--m\n"
    "Content-Type: message/rfc822\n"
    "Content-Disposition: inline\n"
    "\n"
    "Subject: =?utf-8?q?Inner_=C3=A9?=\n"
    "Content-Type: multipart/mixed; boundary=n\n"
    "\n"
    "--n\n"
    "\n"
    "inner body\n"
    "--n--\n"
    "--m--\n";

TEST(MimeWalker, MessagePartIsDeliveredWholeForTheCallerToWalk) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk(kForwarded, visitor);
  EXPECT_TRUE(summary.diagnostics.empty());
  const SeenPart* forwarded = visitor.find("2");
  ASSERT_NE(forwarded, nullptr);
  EXPECT_EQ(forwarded->part.content_type, "message/rfc822");
  EXPECT_TRUE(forwarded->part.attachment);
  EXPECT_EQ(forwarded->body,
            "Subject: =?utf-8?q?Inner_=C3=A9?=\nContent-Type: multipart/mixed; boundary=n\n\n"
            "--n\n\ninner body\n--n--");
  RecordingVisitor inner;
  const MimeSummary inner_summary = walk(forwarded->body, inner);
  EXPECT_EQ(inner.find("")->headers,
            "Subject: Inner \xC3\xA9\nContent-Type: multipart/mixed; boundary=n\n");
  EXPECT_EQ(inner.find("1")->body, "inner body");
  EXPECT_TRUE(inner_summary.diagnostics.empty());
}

TEST(MimeWalker, DigestPartsDefaultToMessages) {
  RecordingVisitor visitor;
  walk("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: one\n\nbody\n--d--\n",
       visitor);
  ASSERT_NE(visitor.find("1"), nullptr);
  EXPECT_EQ(visitor.find("1")->part.content_type, "message/rfc822");
  EXPECT_EQ(visitor.find("1")->body, "Subject: one\n\nbody");
}

TEST(MimeWalker, QuotedPrintableSoftBreaksAreJoined) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk(crlf("Content-Type: text/plain; charset=iso-8859-1\n"
                                        "Content-Transfer-Encoding: quoted-printable\n"
                                        "\n"
                                        "Num=E9ro de carte: 4111 1111 =\n"
                                        "1111 1111=0A=\n"
                                        "fin=3D\n"),
                                   visitor);
  EXPECT_TRUE(summary.diagnostics.empty());
  const SeenPart* body = visitor.find("");
  EXPECT_EQ(body->part.transfer_encoding, "quoted-printable");
  EXPECT_EQ(body->part.charset, "iso-8859-1");
  EXPECT_EQ(body->body, "Num\xE9ro de carte: 4111 1111 1111 1111\nfin=\r\n");
}

TEST(MimeWalker, EncodedWordSubjectsAreDecoded) {
  RecordingVisitor visitor;
  walk(
      "Subject: =?ISO-8859-1?Q?R=E9sum=E9?= and\n =?UTF-8?B?4oKsIDEwMA==?=\n"
      "From: =?utf-8?q?Jos=C3=A9?= <jose@example.com>\n\nbody\n",
      visitor);
  EXPECT_EQ(visitor.find("")->headers,
            "Subject: R\xC3\xA9sum\xC3\xA9 and \xE2\x82\xAC 100\n"
            "From: Jos\xC3\xA9 <jose@example.com>\n");
}

TEST(MimeWalker, Rfc2231FilenamesAreDecoded) {
  RecordingVisitor visitor;
  walk(
      "Content-Type: multipart/mixed; boundary=x\n\n"
      "--x\n"
      "Content-Type: application/pdf\n"
      "Content-Disposition: attachment;\n"
      " filename*0*=utf-8''%E2%82%AC%20Gehalt;\n"
      " filename*1=\".pdf\"\n"
      "\n"
      "%PDF\n"
      "--x\n"
      "Content-Type: text/plain; name=\"=?iso-8859-1?q?r=E9sum=E9.txt?=\"\n\n"
      "text\n"
      "--x--\n",
      visitor);
  ASSERT_NE(visitor.find("1"), nullptr);
  EXPECT_EQ(visitor.find("1")->part.filename, "\xE2\x82\xAC Gehalt.pdf");
  EXPECT_EQ(visitor.find("2")->part.filename, "r\xC3\xA9sum\xC3\xA9.txt");
}

TEST(MimeWalker, CrLfAndLfEmailsGiveTheSameParts) {
  RecordingVisitor lf;
  RecordingVisitor crlf_visitor;
  walk(kNested, lf);
  walk(crlf(kNested), crlf_visitor);
  ASSERT_EQ(lf.paths(), crlf_visitor.paths());
  for (std::size_t i = 0; i < lf.parts.size(); ++i) {
    EXPECT_EQ(crlf(lf.parts[i].body), crlf_visitor.parts[i].body) << lf.parts[i].part.part_path;
    EXPECT_EQ(lf.parts[i].headers, crlf_visitor.parts[i].headers);
  }
  EXPECT_EQ(crlf_visitor.find("epilogue")->body, "outer epilogue\r\n");
}

TEST(MimeWalker, BoundaryLookalikesInTheBodyAreText) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk(
      "Content-Type: multipart/mixed; boundary=\"sep\"\n\n"
      "--sep\n\n"
      "text --sep in the middle\n"
      "--separator is a longer word\n"
      "--sep- almost\n"
      "--sep-- trailing words\n"
      "--sep  \t\n"
      "second\n"
      "--sep--\n",
      visitor);
  EXPECT_TRUE(summary.diagnostics.empty());
  EXPECT_EQ(visitor.find("1")->body,
            "text --sep in the middle\n--separator is a longer word\n--sep- almost\n"
            "--sep-- trailing words");
  EXPECT_EQ(visitor.find("2")->body, "second");  // transport padding after the boundary is fine
}

TEST(MimeWalker, TruncatedEmailDeliversEverythingBeforeTheCut) {
  const std::string full = mixed_with_attachment();
  const std::string truncated = full.substr(0, full.size() / 2);
  RecordingVisitor visitor;
  const MimeSummary summary = walk(truncated, visitor);
  EXPECT_TRUE(has_diagnostic(summary, "MIME_UNTERMINATED_MULTIPART"));
  EXPECT_EQ(visitor.find("1")->body, "See attached.");
  const SeenPart* zip = visitor.find("2");
  ASSERT_NE(zip, nullptr);
  ASSERT_GT(zip->body.size(), 1000u);
  EXPECT_EQ(zip->body, zip_bytes().substr(0, zip->body.size()));
}

TEST(MimeWalker, MissingFinalBoundaryEndsTheLastPartAtTheEnd) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk(
      "Content-Type: multipart/mixed; boundary=q\n\n--q\n\none\n--q\n\ntwo\nlast line\n", visitor);
  EXPECT_TRUE(has_diagnostic(summary, "MIME_UNTERMINATED_MULTIPART"));
  EXPECT_TRUE(is_complete(summary.status));  // every byte present was scanned
  EXPECT_EQ(visitor.find("1")->body, "one");
  EXPECT_EQ(visitor.find("2")->body, "two\nlast line\n");
}

TEST(MimeWalker, InnerMultipartClosedByTheOuterBoundary) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk(
      "Content-Type: multipart/mixed; boundary=o\n\n"
      "--o\nContent-Type: multipart/related; boundary=i\n\n--i\n\ninner\n"
      "--o\n\nouter two\n--o--\n",
      visitor);
  EXPECT_TRUE(has_diagnostic(summary, "MIME_UNTERMINATED_MULTIPART"));
  EXPECT_EQ(visitor.find("1.1")->body, "inner");
  EXPECT_EQ(visitor.find("2")->body, "outer two");
}

TEST(MimeWalker, GarbageBase64IsReportedNotFatal) {
  RecordingVisitor visitor;
  const MimeSummary summary =
      walk("Content-Transfer-Encoding: base64\n\n!!!! not base64 at all ###\nQUJD\n", visitor);
  EXPECT_TRUE(has_diagnostic(summary, "MIME_INVALID_BASE64"));
  EXPECT_TRUE(is_complete(summary.status));
  ASSERT_NE(visitor.find(""), nullptr);
  EXPECT_TRUE(visitor.find("")->has_body);
}

TEST(MimeWalker, HeadersOnlyWithoutBlankLine) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk("From: a@example.com\r\nSubject: only headers", visitor);
  EXPECT_TRUE(is_complete(summary.status));
  ASSERT_EQ(visitor.parts.size(), 1u);
  EXPECT_EQ(visitor.parts[0].headers, "From: a@example.com\nSubject: only headers\n");
  EXPECT_FALSE(visitor.parts[0].has_body);
}

TEST(MimeWalker, BodyWithoutBlankLineStartsAtTheFirstNonHeaderLine) {
  RecordingVisitor visitor;
  const MimeSummary summary = walk("Subject: x\nThis line is text.\nMore\n", visitor);
  EXPECT_TRUE(has_diagnostic(summary, "MIME_MISSING_HEADER_SEPARATOR"));
  EXPECT_EQ(visitor.find("")->headers, "Subject: x\n");
  EXPECT_EQ(visitor.find("")->body, "This line is text.\nMore\n");
}

TEST(MimeWalker, TextWithoutHeadersIsOneBody) {
  RecordingVisitor visitor;
  walk("just some text\n--not a boundary\n", visitor);
  ASSERT_EQ(visitor.parts.size(), 1u);
  EXPECT_FALSE(visitor.parts[0].has_headers);
  EXPECT_EQ(visitor.parts[0].body, "just some text\n--not a boundary\n");
}

TEST(MimeWalker, PartHeadersEndedByADelimiterHaveNoBody) {
  RecordingVisitor visitor;
  walk(
      "Content-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: "
      "text/plain\n--z\n\nb\n--z--\n",
      visitor);
  ASSERT_NE(visitor.find("1"), nullptr);
  EXPECT_TRUE(visitor.find("1")->has_headers);
  EXPECT_FALSE(visitor.find("1")->has_body);
  EXPECT_EQ(visitor.find("2")->body, "b");
}

TEST(MimeWalker, MultipartWithoutBoundaryIsScannedWhole) {
  RecordingVisitor visitor;
  const MimeSummary summary =
      walk("Content-Type: multipart/mixed\n\n--x\n\nbody\n--x--\n", visitor);
  EXPECT_TRUE(has_diagnostic(summary, "MIME_MISSING_BOUNDARY"));
  EXPECT_EQ(visitor.find("")->body, "--x\n\nbody\n--x--\n");
}

TEST(MimeWalker, OddEncodingsAndBoundariesAreDiagnosed) {
  RecordingVisitor visitor;
  const std::string long_boundary(1000, 'b');
  std::string email = "Content-Type: multipart/mixed; boundary=o\n\n";
  email += "--o\nContent-Transfer-Encoding: x-uuencode\n\nbegin 644 f\n";
  email += "--o\nContent-Transfer-Encoding: quoted-printable\n\nlone = sign\n";
  email += "--o\nContent-Type: multipart/mixed; boundary=" + long_boundary + "\n\ninner\n";
  email += "--o--\n";
  const MimeSummary summary = walk(email, visitor);
  EXPECT_TRUE(has_diagnostic(summary, "MIME_UNKNOWN_TRANSFER_ENCODING"));
  EXPECT_TRUE(has_diagnostic(summary, "MIME_INVALID_QUOTED_PRINTABLE"));
  EXPECT_TRUE(has_diagnostic(summary, "MIME_MISSING_BOUNDARY"));
  EXPECT_TRUE(is_complete(summary.status));
  EXPECT_EQ(visitor.find("1")->body, "begin 644 f");
  EXPECT_EQ(visitor.find("2")->body, "lone = sign");
  EXPECT_EQ(visitor.find("3")->body, "inner");
  EXPECT_TRUE(visitor.find("3")->part.attachment);
}

TEST(MimeWalker, HugeHeaderIsCutAtTheLimit) {
  std::string email = "Subject: big\nX-Junk: ";
  email.append(3000, 'j');
  email += "\nX-After: hidden\n\nbody text\n";
  MimeLimits limits;
  limits.max_header_bytes = 1000;
  RecordingVisitor visitor;
  const MimeSummary summary = walk(email, visitor, limits, 97);
  EXPECT_EQ(summary.status.code, "PARTIAL");
  EXPECT_EQ(summary.status.reason, "MIME_HEADER_OVER_LIMIT");
  EXPECT_TRUE(has_diagnostic(summary, "MIME_HEADER_OVER_LIMIT"));
  const SeenPart* message = visitor.find("");
  EXPECT_LE(message->headers.size(), 1000u + 20u);
  EXPECT_EQ(message->headers.find("hidden"), std::string::npos);
  EXPECT_EQ(message->headers.rfind("Subject: big\nX-Junk: jjj", 0), 0u);
  EXPECT_EQ(message->body, "body text\n");  // the walk goes on after the header block
}

TEST(MimeWalker, DepthLimitSkipsDeeperMultiparts) {
  std::string email;
  for (int level = 0; level < 6; ++level) {
    email += "Content-Type: multipart/mixed; boundary=L" + std::to_string(level) + "\n\n--L" +
             std::to_string(level) + "\n";
  }
  email += "\ndeep text\n";
  for (int level = 5; level >= 0; --level) email += "--L" + std::to_string(level) + "--\n";
  MimeLimits limits;
  limits.max_depth = 3;
  RecordingVisitor visitor;
  const MimeSummary summary = walk(email, visitor, limits);
  EXPECT_EQ(summary.status.code, "PARTIAL");
  EXPECT_EQ(summary.status.reason, "MIME_NESTING_LEVEL_OVER_LIMIT");
  EXPECT_EQ(visitor.paths(), (std::vector<std::string>{"", "1", "1.1", "1.1.1"}));
  EXPECT_FALSE(visitor.find("1.1.1")->has_body);

  RecordingVisitor unlimited;
  const MimeSummary full = walk(email, unlimited);
  EXPECT_TRUE(is_complete(full.status));
  EXPECT_TRUE(full.diagnostics.empty());
  EXPECT_EQ(unlimited.find("1.1.1.1.1.1")->body, "deep text");
}

TEST(MimeWalker, HostileNestingStaysWithinTheCeiling) {
  std::string email;
  for (int level = 0; level < 5000; ++level) {
    email += "Content-Type: multipart/mixed; boundary=b" + std::to_string(level) + "\n\n--b" +
             std::to_string(level) + "\n";
  }
  MimeLimits limits;
  limits.max_depth = 1'000'000;
  RecordingVisitor visitor;
  const MimeSummary summary = walk(email, visitor, limits);
  EXPECT_EQ(summary.status.reason, "MIME_NESTING_LEVEL_OVER_LIMIT");
}

TEST(MimeWalker, PartsLimitStopsTheWalk) {
  std::string email = "Content-Type: multipart/mixed; boundary=p\n\n";
  for (int i = 0; i < 10; ++i) email += "--p\n\npart " + std::to_string(i) + "\n";
  email += "--p--\n";
  MimeLimits limits;
  limits.max_parts = 5;  // the message and four parts
  RecordingVisitor visitor;
  const MimeSummary summary = walk(email, visitor, limits);
  EXPECT_EQ(summary.status.code, "PARTIAL");
  EXPECT_EQ(summary.status.reason, "MIME_PARTS_OVER_LIMIT");
  EXPECT_EQ(summary.parts, 5u);
  EXPECT_EQ(visitor.paths(), (std::vector<std::string>{"", "1", "2", "3", "4"}));
  EXPECT_EQ(visitor.find("4")->body, "part 3");
}

std::string chunking_email() {
  return crlf(
             "From: =?utf-8?q?caf=C3=A9?= <c@example.com>\n"
             "Subject: split\n"
             "Content-Type: multipart/mixed; boundary=\"--=_s\"\n"
             "\n"
             "preamble words\n"
             "----=_s\n"
             "Content-Type: text/plain\n"
             "Content-Transfer-Encoding: quoted-printable\n"
             "\n"
             "soft=\n"
             " break =E9=\n"
             "\n"
             "----=_s\n"
             "Content-Type: application/octet-stream\n"
             "Content-Transfer-Encoding: base64\n"
             "\n") +
         encode_base64(std::string("\x00\x01\r\n----=_s\r\nbinary\xff", 19)) +
         crlf("\n----=_s\n\n-\n--\n----=_\n----=_s--\nepilogue\n");
}

TEST(MimeWalker, EveryChunkSplitGivesIdenticalResults) {
  const std::string email = chunking_email();
  RecordingVisitor reference;
  const MimeSummary reference_summary = walk(email, reference, MimeLimits{}, email.size());
  EXPECT_TRUE(reference_summary.diagnostics.empty());
  EXPECT_EQ(reference.paths(),
            (std::vector<std::string>{"", "preamble", "1", "2", "3", "epilogue"}));
  EXPECT_EQ(reference.find("1")->body, "soft break \xE9");
  EXPECT_EQ(reference.find("2")->body, std::string("\x00\x01\r\n----=_s\r\nbinary\xff", 19));
  EXPECT_EQ(reference.find("3")->body, "-\r\n--\r\n----=_");
  const std::string expected = reference.dump();
  for (std::size_t split = 0; split <= email.size(); ++split) {
    RecordingVisitor visitor;
    EmailSource source = EmailSource::split_at(email, split);
    walk_mime(source, MimeLimits{}, visitor);
    ASSERT_EQ(visitor.dump(), expected) << "split at " << split;
  }
  for (std::size_t chunk = 1; chunk <= 8; ++chunk) {
    RecordingVisitor visitor;
    walk(email, visitor, MimeLimits{}, chunk);
    ASSERT_EQ(visitor.dump(), expected) << "chunks of " << chunk;
  }
}

// Pulls one chunk of each body at most (or none), then returns.
class HastyVisitor final : public MimeVisitor {
 public:
  explicit HastyVisitor(bool pull_one) : pull_one_(pull_one) {}
  void on_headers(const MimePart&, std::string_view) override {}
  void on_body(const MimePart& part, ByteSource& decoded) override {
    paths.push_back(part.part_path);
    std::string_view chunk;
    if (pull_one_) decoded.pull(chunk);
  }
  std::vector<std::string> paths;

 private:
  bool pull_one_;
};

TEST(MimeWalker, VisitorMayStopPullingEarly) {
  for (const bool pull_one : {true, false}) {
    HastyVisitor visitor(pull_one);
    EmailSource source(mixed_with_attachment() + "epilogue\r\n", 64);
    const MimeSummary summary = walk_mime(source, MimeLimits{}, visitor);
    EXPECT_TRUE(is_complete(summary.status));
    EXPECT_TRUE(summary.diagnostics.empty());
    EXPECT_EQ(visitor.paths, (std::vector<std::string>{"1", "2", "epilogue"}));
  }
}

TEST(MimeWalker, SourceFailureBecomesTheStatus) {
  RecordingVisitor visitor;
  EmailSource source(std::string(kAlternative.substr(0, 290)), 50,
                     make_status("PARTIAL", "UNABLE_TO_PARSE_FILE", "read error at 290"));
  const MimeSummary summary = walk_mime(source, MimeLimits{}, visitor);
  EXPECT_EQ(summary.status.reason, "UNABLE_TO_PARSE_FILE");
  const SeenPart* last = &visitor.parts.back();
  EXPECT_EQ(last->part.part_path, "2");
  EXPECT_EQ(last->body, "<p>Ht");
  EXPECT_TRUE(last->has_body);
  EXPECT_EQ(last->body_status.reason, "UNABLE_TO_PARSE_FILE");
}

// The attachment of the large-email test: `blocks` blocks of kLargeBlock pseudo-random bytes, each
// starting with its own number, so a block delivered twice or skipped shows.
constexpr std::size_t kLargeBlock = 57 * 4096;  // whole 76-character base64 lines

const std::string& large_block_base() {
  static const std::string base = [] {
    std::mt19937 generator(1234);
    std::string bytes(kLargeBlock, '\0');
    for (char& c : bytes) c = static_cast<char>(generator() & 0xFF);
    return bytes;
  }();
  return base;
}

std::string large_block_number(std::uint64_t block) {
  return {static_cast<char>(block >> 16), static_cast<char>(block >> 8), static_cast<char>(block)};
}

// A multipart email with that attachment base64-encoded, produced block by block as it is
// pulled: nothing the size of the attachment exists anywhere.
class LargeEmailSource final : public ByteSource {
 public:
  explicit LargeEmailSource(std::uint64_t blocks)
      : blocks_(blocks), encoded_base_(encode_base64(large_block_base())) {
    buffer_ =
        "Content-Type: multipart/mixed; boundary=big\r\n\r\n--big\r\n"
        "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  }
  Pull pull(std::string_view& chunk) override {
    if (done_) return Pull::kEnd;
    if (next_block_ == blocks_) {
      buffer_ = "--big--\r\n";
      done_ = true;
    } else if (!first_) {
      buffer_ = encoded_base_;
      buffer_.replace(0, 4, encode_base64(large_block_number(next_block_++)));
    }
    first_ = false;
    chunk = buffer_;
    return Pull::kData;
  }
  const ObjectStatus& status() const override { return status_; }

 private:
  std::uint64_t blocks_;
  std::uint64_t next_block_ = 0;
  std::string encoded_base_;
  std::string buffer_;
  bool first_ = true;
  bool done_ = false;
  ObjectStatus status_;
};

// Compares the decoded attachment with the blocks it should hold, and watches the heap meanwhile.
class CheckingVisitor final : public MimeVisitor {
 public:
  void on_headers(const MimePart&, std::string_view) override {}
  void on_body(const MimePart& part, ByteSource& decoded) override {
    if (part.part_path != "1") return;
    std::string_view chunk;
    while (decoded.pull(chunk) == Pull::kData) {
      while (!chunk.empty()) {
        const std::uint64_t block = bytes / kLargeBlock;
        const std::size_t offset = static_cast<std::size_t>(bytes % kLargeBlock);
        const std::size_t take = std::min(chunk.size(), kLargeBlock - offset);
        const std::string number = large_block_number(block);
        for (std::size_t i = offset; i < 3 && i < offset + take; ++i) {
          if (chunk[i - offset] != number[i]) ++mismatches;
        }
        const std::size_t skip = offset < 3 ? std::min(take, 3 - offset) : 0;
        if (chunk.substr(skip, take - skip) !=
            std::string_view(large_block_base()).substr(offset + skip, take - skip)) {
          ++mismatches;
        }
        chunk.remove_prefix(take);
        bytes += take;
      }
      peak_heap = std::max(peak_heap, mallinfo2().uordblks);
    }
  }
  std::uint64_t bytes = 0;
  std::uint64_t mismatches = 0;
  std::size_t peak_heap = 0;
};

TEST(MimeWalker, LargeBase64AttachmentIsStreamed) {
  constexpr std::uint64_t kBlocks = (64u << 20) / kLargeBlock + 1;  // just over 64 MiB
  LargeEmailSource source(kBlocks);
  CheckingVisitor visitor;
  const std::size_t heap_before = mallinfo2().uordblks;
  const MimeSummary summary = walk_mime(source, MimeLimits{}, visitor);
  EXPECT_TRUE(is_complete(summary.status));
  EXPECT_TRUE(summary.diagnostics.empty());
  EXPECT_EQ(visitor.bytes, kBlocks * kLargeBlock);
  EXPECT_EQ(visitor.mismatches, 0u);
  // Sanitizer builds replace malloc, and mallinfo2 then reports nothing to compare.
  if (heap_before > 0) {
    EXPECT_LT(visitor.peak_heap, heap_before + (8u << 20));
  }
}

TEST(MimeSniff, RecognisesEmails) {
  EXPECT_TRUE(looks_like_email("x", kSimple));
  EXPECT_TRUE(looks_like_email("x", "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhi"));
  EXPECT_TRUE(looks_like_email(
      "x", "From alice@example.com Mon Jan  1 10:00:00 2024\nFrom: alice@example.com\n\nhi\n"));
  EXPECT_TRUE(looks_like_email("x",
                               "Received: from mx by mx2;\n\tMon, 1 Jan 2024\nReturn-Path: "
                               "<a@b.c>\nX-Spam: no\nMessage-ID: <1@b.c>\n"));
  EXPECT_TRUE(looks_like_email("mail.EML", "Subject: hello\n\nbody"));
  EXPECT_FALSE(looks_like_email("notes.txt", "Subject: hello\n\nbody"));
}

TEST(MimeSniff, IgnoresLookalikes) {
  EXPECT_FALSE(looks_like_email(
      "x", "HTTP/1.1 200 OK\r\nDate: Mon, 1 Jan 2024\r\nContent-Type: text/html\r\n\r\n<html>"));
  EXPECT_FALSE(looks_like_email(
      "x", "Date: Mon, 1 Jan 2024\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n"));
  EXPECT_FALSE(looks_like_email("x", "from: alice\nto: bob\nsubject: yaml\ndate: today\n"));
  EXPECT_FALSE(looks_like_email("x", "---\nFrom: a\nTo: b\nSubject: c\n"));
  EXPECT_FALSE(looks_like_email("x", "From the start, we knew.\nTo be continued.\n"));
  EXPECT_FALSE(looks_like_email("x", "Dear Bob,\nFrom: me\nTo: you\nSubject: x\n"));
  EXPECT_FALSE(looks_like_email("x", ""));
}

}  // namespace
}  // namespace tamis
