package cdr

import (
	"fmt"
	"io"

	"github.com/tollgate/tollgate/backend/rating"
)

// PreviewLine is one line of a preview: its fields as split, and the call
// read from them or the reason it cannot be read.
type PreviewLine struct {
	Line    int      `json:"line"`
	Fields  []string `json:"fields"`
	Record  *Record  `json:"record,omitempty"`
	Problem string   `json:"problem,omitempty"`
}

// PreviewResult is what the provider form shows before a mapping is saved.
type PreviewResult struct {
	Header []string `json:"header,omitempty"` // the header row, when the mapping has one
	// Columns gives each mapped record field's 1-based column, so that the
	// form can mark which column feeds which field.
	Columns map[string]int `json:"columns"`
	Lines   []PreviewLine  `json:"lines"`
}

// DefaultPreviewLines is how many lines Preview reads when asked for none;
// MaxPreviewLines caps a request.
const (
	DefaultPreviewLines = 10
	MaxPreviewLines     = 1000
)

// Preview reads the first n call lines (after the header; blank lines are
// skipped) of a sample file with mapping m, so that staff can check the
// mapping before saving it. Unlike a Reader it never gives up on a file
// whose first lines are unreadable: each line shows its own problem. The
// error is a *MappingError for a bad mapping or a column the header lacks,
// else an I/O error.
func Preview(r io.Reader, m Mapping, zone *rating.Zone, n int) (PreviewResult, error) {
	if n <= 0 {
		n = DefaultPreviewLines
	}
	n = min(n, MaxPreviewLines)
	rd, err := NewMappedReader(r, m, zone)
	if err != nil {
		return PreviewResult{}, err
	}
	c := rd.m
	res := PreviewResult{Header: c.header, Columns: map[string]int{}, Lines: []PreviewLine{}}
	for _, f := range c.cols {
		if f.idx >= 0 {
			res.Columns[f.field] = f.idx + 1
		}
	}
	for len(res.Lines) < n && !rd.eof {
		raw, tooLong, err := rd.readLine()
		if err != nil {
			return res, fmt.Errorf("reading the CDR file after line %d: %w", rd.line, err)
		}
		if tooLong {
			p := &LineError{Line: rd.line, Reason: fmt.Sprintf("is longer than %d bytes; it cannot be a CDR line", MaxLineBytes)}
			res.Lines = append(res.Lines, PreviewLine{Line: rd.line, Fields: []string{}, Problem: p.Error()})
			continue
		}
		if raw == nil {
			continue
		}
		line := rd.line
		prob, _ := rd.parseMapped(raw)
		if rd.err != nil {
			return res, rd.err
		}
		pl := PreviewLine{Line: line, Fields: make([]string, len(rd.fields))}
		// Fields are as split, without trimming: the preview shows the
		// file as it is. After a quote problem they are the fields read
		// before it.
		s := string(rd.buf)
		for i, f := range rd.fields {
			pl.Fields[i] = s[f.start:f.end]
		}
		if prob != nil {
			pl.Problem = prob.Error()
		} else {
			rec := rd.rec
			pl.Record = &rec
		}
		res.Lines = append(res.Lines, pl)
	}
	return res, nil
}
