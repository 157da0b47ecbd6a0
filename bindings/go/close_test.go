package tamis_test

import (
	"errors"
	"strings"
	"testing"

	tamis "github.com/tamis-project/tamis/bindings/go"
)

func TestCloseIsIdempotentAndUseAfterCloseIsAnError(t *testing.T) {
	engine, err := tamis.NewEngine(ssnAndCardConfig)
	if err != nil {
		t.Fatal(err)
	}
	scanner, err := engine.NewScanner()
	if err != nil {
		t.Fatal(err)
	}

	// The scanner keeps the engine's compiled data alive.
	if err := engine.Close(); err != nil {
		t.Fatal(err)
	}
	if err := engine.Close(); err != nil {
		t.Fatalf("second engine Close: %v", err)
	}
	result, err := scanner.Scan([]byte(sensitiveText))
	if err != nil {
		t.Fatalf("scan after the engine's Close: %v", err)
	}
	findFinding(t, onlyObject(t, result), "USA_SOCIAL_SECURITY_NUMBER")

	for name, call := range map[string]func() error{
		"NewScanner": func() error { _, err := engine.NewScanner(); return err },
		"Serialize":  func() error { _, err := engine.Serialize(); return err },
	} {
		if err := call(); !errors.Is(err, tamis.ErrClosed) || !errors.Is(err, tamis.ErrInvalidArg) {
			t.Errorf("engine %s after Close: want ErrClosed and ErrInvalidArg, got %v", name, err)
		}
	}

	if err := scanner.Close(); err != nil {
		t.Fatal(err)
	}
	if err := scanner.Close(); err != nil {
		t.Fatalf("second scanner Close: %v", err)
	}
	for name, call := range map[string]func() error{
		"Scan":       func() error { _, err := scanner.Scan([]byte(sensitiveText)); return err },
		"ScanFile":   func() error { _, err := scanner.ScanFile(corruptZip); return err },
		"ScanReader": func() error { _, err := scanner.ScanReader(strings.NewReader(sensitiveText)); return err },
	} {
		if err := call(); !errors.Is(err, tamis.ErrClosed) || !errors.Is(err, tamis.ErrInvalidArg) {
			t.Errorf("scanner %s after Close: want ErrClosed and ErrInvalidArg, got %v", name, err)
		}
	}
}
