// Package cdr reads providers' call detail record files into one Record type
// (docs/cdr-formats.md). Readers stream: memory stays constant whatever the
// file size, every unreadable line is reported with its number and a reason
// while reading carries on, and no input makes them panic (they are fuzzed).
package cdr

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/internal/filekind"
)

// Record is one call line in the provider-neutral form. Numbers are as the
// provider wrote them (normalising is the rating engine's job).
type Record struct {
	Line        int    // 1-based physical line number in the file
	Source      string // calling number (CLI)
	Destination string // dialled number
	Account     string // account / SIP-trunk code, optional
	ChargeCode  string // the provider's destination code, optional
	// Start is the answer time when the format has one, else the start time,
	// read as wall-clock time in the provider's zone.
	Start time.Time
	// Duration is the billed (answered) time in whole seconds, fractions
	// rounded up (docs/rating.md, Billable seconds).
	Duration      int64
	UniqueID      string
	ProviderPrice decimal.NullDecimal // major units, when the format has it
}

// LookupFormat finds a built-in format by name (case-insensitive); the
// provider's enum value ("ASTERISK") names it too.
func LookupFormat(name string) (Format, error) {
	var names []string
	for _, f := range Formats {
		if strings.EqualFold(f.Name, strings.TrimSpace(name)) {
			return f, nil
		}
		names = append(names, f.Name)
	}
	return Format{}, fmt.Errorf("unknown CDR format %q: use one of %s", name, strings.Join(names, ", "))
}

// LineError is a line that produced no call: unreadable (wrong number of
// fields, a date or time that does not parse, a negative or non-numeric
// duration, a line too long) or, when Excluded, a line that is not a voice
// call (FCS data and SMS records), which is not an error.
type LineError struct {
	Line     int
	Reason   string
	Excluded bool
}

func (e *LineError) Error() string {
	if strings.HasPrefix(e.Reason, "has ") || strings.HasPrefix(e.Reason, "is ") {
		return fmt.Sprintf("line %d %s", e.Line, e.Reason)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// FileError means no line of the file could be read: almost always the wrong
// format chosen for the provider. It names the first problem, which says
// what a line of the format looks like.
type FileError struct {
	Format string
	First  *LineError
	// Lines is how many lines were tried before giving up.
	Lines   int
	Stopped bool // true when reading stopped early (fail fast)
	// NotText, when set, is what the file is instead of text (an image,
	// a workbook, a compressed file, UTF-16): no line was tried.
	NotText *filekind.NotText
}

func (e *FileError) Error() string {
	if e.NotText != nil {
		return e.NotText.Error()
	}
	scope := "no line of the file"
	if e.Stopped {
		scope = fmt.Sprintf("none of the first %d lines", e.Lines)
	}
	return fmt.Sprintf("%s can be read as %s CDR: %s", scope, e.Format, e.First.Error())
}
