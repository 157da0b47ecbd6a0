package tamis_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	tamis "github.com/tamis-project/tamis/bindings/go"
)

func TestVersionIsTheLibrarys(t *testing.T) {
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(tamis.Version()) {
		t.Fatalf("Version() = %q, want MAJOR.MINOR.PATCH", tamis.Version())
	}
}

func TestDefaultEngineFindsAnSSN(t *testing.T) {
	scanner := newScanner(t, sharedDefaultEngine(t))
	result, err := scanner.Scan([]byte(sensitiveText))
	if err != nil {
		t.Fatal(err)
	}
	wantOccurrence(t, findFinding(t, onlyObject(t, result), "USA_SOCIAL_SECURITY_NUMBER"), 3, 6,
		"*******4871")
}

func TestBadConfigurationsAreConfigErrors(t *testing.T) {
	for _, tc := range []struct{ config, mention string }{
		{`{"managedDataIdentifierSelector": "INCLUDE", "managedDataIdentifierIds": ["NO_SUCH_ID"]}`, "NO_SUCH_ID"},
		{`{"tamis": {"revealValue": true}}`, "revealValue"},
		{`{"managedDataIdentifierSelector": `, ""},
	} {
		engine, err := tamis.NewEngine(tc.config)
		if engine != nil || !errors.Is(err, tamis.ErrConfig) {
			t.Errorf("NewEngine(%s) = %v, %v; want ErrConfig", tc.config, engine, err)
			continue
		}
		var tamisErr *tamis.Error
		if !errors.As(err, &tamisErr) || tamisErr.Status != tamis.StatusConfig || tamisErr.Message == "" {
			t.Errorf("NewEngine(%s): want an *Error with a message, got %#v", tc.config, err)
		}
		if !strings.Contains(err.Error(), tc.mention) || !strings.Contains(err.Error(), "TAMIS_E_CONFIG") {
			t.Errorf("NewEngine(%s): error %q should name TAMIS_E_CONFIG and %q", tc.config, err, tc.mention)
		}
		if errors.Is(err, tamis.ErrIO) {
			t.Errorf("a config error must not match ErrIO")
		}
	}
}

func TestNewEngineFromConfigMarshals(t *testing.T) {
	engine, err := tamis.NewEngineFromConfig(map[string]any{
		"managedDataIdentifierSelector": "INCLUDE",
		"managedDataIdentifierIds":      []string{"CREDIT_CARD_NUMBER"},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer engine.Close()
	scanner := newScanner(t, engine)
	result, err := scanner.Scan([]byte(sensitiveText))
	if err != nil {
		t.Fatal(err)
	}
	object := onlyObject(t, result)
	if len(object.Findings) != 1 || object.Findings[0].Type != "CREDIT_CARD_NUMBER" {
		t.Fatalf("only the card number is configured, got %s", object.JSON)
	}

	if _, err := tamis.NewEngineFromConfig(func() {}); !errors.Is(err, tamis.ErrConfig) {
		t.Fatalf("a value json cannot marshal: want ErrConfig, got %v", err)
	}
	if _, err := tamis.NewEngineFromConfig(map[string]int{"noSuchKey": 1}); !errors.Is(err, tamis.ErrConfig) {
		t.Fatalf("an unknown key: want ErrConfig, got %v", err)
	}
}

func TestStatusNamesAreTheCOnes(t *testing.T) {
	if got := tamis.StatusDBCorrupt.String(); got != "TAMIS_E_DB_CORRUPT" {
		t.Fatalf("StatusDBCorrupt.String() = %q", got)
	}
	if tamis.ErrConfig.Error() != "tamis: TAMIS_E_CONFIG" {
		t.Fatalf("sentinel message %q", tamis.ErrConfig.Error())
	}
}
