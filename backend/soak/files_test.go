package soak_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/tollgate/tollgate/backend/workload"
)

// Asterisk Master.csv columns the soak rewrites.
const (
	colAccount   = 0
	colDest      = 2
	colStart     = 9
	colAnswer    = 10
	colUniqueID  = 16
	asteriskCols = 18
)

// cdrSource cuts upload files out of one generated month of Asterisk calls.
// Files are runs of its lines, so files that share lines share calls (the
// same unique ids): duplicates across uploads, as when a provider sends an
// overlapping export. Some files get hostile lines mixed in.
type cdrSource struct {
	lines   [][]byte // each ends in '\n'
	fields  [][]string
	hostile bool
}

func newCDRSource(wl *workload.Workload, hostile bool) (*cdrSource, error) {
	var buf bytes.Buffer
	if _, err := wl.WriteCDR(&buf); err != nil {
		return nil, err
	}
	s := &cdrSource{hostile: hostile}
	for _, l := range bytes.SplitAfter(buf.Bytes(), []byte("\n")) {
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		s.lines = append(s.lines, l)
		rec, err := csv.NewReader(bytes.NewReader(l)).Read()
		if err != nil || len(rec) != asteriskCols {
			rec = nil // a line the generator wrote unreadable on purpose
		}
		s.fields = append(s.fields, rec)
	}
	return s, nil
}

// file makes upload number seq: one or two runs of the month's lines, and
// in some files a few hostile lines. It returns the bytes and the lines of
// calls they hold (every one must be counted: docs/analysis.md).
func (s *cdrSource) file(r *rand.Rand, seq int) ([]byte, int64) {
	var out bytes.Buffer
	var lines int64
	run := func() {
		n := 200 + r.IntN(1800)
		from := r.IntN(len(s.lines) - n)
		for _, l := range s.lines[from : from+n] {
			out.Write(l)
			lines++
		}
	}
	run()
	if r.IntN(3) == 0 {
		run()
	}
	if s.hostile && r.IntN(5) < 2 {
		body := bytes.SplitAfter(out.Bytes(), []byte("\n"))
		body = body[:len(body)-1] // the empty tail after the last '\n'
		for k := range 1 + r.IntN(4) {
			at := r.IntN(len(body) + 1)
			bad := s.hostileLine(r, fmt.Sprintf("soak%d-%d", seq, k))
			body = append(body[:at], append([][]byte{bad}, body[at:]...)...)
			lines++
		}
		var with bytes.Buffer // not out: body's lines point into out's bytes
		for _, l := range body {
			with.Write(l)
		}
		return with.Bytes(), lines
	}
	return out.Bytes(), lines
}

// hostileLine is one line of the kinds that have corrupted rows or shifted
// columns: bytes that are not UTF-8, fields longer than their columns,
// bytes the bulk loader must escape, impossible dates, and lines that are
// not CDRs at all. Each gets a unique id of its own (tag), so it is no
// duplicate of the line it was made from.
func (s *cdrSource) hostileLine(r *rand.Rand, tag string) []byte {
	var rec []string
	for rec == nil {
		rec = s.fields[r.IntN(len(s.fields))]
	}
	rec = append([]string(nil), rec...)
	rec[colUniqueID] += "." + tag
	switch r.IntN(9) {
	case 0:
		rec[colAccount] = "Soci\xe9t\xe9" // Latin-1
	case 1:
		rec[colAccount] = strings.Repeat("LONGACCOUNT", 10)
	case 2:
		rec[colAccount] = "tab\there\\back\x00nul\rcr"
	case 3:
		rec[colStart], rec[colAnswer] = "0000-00-00 00:00:00", "0000-00-00 00:00:00"
	case 4:
		rec[colStart], rec[colAnswer] = "1899-12-31 23:59:59", "1899-12-31 23:59:59"
	case 5:
		rec[colDest] = "44" + strings.Repeat("7", 80)
	case 6:
		rec[colUniqueID] = strings.Repeat("u", 200) + tag
	case 7:
		return []byte("this is not a call detail record, \xff\xfe\n")
	default:
		rec = rec[:5] // cut short
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(rec)
	w.Flush()
	return b.Bytes()
}
