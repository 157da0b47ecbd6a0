package tamis_test

import (
	"os"
	"sync"
	"testing"

	tamis "github.com/tamis-project/tamis/bindings/go"
)

// ssnAndCardConfig enables the two identifiers the texts below carry.
const ssnAndCardConfig = `{"managedDataIdentifierSelector": "INCLUDE",
  "managedDataIdentifierIds": ["USA_SOCIAL_SECURITY_NUMBER", "CREDIT_CARD_NUMBER"]}`

// sensitiveText holds an SSN on line 3 and a card number on line 4, each next to its keyword.
const sensitiveText = "Employee record\n" +
	"Name: Jane Doe\n" +
	"SSN: 536-22-4871\n" +
	"Card number: 4329 0669 6704 9377 (exp 08/28)\n"

// corruptZip is a corpus fixture: first.txt with an SSN and a card number, second.txt damaged.
const corruptZip = "../../corpus/formats/corrupt_member.zip"

// The default configuration takes seconds to compile: its tests share one engine, as programs do.
var (
	defaultEngineOnce sync.Once
	defaultEngine     *tamis.Engine
	defaultEngineErr  error
)

func sharedDefaultEngine(t testing.TB) *tamis.Engine {
	t.Helper()
	defaultEngineOnce.Do(func() { defaultEngine, defaultEngineErr = tamis.NewEngine("") })
	if defaultEngineErr != nil {
		t.Fatalf("NewEngine(default): %v", defaultEngineErr)
	}
	return defaultEngine
}

func TestMain(m *testing.M) {
	code := m.Run()
	if defaultEngine != nil {
		defaultEngine.Close()
	}
	os.Exit(code)
}

func newEngine(t testing.TB, config string) *tamis.Engine {
	t.Helper()
	engine, err := tamis.NewEngine(config)
	if err != nil {
		t.Fatalf("NewEngine: %v", err)
	}
	t.Cleanup(func() { engine.Close() })
	return engine
}

func newScanner(t testing.TB, engine *tamis.Engine) *tamis.Scanner {
	t.Helper()
	scanner, err := engine.NewScanner()
	if err != nil {
		t.Fatalf("NewScanner: %v", err)
	}
	t.Cleanup(func() { scanner.Close() })
	return scanner
}

// onlyObject returns the single object of a result, failing the test when there is not one.
func onlyObject(t testing.TB, result *tamis.Result) tamis.Object {
	t.Helper()
	if result == nil || len(result.Objects) != 1 {
		t.Fatalf("want exactly one object, got %+v", result)
	}
	return result.Objects[0]
}

func findObject(t testing.TB, result *tamis.Result, path string) tamis.Object {
	t.Helper()
	for _, object := range result.Objects {
		if object.Path == path {
			return object
		}
	}
	t.Fatalf("no object %q in %s", path, result.JSONLines())
	return tamis.Object{}
}

func findFinding(t testing.TB, object tamis.Object, findingType string) tamis.Finding {
	t.Helper()
	for _, finding := range object.Findings {
		if finding.Type == findingType {
			return finding
		}
	}
	t.Fatalf("no %s finding in %s", findingType, object.JSON)
	return tamis.Finding{}
}

// wantLine checks a finding's only occurrence: its line, column and masked text.
func wantOccurrence(t testing.TB, finding tamis.Finding, line, column uint64, masked string) {
	t.Helper()
	if finding.Count != 1 || len(finding.Occurrences.LineRanges) != 1 ||
		len(finding.Occurrences.OffsetRanges) != 1 {
		t.Fatalf("%s: want one occurrence, got %+v", finding.Type, finding)
	}
	lines := finding.Occurrences.LineRanges[0]
	if lines.Start != line || lines.End != line || lines.StartColumn != column {
		t.Errorf("%s: want line %d column %d, got %+v", finding.Type, line, column, lines)
	}
	if text := finding.Occurrences.OffsetRanges[0].Text; text != masked {
		t.Errorf("%s: want masked text %q, got %q", finding.Type, masked, text)
	}
}
