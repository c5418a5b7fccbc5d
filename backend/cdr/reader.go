package cdr

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tollgate/tollgate/backend/internal/filekind"
	"github.com/tollgate/tollgate/backend/rating"
)

// MaxLineBytes caps a line's length. A longer line is reported unreadable
// and skipped without being held in memory.
const MaxLineBytes = 1 << 20

// FailFastLines is how many unreadable lines in a row, from the start of a
// file, make the reader give up on the file as the wrong format.
const FailFastLines = 1000

// Reader streams one CDR file. Use it as
//
//	for rd.Next() {
//		if p := rd.Problem(); p != nil { ... unreadable or excluded line ...; continue }
//		rec := rd.Record()
//	}
//	if err := rd.Err(); err != nil { ... }
//
// Buffers are reused between lines; a Record's strings share one allocation
// per line and stay valid after Next, but the *Record itself is overwritten.
type Reader struct {
	format Format
	zone   *rating.Zone
	br     *bufio.Reader

	line     int
	long     []byte  // assembles a line longer than the bufio buffer
	utf      []byte  // a line that is not UTF-8, transcoded
	buf      []byte  // unescaped field contents of the current line
	fields   []field // spans of buf
	rec      Record
	text     string // the current line's unescaped fields, one allocation
	problem  *LineError
	err      error
	eof      bool
	started  bool // the first non-blank line has been seen
	readable bool // some line has been read (a record or an excluded line)
	pending  []*LineError
	queuedOK bool    // r.rec holds a record to yield once pending is drained
	m        *mapper // the provider's column mapping (csv format), else nil
}

type field struct{ start, end int }

// NewReader reads r in format f. Timestamps are wall-clock times in zone
// (the provider's zone; nil means the format's own zone, else
// Europe/London).
func NewReader(r io.Reader, f Format, zone *rating.Zone) *Reader {
	if zone == nil {
		name := f.Zone
		if name == "" {
			name = rating.DefaultTimeZone
		}
		zone, _ = rating.LoadZone(name)
		if zone == nil {
			zone = rating.NewZone(time.UTC)
		}
	}
	return &Reader{format: f, zone: zone, br: bufio.NewReaderSize(r, 64<<10)}
}

// Record returns the current call, or nil when the current line is a
// problem.
func (r *Reader) Record() *Record {
	if r.problem != nil {
		return nil
	}
	return &r.rec
}

// Problem returns the current line's problem: unreadable, or Excluded (not a
// voice call). Nil for a call.
func (r *Reader) Problem() *LineError { return r.problem }

// Err returns the error that stopped reading: an I/O error, or a *FileError
// when no line of the file could be read.
func (r *Reader) Err() error { return r.err }

// Next advances to the next call line or problem line. Header rows and blank
// lines are skipped. It returns false at the end of the file or on error.
func (r *Reader) Next() bool {
	r.problem = nil
	if len(r.pending) > 0 {
		r.problem = r.pending[0]
		r.pending = r.pending[1:]
		return true
	}
	if r.queuedOK {
		r.queuedOK = false
		return true // r.rec already holds the queued record
	}
	if r.err != nil {
		return false
	}
	if !r.started && r.line == 0 {
		// Say what a file that is no text at all is, before reading it as
		// lines that would each be unreadable.
		head, err := r.br.Peek(filekind.Head)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			r.err = fmt.Errorf("reading the CDR file: %w", err)
			return false
		}
		if nt := filekind.Check(head); nt != nil {
			r.err = &FileError{Format: r.format.Name, NotText: nt}
			return false
		}
	}
	for !r.eof {
		raw, tooLong, err := r.readLine()
		if err != nil {
			r.err = fmt.Errorf("reading the CDR file after line %d: %w", r.line, err)
			return false
		}
		if raw == nil && !tooLong {
			continue // nothing left (eof set) or a blank line
		}
		var prob *LineError
		if tooLong {
			prob = &LineError{Line: r.line, Reason: fmt.Sprintf("is longer than %d bytes; it cannot be a CDR line", MaxLineBytes)}
		} else {
			first := !r.started
			r.started = true
			var skip bool
			prob, skip = r.parse(raw, first)
			if r.err != nil {
				return false // an I/O error while joining a quoted field's lines
			}
			if skip {
				continue
			}
			if prob == nil {
				prob = longField(&r.rec)
			}
		}
		if prob == nil || prob.Excluded {
			r.readable = true
		}
		if r.readable {
			if len(r.pending) > 0 {
				// Replay the problems held back, then this line.
				if prob == nil {
					r.queuedOK = true
				} else {
					r.pending = append(r.pending, prob)
				}
				r.problem = r.pending[0]
				r.pending = r.pending[1:]
				return true
			}
			r.problem = prob
			return true
		}
		// Nothing readable yet: hold the problem back so that a file in the
		// wrong format fails as a whole, fast.
		r.pending = append(r.pending, prob)
		if len(r.pending) >= FailFastLines {
			r.failFile(true)
			return false
		}
	}
	if len(r.pending) > 0 && !r.readable {
		r.failFile(false)
		return false
	}
	return false
}

func (r *Reader) failFile(stopped bool) {
	r.err = &FileError{Format: r.format.Name, First: r.pending[0], Lines: len(r.pending), Stopped: stopped}
	r.pending = nil
}

// readLine returns the next physical line without its line end, nil for a
// blank line, or tooLong for a line over MaxLineBytes (consumed, not kept).
func (r *Reader) readLine() (line []byte, tooLong bool, err error) {
	r.long = r.long[:0]
	for {
		chunk, e := r.br.ReadSlice('\n')
		switch {
		case e == nil:
		case errors.Is(e, bufio.ErrBufferFull):
			if !tooLong {
				if len(r.long)+len(chunk) > MaxLineBytes {
					tooLong = true
					r.long = r.long[:0]
				} else {
					r.long = append(r.long, chunk...)
				}
			}
			continue
		case e == io.EOF:
			r.eof = true
			if len(chunk) == 0 && len(r.long) == 0 && !tooLong {
				return nil, false, nil
			}
		default:
			return nil, false, e
		}
		r.line++
		if tooLong || len(r.long)+len(chunk) > MaxLineBytes {
			return nil, true, nil
		}
		if len(r.long) > 0 {
			r.long = append(r.long, chunk...)
			chunk = r.long
		}
		chunk = bytes.TrimSuffix(chunk, []byte{'\n'})
		chunk = bytes.TrimSuffix(chunk, []byte{'\r'})
		if r.line == 1 {
			chunk = bytes.TrimPrefix(chunk, []byte("\xef\xbb\xbf"))
		}
		if len(bytes.TrimSpace(chunk)) == 0 {
			return nil, false, nil
		}
		if !utf8.Valid(chunk) {
			// Not UTF-8: read as Windows-1252 (docs/cdr-formats.md).
			r.utf = appendWindows1252(r.utf[:0], chunk)
			chunk = r.utf
		}
		return chunk, false, nil
	}
}

// split breaks a line into fields: quoted fields with doubled quotes,
// unquoted fields, spaces around either tolerated (FreeSWITCH writes
// `"a", "b"`). The unescaped text goes to r.buf.
func (r *Reader) split(line []byte) string {
	r.buf = r.buf[:0]
	r.fields = r.fields[:0]
	i, n := 0, len(line)
	for {
		for i < n && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		start := len(r.buf)
		if i < n && line[i] == '"' {
			i++
			for {
				q := bytes.IndexByte(line[i:], '"')
				if q < 0 {
					return fmt.Sprintf("field %d has an opening quote but no closing quote", len(r.fields)+1)
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
			for i < n && (line[i] == ' ' || line[i] == '\t') {
				i++
			}
			if i < n && line[i] != ',' {
				return fmt.Sprintf("field %d has text after its closing quote", len(r.fields)+1)
			}
		} else {
			c := bytes.IndexByte(line[i:], ',')
			end := n
			if c >= 0 {
				end = i + c
			}
			r.buf = append(r.buf, bytes.TrimRight(line[i:end], " \t")...)
			i = end
		}
		r.fields = append(r.fields, field{start, len(r.buf)})
		if i >= n {
			return ""
		}
		i++ // the comma
	}
}

// parse reads one non-blank line into r.rec. skip is true for a header row.
func (r *Reader) parse(line []byte, first bool) (prob *LineError, skip bool) {
	if r.m != nil {
		return r.parseMapped(line)
	}
	if msg := r.split(line); msg != "" {
		return r.bad("%s", msg), false
	}
	nf := len(r.fields)
	if first && r.format.header && nf >= 5 && !bytes.ContainsAny(r.raw(4), "0123456789") {
		return nil, true // FCS header row: its date column holds a name
	}
	if r.format.parse == nil { // the mapped CSV, opened without its mapping
		return r.bad("the %s format is read through a column mapping, and none was given", r.format.Name), false
	}
	if !r.format.allowed(nf) {
		return r.bad("has %d fields; %s has %s", nf, r.format.title, r.format.arity), false
	}
	// One string for the whole line: record fields are substrings of it, so
	// a line costs one allocation however many fields it has.
	r.text = string(r.buf)
	rec, prob := r.format.parse(r)
	if prob != nil {
		return prob, false
	}
	rec.Line = r.line
	r.rec = rec
	return nil, false
}

// get is field i of the current line, trimmed; a missing field is empty.
func (r *Reader) get(i int) string {
	if i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.text[r.fields[i].start:r.fields[i].end])
}

func (r *Reader) raw(i int) []byte {
	if i >= len(r.fields) {
		return nil
	}
	return r.buf[r.fields[i].start:r.fields[i].end]
}

// parseDuration reads whole or fractional seconds; a fraction rounds up
// (docs/rating.md, Billable seconds).
func parseDuration(s string) (int64, string) {
	if s == "" {
		return 0, "is not a number of seconds"
	}
	if s[0] == '-' {
		if _, r := parseDuration(s[1:]); r == "" {
			return 0, "is negative"
		}
		return 0, "is not a number of seconds"
	}
	ip, fp, dot := strings.Cut(s, ".")
	if ip == "" && (!dot || fp == "") || !digits(ip) || !digits(fp) {
		return 0, "is not a number of seconds"
	}
	ip = strings.TrimLeft(ip, "0")
	if len(ip) > 12 {
		return 0, fmt.Sprintf("is longer than the longest call Tollgate prices (%d seconds)", rating.MaxDuration)
	}
	var v int64
	for i := 0; i < len(ip); i++ {
		v = v*10 + int64(ip[i]-'0')
	}
	if strings.Trim(fp, "0") != "" {
		v++
	}
	if v > rating.MaxDuration {
		return 0, fmt.Sprintf("is longer than the longest call Tollgate prices (%d seconds)", rating.MaxDuration)
	}
	return v, ""
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// num reads a fixed-width run of digits.
func num(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func validDate(y, mo, d int) bool {
	if y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1 {
		return false
	}
	return d <= time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseYMDHMS reads "YYYY-MM-DD HH:MM:SS" (a 'T' separator is accepted).
func parseYMDHMS(s string) (y, mo, d, h, mi, sec int, ok bool) {
	if len(s) != 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') {
		return
	}
	var ok1, ok2, ok3 bool
	y, ok1 = num(s[0:4])
	mo, ok2 = num(s[5:7])
	d, ok3 = num(s[8:10])
	if !ok1 || !ok2 || !ok3 || !validDate(y, mo, d) {
		return
	}
	h, mi, sec, ok = parseHMS(s[11:])
	return
}

// parseDMY reads "DD/MM/YYYY".
func parseDMY(s string) (y, mo, d int, ok bool) {
	if len(s) != 10 || s[2] != '/' || s[5] != '/' {
		return
	}
	var ok1, ok2, ok3 bool
	d, ok1 = num(s[0:2])
	mo, ok2 = num(s[3:5])
	y, ok3 = num(s[6:10])
	ok = ok1 && ok2 && ok3 && validDate(y, mo, d)
	return
}

// parseHMS reads "HH:MM:SS".
func parseHMS(s string) (h, mi, sec int, ok bool) {
	if len(s) != 8 || s[2] != ':' || s[5] != ':' {
		return
	}
	var ok1, ok2, ok3 bool
	h, ok1 = num(s[0:2])
	mi, ok2 = num(s[3:5])
	sec, ok3 = num(s[6:8])
	ok = ok1 && ok2 && ok3 && h < 24 && mi < 60 && sec < 60
	return
}
