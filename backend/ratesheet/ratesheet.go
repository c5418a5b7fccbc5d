// Package ratesheet reads and writes the rate sheet and peak-times CSV files
// of docs/rating.md, with the validation staff rely on: a sheet is accepted
// whole or rejected whole, and a rejection lists every bad line.
package ratesheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"github.com/tollgate/tollgate/backend/internal/csvcell"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/internal/filekind"
	"github.com/tollgate/tollgate/backend/rating"
)

// Units says what the money columns of a sheet are written in.
type Units uint8

const (
	// Minor units (pence): the default.
	Minor Units = iota
	// Major units (pounds): converted to minor on import.
	Major
)

func (u Units) String() string {
	if u == Major {
		return "major"
	}
	return "minor"
}

// ParseUnits reads "minor" or "major".
func ParseUnits(s string) (Units, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "minor", "":
		return Minor, nil
	case "major":
		return Major, nil
	}
	return 0, fmt.Errorf("%q is not a unit: use minor (pence) or major (pounds)", s)
}

// Options control how a sheet is read.
// The longest destination and description the rate columns hold, in
// bytes of UTF-8 (as the stored rows are checked).
const (
	MaxDestinationBytes = 64
	MaxDescriptionBytes = 255
)

type Options struct {
	Units Units
	// CountryCode normalises destinations such as "01132" (default "44").
	CountryCode string
}

// Row is one rate-sheet line. Money is in minor units whatever the sheet's
// units, as stored in the database. Costs are Valid only when the sheet gives
// them (blank = unknown). A blank Description means "the destination itself".
type Row struct {
	Line            int
	Destination     string
	MinimumCharge   decimal.Decimal
	ConnectionFee   decimal.Decimal
	PeakRate        decimal.Decimal
	OffpeakRate     decimal.Decimal
	WeekendRate     decimal.Decimal
	PeakRateCost    decimal.NullDecimal
	OffpeakRateCost decimal.NullDecimal
	WeekendRateCost decimal.NullDecimal
	Description     string
	DurationBlock   rating.DurationBlock
}

// Rate converts the row to the engine's fixed-point form. It fails only for
// values a sheet read by Read can never hold (negative, more than six decimal
// places of a penny, above rating.MaxAmount).
func (r Row) Rate() (rating.Rate, error) {
	out := rating.Rate{Destination: r.Destination, Description: r.Description, Block: r.DurationBlock}
	if out.Block.Step == 0 {
		out.Block = rating.PerSecond
	}
	money := []struct {
		col string
		d   decimal.Decimal
		dst *rating.Amount
	}{
		{"Minimum Charge", r.MinimumCharge, &out.MinimumCharge},
		{"Connection Fee", r.ConnectionFee, &out.ConnectionFee},
		{"Peak Rate", r.PeakRate, &out.Rates[rating.Peak]},
		{"Offpeak Rate", r.OffpeakRate, &out.Rates[rating.Offpeak]},
		{"Weekend Rate", r.WeekendRate, &out.Rates[rating.Weekend]},
	}
	for _, m := range money {
		a, err := rating.AmountFromDecimal(m.d)
		if err != nil {
			return rating.Rate{}, fmt.Errorf("%s %s: %s %w", r.Destination, m.col, m.d, err)
		}
		*m.dst = a
	}
	for b, c := range []decimal.NullDecimal{r.PeakRateCost, r.OffpeakRateCost, r.WeekendRateCost} {
		if !c.Valid {
			continue
		}
		a, err := rating.AmountFromDecimal(c.Decimal)
		if err != nil {
			return rating.Rate{}, fmt.Errorf("%s %s cost: %s %w", r.Destination, rating.Band(b), c.Decimal, err)
		}
		out.Costs[b], out.CostKnown[b] = a, true
	}
	return out, nil
}

// Table builds the engine's rate table from rows (read from a file or loaded
// from the database).
func Table(rows []Row, countryCode string) (*rating.Table, error) {
	if countryCode == "" {
		countryCode = rating.DefaultCountryCode
	}
	rates := make([]rating.Rate, len(rows))
	for i, r := range rows {
		var err error
		if rates[i], err = r.Rate(); err != nil {
			return nil, err
		}
	}
	t, err := rating.NewTable(rates, countryCode)
	var dup *rating.DuplicateError
	if errors.As(err, &dup) {
		return nil, fmt.Errorf("destinations %q and %q are the same number after normalisation",
			rows[dup.First].Destination, rows[dup.Second].Destination)
	}
	return t, err
}

// Problem is one bad line of a file.
type Problem struct {
	Line   int // 0 for the file as a whole
	Column string
	Value  string
	Reason string
}

func (p Problem) String() string {
	var sb strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&sb, "line %d", p.Line)
	} else {
		sb.WriteString("file")
	}
	if p.Column != "" {
		fmt.Fprintf(&sb, ", %s", p.Column)
	}
	if p.Value != "" {
		fmt.Fprintf(&sb, " %q", p.Value)
	}
	sb.WriteString(": ")
	sb.WriteString(p.Reason)
	return sb.String()
}

// ValidationError rejects a whole file and lists every bad line.
type ValidationError struct {
	File     string // "rate sheet" or "peak times"
	Problems []Problem
}

func (e *ValidationError) Error() string {
	var sb strings.Builder
	n := len(e.Problems)
	fmt.Fprintf(&sb, "%s rejected: %d problem", e.File, n)
	if n != 1 {
		sb.WriteString("s")
	}
	sb.WriteString("; nothing was imported")
	for _, p := range e.Problems {
		sb.WriteString("\n  ")
		sb.WriteString(p.String())
	}
	return sb.String()
}

// Column names in their positional order (docs/rating.md, The rate-sheet CSV).
var columns = []string{
	"Destination", "Minimum Charge", "Connection Fee", "Peak Rate", "Offpeak Rate", "Weekend Rate",
	"Peak Rate Cost", "Offpeak Rate Cost", "Weekend Rate Cost", "Description", "Duration Block",
}

const requiredColumns = 6

// columnKey matches header names case-insensitively, ignoring spaces and '_'.
func columnKey(s string) string {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer(" ", "", "_", "").Replace(s)
	return strings.ToLower(s)
}

// newCSVReader strips a UTF-8 BOM and configures RFC 4180 reading with '#'
// comment lines; encoding/csv already skips blank lines and accepts CRLF.
// A file that is no text at all (an image, a workbook, a compressed file,
// UTF-16) is answered at once as a *ValidationError of kind that says what
// the file is, instead of a reader that would find every line bad CSV.
func newCSVReader(r io.Reader, kind string) (*csv.Reader, error) {
	br := bufio.NewReaderSize(r, filekind.Head)
	head, err := br.Peek(filekind.Head)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("reading the %s: %w", kind, err)
	}
	if nt := filekind.Check(head); nt != nil {
		return nil, &ValidationError{File: kind, Problems: []Problem{{Reason: nt.Error()}}}
	}
	if bytes.HasPrefix(head, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.Comment = '#'
	return cr, nil
}

// maxProblems stops listing after this many problems: a file that bad is the
// wrong file, and the list must stay readable.
const maxProblems = 1000

// Read parses a rate sheet. It returns every row, or a *ValidationError
// listing every bad line (or another error when r cannot be read).
func Read(r io.Reader, opts Options) ([]Row, error) {
	var rows []Row
	if _, err := Scan(r, opts, func(row Row) error { rows = append(rows, row); return nil }); err != nil {
		return nil, err
	}
	return rows, nil
}

// Scan reads a rate sheet as a stream: it calls fn (when not nil) with each
// good row as it is read, holding no rows, and returns how many rows the
// sheet has, or a *ValidationError listing every bad line once the whole
// file is read, or fn's first error. Rows before a bad line have already
// reached fn by then: to store a sheet whole or not at all, Scan it once
// with a nil fn to validate it, then again to store it.
func Scan(r io.Reader, opts Options, fn func(Row) error) (int, error) {
	if opts.CountryCode == "" {
		opts.CountryCode = rating.DefaultCountryCode
	}
	cr, err := newCSVReader(r, "rate sheet")
	if err != nil {
		return 0, err
	}
	verr := &ValidationError{File: "rate sheet"}
	add := func(p Problem) { verr.Problems = append(verr.Problems, p) }
	var (
		rows      int
		colIndex  []int // record field i → column number, -1 unknown
		first     = true
		headerBad bool
		seen      = map[string]int{}
	)
	for len(verr.Problems) < maxProblems {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				add(Problem{Line: pe.Line, Reason: "is not valid CSV: " + pe.Err.Error()})
				continue
			}
			return rows, fmt.Errorf("reading the rate sheet: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if !validUTF8(rec) {
			add(Problem{Line: line, Reason: "is not UTF-8 text: save the sheet as CSV UTF-8 and upload it again"})
			continue
		}
		if first {
			first = false
			if len(rec) < 2 || !looksNumeric(rec[1]) {
				before := len(verr.Problems)
				colIndex = headerColumns(rec, line, add)
				// Lines under a header that cannot be read cannot be
				// interpreted either; listing each of them would bury the
				// one real problem.
				headerBad = len(verr.Problems) > before
				continue
			}
		}
		if headerBad {
			continue
		}
		row, ok := parseRow(rec, line, colIndex, opts, add)
		// Duplicates are checked even on lines with other problems, so that
		// one pass lists everything that needs fixing.
		key, code := rating.Normalize(row.Destination, opts.CountryCode)
		if code {
			key = "code " + key
		}
		if key != "" && key != "code " {
			if prev, dup := seen[key]; dup {
				add(Problem{Line: line, Column: "Destination", Value: row.Destination,
					Reason: fmt.Sprintf("duplicate destination: line %d has the same destination after normalisation", prev)})
				ok = false
			} else {
				seen[key] = line
			}
		}
		if ok {
			if _, err := row.Rate(); err != nil {
				add(Problem{Line: line, Reason: err.Error()})
				continue
			}
			rows++
			if fn != nil && len(verr.Problems) == 0 {
				if err := fn(row); err != nil {
					return rows, err
				}
			}
		}
	}
	if rows == 0 && len(verr.Problems) == 0 {
		add(Problem{Reason: "the sheet is empty: it has no rate lines"})
	}
	if len(verr.Problems) > 0 {
		return rows, verr
	}
	return rows, nil
}

func validUTF8(rec []string) bool {
	for _, f := range rec {
		if !utf8.ValidString(f) {
			return false
		}
	}
	return true
}

// headerColumns maps header names to column numbers, reporting unknown,
// repeated and missing required columns.
func headerColumns(rec []string, line int, add func(Problem)) []int {
	idx := make([]int, len(rec))
	have := make([]bool, len(columns))
	for i, name := range rec {
		idx[i] = -1
		k := columnKey(name)
		for c, want := range columns {
			if columnKey(want) == k {
				idx[i] = c
				break
			}
		}
		switch {
		case idx[i] < 0:
			add(Problem{Line: line, Column: fmt.Sprintf("column %d", i+1), Value: name,
				Reason: "unknown column; the columns are " + strings.Join(columns, ", ")})
		case have[idx[i]]:
			add(Problem{Line: line, Column: fmt.Sprintf("column %d", i+1), Value: name, Reason: "column appears twice"})
			idx[i] = -1
		default:
			have[idx[i]] = true
		}
	}
	for c := 0; c < requiredColumns; c++ {
		if !have[c] {
			add(Problem{Line: line, Column: columns[c], Reason: "missing required column"})
		}
	}
	return idx
}

func parseRow(rec []string, line int, colIndex []int, opts Options, add func(Problem)) (Row, bool) {
	vals := make([]string, len(columns))
	present := make([]bool, len(columns))
	if colIndex != nil {
		if len(rec) != len(colIndex) {
			add(Problem{Line: line, Reason: fmt.Sprintf("has %d fields; the header has %d", len(rec), len(colIndex))})
			return Row{}, false
		}
		for i, c := range colIndex {
			if c >= 0 {
				vals[c], present[c] = rec[i], true
			}
		}
	} else {
		if len(rec) > len(columns) {
			add(Problem{Line: line, Reason: fmt.Sprintf("has %d fields; a rate sheet without a header has at most %d (%s)", len(rec), len(columns), strings.Join(columns, ", "))})
			return Row{}, false
		}
		for i, v := range rec {
			vals[i], present[i] = v, true
		}
	}
	ok := true
	bad := func(col int, reason string) {
		add(Problem{Line: line, Column: columns[col], Value: vals[col], Reason: reason})
		ok = false
	}
	row := Row{Line: line}
	row.Destination = strings.TrimSpace(vals[0])
	if !present[0] || row.Destination == "" {
		bad(0, "missing required column: every line needs a destination")
	} else if k, _ := rating.Normalize(row.Destination, opts.CountryCode); k == "" {
		bad(0, "is not a number prefix or a charge code")
	} else if len(row.Destination) > MaxDestinationBytes || len(k) > MaxDestinationBytes {
		bad(0, fmt.Sprintf("is longer than the %d characters a destination may have (letters outside A-Z count as 2 to 4)", MaxDestinationBytes))
	}
	money := func(col int, required bool) (decimal.Decimal, bool) {
		v := strings.TrimSpace(vals[col])
		if v == "" {
			if required {
				bad(col, "missing required column: "+columns[col]+" must have a value")
			}
			return decimal.Decimal{}, false
		}
		d, err := parseMoney(v, opts.Units)
		if err != nil {
			bad(col, err.Error())
			return decimal.Decimal{}, false
		}
		return d, true
	}
	row.MinimumCharge, _ = money(1, true)
	row.ConnectionFee, _ = money(2, true)
	row.PeakRate, _ = money(3, true)
	row.OffpeakRate, _ = money(4, true)
	row.WeekendRate, _ = money(5, true)
	for i, dst := range []*decimal.NullDecimal{&row.PeakRateCost, &row.OffpeakRateCost, &row.WeekendRateCost} {
		d, valid := money(6+i, false)
		*dst = decimal.NullDecimal{Decimal: d, Valid: valid}
	}
	row.Description = strings.TrimSpace(vals[9])
	if len(row.Description) > MaxDescriptionBytes {
		bad(9, fmt.Sprintf("is longer than the %d characters a description may have (letters outside A-Z count as 2 to 4); shorten it", MaxDescriptionBytes))
	}
	b, err := rating.ParseDurationBlock(vals[10])
	if err != nil {
		bad(10, "bad duration block: "+err.Error())
	}
	row.DurationBlock = b
	return row, ok
}

// looksNumeric is the header test: is the field a number at all (even a
// negative or malformed-precision one)?
func looksNumeric(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "-")
	s = strings.Replace(s, ",", ".", 1)
	if s == "" || s == "." {
		return false
	}
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return true
}

// parseMoney reads a money value: digits with '.' (or, as a quoted field may
// carry, ',') as the decimal point. Major-unit values become minor units.
func parseMoney(v string, units Units) (decimal.Decimal, error) {
	if strings.Count(v, ",") == 1 && !strings.Contains(v, ".") {
		v = strings.Replace(v, ",", ".", 1)
	}
	neg := strings.HasPrefix(v, "-")
	if !looksNumeric(v) {
		return decimal.Decimal{}, rating.ErrNotNumber
	}
	if neg {
		return decimal.Decimal{}, rating.ErrNegative
	}
	d, err := decimal.NewFromString(v)
	if err != nil {
		return decimal.Decimal{}, rating.ErrNotNumber
	}
	if units == Major {
		d = d.Shift(2)
	}
	if _, err := rating.AmountFromDecimal(d); err != nil {
		return decimal.Decimal{}, err
	}
	return d, nil
}

// Write exports rows as a rate sheet with a header, money in minor units.
func Write(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(columns); err != nil {
		return err
	}
	nullable := func(d decimal.NullDecimal) string {
		if !d.Valid {
			return ""
		}
		return d.Decimal.String()
	}
	for _, r := range rows {
		block := r.DurationBlock
		if block.Step == 0 {
			block = rating.PerSecond
		}
		// Destination and description are text (csvcell.Text); the
		// rest are numbers and blocks Tollgate formats.
		rec := []string{
			csvcell.Text(r.Destination), r.MinimumCharge.String(), r.ConnectionFee.String(),
			r.PeakRate.String(), r.OffpeakRate.String(), r.WeekendRate.String(),
			nullable(r.PeakRateCost), nullable(r.OffpeakRateCost), nullable(r.WeekendRateCost),
			csvcell.Text(r.Description), block.String(),
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
