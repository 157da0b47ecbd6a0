package tamis_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tamis "github.com/tamis-project/tamis/bindings/go"
)

func TestScanFindsSSNAndCardWithTheirLines(t *testing.T) {
	scanner := newScanner(t, newEngine(t, ssnAndCardConfig))
	result, err := scanner.Scan([]byte(sensitiveText), tamis.WithName("exports/record.txt"))
	if err != nil {
		t.Fatal(err)
	}
	object := onlyObject(t, result)
	if object.Path != "exports/record.txt" || object.Extension != "txt" {
		t.Errorf("path %q extension %q", object.Path, object.Extension)
	}
	if object.Status.Code != tamis.CodeComplete || object.Status.Reason != "" {
		t.Errorf("status %+v", object.Status)
	}
	if object.Size != int64(len(sensitiveText)) || object.SizeClassified != int64(len(sensitiveText)) {
		t.Errorf("size %d, classified %d, want %d", object.Size, object.SizeClassified, len(sensitiveText))
	}
	if object.MimeType != "text/plain" || object.Type != "SensitiveData:S3Object/Multiple" {
		t.Errorf("mime %q type %q", object.MimeType, object.Type)
	}
	if object.Severity == nil || object.Severity.Score != tamis.SeverityHigh {
		t.Errorf("severity %+v", object.Severity)
	}

	ssn := findFinding(t, object, "USA_SOCIAL_SECURITY_NUMBER")
	wantOccurrence(t, ssn, 3, 6, "*******4871")
	if ssn.Category != tamis.CategoryPersonalInformation || ssn.Custom {
		t.Errorf("SSN category %q custom %v", ssn.Category, ssn.Custom)
	}
	card := findFinding(t, object, "CREDIT_CARD_NUMBER")
	wantOccurrence(t, card, 4, 14, "***************9377")
	if card.Category != tamis.CategoryFinancialInformation {
		t.Errorf("card category %q", card.Category)
	}
	start := uint64(strings.Index(sensitiveText, "4329"))
	if offsets := card.Occurrences.OffsetRanges[0]; offsets.Start != start || offsets.End != start+19 {
		t.Errorf("card offsets %+v, want %d-%d", offsets, start, start+19)
	}
	if !bytes.Contains(object.JSON, []byte(`"schemaVersion"`)) ||
		!bytes.Equal(result.JSONLines(), append(append([]byte{}, object.JSON...), '\n')) {
		t.Errorf("raw JSON not kept: %s", object.JSON)
	}
}

func TestScanOfNothingIsACleanObject(t *testing.T) {
	scanner := newScanner(t, newEngine(t, ssnAndCardConfig))
	for _, data := range [][]byte{nil, {}, []byte("nothing to see here\n")} {
		result, err := scanner.Scan(data)
		if err != nil {
			t.Fatal(err)
		}
		object := onlyObject(t, result)
		if len(object.Findings) != 0 || object.Severity != nil || object.Type != "" ||
			object.Status.Code != tamis.CodeComplete {
			t.Errorf("%q: want a clean COMPLETE object, got %s", data, object.JSON)
		}
	}
}

func TestCustomIdentifiersAreFindings(t *testing.T) {
	config := `{"managedDataIdentifierSelector": "NONE",
	  "customDataIdentifiers": [{"name": "EmployeeId", "regex": "EMP-[0-9]{6}"}]}`
	scanner := newScanner(t, newEngine(t, config))
	result, err := scanner.Scan([]byte("badge\nid EMP-123456\n"))
	if err != nil {
		t.Fatal(err)
	}
	finding := findFinding(t, onlyObject(t, result), "EmployeeId")
	if !finding.Custom || finding.Category != tamis.CategoryCustomIdentifier {
		t.Errorf("custom finding %+v", finding)
	}
	wantOccurrence(t, finding, 2, 4, "******3456")
}

func TestRawScansCompressedBytesAsTheyAre(t *testing.T) {
	var gz bytes.Buffer
	writer := gzip.NewWriter(&gz)
	writer.Write([]byte(sensitiveText))
	writer.Close()
	scanner := newScanner(t, newEngine(t, ssnAndCardConfig))

	walked, err := scanner.Scan(gz.Bytes(), tamis.WithName("record.txt.gz"))
	if err != nil {
		t.Fatal(err)
	}
	member := findObject(t, walked, "record.txt.gz/record.txt")
	wantOccurrence(t, findFinding(t, member, "USA_SOCIAL_SECURITY_NUMBER"), 3, 6, "*******4871")

	raw, err := scanner.Scan(gz.Bytes(), tamis.WithName("record.txt.gz"), tamis.Raw())
	if err != nil {
		t.Fatal(err)
	}
	if object := onlyObject(t, raw); object.Path != "record.txt.gz" || len(object.Findings) != 0 {
		t.Errorf("raw: want the compressed bytes as one object with no finding, got %s", object.JSON)
	}
}

// The corpus zip: first.txt carries an SSN and a card number, second.txt is damaged, so the
// archive's own object is PARTIAL.
func checkCorruptZip(t *testing.T, result *tamis.Result) {
	t.Helper()
	if len(result.Objects) != 3 {
		t.Fatalf("want 3 objects, got %s", result.JSONLines())
	}
	first := findObject(t, result, "corrupt_member.zip/first.txt")
	if first.Status.Code != tamis.CodeComplete || first.Embedded == nil ||
		first.Embedded.FilePath != "first.txt" || first.Embedded.FileExtension != "txt" {
		t.Errorf("first.txt: %s", first.JSON)
	}
	wantOccurrence(t, findFinding(t, first, "USA_SOCIAL_SECURITY_NUMBER"), 1, 15, "*******1849")
	wantOccurrence(t, findFinding(t, first, "CREDIT_CARD_NUMBER"), 1, 40, "***************9377")
	second := findObject(t, result, "corrupt_member.zip/second.txt")
	if second.Status != (tamis.ObjectStatus{Code: tamis.CodeSkipped, Reason: "UNABLE_TO_PARSE_FILE"}) {
		t.Errorf("second.txt status %+v", second.Status)
	}
	archive := findObject(t, result, "corrupt_member.zip")
	if archive.Status != (tamis.ObjectStatus{Code: tamis.CodePartial, Reason: "UNABLE_TO_PARSE_FILE"}) ||
		archive.MimeType != "application/zip" || archive.StatusDetail == "" {
		t.Errorf("archive: %s", archive.JSON)
	}
}

func TestCorpusZipFromFileBufferAndReader(t *testing.T) {
	scanner := newScanner(t, sharedDefaultEngine(t))
	zipBytes, err := os.ReadFile(corruptZip)
	if err != nil {
		t.Fatal(err)
	}

	// ScanFile names objects by the path it is given: scan from the zip's own folder.
	absolute, err := filepath.Abs(corruptZip)
	if err != nil {
		t.Fatal(err)
	}
	fromFile, err := scanner.ScanFile(absolute)
	if err != nil {
		t.Fatal(err)
	}
	for i := range fromFile.Objects {
		fromFile.Objects[i].Path = strings.TrimPrefix(fromFile.Objects[i].Path, filepath.Dir(absolute)+"/")
	}
	checkCorruptZip(t, fromFile)

	fromBuffer, err := scanner.Scan(zipBytes, tamis.WithName("corrupt_member.zip"))
	if err != nil {
		t.Fatal(err)
	}
	checkCorruptZip(t, fromBuffer)

	fromReader, err := scanner.ScanReader(bytes.NewReader(zipBytes), tamis.WithName("corrupt_member.zip"))
	if err != nil {
		t.Fatal(err)
	}
	checkCorruptZip(t, fromReader)
}

func TestScanFileErrors(t *testing.T) {
	scanner := newScanner(t, sharedDefaultEngine(t))
	missing := filepath.Join(t.TempDir(), "missing.txt")
	if result, err := scanner.ScanFile(missing); result != nil || !errors.Is(err, tamis.ErrIO) ||
		!strings.Contains(err.Error(), "missing.txt") {
		t.Errorf("missing file: want ErrIO naming it, got %v, %v", result, err)
	}
	if _, err := scanner.ScanFile(corruptZip, tamis.WithName("other")); !errors.Is(err, tamis.ErrInvalidArg) {
		t.Errorf("WithName on ScanFile: want ErrInvalidArg, got %v", err)
	}
	for _, path := range []string{"", "a\x00b"} {
		if _, err := scanner.ScanFile(path); !errors.Is(err, tamis.ErrInvalidArg) {
			t.Errorf("ScanFile(%q): want ErrInvalidArg, got %v", path, err)
		}
	}
	if _, err := scanner.Scan(nil, tamis.WithName("a\x00b")); !errors.Is(err, tamis.ErrInvalidArg) {
		t.Errorf("a name with NUL: want ErrInvalidArg, got %v", err)
	}
}

func TestTableCellsAndJSONRecordsInResults(t *testing.T) {
	scanner := newScanner(t, sharedDefaultEngine(t))

	csv, err := scanner.ScanFile("../../corpus/samples/hr_export.csv")
	if err != nil {
		t.Fatal(err)
	}
	ssn := findFinding(t, onlyObject(t, csv), "USA_SOCIAL_SECURITY_NUMBER")
	wantCells := []tamis.Cell{
		{Row: 2, Column: 4, ColumnName: "ssn", CellReference: "D2", Offsets: tamis.ByteRange{Start: 0, End: 11}, Text: "*******1849"},
		{Row: 3, Column: 4, ColumnName: "ssn", CellReference: "D3", Offsets: tamis.ByteRange{Start: 0, End: 11}, Text: "*******3390"},
	}
	if len(ssn.Occurrences.Cells) != len(wantCells) || len(ssn.Occurrences.LineRanges) != 0 {
		t.Fatalf("want two cell occurrences only, got %+v", ssn.Occurrences)
	}
	for i, want := range wantCells {
		if ssn.Occurrences.Cells[i] != want {
			t.Errorf("cell %d: got %+v, want %+v", i, ssn.Occurrences.Cells[i], want)
		}
	}

	jsonBytes, err := os.ReadFile("../../corpus/samples/customers.json")
	if err != nil {
		t.Fatal(err)
	}
	records, err := scanner.Scan(jsonBytes, tamis.WithName("customers.json"))
	if err != nil {
		t.Fatal(err)
	}
	object := onlyObject(t, records)
	if object.MimeType != "application/json" {
		t.Errorf("mime type %q", object.MimeType)
	}
	card := findFinding(t, object, "CREDIT_CARD_NUMBER")
	want := tamis.Record{RecordIndex: 0, JSONPath: "$.customers[0].card_number",
		Offsets: tamis.ByteRange{Start: 0, End: 19}, Text: "***************9377"}
	if len(card.Occurrences.Records) != 1 || card.Occurrences.Records[0] != want {
		t.Errorf("card records %+v, want %+v", card.Occurrences.Records, want)
	}
}
