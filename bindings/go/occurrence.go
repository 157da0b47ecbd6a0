package tamis

/*
#include <tamis/tamis.h>
*/
import "C"

import "unsafe"

// Category is a detection's category, as the result documents spell it.
type Category string

// The categories of managed identifiers, and the one of custom identifiers.
const (
	CategoryCredentials          Category = "CREDENTIALS"
	CategoryFinancialInformation Category = "FINANCIAL_INFORMATION"
	CategoryPersonalInformation  Category = "PERSONAL_INFORMATION"
	CategoryCustomIdentifier     Category = "CUSTOM_IDENTIFIER"
)

// Severity scores, as Macie defines them (Score in result documents).
const (
	SeverityNone   = 0
	SeverityLow    = 1
	SeverityMedium = 2
	SeverityHigh   = 3
)

// Location says what an occurrence's Start and End are relative to.
type Location int

const (
	// LocationText: byte offsets in the object's (decoded) text.
	LocationText Location = C.TAMIS_LOCATION_TEXT
	// LocationCell: a CSV/TSV/spreadsheet cell; offsets inside the cell.
	LocationCell Location = C.TAMIS_LOCATION_CELL
	// LocationRecord: a JSON / JSON Lines value; offsets inside the value.
	LocationRecord Location = C.TAMIS_LOCATION_RECORD
)

// Occurrence is one match, given to an OnOccurrence callback while the scan runs.
type Occurrence struct {
	ObjectPath string   // the object, or an archive member as "outer.zip/dir/member.csv"
	Type       string   // managed identifier id ("USA_SOCIAL_SECURITY_NUMBER") or custom name
	Category   Category // CategoryCustomIdentifier for a custom identifier
	Custom     bool
	Severity   int    // SeverityNone..SeverityHigh, counting the occurrences found so far
	Start, End uint64 // byte offsets: first byte, one past the last (see Location)
	Line       uint64 // 1-based line of Start
	EndLine    uint64 // 1-based line of the last byte
	Column     uint64 // 1-based column of Start, in characters
	Text       string // masked preview, or the value when the configuration reveals values
	Location   Location

	// LocationCell only.
	Row, CellColumn uint64 // 1-based
	CellReference   string // "C7"
	ColumnName      string // the column's header, if any
	Sheet           string // the spreadsheet's sheet, if any

	// LocationRecord only.
	RecordIndex uint64 // 0-based record (JSON Lines line)
	JSONPath    string // "$.customers[2].ssn"
}

var categoryNames = map[C.uint32_t]Category{
	C.TAMIS_CATEGORY_CREDENTIALS:           CategoryCredentials,
	C.TAMIS_CATEGORY_FINANCIAL_INFORMATION: CategoryFinancialInformation,
	C.TAMIS_CATEGORY_PERSONAL_INFORMATION:  CategoryPersonalInformation,
	C.TAMIS_CATEGORY_CUSTOM_IDENTIFIER:     CategoryCustomIdentifier,
}

// occurrenceFromC copies a borrowed tamis_occurrence. Fields are appended to the struct over
// versions, so a field past the library's struct_size (an older libtamis) stays zero.
func occurrenceFromC(occ *C.tamis_occurrence) Occurrence {
	size := uintptr(occ.struct_size)
	has := func(field unsafe.Pointer, fieldSize uintptr) bool {
		return uintptr(field)-uintptr(unsafe.Pointer(occ))+fieldSize <= size
	}
	str := func(field **C.char) string {
		if !has(unsafe.Pointer(field), unsafe.Sizeof(*field)) || *field == nil {
			return ""
		}
		return C.GoString(*field)
	}
	u64 := func(field *C.uint64_t) uint64 {
		if !has(unsafe.Pointer(field), unsafe.Sizeof(*field)) {
			return 0
		}
		return uint64(*field)
	}
	u32 := func(field *C.uint32_t) C.uint32_t {
		if !has(unsafe.Pointer(field), unsafe.Sizeof(*field)) {
			return 0
		}
		return *field
	}
	category, known := categoryNames[u32(&occ.category)]
	if !known {
		category = Category("UNKNOWN")
	}
	return Occurrence{
		ObjectPath:    str(&occ.object_path),
		Type:          str(&occ._type),
		Category:      category,
		Custom:        u32(&occ.custom) != 0,
		Severity:      int(u32(&occ.severity)),
		Start:         u64(&occ.start),
		End:           u64(&occ.end),
		Line:          u64(&occ.line),
		EndLine:       u64(&occ.end_line),
		Column:        u64(&occ.column),
		Text:          str(&occ.text),
		Location:      Location(u32(&occ.location)),
		Row:           u64(&occ.row),
		CellColumn:    u64(&occ.cell_column),
		CellReference: str(&occ.cell_reference),
		ColumnName:    str(&occ.column_name),
		Sheet:         str(&occ.sheet),
		RecordIndex:   u64(&occ.record_index),
		JSONPath:      str(&occ.json_path),
	}
}
