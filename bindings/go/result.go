package tamis

// Result is what one scan found: one Object per scanned object. An archive gives one per member,
// plus one for the archive itself when its walk did not complete.
type Result struct {
	Objects []Object
}

// Object is one Macie sensitive data discovery result document (docs/result-schema.md), with
// the managed and custom detections together in Findings and the document itself in JSON.
type Object struct {
	Path      string        // the object, or "outer.zip/dir/member.csv" for an archive member
	Extension string        // after the last '.' of the last path component; "" when none
	Size      int64         // object size in bytes
	Embedded  *EmbeddedFile // set for an archive member or email attachment

	Status                ObjectStatus
	StatusDetail          string // why the status is not COMPLETE, in words; "" when nothing to add
	MimeType              string // detected content type, e.g. "text/csv"
	SizeClassified        int64  // bytes actually analysed
	AdditionalOccurrences bool   // some finding counted more occurrences than it kept

	Type     string    // "SensitiveData:S3Object/Personal" (or /Multiple ...); "" when nothing found
	Severity *Severity // the highest over the findings; nil when nothing found
	Findings []Finding // managed identifiers first, in catalogue order, then custom ones

	Diagnostics  []Diagnostic // things worth knowing that did not stop the scan
	TamisVersion string       // the tamis version that wrote the document

	JSON []byte // the document as the library wrote it (one line of JSON)
}

// ObjectStatus is Macie's status: Code COMPLETE, PARTIAL or SKIPPED, and Reason ("" when
// COMPLETE), e.g. UNSUPPORTED_FILE_TYPE, STOPPED_BY_CALLER.
type ObjectStatus struct {
	Code   string `json:"code"`
	Reason string `json:"reason"`
}

// Status codes of ObjectStatus.Code.
const (
	CodeComplete = "COMPLETE"
	CodePartial  = "PARTIAL"
	CodeSkipped  = "SKIPPED"
)

// EmbeddedFile describes an object found inside another (Macie's embeddedFileDetails).
type EmbeddedFile struct {
	FilePath         string `json:"filePath"`         // path inside the top-level object
	FileExtension    string `json:"fileExtension"`    // the member's extension
	FileSize         *int64 `json:"fileSize"`         // as the container declares it; nil if not
	FileLastModified string `json:"fileLastModified"` // ISO 8601 UTC; "" when not recorded
}

// Severity is Macie's severity: Description "Low", "Medium" or "High" and Score 1 to 3.
type Severity struct {
	Description string `json:"description"`
	Score       int    `json:"score"`
}

// Finding is one identifier's detections in an object.
type Finding struct {
	Type        string   // managed identifier id ("CREDIT_CARD_NUMBER") or custom identifier name
	Category    Category // CategoryCustomIdentifier for custom identifiers
	Custom      bool
	Count       int64     // every occurrence found, including those beyond the kept ones
	Severity    *Severity // nil for a custom identifier below its lowest severity threshold
	Occurrences Occurrences
}

// Occurrences are a finding's kept locations, in text order. LineRanges[i] and OffsetRanges[i]
// are the same occurrence; occurrences in table cells or JSON records are in Cells or Records
// only.
type Occurrences struct {
	LineRanges   []LineRange   `json:"lineRanges"`
	OffsetRanges []OffsetRange `json:"offsetRanges"`
	Cells        []Cell        `json:"cells"`
	Records      []Record      `json:"records"`
}

// LineRange: 1-based lines of the first and last byte, 1-based column (in characters) of the
// first.
type LineRange struct {
	Start       uint64 `json:"start"`
	End         uint64 `json:"end"`
	StartColumn uint64 `json:"startColumn"`
}

// OffsetRange: byte offsets in the object's text (Start the first byte, End one past the last).
type OffsetRange struct {
	Start       uint64 `json:"start"`
	End         uint64 `json:"end"`
	StartColumn uint64 `json:"startColumn"`
	Text        string `json:"tamisText"` // masked unless the configuration reveals values
}

// ByteRange: byte offsets inside a cell's or a record value's text.
type ByteRange struct {
	Start uint64 `json:"start"`
	End   uint64 `json:"end"`
}

// Cell is an occurrence in a CSV/TSV/spreadsheet cell.
type Cell struct {
	Row           uint64    `json:"row"`    // 1-based
	Column        uint64    `json:"column"` // 1-based
	ColumnName    string    `json:"columnName"`
	CellReference string    `json:"cellReference"` // A1 form
	Sheet         string    `json:"tamisSheet"`    // spreadsheets only
	Offsets       ByteRange `json:"tamisOffsetRange"`
	Text          string    `json:"tamisText"`
}

// Record is an occurrence in a JSON or JSON Lines value.
type Record struct {
	RecordIndex uint64    `json:"recordIndex"` // 0-based (the JSON Lines line)
	JSONPath    string    `json:"jsonPath"`    // "$.customers[2].ssn"
	Offsets     ByteRange `json:"tamisOffsetRange"`
	Text        string    `json:"tamisText"`
}

// Diagnostic is something worth knowing that did not stop the scan (INVALID_UTF8, ...).
type Diagnostic struct {
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

// JSONLines gives the documents as JSON Lines, one per line, as the command-line tool writes them.
func (r *Result) JSONLines() []byte {
	var lines []byte
	for _, object := range r.Objects {
		lines = append(lines, object.JSON...)
		lines = append(lines, '\n')
	}
	return lines
}
