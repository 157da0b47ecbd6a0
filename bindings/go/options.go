package tamis

// ScanOption changes one scan: WithName, Raw, OnOccurrence.
type ScanOption func(*scanSettings)

type scanSettings struct {
	name         string
	nameSet      bool
	raw          bool
	onOccurrence func(Occurrence) bool
}

// WithName names the scanned object: the name appears in the results (resourcesAffected key and
// path) and its extension helps detect the format. Not accepted by ScanFile, whose path is the
// name.
func WithName(name string) ScanOption {
	return func(s *scanSettings) {
		s.name = name
		s.nameSet = true
	}
}

// Raw scans the bytes as they are: no archive, compression, encoding or format handling.
func Raw() ScanOption {
	return func(s *scanSettings) { s.raw = true }
}

// OnOccurrence calls fn for every occurrence kept, while the scan runs, on the scanning
// goroutine. fn returns true to go on, false to stop the scan: the scan then returns the results
// found so far (marked PARTIAL, reason STOPPED_BY_CALLER) together with an error matching
// ErrStopped. A panic in fn stops the scan and is raised again once the C call has returned.
func OnOccurrence(fn func(Occurrence) bool) ScanOption {
	return func(s *scanSettings) { s.onOccurrence = fn }
}

func collectSettings(opts []ScanOption) scanSettings {
	var settings scanSettings
	for _, opt := range opts {
		if opt != nil {
			opt(&settings)
		}
	}
	return settings
}
