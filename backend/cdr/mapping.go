package cdr

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/rating"
)

// Mapping describes one provider's CSV file for the generic csv format
// (docs/cdr-formats.md, csv). Staff fill it in once on the provider form; it
// is stored on the provider row as JSON. Presets holds ready-made mappings.
//
// Required: Destination; Source or Account; Start, or Date and Time;
// Duration. Everything else is optional.
type Mapping struct {
	// Delimiter between fields: "," (the default when empty), ";", "\t" or
	// "|". The names comma, semicolon, tab and pipe are accepted too.
	Delimiter string `json:"delimiter"`
	// Header is true when the first line names the columns. Columns may
	// then be given by name; without a header they are given by position.
	Header bool `json:"header"`

	Source      Column `json:"source,omitempty"`
	Destination Column `json:"destination"`
	Account     Column `json:"account,omitempty"`
	ChargeCode  Column `json:"chargeCode,omitempty"`
	// Start holds date and time in one column. Date and Time are the
	// alternative for files that split them; the two values are joined with
	// a space and read with Layouts, so a layout then covers both
	// ("DD/MM/YYYY HH:mm:ss").
	Start Column `json:"start,omitempty"`
	Date  Column `json:"date,omitempty"`
	Time  Column `json:"time,omitempty"`
	// Answer is an optional answer-time column. When a line has one it is
	// the call's start, as for the built-in formats (a record's start is
	// the answer time when the format has one); an empty answer time (an
	// unanswered call) falls back to Start or Date and Time.
	Answer        Column `json:"answer,omitempty"`
	Duration      Column `json:"duration"`
	UniqueID      Column `json:"uniqueId,omitempty"`
	ProviderPrice Column `json:"providerPrice,omitempty"`
	// NegativePrices is true when the provider writes what it charged as a
	// negative amount (Twilio's Price); the sign is flipped on reading.
	NegativePrices bool `json:"negativePrices,omitempty"`

	// Layouts are the date-time layouts tried in order, each as tokens
	// (YYYY-MM-DD HH:mm:ss), a Go layout, or a keyword (rfc3339, rfc2822,
	// unix); see layout.go for the tokens.
	Layouts []string `json:"layouts"`
	// TimeZone is the IANA zone of timestamps without an offset. Empty means
	// the provider's zone. When set it wins over the provider's zone,
	// because it describes the file ("Date/Time Start (UTC)"). A timestamp
	// that carries an offset is read with its offset whatever the zone.
	TimeZone string `json:"timeZone,omitempty"`
	// DurationUnit is seconds (the default when empty), minutes (decimal
	// minutes), hms (H:MM:SS) or milliseconds. A fraction of a second
	// rounds up (docs/rating.md, Billable seconds).
	DurationUnit string `json:"durationUnit"`
}

// Column names a column of the file: a header name, matched ignoring case and
// surrounding spaces, or a 1-based position such as "3". With a header, a
// name that is in the header wins over reading it as a position. JSON holds
// it as a string; a number is accepted.
type Column string

// UnmarshalJSON accepts a string, a number (a position) or null.
func (c *Column) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9') {
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("a column is a header name or a position such as 3, not %s", b)
		}
		*c = Column(n.String())
		return nil
	}
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a column is a header name or a position such as 3, not %s", b)
	}
	*c = ""
	if s != nil {
		*c = Column(*s)
	}
	return nil
}

// UnmarshalJSON also reads the flat string form (every value a string, the
// layouts one string separated by "|"), so that a mapping kept as a map of
// strings still loads.
func (m *Mapping) UnmarshalJSON(b []byte) error {
	type plain Mapping
	var aux struct {
		plain
		Header         json.RawMessage `json:"header"`
		NegativePrices json.RawMessage `json:"negativePrices"`
		Layouts        json.RawMessage `json:"layouts"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return fmt.Errorf("the CSV mapping is not valid JSON: %w", err)
	}
	*m = Mapping(aux.plain)
	var err error
	if m.Header, err = flexBool("header", aux.Header); err != nil {
		return err
	}
	if m.NegativePrices, err = flexBool("negativePrices", aux.NegativePrices); err != nil {
		return err
	}
	m.Layouts = nil
	if len(aux.Layouts) > 0 && string(aux.Layouts) != "null" {
		if aux.Layouts[0] == '"' {
			var s string
			if err := json.Unmarshal(aux.Layouts, &s); err != nil {
				return fmt.Errorf("layouts: %w", err)
			}
			for l := range strings.SplitSeq(s, "|") {
				if l = strings.TrimSpace(l); l != "" {
					m.Layouts = append(m.Layouts, l)
				}
			}
		} else if err := json.Unmarshal(aux.Layouts, &m.Layouts); err != nil {
			return fmt.Errorf("layouts must be a list of date-time layouts: %w", err)
		}
	}
	return nil
}

func flexBool(name string, raw json.RawMessage) (bool, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return false, nil
	}
	var b bool
	if json.Unmarshal(raw, &b) == nil {
		return b, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		switch strings.ToLower(strings.TrimSpace(s)) {
		case "true", "yes", "1":
			return true, nil
		case "false", "no", "0", "":
			return false, nil
		}
	}
	return false, fmt.Errorf("%s must be true or false, not %s", name, raw)
}

// MappingProblem is one thing wrong with a mapping, named by the Mapping's
// JSON field so that the provider form can show it beside that field.
type MappingProblem struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// MappingError lists every problem with a mapping, or every mapped column a
// file's header lacks, at once: staff fix them all in one go rather than one
// per save.
type MappingError struct {
	Problems []MappingProblem
}

func (e *MappingError) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.Message
	}
	if len(msgs) == 1 {
		return msgs[0]
	}
	return fmt.Sprintf("the CSV mapping has %d problems: %s", len(msgs), strings.Join(msgs, "; "))
}

// Validate checks the mapping without a file: required columns, delimiter,
// layouts, zone and duration unit. Whether named columns exist can only be
// known from a file's header (NewMappedReader, Preview). The error is a
// *MappingError listing every problem.
func (m Mapping) Validate() error {
	_, err := compileMapping(m)
	return err
}

// Duration units.
const (
	unitSeconds uint8 = iota
	unitMinutes
	unitHMS
	unitMillis
)

var durationUnits = map[string]uint8{"": unitSeconds, "seconds": unitSeconds, "minutes": unitMinutes, "hms": unitHMS, "milliseconds": unitMillis}

// maxColumn bounds a position, so that a typo cannot ask for a millionth
// column.
const maxColumn = 1000

// maxQuotedLines is how many further lines a quoted field may run over
// (RFC 4180 allows line breaks inside quotes). A stray quote would otherwise
// swallow the rest of the file into one unreadable line.
const maxQuotedLines = 20

// mapped is one record field's column: as configured, and resolved to a
// 0-based index (-1 when the field is not mapped).
type mapped struct {
	field string // the Mapping's JSON name: "duration"
	col   string // as configured, trimmed
	idx   int
	label string // how messages name the column: its header name or "column 7 (duration)"
}

// mapper is a compiled mapping: a Reader's state for the csv format.
type mapper struct {
	delim  byte
	header []string // the file's header row, when the mapping has one
	cols   []*mapped
	source, destination, account, chargeCode,
	start, date, clock, answer, duration, uniqueID, price *mapped
	layouts  []timeLayout
	specs    []string // layouts as written, for messages
	zone     *rating.Zone
	unit     uint8
	negative bool
	need     int    // fields a line needs: the highest mapped position
	join     []byte // a line and the lines its quoted field runs over
}

var delimiters = map[string]byte{
	",": ',', ";": ';', "\t": '\t', "|": '|',
	"comma": ',', "semicolon": ';', "tab": '\t', "pipe": '|',
}

// compileMapping validates m and prepares it for reading. Columns are not
// resolved yet (resolve).
func compileMapping(m Mapping) (*mapper, error) {
	var probs []MappingProblem
	add := func(field, format string, args ...any) {
		probs = append(probs, MappingProblem{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	c := &mapper{negative: m.NegativePrices}
	d := m.Delimiter
	if d == "" {
		d = ","
	}
	var ok bool
	if c.delim, ok = delimiters[strings.ToLower(d)]; !ok {
		add("delimiter", "the delimiter %q is not one of , ; | or tab", m.Delimiter)
	}
	col := func(field string, v Column) *mapped {
		f := &mapped{field: field, col: strings.TrimSpace(string(v)), idx: -1}
		c.cols = append(c.cols, f)
		return f
	}
	c.source, c.destination, c.account, c.chargeCode = col("source", m.Source), col("destination", m.Destination), col("account", m.Account), col("chargeCode", m.ChargeCode)
	c.start, c.date, c.clock, c.answer = col("start", m.Start), col("date", m.Date), col("time", m.Time), col("answer", m.Answer)
	c.duration, c.uniqueID, c.price = col("duration", m.Duration), col("uniqueId", m.UniqueID), col("providerPrice", m.ProviderPrice)

	if c.source.col == "" && c.account.col == "" {
		add("source", "say which column holds the calling number (source), or the account code (account)")
	}
	if c.destination.col == "" {
		add("destination", "say which column holds the dialled number (destination)")
	}
	switch {
	case c.start.col != "" && (c.date.col != "" || c.clock.col != ""):
		add("start", "give either one start column (date and time together) or separate date and time columns, not both")
	case c.start.col == "" && c.date.col == "" && c.clock.col == "":
		add("start", "say which column holds the call's date and time (start), or give separate date and time columns")
	case c.start.col == "" && c.date.col == "":
		add("date", "a time column is given without a date column")
	case c.start.col == "" && c.clock.col == "":
		add("time", "a date column is given without a time column")
	}
	if c.duration.col == "" {
		add("duration", "say which column holds the call's duration")
	}
	for _, f := range c.cols {
		if f.col == "" {
			continue
		}
		n, isNum := position(f.col)
		switch {
		case isNum && (n < 1 || n > maxColumn):
			add(f.field, "%s: column %s does not exist; positions count from 1 for the first column", f.field, f.col)
		case !m.Header && !isNum:
			add(f.field, "%s: without a header row, give the column's position (1 for the first column), not the name %q", f.field, f.col)
		}
	}

	if len(m.Layouts) == 0 {
		add("layouts", "give at least one date-time layout, such as YYYY-MM-DD HH:mm:ss")
	}
	for _, spec := range m.Layouts {
		ls, problem := compileLayout(spec)
		if problem != "" {
			add("layouts", "%s", problem)
			continue
		}
		c.layouts = append(c.layouts, ls...)
		c.specs = append(c.specs, strings.TrimSpace(spec))
	}
	if tz := strings.TrimSpace(m.TimeZone); tz != "" {
		z, err := rating.LoadZone(tz)
		if err != nil || tz == "Local" {
			add("timeZone", "the time zone %q is not an IANA name such as Europe/London or UTC", m.TimeZone)
		}
		c.zone = z
	}
	if c.unit, ok = durationUnits[strings.ToLower(strings.TrimSpace(m.DurationUnit))]; !ok {
		add("durationUnit", "the duration unit %q is not one of seconds, minutes, hms (H:MM:SS) or milliseconds", m.DurationUnit)
	}
	if len(probs) > 0 {
		return nil, &MappingError{Problems: probs}
	}
	return c, nil
}

// position reads a column given as a number.
func position(s string) (int, bool) {
	if s == "" || len(s) > 9 || !digits(s) {
		return 0, false
	}
	n, _ := strconv.Atoi(s)
	return n, true
}

// resolve turns every mapped column into an index: against the header row
// when there is one, else by position.
func (c *mapper) resolve(header []string) error {
	c.header = header
	var missing []MappingProblem
	for _, f := range c.cols {
		if f.col == "" {
			continue
		}
		f.idx = -1
		if header != nil {
			for i, h := range header {
				if strings.EqualFold(strings.TrimSpace(h), f.col) {
					f.idx, f.label = i, strings.TrimSpace(h)
					break
				}
			}
		}
		if f.idx < 0 {
			n, isNum := position(f.col)
			switch {
			case !isNum:
				missing = append(missing, MappingProblem{Field: f.field,
					Message: fmt.Sprintf("column '%s' (%s) is not in the header", f.col, f.field)})
				continue
			case header != nil && n > len(header):
				missing = append(missing, MappingProblem{Field: f.field,
					Message: fmt.Sprintf("column %d (%s) is past the end of the header, which has %d %s", n, f.field, len(header), plural(len(header), "column"))})
				continue
			}
			f.idx = n - 1
			f.label = fmt.Sprintf("column %d (%s)", n, f.field)
			if header != nil && strings.TrimSpace(header[n-1]) != "" {
				f.label = strings.TrimSpace(header[n-1])
			}
		}
		c.need = max(c.need, f.idx+1)
	}
	if len(missing) > 0 {
		// The header goes into the last message only, and shortened: it is
		// there so staff can spot the spelling the file uses.
		last := &missing[len(missing)-1]
		last.Message += "; the header has: " + describeHeader(header)
		if len(header) == 1 {
			if hint := c.delimiterHint(header[0]); hint != "" {
				last.Message += " (" + hint + ")"
			}
		}
		return &MappingError{Problems: missing}
	}
	return nil
}

func describeHeader(h []string) string {
	var b strings.Builder
	for i, name := range h {
		if i == 40 {
			fmt.Fprintf(&b, ", … (%d columns in all)", len(h))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		name = strings.TrimSpace(name)
		if len(name) > 60 {
			name = name[:60] + "…"
		}
		if name == "" {
			name = "(blank)"
		}
		b.WriteString(name)
	}
	return b.String()
}

// delimiterHint guesses, from a line that read as one field, that the file
// uses another delimiter: the usual cause of such a line.
func (c *mapper) delimiterHint(line string) string {
	for _, d := range []byte{',', ';', '\t', '|'} {
		if d != c.delim && strings.Count(line, string(d)) >= 2 {
			return fmt.Sprintf("the line has %s in it: is the delimiter %s rather than %s?", delimName(d), delimName(d), delimName(c.delim))
		}
	}
	return ""
}

func delimName(d byte) string {
	if d == '\t' {
		return "tab"
	}
	return `"` + string(d) + `"`
}

// NewMappedReader reads r in the generic csv format described by m. It is
// used like NewReader's Reader (Next, Problem, Record, Err), with the same
// promises: streaming, constant memory, every unreadable line reported, fail
// fast when no line can be read.
//
// Timestamps without an offset are wall-clock time in m.TimeZone when set,
// else in zone (the provider's zone; nil means Europe/London).
//
// With a header row, the header is read here, so that a mapped column the
// file lacks fails at once with the header's actual names. The error is a
// *MappingError for a bad mapping or a missing column, else an I/O error.
// An empty file is not an error: it has no calls.
func NewMappedReader(r io.Reader, m Mapping, zone *rating.Zone) (*Reader, error) {
	c, err := compileMapping(m)
	if err != nil {
		return nil, err
	}
	if c.zone == nil {
		c.zone = zone
	}
	if c.zone == nil {
		if c.zone, _ = rating.LoadZone(rating.DefaultTimeZone); c.zone == nil {
			c.zone = rating.NewZone(time.UTC)
		}
	}
	f := MappedCSV
	f.title = "a line of this CSV mapping"
	rd := &Reader{
		format: f,
		zone:   c.zone,
		br:     bufio.NewReaderSize(r, 64<<10),
		m:      c,
	}
	rd.started = true
	if !m.Header {
		if err := c.resolve(nil); err != nil {
			return nil, err
		}
		return rd, nil
	}
	for !rd.eof {
		raw, tooLong, err := rd.readLine()
		if err != nil {
			return nil, fmt.Errorf("reading the CDR file's header row: %w", err)
		}
		if tooLong {
			return nil, &MappingError{Problems: []MappingProblem{{Field: "header",
				Message: fmt.Sprintf("line %d, the header row, is longer than %d bytes: is this a CSV file?", rd.line, MaxLineBytes)}}}
		}
		if raw == nil {
			continue
		}
		if open, msg := c.split(rd, raw); open || msg != "" {
			if open {
				msg = "a quoted name is not closed"
			}
			return nil, &MappingError{Problems: []MappingProblem{{Field: "header",
				Message: fmt.Sprintf("the header row (line %d) cannot be read: %s", rd.line, msg)}}}
		}
		header := make([]string, len(rd.fields))
		s := string(rd.buf)
		for i, f := range rd.fields {
			header[i] = s[f.start:f.end]
		}
		return rd, c.resolve(header)
	}
	return rd, nil // empty file
}

// split breaks a line into fields by RFC 4180 with the mapping's delimiter:
// a field in double quotes may hold the delimiter, line breaks and doubled
// quotes; spaces before an opening quote are tolerated. A quote inside an
// unquoted field is kept as text. open is true when the line ends inside a
// quoted field, whose remaining lines the caller then appends.
func (c *mapper) split(r *Reader, line []byte) (open bool, msg string) {
	r.buf = r.buf[:0]
	r.fields = r.fields[:0]
	d := c.delim
	i, n := 0, len(line)
	for {
		j := i
		for j < n && (line[j] == ' ' || line[j] == '\t' && d != '\t') {
			j++
		}
		start := len(r.buf)
		if j < n && line[j] == '"' {
			i = j + 1
			for {
				q := bytes.IndexByte(line[i:], '"')
				if q < 0 {
					return true, ""
				}
				r.buf = append(r.buf, line[i:i+q]...)
				i += q + 1
				if i < n && line[i] == '"' { // doubled quote
					r.buf = append(r.buf, '"')
					i++
					continue
				}
				break
			}
			for i < n && line[i] != d && (line[i] == ' ' || line[i] == '\t') {
				i++
			}
			if i < n && line[i] != d {
				return false, fmt.Sprintf("field %d has text after its closing quote", len(r.fields)+1)
			}
		} else {
			e := bytes.IndexByte(line[i:], d)
			end := n
			if e >= 0 {
				end = i + e
			}
			r.buf = append(r.buf, line[i:end]...)
			i = end
		}
		r.fields = append(r.fields, field{start, len(r.buf)})
		if i >= n {
			return false, ""
		}
		i++ // the delimiter
	}
}

// parseMapped reads one non-blank line (and any lines a quoted field runs
// over) into r.rec.
func (r *Reader) parseMapped(line []byte) (*LineError, bool) {
	c := r.m
	first := r.line
	bad := func(format string, args ...any) (*LineError, bool) {
		return &LineError{Line: first, Reason: fmt.Sprintf(format, args...)}, false
	}
	open, msg := c.split(r, line)
	if open {
		c.join = append(c.join[:0], line...) // line is only valid until the next read
		for extra := 1; open; extra++ {
			if extra > maxQuotedLines {
				return bad("field %d opens a quote that is still open %d lines later; lines %d to %d are skipped",
					len(r.fields)+1, maxQuotedLines, first, r.line)
			}
			next, tooLong, err := r.readLine()
			if err != nil {
				r.err = fmt.Errorf("reading the CDR file after line %d: %w", r.line, err)
				return nil, true
			}
			if tooLong || len(c.join)+1+len(next) > MaxLineBytes {
				return bad("field %d opens a quote that runs to line %d and over %d bytes; lines %d to %d are skipped",
					len(r.fields)+1, r.line, MaxLineBytes, first, r.line)
			}
			if next == nil && r.eof {
				return bad("field %d opens a quote that is never closed", len(r.fields)+1)
			}
			c.join = append(c.join, '\n')
			c.join = append(c.join, next...)
			open, msg = c.split(r, c.join)
			line = c.join
		}
	}
	if msg != "" {
		return bad("%s", msg)
	}
	nf := len(r.fields)
	if c.header != nil && nf != len(c.header) {
		hint := ""
		if nf == 1 {
			hint = c.delimiterHint(string(line))
		}
		if hint == "" && nf > len(c.header) {
			hint = "a field with the delimiter in it must be in double quotes"
		}
		if hint != "" {
			hint = ": " + hint
		}
		return bad("has %d %s; the header has %d%s", nf, plural(nf, "field"), len(c.header), hint)
	}
	if nf < c.need {
		var f *mapped
		for _, m := range c.cols {
			if m.idx+1 == c.need {
				f = m
				break
			}
		}
		hint := ""
		if nf == 1 {
			hint = c.delimiterHint(string(line))
		}
		if hint != "" {
			hint = ": " + hint
		}
		return bad("has %d %s; the mapping reads column %d (%s)%s", nf, plural(nf, "field"), c.need, f.field, hint)
	}
	// One string for the whole line, as in parse: the record's fields are
	// substrings of it.
	s := string(r.buf)
	get := func(f *mapped) string {
		if f.idx < 0 || f.idx >= nf {
			return ""
		}
		return strings.TrimSpace(s[r.fields[f.idx].start:r.fields[f.idx].end])
	}
	rec := Record{
		Line:        first,
		Source:      get(c.source),
		Destination: get(c.destination),
		Account:     get(c.account),
		ChargeCode:  get(c.chargeCode),
		UniqueID:    get(c.uniqueID),
	}
	var ok bool
	if v := get(c.answer); v != "" {
		if rec.Start, ok = parseTime(c.layouts, c.zone, v); !ok {
			return bad("%s %q is not a date and time in %s", c.answer.label, v, describeLayouts(c.specs))
		}
	} else if c.start.idx >= 0 {
		v := get(c.start)
		if v == "" {
			return bad("has no start time: %s is empty", c.start.label)
		}
		if rec.Start, ok = parseTime(c.layouts, c.zone, v); !ok {
			return bad("%s %q is not a date and time in %s", c.start.label, v, describeLayouts(c.specs))
		}
	} else {
		d, t := get(c.date), get(c.clock)
		if d == "" || t == "" {
			return bad("has no start time: %s or %s is empty", c.date.label, c.clock.label)
		}
		if rec.Start, ok = parseTime(c.layouts, c.zone, d+" "+t); !ok {
			return bad("%s %q and %s %q are not a date and time in %s (the date, a space, then the time)",
				c.date.label, d, c.clock.label, t, describeLayouts(c.specs))
		}
	}
	v := get(c.duration)
	var reason string
	switch c.unit {
	case unitSeconds:
		rec.Duration, reason = parseDuration(v)
	case unitMinutes:
		rec.Duration, reason = parseScaled(v, 60, 0, "minutes")
	case unitMillis:
		rec.Duration, reason = parseScaled(v, 1, 3, "milliseconds")
	case unitHMS:
		rec.Duration, reason = parseHMSDuration(v)
	}
	if reason != "" {
		return bad("%s %q %s", c.duration.label, v, reason)
	}
	if p := get(c.price); p != "" {
		// An unreadable price is left out rather than losing the call: the
		// price is only compared with Tollgate's own.
		if d, ok := parsePrice(p); ok {
			if c.negative {
				d = d.Neg()
			}
			rec.ProviderPrice = decimal.NullDecimal{Decimal: d, Valid: true}
		}
	}
	r.rec = rec
	return nil, false
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// decimalNumber reports whether s is digits with at most one decimal point
// and at least one digit: no sign, exponent or thousands separator, which a
// billing file never needs and which decimal.NewFromString would accept.
func decimalNumber(s string) bool {
	ip, fp, _ := strings.Cut(s, ".")
	return ip+fp != "" && digits(ip) && digits(fp)
}

func parsePrice(s string) (decimal.Decimal, bool) {
	neg := strings.HasPrefix(s, "-")
	u := strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if len(u) > 40 || !decimalNumber(u) {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(u)
	if err != nil {
		return decimal.Decimal{}, false
	}
	if neg {
		d = d.Neg()
	}
	return d, true
}

// parseScaled reads a decimal number of units and converts it to whole
// seconds, rounding up: seconds = ceil(v × mul ÷ 10^shift). Decimal
// arithmetic keeps it exact (0.1 minutes is 6 seconds, not 6.000000001).
func parseScaled(s string, mul int64, shift int32, unit string) (int64, string) {
	notNum := "is not a number of " + unit
	if strings.HasPrefix(s, "-") {
		if _, r := parseScaled(s[1:], mul, shift, unit); r == "" {
			return 0, "is negative"
		}
		return 0, notNum
	}
	if !decimalNumber(s) {
		return 0, notNum
	}
	ip, _, _ := strings.Cut(s, ".")
	tooLong := fmt.Sprintf("is longer than the longest call Tollgate prices (%d seconds)", rating.MaxDuration)
	if len(strings.TrimLeft(ip, "0")) > 15 || len(s) > 64 {
		return 0, tooLong
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return 0, notNum
	}
	secs := d.Mul(decimal.NewFromInt(mul)).Shift(-shift).Ceil()
	if secs.GreaterThan(decimal.NewFromInt(rating.MaxDuration)) {
		return 0, tooLong
	}
	return secs.IntPart(), ""
}

// parseHMSDuration reads H:MM:SS (any number of hours, a fraction of a
// second rounding up).
func parseHMSDuration(s string) (int64, string) {
	const notHMS = "is not a duration in H:MM:SS"
	if strings.HasPrefix(s, "-") {
		if _, r := parseHMSDuration(s[1:]); r == "" {
			return 0, "is negative"
		}
		return 0, notHMS
	}
	h, rest, ok1 := strings.Cut(s, ":")
	mi, sec, ok2 := strings.Cut(rest, ":")
	if !ok1 || !ok2 || h == "" || len(h) > 7 || !digits(h) || len(mi) != 2 || !digits(mi) {
		return 0, notHMS
	}
	si, sf, _ := strings.Cut(sec, ".")
	if len(si) != 2 || !digits(si) || !digits(sf) {
		return 0, notHMS
	}
	hv, _ := strconv.ParseInt(h, 10, 64)
	mv, _ := strconv.ParseInt(mi, 10, 64)
	sv, _ := strconv.ParseInt(si, 10, 64)
	if mv > 59 || sv > 59 {
		return 0, notHMS
	}
	v := hv*3600 + mv*60 + sv
	if strings.Trim(sf, "0") != "" {
		v++
	}
	if v > rating.MaxDuration {
		return 0, fmt.Sprintf("is longer than the longest call Tollgate prices (%d seconds)", rating.MaxDuration)
	}
	return v, ""
}
