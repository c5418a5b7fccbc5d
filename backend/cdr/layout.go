package cdr

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/rating"
)

// A mapping's date-time layouts come in three spellings, because the staff
// who fill in the provider form copy whatever the provider's documentation
// shows:
//
//   - tokens, as most documentation writes them: YYYY-MM-DD HH:mm:ss,
//     DD/MM/YYYY, MM/DD/YYYY hh:mm A, YYYY-MM-DDTHH:mm:ss.SSSZ. A layout with
//     no digit in it is read as tokens;
//   - a Go reference layout (2006-01-02 15:04:05), recognised by its digits;
//   - a keyword: rfc3339 (also iso8601), rfc2822, unix.
//
// Tokens: YYYY YY year; MMMM (January) MMM (Jan) MM M month; DD D day;
// dddd (Monday) ddd (Mon) weekday; HH H 24-hour; hh h 12-hour with A (AM/PM)
// or a (am/pm); mm m minute; ss s second; SSS… fraction after '.' or ',';
// Z (+01:00 or Z) and ZZ (+0100) UTC offset; T a literal T; UTC or GMT
// literally in the value. Anything else that is not a letter (- / : . ,
// space) must appear as written.

// timeLayout is one compiled layout.
type timeLayout struct {
	spec   string // as staff wrote it, for messages
	layout string // Go layout
	// offset: the value carries a UTC offset, which wins over the zone
	// (docs/cdr-formats.md, csv). utc: the value says UTC or GMT literally.
	offset, utc bool
	// abbrev: the layout reads a zone abbreviation (MST). Only UTC and GMT
	// are trusted: the time package guesses other abbreviations from the
	// server's own zone, which would make the result depend on the server.
	abbrev bool
	unix   bool // seconds since 1970-01-01 UTC
}

// layoutKeywords expand to the layouts a standard allows.
var layoutKeywords = map[string][]string{
	// RFC 3339 (ISO 8601 with an offset); a space may replace the T, and a
	// fraction of a second is accepted (the time package reads one after
	// the seconds whatever the layout).
	"rfc3339": {"2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05Z07:00"},
	"iso8601": {"2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05Z07:00"},
	// RFC 2822 / RFC 1123 with a numeric zone, the weekday optional; GMT or
	// UTC in place of the offset.
	"rfc2822": {"Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 MST"},
	"unix":    nil,
}

// layoutProbe has a distinct value in every field, so that a layout missing
// one (no year, a 12-hour clock without AM/PM) cannot read back what it
// wrote.
var layoutProbe = time.Date(2026, 11, 25, 21, 47, 38, 0, time.UTC)

// compileLayout turns one layout as staff wrote it into Go layouts, or says
// what is wrong with it.
func compileLayout(spec string) ([]timeLayout, string) {
	s := strings.TrimSpace(spec)
	if s == "" {
		return nil, "a layout is empty"
	}
	if exp, ok := layoutKeywords[strings.ToLower(s)]; ok {
		if exp == nil {
			return []timeLayout{{spec: s, unix: true}}, ""
		}
		var out []timeLayout
		for _, l := range exp {
			out = append(out, goLayout(s, l, false))
		}
		return out, ""
	}
	var l timeLayout
	if strings.ContainsAny(s, "0123456789") {
		l = goLayout(s, s, false)
	} else {
		gl, utc, problem := tokensToGo(s)
		if problem != "" {
			return nil, fmt.Sprintf("layout %q: %s", s, problem)
		}
		l = goLayout(s, gl, utc)
	}
	t, err := time.Parse(l.layout, layoutProbe.Format(l.layout))
	if err != nil || t.Year() != 2026 || t.Month() != 11 || t.Day() != 25 || t.Hour() != 21 || t.Minute() != 47 {
		return nil, fmt.Sprintf("layout %q does not hold a whole date and time: it needs a year, month, day, hour and minute "+
			"(and A for AM/PM with a 12-hour clock); write it like YYYY-MM-DD HH:mm:ss or DD/MM/YYYY HH:mm, "+
			"or as a Go layout such as 2006-01-02 15:04:05", s)
	}
	return []timeLayout{l}, ""
}

func goLayout(spec, layout string, utc bool) timeLayout {
	return timeLayout{
		spec:   spec,
		layout: layout,
		offset: strings.Contains(layout, "Z07") || strings.Contains(layout, "-07"),
		abbrev: strings.Contains(layout, "MST"),
		utc:    utc,
	}
}

// tokensToGo translates a token layout (YYYY-MM-DD HH:mm:ss) into a Go layout.
func tokensToGo(s string) (layout string, utc bool, problem string) {
	var b strings.Builder
	for i := 0; i < len(s); {
		if rest := s[i:]; strings.HasPrefix(rest, "UTC") || strings.HasPrefix(rest, "GMT") {
			b.WriteString(rest[:3])
			utc = true
			i += 3
			continue
		}
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			b.WriteByte(c)
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		run := s[i:j]
		var tok string
		switch n := len(run); c {
		case 'Y':
			tok = map[int]string{4: "2006", 2: "06"}[n]
		case 'M':
			tok = map[int]string{1: "1", 2: "01", 3: "Jan", 4: "January"}[n]
		case 'D':
			tok = map[int]string{1: "2", 2: "02"}[n]
		case 'd':
			tok = map[int]string{3: "Mon", 4: "Monday"}[n]
		case 'H':
			if n <= 2 {
				tok = "15" // reads one or two digits
			}
		case 'h':
			tok = map[int]string{1: "3", 2: "03"}[n]
		case 'm':
			tok = map[int]string{1: "4", 2: "04"}[n]
		case 's':
			tok = map[int]string{1: "5", 2: "05"}[n]
		case 'S':
			if i > 0 && (s[i-1] == '.' || s[i-1] == ',') && n <= 9 {
				tok = strings.Repeat("0", n)
			}
		case 'A':
			if n == 1 {
				tok = "PM"
			}
		case 'a':
			if n == 1 {
				tok = "pm"
			}
		case 'Z':
			tok = map[int]string{1: "Z07:00", 2: "Z0700"}[n]
		case 'T':
			if n == 1 {
				tok = "T"
			}
		}
		if tok == "" {
			return "", false, fmt.Sprintf("%q is not a date or time token (use YYYY, MM, DD, HH, mm, ss, A, Z; see the provider form's help)", run)
		}
		b.WriteString(tok)
		i = j
	}
	return b.String(), utc, ""
}

// parseTime reads v with the first layout that fits. Without an offset in
// the value the time is wall-clock time in zone, under the rating engine's
// rules for clock changes (rating.Zone.Date).
func parseTime(layouts []timeLayout, zone *rating.Zone, v string) (time.Time, bool) {
	for i := range layouts {
		l := &layouts[i]
		if l.unix {
			// Whole seconds; a fraction is dropped like the fraction of
			// any other start time.
			ip, fp, _ := strings.Cut(v, ".")
			if ip == "" || len(ip) > 10 || !digits(ip) || !digits(fp) {
				continue
			}
			secs, _ := strconv.ParseInt(ip, 10, 64)
			if t := time.Unix(secs, 0); t.Year() <= 2199 {
				return t.In(zone.Location()), true
			}
			continue
		}
		t, err := time.Parse(l.layout, v)
		if err != nil || t.Year() < 1900 || t.Year() > 2199 {
			continue
		}
		instant := l.offset || l.utc
		if l.abbrev {
			name, _ := t.Zone()
			instant = instant || name == "UTC" || name == "GMT"
		}
		if instant {
			return t.In(zone.Location()), true
		}
		return zone.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second()), true
	}
	return time.Time{}, false
}

// describeLayouts names the layouts for a message: "the layout X" or "any
// of the layouts X, Y".
func describeLayouts(specs []string) string {
	if len(specs) == 1 {
		return "the layout " + specs[0]
	}
	return "any of the layouts " + strings.Join(specs, ", ")
}
