package cdr

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// MaxTextChars is the most characters a call's text field (source,
// destination, account code, charge code) may have: what the calls table's
// columns hold. A longer field makes its line unreadable; it is never cut.
const MaxTextChars = 64

// appendWindows1252 appends line, read as Windows-1252 (the superset of
// Latin-1 that spreadsheets and older PBXs write), to buf as UTF-8. Every
// byte decodes to one character (the five Windows-1252 leaves undefined to
// the C1 controls of Latin-1), so nothing is lost or merged, and the bytes
// the readers split on (comma, quote, tab, newline) are ASCII and stay put.
func appendWindows1252(buf, line []byte) []byte {
	for _, c := range line {
		if c < utf8.RuneSelf {
			buf = append(buf, c)
			continue
		}
		r := charmap.Windows1252.DecodeByte(c)
		if r == utf8.RuneError { // one of the five undefined bytes
			r = rune(c)
		}
		buf = utf8.AppendRune(buf, r)
	}
	return buf
}

// longField reports the first text field of rec longer than MaxTextChars.
func longField(rec *Record) *LineError {
	for _, f := range [...]struct{ name, v string }{
		{"source", rec.Source}, {"destination", rec.Destination},
		{"account code", rec.Account}, {"charge code", rec.ChargeCode},
	} {
		if len(f.v) <= MaxTextChars {
			continue // a character is at least a byte
		}
		if n := utf8.RuneCountInString(f.v); n > MaxTextChars {
			return &LineError{Line: rec.Line, Reason: fmt.Sprintf("%s is %d characters; at most %d fit", f.name, n, MaxTextChars)}
		}
	}
	return nil
}
