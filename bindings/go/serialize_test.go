package tamis_test

import (
	"bytes"
	"errors"
	"testing"

	tamis "github.com/tamis-project/tamis/bindings/go"
)

func TestSerializedEngineScansLikeTheOriginal(t *testing.T) {
	config := `{"managedDataIdentifierSelector": "INCLUDE",
	  "managedDataIdentifierIds": ["USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER"],
	  "customDataIdentifiers": [{"name": "EmployeeId", "regex": "EMP-[0-9]{6}"}],
	  "allowLists": [{"name": "inline", "texts": ["536-22-1849"]}]}`
	original := newEngine(t, config)
	blob, err := original.Serialize()
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := tamis.LoadEngine(blob)
	if err != nil {
		t.Fatal(err)
	}
	defer loaded.Close()

	text := []byte(sensitiveText + "SSN: 536-22-1849 (allowed)\nbadge EMP-123456\n")
	want, err := newScanner(t, original).Scan(text, tamis.WithName("record.txt"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := newScanner(t, loaded).Scan(text, tamis.WithName("record.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.JSONLines(), want.JSONLines()) {
		t.Fatalf("loaded engine's results differ:\n got %s\nwant %s", got.JSONLines(), want.JSONLines())
	}
	if object := onlyObject(t, got); len(object.Findings) != 3 {
		t.Fatalf("want SSN, card and EmployeeId (the allow-listed SSN dropped), got %s", object.JSON)
	}
}

func TestDamagedBlobsAreDBCorrupt(t *testing.T) {
	blob, err := newEngine(t, ssnAndCardConfig).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	flipped := append([]byte{}, blob...)
	flipped[len(flipped)/2] ^= 0xff
	for name, damaged := range map[string][]byte{
		"flipped byte":   flipped,
		"truncated":      blob[:len(blob)/2],
		"not an engine":  []byte("certainly not a tamis engine, just some text of some length"),
		"one byte short": blob[:len(blob)-1],
	} {
		engine, err := tamis.LoadEngine(damaged)
		if engine != nil || !errors.Is(err, tamis.ErrDBCorrupt) {
			t.Errorf("%s: want ErrDBCorrupt, got %v, %v", name, engine, err)
		}
	}
	if engine, err := tamis.LoadEngine(nil); engine != nil || err == nil {
		t.Errorf("an empty blob: want an error, got %v", engine)
	}
}
