package tamis

/*
#include <tamis/tamis.h>
*/
import "C"

import (
	"encoding/json"
	"fmt"
	"unsafe"
)

// document mirrors the JSON of one result document, as far as Object exposes it.
type document struct {
	Type              *string   `json:"type"`
	Severity          *Severity `json:"severity"`
	ResourcesAffected struct {
		S3Object struct {
			Path                string        `json:"path"`
			Extension           string        `json:"extension"`
			Size                int64         `json:"size"`
			EmbeddedFileDetails *EmbeddedFile `json:"embeddedFileDetails"`
		} `json:"s3Object"`
	} `json:"resourcesAffected"`
	ClassificationDetails struct {
		Result struct {
			Status                ObjectStatus `json:"status"`
			SizeClassified        int64        `json:"sizeClassified"`
			MimeType              string       `json:"mimeType"`
			AdditionalOccurrences bool         `json:"additionalOccurrences"`
			SensitiveData         []struct {
				Category   Category    `json:"category"`
				Detections []detection `json:"detections"`
			} `json:"sensitiveData"`
			CustomDataIdentifiers struct {
				Detections []detection `json:"detections"`
			} `json:"customDataIdentifiers"`
		} `json:"result"`
	} `json:"classificationDetails"`
	Tamis struct {
		Version      string       `json:"version"`
		StatusDetail string       `json:"statusDetail"`
		Diagnostics  []Diagnostic `json:"diagnostics"`
	} `json:"tamis"`
}

// detection is a managed (type) or custom (name) detection.
type detection struct {
	Type          string      `json:"type"`
	Name          string      `json:"name"`
	Count         int64       `json:"count"`
	TamisSeverity *Severity   `json:"tamisSeverity"`
	Occurrences   Occurrences `json:"occurrences"`
}

// parseObject reads one result document.
func parseObject(jsonText []byte) (Object, error) {
	var doc document
	if err := json.Unmarshal(jsonText, &doc); err != nil {
		return Object{}, err
	}
	s3 := doc.ResourcesAffected.S3Object
	result := doc.ClassificationDetails.Result
	object := Object{
		Path:                  s3.Path,
		Extension:             s3.Extension,
		Size:                  s3.Size,
		Embedded:              s3.EmbeddedFileDetails,
		Status:                result.Status,
		StatusDetail:          doc.Tamis.StatusDetail,
		MimeType:              result.MimeType,
		SizeClassified:        result.SizeClassified,
		AdditionalOccurrences: result.AdditionalOccurrences,
		Severity:              doc.Severity,
		Diagnostics:           doc.Tamis.Diagnostics,
		TamisVersion:          doc.Tamis.Version,
		JSON:                  jsonText,
	}
	if doc.Type != nil {
		object.Type = *doc.Type
	}
	for _, group := range result.SensitiveData {
		for _, d := range group.Detections {
			object.Findings = append(object.Findings, Finding{Type: d.Type, Category: group.Category,
				Count: d.Count, Severity: d.TamisSeverity, Occurrences: d.Occurrences})
		}
	}
	for _, d := range result.CustomDataIdentifiers.Detections {
		object.Findings = append(object.Findings, Finding{Type: d.Name,
			Category: CategoryCustomIdentifier, Custom: true, Count: d.Count,
			Severity: d.TamisSeverity, Occurrences: d.Occurrences})
	}
	return object, nil
}

// resultFromC copies and parses every document of a C result (which the caller still frees).
func resultFromC(out *C.tamis_result) (*Result, error) {
	count := int(C.tamis_result_count(out))
	result := &Result{Objects: make([]Object, 0, count)}
	for i := 0; i < count; i++ {
		var text *C.char
		var length C.size_t
		if status := C.tamis_result_json(out, C.size_t(i), &text, &length); status != C.TAMIS_OK {
			return nil, &Error{Status: Status(status), Message: fmt.Sprintf("result document %d", i)}
		}
		jsonText := C.GoBytes(unsafe.Pointer(text), C.int(length))
		object, err := parseObject(jsonText)
		if err != nil {
			return nil, &Error{Status: StatusInternal,
				Message: fmt.Sprintf("result document %d is not the documented JSON: %v", i, err)}
		}
		result.Objects = append(result.Objects, object)
	}
	return result, nil
}
