package cdr

import (
	"bytes"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/rating"
)

// fuzzFormat checks the reader's promises on any input: no panic, line
// numbers that only grow, every problem with a line and a reason, durations
// within range.
func fuzzFormat(f *testing.F, name, sampleFile string, extra ...string) {
	b := fixtures.Read(f, "cdr/"+sampleFile)
	f.Add(b)
	f.Add(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
	f.Add(b[:len(b)/2])
	for _, s := range extra {
		f.Add([]byte(s))
	}
	zone, err := rating.LoadZone("Europe/London")
	if err != nil {
		f.Fatal(err)
	}
	fm := format(f, name)
	f.Fuzz(func(t *testing.T, data []byte) {
		rd := NewReader(bytes.NewReader(data), fm, zone)
		last := 0
		for rd.Next() {
			line := 0
			if p := rd.Problem(); p != nil {
				if p.Line <= 0 || p.Reason == "" {
					t.Fatalf("problem without line or reason: %+v", p)
				}
				line = p.Line
			} else {
				rec := rd.Record()
				if rec.Duration < 0 || rec.Duration > rating.MaxDuration {
					t.Fatalf("duration %d", rec.Duration)
				}
				if rec.Start.IsZero() {
					t.Fatal("zero start")
				}
				line = rec.Line
			}
			if line <= last {
				t.Fatalf("line %d after %d", line, last)
			}
			last = line
		}
		if err := rd.Err(); err != nil && err.Error() == "" {
			t.Fatal("empty error")
		}
	})
}

func FuzzAsterisk(f *testing.F) {
	fuzzFormat(f, "asterisk", "asterisk-sample.csv", astGood, astGood+"\n\"", "\xef\xbb\xbf"+astGood, ",,,,,,,,,,,,,,,,")
}

func FuzzFreeSWITCH(f *testing.F) {
	fuzzFormat(f, "freeswitch", "freeswitch-sample.csv", `"a" , "b"`, `"""`)
}

func FuzzFCS(f *testing.F) {
	fuzzFormat(f, "fcs", "fcs-sample.csv", fcsLine("V", "29/02/2028", "23:59:59", "1.5"), fcsLine("D", "", "", ""))
}
