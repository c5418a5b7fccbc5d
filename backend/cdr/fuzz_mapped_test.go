package cdr

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/rating"
)

// FuzzMapped fuzzes the mapping and the file together: the mapping arrives
// as JSON, as it does from the provider row, so odd layouts, columns and
// delimiters are fuzzed along with the data. The promises are those of the
// built-in readers (fuzzFormat) plus: Validate and the reader agree, and a
// preview never panics.
func FuzzMapped(f *testing.F) {
	var mappings [][]byte
	for _, p := range Presets {
		b, _ := json.Marshal(p.Mapping)
		mappings = append(mappings, b)
	}
	for _, m := range []Mapping{
		byPosition("seconds"),
		byPosition("minutes", "DD/MM/YYYY HH:mm", "rfc3339"),
		byPosition("hms", "unix", "rfc2822"),
		byPosition("milliseconds", "MM/DD/YYYY hh:mm:ss A", "2006-01-02T15:04:05.000Z07:00"),
		{Delimiter: ";", Header: true, Source: "caller", Destination: "3", Date: "date", Time: "time", Duration: "Length",
			Answer: "9", ProviderPrice: "Cost", NegativePrices: true, Layouts: []string{"DD/MM/YYYY HH:mm:ss"}, DurationUnit: "hms"},
	} {
		b, _ := json.Marshal(m)
		mappings = append(mappings, b)
	}
	var files [][]byte
	for _, name := range []string{"didww-sample.csv", "twilio-sample.csv"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			files = append(files, b, bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")), b[:len(b)/2])
		}
	}
	files = append(files,
		[]byte(headerFile),
		[]byte("a,b,2026-06-01 10:00:00,61\n\"x\ny\",b,2026-06-01 10:00:00,1.5\n"),
		[]byte("a,\"b,2026-06-01 10:00:00,61\n"),
		[]byte("\xef\xbb\xbfa;b;01/06/2026;10:00;00:01:01\r\n"),
		[]byte("1,2,1780394400,0:00:01\n"),
		[]byte("\"\"\"\n,,,,\n"),
	)
	for i, m := range mappings {
		for j, d := range files {
			if (i+j)%2 == 0 || j >= len(files)-6 {
				f.Add(m, d)
			}
		}
	}
	zone, err := rating.LoadZone("Europe/London")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, mappingJSON, data []byte) {
		var m Mapping
		if json.Unmarshal(mappingJSON, &m) != nil {
			return
		}
		verr := m.Validate()
		rd, err := NewMappedReader(bytes.NewReader(data), m, zone)
		if verr != nil {
			if err == nil || err.Error() != verr.Error() {
				t.Fatalf("Validate says %v, the reader %v", verr, err)
			}
			return
		}
		if err != nil {
			var me *MappingError
			if !errors.As(err, &me) || len(me.Problems) == 0 || err.Error() == "" {
				t.Fatalf("header error %T %v", err, err)
			}
			return
		}
		last := 0
		for rd.Next() {
			line := 0
			if p := rd.Problem(); p != nil {
				if p.Line <= 0 || p.Reason == "" || p.Excluded {
					t.Fatalf("problem without line or reason: %+v", p)
				}
				line = p.Line
			} else {
				rec := rd.Record()
				if rec.Duration < 0 || rec.Duration > rating.MaxDuration {
					t.Fatalf("duration %d", rec.Duration)
				}
				if y := rec.Start.Year(); y < 1900 || y > 2200 {
					t.Fatalf("start %v", rec.Start)
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
		res, err := Preview(bytes.NewReader(data), m, zone, 5)
		if err != nil {
			t.Fatalf("the reader accepted the header but the preview says %v", err)
		}
		for _, l := range res.Lines {
			if (l.Record == nil) == (l.Problem == "") || l.Line <= 0 {
				t.Fatalf("preview line %+v", l)
			}
			if l.Problem != "" && !strings.HasPrefix(l.Problem, "line ") {
				t.Fatalf("preview problem %q", l.Problem)
			}
		}
	})
}
