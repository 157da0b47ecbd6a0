package tamis_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	tamis "github.com/tamis-project/tamis/bindings/go"
)

// Goroutines share one engine, each with its own scanner; every goroutine's text puts its SSN on
// a line of its own, so a result crossing goroutines would be seen.
func TestGoroutinesShareOneEngine(t *testing.T) {
	const goroutines = 8
	const scansEach = 25
	engine := newEngine(t, ssnAndCardConfig)

	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			errs <- scanMany(engine, g, scansEach)
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func scanMany(engine *tamis.Engine, g, scans int) error {
	scanner, err := engine.NewScanner()
	if err != nil {
		return err
	}
	defer scanner.Close()
	for i := 0; i < scans; i++ {
		line := 1 + g + i%5 // varies per goroutine and per scan
		name := fmt.Sprintf("g%d/scan%d.txt", g, i)
		text := strings.Repeat("nothing here\n", line-1) + "SSN: 536-22-4871\n"
		var callbackLine uint64
		var result *tamis.Result
		onOccurrence := tamis.OnOccurrence(func(occurrence tamis.Occurrence) bool {
			callbackLine = occurrence.Line
			return true
		})
		if i%2 == 0 {
			result, err = scanner.Scan([]byte(text), tamis.WithName(name), onOccurrence)
		} else {
			result, err = scanner.ScanReader(strings.NewReader(text), tamis.WithName(name), onOccurrence)
		}
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if len(result.Objects) != 1 || result.Objects[0].Path != name ||
			len(result.Objects[0].Findings) != 1 {
			return fmt.Errorf("%s: unexpected result %s", name, result.JSONLines())
		}
		ranges := result.Objects[0].Findings[0].Occurrences.LineRanges
		if len(ranges) != 1 || ranges[0].Start != uint64(line) || callbackLine != uint64(line) {
			return fmt.Errorf("%s: want the SSN on line %d, got %+v (callback: line %d)",
				name, line, ranges, callbackLine)
		}
	}
	return nil
}
