package tamis_test

import (
	"errors"
	"testing"

	tamis "github.com/tamis-project/tamis/bindings/go"
)

func TestOccurrenceCallbackSeesEveryOccurrence(t *testing.T) {
	scanner := newScanner(t, newEngine(t, ssnAndCardConfig))
	var seen []tamis.Occurrence
	result, err := scanner.Scan([]byte(sensitiveText), tamis.WithName("record.txt"),
		tamis.OnOccurrence(func(occurrence tamis.Occurrence) bool {
			seen = append(seen, occurrence)
			return true
		}))
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2 {
		t.Fatalf("want 2 occurrences, got %+v", seen)
	}
	byType := map[string]tamis.Occurrence{}
	for _, occurrence := range seen {
		byType[occurrence.Type] = occurrence
	}
	ssn := byType["USA_SOCIAL_SECURITY_NUMBER"]
	if ssn.ObjectPath != "record.txt" || ssn.Line != 3 || ssn.EndLine != 3 || ssn.Column != 6 ||
		ssn.Text != "*******4871" || ssn.Category != tamis.CategoryPersonalInformation ||
		ssn.Location != tamis.LocationText || ssn.Custom || ssn.End-ssn.Start != 11 ||
		ssn.Severity == tamis.SeverityNone {
		t.Errorf("SSN occurrence %+v", ssn)
	}
	card := byType["CREDIT_CARD_NUMBER"]
	if card.Line != 4 || card.Column != 14 || card.Category != tamis.CategoryFinancialInformation {
		t.Errorf("card occurrence %+v", card)
	}
	if object := onlyObject(t, result); object.Status.Code != tamis.CodeComplete {
		t.Errorf("status %+v", object.Status)
	}
}

func TestOccurrenceCallbackNamesArchiveMembersAndCells(t *testing.T) {
	scanner := newScanner(t, sharedDefaultEngine(t))
	var paths []string
	if _, err := scanner.ScanFile(corruptZip, tamis.OnOccurrence(func(occurrence tamis.Occurrence) bool {
		paths = append(paths, occurrence.ObjectPath)
		return true
	})); err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || paths[0] != corruptZip+"/first.txt" {
		t.Errorf("want both occurrences in first.txt, got %q", paths)
	}

	var cell tamis.Occurrence
	csv := "name,ssn\nJane Doe,536-22-4871\n"
	if _, err := scanner.Scan([]byte(csv), tamis.WithName("staff.csv"),
		tamis.OnOccurrence(func(occurrence tamis.Occurrence) bool {
			cell = occurrence
			return true
		})); err != nil {
		t.Fatal(err)
	}
	if cell.Location != tamis.LocationCell || cell.CellReference != "B2" || cell.Row != 2 ||
		cell.CellColumn != 2 || cell.ColumnName != "ssn" {
		t.Errorf("cell occurrence %+v", cell)
	}
}

func TestOccurrenceCallbackStopsTheScan(t *testing.T) {
	scanner := newScanner(t, newEngine(t, ssnAndCardConfig))
	calls := 0
	result, err := scanner.Scan([]byte(sensitiveText+sensitiveText),
		tamis.OnOccurrence(func(tamis.Occurrence) bool {
			calls++
			return false
		}))
	if !errors.Is(err, tamis.ErrStopped) {
		t.Fatalf("want ErrStopped, got %v", err)
	}
	if calls != 1 {
		t.Errorf("the callback ran %d times after asking to stop", calls)
	}
	if result == nil {
		t.Fatal("a stopped scan still gives the results so far")
	}
	object := onlyObject(t, result)
	if object.Status != (tamis.ObjectStatus{Code: tamis.CodePartial, Reason: "STOPPED_BY_CALLER"}) {
		t.Errorf("status %+v", object.Status)
	}
}

func TestOccurrenceCallbackPanicIsRaisedAfterTheScan(t *testing.T) {
	scanner := newScanner(t, newEngine(t, ssnAndCardConfig))
	func() {
		defer func() {
			if r := recover(); r != "callback exploded" {
				t.Errorf("want the callback's panic, got %v", r)
			}
		}()
		scanner.Scan([]byte(sensitiveText), tamis.OnOccurrence(func(tamis.Occurrence) bool {
			panic("callback exploded")
		}))
		t.Errorf("Scan returned instead of panicking")
	}()
	if _, err := scanner.Scan([]byte(sensitiveText)); err != nil {
		t.Fatalf("scan after a panic: %v", err)
	}
}

func TestScannerInUseRefusesASecondScan(t *testing.T) {
	scanner := newScanner(t, newEngine(t, ssnAndCardConfig))
	var nestedErr error
	nested := false
	_, err := scanner.Scan([]byte(sensitiveText), tamis.OnOccurrence(func(tamis.Occurrence) bool {
		if !nested {
			nested = true
			_, nestedErr = scanner.Scan([]byte(sensitiveText))
		}
		return true
	}))
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(nestedErr, tamis.ErrInvalidArg) {
		t.Fatalf("a scan inside a scan on the same scanner: want ErrInvalidArg, got %v", nestedErr)
	}
}
