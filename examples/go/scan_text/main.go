package main

import (
	"fmt"
	"log"

	tamis "github.com/tamis-project/tamis/bindings/go"
)

func main() {
	engine, err := tamis.NewEngine(`{"managedDataIdentifierSelector": "RECOMMENDED"}`)
	if err != nil {
		log.Fatal(err) // errors.Is(err, tamis.ErrConfig) for a bad configuration
	}
	defer engine.Close()

	scanner, err := engine.NewScanner() // one scanner per goroutine
	if err != nil {
		log.Fatal(err)
	}
	defer scanner.Close()

	text := []byte("Name: Jane Doe\nSSN: 536-22-4871\n")
	result, err := scanner.Scan(text, tamis.WithName("record.txt"),
		tamis.OnOccurrence(func(occ tamis.Occurrence) bool {
			fmt.Printf("%s: %s at line %d, column %d\n", occ.ObjectPath, occ.Type, occ.Line, occ.Column)
			return true // false stops the scan
		}))
	if err != nil {
		log.Fatal(err)
	}
	for _, object := range result.Objects { // one per object; an archive gives one per member
		fmt.Println(object.Path, object.Status.Code)
		for _, finding := range object.Findings {
			fmt.Printf("  %s x%d, first at line %d\n", finding.Type, finding.Count,
				finding.Occurrences.LineRanges[0].Start)
		}
	}
}
