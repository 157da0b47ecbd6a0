package tamis_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	tamis "github.com/tamis-project/tamis/bindings/go"
)

// generatedText streams `lines` lines of filler with an SSN line at each of ssnLines (1-based),
// without ever holding the text in memory.
type generatedText struct {
	lines, line int
	ssnLines    map[int]bool
	pending     string
}

const fillerLine = "the quick brown fox jumps over the lazy dog, again and again.\n"
const ssnLine = "SSN: 536-22-4871 on file\n"

func (g *generatedText) Read(buffer []byte) (int, error) {
	n := 0
	for n < len(buffer) {
		if g.pending == "" {
			if g.line == g.lines {
				break
			}
			g.line++
			g.pending = fillerLine
			if g.ssnLines[g.line] {
				g.pending = ssnLine
			}
		}
		copied := copy(buffer[n:], g.pending)
		g.pending = g.pending[copied:]
		n += copied
	}
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

func TestScanReaderStreamsALargeObject(t *testing.T) {
	const lines = 400_000 // about 25 MB
	ssnLines := []int{2, 250_000, lines}
	generator := &generatedText{lines: lines, ssnLines: map[int]bool{}}
	for _, line := range ssnLines {
		generator.ssnLines[line] = true
	}
	size := int64((lines-len(ssnLines))*len(fillerLine) + len(ssnLines)*len(ssnLine))

	scanner := newScanner(t, newEngine(t, ssnAndCardConfig))
	// iotest.HalfReader hands tamis short reads, as network readers do.
	result, err := scanner.ScanReader(iotest.HalfReader(generator), tamis.WithName("big.txt"))
	if err != nil {
		t.Fatal(err)
	}
	object := onlyObject(t, result)
	if object.Status.Code != tamis.CodeComplete || object.Size != size || object.SizeClassified != size {
		t.Fatalf("want COMPLETE with %d bytes, got %s", size, object.JSON)
	}
	ssn := findFinding(t, object, "USA_SOCIAL_SECURITY_NUMBER")
	if ssn.Count != int64(len(ssnLines)) || len(ssn.Occurrences.LineRanges) != len(ssnLines) {
		t.Fatalf("want %d SSNs, got %+v", len(ssnLines), ssn)
	}
	for i, line := range ssnLines {
		if got := ssn.Occurrences.LineRanges[i]; got.Start != uint64(line) || got.StartColumn != 6 {
			t.Errorf("SSN %d: want line %d column 6, got %+v", i, line, got)
		}
	}
}

func TestScanReaderFailureGivesPartialResultAndTheReadersError(t *testing.T) {
	broken := errors.New("connection reset")
	scanner := newScanner(t, newEngine(t, ssnAndCardConfig))
	readers := map[string]io.Reader{
		"error after the data": io.MultiReader(strings.NewReader(sensitiveText), iotest.ErrReader(broken)),
		"error with the data":  iotest.TimeoutReader(strings.NewReader(sensitiveText)),
	}
	for name, reader := range readers {
		result, err := scanner.ScanReader(reader, tamis.WithName("stream.txt"))
		want := broken
		if name == "error with the data" {
			want = iotest.ErrTimeout
		}
		if !errors.Is(err, want) {
			t.Errorf("%s: want the reader's error, got %v", name, err)
		}
		if result == nil {
			t.Fatalf("%s: want the partial result with the error", name)
		}
		object := onlyObject(t, result)
		if object.Status != (tamis.ObjectStatus{Code: tamis.CodePartial, Reason: "SOURCE_OBJECT_NO_LONGER_AVAILABLE"}) {
			t.Errorf("%s: status %+v", name, object.Status)
		}
		if name == "error after the data" {
			wantOccurrence(t, findFinding(t, object, "USA_SOCIAL_SECURITY_NUMBER"), 3, 6, "*******4871")
		}
	}
}

// A reader breaking io.Reader's contract is a reader failure, not memory corruption.
type lyingReader struct{}

func (lyingReader) Read(buffer []byte) (int, error) { return len(buffer) + 1, nil }

type silentReader struct{}

func (silentReader) Read([]byte) (int, error) { return 0, nil }

func TestMisbehavingReadersFailTheRead(t *testing.T) {
	scanner := newScanner(t, sharedDefaultEngine(t))
	if _, err := scanner.ScanReader(lyingReader{}); err == nil || !strings.Contains(err.Error(), "bytes for a") {
		t.Errorf("a reader claiming more bytes than the buffer: got %v", err)
	}
	if _, err := scanner.ScanReader(silentReader{}); !errors.Is(err, io.ErrNoProgress) {
		t.Errorf("a reader that never progresses: want io.ErrNoProgress, got %v", err)
	}
	if _, err := scanner.ScanReader(nil); !errors.Is(err, tamis.ErrInvalidArg) {
		t.Errorf("a nil reader: want ErrInvalidArg, got %v", err)
	}
}

type panickingReader struct{}

func (panickingReader) Read([]byte) (int, error) { panic("reader exploded") }

func TestReaderPanicIsRaisedAfterTheScan(t *testing.T) {
	scanner := newScanner(t, sharedDefaultEngine(t))
	func() {
		defer func() {
			if r := recover(); r != "reader exploded" {
				t.Errorf("want the reader's panic, got %v", r)
			}
		}()
		scanner.ScanReader(panickingReader{})
		t.Errorf("ScanReader returned instead of panicking")
	}()
	// The scanner is released by the panic and still works.
	if _, err := scanner.Scan([]byte(sensitiveText)); err != nil {
		t.Fatalf("scan after a panic: %v", err)
	}
}
