package cdr

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Format is a CDR format a provider can be given. Each is declared once,
// below, and everything else follows from the declaration: the provider's
// cdr_format enum (ent/schema reads ProviderFormats), the API's cdrFormats
// list and the SPA's labels, the CLI's --format names, and the reader.
type Format struct {
	// Name is the format's short name ("asterisk"): the CLI's --format,
	// and, upper-cased, the provider's cdr_format value ("ASTERISK").
	Name string
	// Label is what a clerk calls it ("Asterisk").
	Label       string
	Description string
	// Zone is the zone the format's timestamps are always in, when the
	// format fixes one (FCS: UK local time); empty means the provider's
	// configured zone.
	Zone string
	// Mapped is true for the generic CSV format, read through the
	// provider's own column mapping (NewMappedReader) rather than a
	// built-in parse function.
	Mapped bool

	title   string           // "an Asterisk Master.csv line"
	arity   string           // "16 to 21"
	allowed func(n int) bool // the numbers of fields a line may have
	header  bool             // the first line may be a header row
	// parse reads the current line's fields (Reader.get) into a call. It
	// returns the call by value: built on the stack, it reaches the
	// reader's heap in one copy instead of a write barrier per field.
	parse func(r *Reader) (Record, *LineError)
}

// Value is the format's provider cdr_format enum value.
func (f Format) Value() string { return strings.ToUpper(f.Name) }

// Formats lists the built-in formats, the ones with a parse function of
// their own.
var Formats = []Format{
	{
		Name: "asterisk", Label: "Asterisk",
		Description: "Asterisk cdr_csv Master.csv: no header, 16 to 21 columns, answer time and billsec",
		title:       "an Asterisk Master.csv line", arity: "16 to 21",
		allowed: func(n int) bool { return n >= 16 && n <= 21 },
		parse: (&columns{account: 0, source: 1, destination: 2, uniqueID: 16,
			answer: 10, answerName: "answer time", start: 9, startName: "start time", billsec: 13, billsecName: "billsec"}).parse,
	},
	{
		Name: "freeswitch", Label: "FreeSWITCH",
		Description: "FreeSWITCH mod_cdr_csv, default example template: no header, every field quoted, 13 or 15 columns",
		title:       "a FreeSWITCH CSV line", arity: "13 or 15",
		allowed: func(n int) bool { return n == 13 || n == 15 },
		parse: (&columns{source: 1, destination: 2, uniqueID: 10, account: 12,
			answer: 5, answerName: "answer_stamp", start: 4, startName: "start_stamp", billsec: 8, billsecName: "billsec"}).parse,
	},
	{
		Name: "fcs", Label: "FCS (UK standard)",
		Description: "UK FCS standard CDR (Gamma and other carriers): a header row, then 42 columns mapped by position; UK local time",
		Zone:        "Europe/London",
		title:       "an FCS line", arity: "42", header: true,
		allowed: func(n int) bool { return n == 42 },
		parse:   parseFCS,
	},
}

// MappedCSV is the generic CSV format: any provider's own layout, read
// through a column mapping.
var MappedCSV = Format{
	Name: "csv", Label: "Other CSV", Mapped: true,
	Description: "Any other provider: its own CSV layout, described once with a column mapping (presets for DIDWW and Twilio)",
}

// ProviderFormats lists every format a provider can have, in the order
// they are offered: the built-in ones, then the mapped CSV.
func ProviderFormats() []Format {
	return append(append([]Format(nil), Formats...), MappedCSV)
}

// ProviderFormat finds a provider's format by its enum value or name
// (case-insensitive), the mapped CSV included.
func ProviderFormat(value string) (Format, bool) {
	for _, f := range ProviderFormats() {
		if strings.EqualFold(f.Name, strings.TrimSpace(value)) {
			return f, true
		}
	}
	return Format{}, false
}

// parseFCS reads an FCS line. Only voice calls are calls: data and SMS
// records (call type D, S) are excluded, which is not an error.
func parseFCS(r *Reader) (rec Record, _ *LineError) {
	if t := r.get(0); !strings.EqualFold(t, "V") {
		return rec, &LineError{Line: r.line, Excluded: true, Reason: fmt.Sprintf("call type %q is not a voice call; excluded", t)}
	}
	rec.Source, rec.Destination, rec.ChargeCode, rec.UniqueID = r.get(2), r.get(3), r.get(10), r.get(28)
	date, clock := r.get(4), r.get(5)
	y, mo, d, ok := parseDMY(date)
	if !ok {
		return rec, r.bad("Call Date %q is not a date (DD/MM/YYYY)", date)
	}
	h, mi, sec, ok := parseHMS(clock)
	if !ok {
		return rec, r.bad("Call Time %q is not a time (HH:MM:SS)", clock)
	}
	rec.Start = r.zone.Date(y, time.Month(mo), d, h, mi, sec)
	if p := r.get(12); p != "" {
		if v, err := decimal.NewFromString(p); err == nil {
			rec.ProviderPrice = decimal.NullDecimal{Decimal: v, Valid: true}
		}
	}
	var prob *LineError
	rec.Duration, prob = r.duration(r.get(6), "Duration")
	return rec, prob
}

// columns are where a call's fields stand in a line of a PBX format
// (Asterisk, FreeSWITCH): fixed positions, times written YYYY-MM-DD
// HH:MM:SS, and the billed seconds. The names are the PBX's own, for the
// reasons a line is unreadable.
type columns struct {
	source, destination, account, uniqueID int
	answer, start, billsec                 int
	answerName, startName, billsecName     string
}

// parse reads a line at these columns. A call starts when it is answered;
// one never answered starts at its start time.
func (c *columns) parse(r *Reader) (rec Record, _ *LineError) {
	rec.Source, rec.Destination, rec.Account, rec.UniqueID = r.get(c.source), r.get(c.destination), r.get(c.account), r.get(c.uniqueID)
	when, name := r.get(c.answer), c.answerName
	if when == "" {
		when, name = r.get(c.start), c.startName
	}
	if when == "" {
		return rec, r.bad("has no answer or start time")
	}
	y, mo, d, h, mi, sec, ok := parseYMDHMS(when)
	if !ok {
		return rec, r.bad("%s %q is not a date and time (YYYY-MM-DD HH:MM:SS)", name, when)
	}
	rec.Start = r.zone.Date(y, time.Month(mo), d, h, mi, sec)
	var prob *LineError
	rec.Duration, prob = r.duration(r.get(c.billsec), c.billsecName)
	return rec, prob
}

// duration reads the call's billed seconds from the field called name.
func (r *Reader) duration(v, name string) (int64, *LineError) {
	dur, reason := parseDuration(v)
	if reason != "" {
		return 0, r.bad("%s %q %s", name, v, reason)
	}
	return dur, nil
}

// bad is the current line's problem.
func (r *Reader) bad(format string, args ...any) *LineError {
	return &LineError{Line: r.line, Reason: fmt.Sprintf(format, args...)}
}
