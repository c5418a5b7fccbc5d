package cdr

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/rating"
)

func london(t testing.TB) *rating.Zone {
	t.Helper()
	z, err := rating.LoadZone("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return z
}

// readMapped reads in with m (provider zone Europe/London) and returns every
// call and problem in order.
func readMapped(t testing.TB, m Mapping, in string) ([]outcome, error) {
	t.Helper()
	rd, err := NewMappedReader(strings.NewReader(in), m, london(t))
	if err != nil {
		return nil, err
	}
	var out []outcome
	for rd.Next() {
		if p := rd.Problem(); p != nil {
			out = append(out, outcome{prob: p})
			continue
		}
		rec := *rd.Record()
		out = append(out, outcome{rec: &rec})
	}
	return out, rd.Err()
}

// summary renders outcomes compactly: "L:src>dst@start/dur" or the problem.
func summary(out []outcome) []string {
	var s []string
	for _, o := range out {
		if o.prob != nil {
			s = append(s, o.prob.Error())
			continue
		}
		r := o.rec
		s = append(s, strings.Join([]string{r.Source, ">", r.Destination, "@", r.Start.Format(time.RFC3339), "/", itoa(r.Duration)}, ""))
	}
	return s
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// byPosition maps a headerless file: 1 source, 2 destination, 3 start,
// 4 duration.
func byPosition(unit string, layouts ...string) Mapping {
	if len(layouts) == 0 {
		layouts = []string{"YYYY-MM-DD HH:mm:ss"}
	}
	return Mapping{Source: "1", Destination: "2", Start: "3", Duration: "4", Layouts: layouts, DurationUnit: unit}
}

func TestDurationUnits(t *testing.T) {
	cases := []struct {
		unit, value string
		want        string // seconds, or the problem after the value
	}{
		{"seconds", "61", "61"},
		{"", "61", "61"},
		{"seconds", "60.2", "61"},
		{"seconds", "0", "0"},
		{"seconds", "-5", `is negative`},
		{"seconds", "1m", `is not a number of seconds`},
		{"seconds", "", `is not a number of seconds`},
		{"minutes", "1", "60"},
		{"minutes", "1.5", "90"},
		{"minutes", "0.1", "6"},
		{"minutes", "0.123", "8"}, // 7.38 s rounds up
		{"minutes", ".5", "30"},
		{"minutes", "2.", "120"},
		{"minutes", "0.0000000000000000000001", "1"},
		{"minutes", "-1.5", "is negative"},
		{"minutes", "1,5", "is not a number of minutes"},
		{"minutes", "1e3", "is not a number of minutes"},
		{"minutes", "166667", "is longer than the longest call Tollgate prices (10000000 seconds)"},
		{"minutes", "999999999999999999999999", "is longer than the longest call Tollgate prices (10000000 seconds)"},
		{"hms", "00:01:01", "61"},
		{"hms", "1:00:00", "3600"},
		{"hms", "123:00:00", "442800"},
		{"hms", "00:00:01.2", "2"},
		{"hms", "00:00:00", "0"},
		{"hms", "00:61:00", "is not a duration in H:MM:SS"},
		{"hms", "01:05", "is not a duration in H:MM:SS"},
		{"hms", "-00:00:05", "is negative"},
		{"hms", "9999999:00:00", "is longer than the longest call Tollgate prices (10000000 seconds)"},
		{"milliseconds", "61000", "61"},
		{"milliseconds", "60001", "61"},
		{"milliseconds", "999", "1"},
		{"milliseconds", "0", "0"},
		{"milliseconds", "12.5", "1"},
		{"milliseconds", "-1", "is negative"},
		{"milliseconds", "abc", "is not a number of milliseconds"},
		{"MINUTES", "2", "120"},
	}
	for _, c := range cases {
		t.Run(c.unit+" "+c.value, func(t *testing.T) {
			good := "1"
			if c.unit == "hms" {
				good = "0:00:01"
			}
			in := "01134960001,02079460123,2026-06-01 10:00:00,\"" + c.value + "\"\n"
			out, err := readMapped(t, byPosition(c.unit), in+"01134960001,02079460123,2026-06-01 10:00:00,"+good+"\n")
			if err != nil {
				t.Fatal(err)
			}
			var got string
			if p := out[0].prob; p != nil {
				got = p.Reason
				prefix := `column 4 (duration) "` + c.value + `" `
				if !strings.HasPrefix(got, prefix) {
					t.Fatalf("reason %q does not name the column and value", got)
				}
				got = strings.TrimPrefix(got, prefix)
			} else {
				got = itoa(out[0].rec.Duration)
			}
			if got != c.want {
				t.Errorf("got %q want %q", got, c.want)
			}
		})
	}
}

func TestLayouts(t *testing.T) {
	cases := []struct {
		name    string
		layouts []string
		zone    string // mapping time zone; empty: the provider's (London)
		value   string
		want    string // RFC 3339, or "" when the value must not parse
	}{
		{"tokens, London summer", []string{"YYYY-MM-DD HH:mm:ss"}, "", "2026-06-01 10:00:00", "2026-06-01T10:00:00+01:00"},
		{"tokens, London winter", []string{"YYYY-MM-DD HH:mm:ss"}, "", "2026-01-15 10:00:00", "2026-01-15T10:00:00Z"},
		{"mapping zone wins over provider's", []string{"YYYY-MM-DD HH:mm:ss"}, "UTC", "2026-06-01 10:00:00", "2026-06-01T10:00:00Z"},
		{"UK date", []string{"DD/MM/YYYY HH:mm:ss"}, "", "02/06/2026 10:00:00", "2026-06-02T10:00:00+01:00"},
		{"US date, no seconds", []string{"MM/DD/YYYY HH:mm"}, "America/New_York", "06/02/2026 10:00", "2026-06-02T10:00:00-04:00"},
		{"single-digit day and month", []string{"D/M/YYYY H:mm"}, "", "2/6/2026 9:05", "2026-06-02T09:05:00+01:00"},
		{"12-hour clock", []string{"MM/DD/YYYY hh:mm:ss A"}, "UTC", "06/02/2026 09:15:00 PM", "2026-06-02T21:15:00Z"},
		{"two-digit year", []string{"DD.MM.YY HH:mm"}, "UTC", "02.06.26 10:00", "2026-06-02T10:00:00Z"},
		{"month name", []string{"DD MMM YYYY HH:mm:ss"}, "UTC", "02 Jun 2026 10:00:00", "2026-06-02T10:00:00Z"},
		{"ISO with T and fraction", []string{"YYYY-MM-DDTHH:mm:ss.SSS"}, "UTC", "2026-06-02T10:00:00.250", "2026-06-02T10:00:00Z"},
		{"tokens with offset: offset wins", []string{"YYYY-MM-DDTHH:mm:ssZ"}, "", "2026-06-02T10:00:00+02:00", "2026-06-02T09:00:00+01:00"},
		{"tokens with UTC literal", []string{"YYYY-MM-DD HH:mm UTC"}, "", "2026-06-02 10:00 UTC", "2026-06-02T11:00:00+01:00"},
		{"Go layout", []string{"02.01.2006 15:04"}, "UTC", "02.06.2026 10:00", "2026-06-02T10:00:00Z"},
		{"rfc3339 offset wins", []string{"rfc3339"}, "", "2026-06-02T10:00:00-05:00", "2026-06-02T16:00:00+01:00"},
		{"rfc3339 Z", []string{"RFC3339"}, "", "2026-06-02T10:00:00Z", "2026-06-02T11:00:00+01:00"},
		{"rfc3339 fraction and space", []string{"iso8601"}, "UTC", "2026-06-02 10:00:00.5+00:00", "2026-06-02T10:00:00Z"},
		{"rfc3339 needs an offset", []string{"rfc3339"}, "", "2026-06-02T10:00:00", ""},
		{"rfc2822", []string{"rfc2822"}, "", "Tue, 02 Jun 2026 10:00:00 +0000", "2026-06-02T11:00:00+01:00"},
		{"rfc2822 without weekday, GMT", []string{"rfc2822"}, "", "2 Jun 2026 10:00:00 GMT", "2026-06-02T11:00:00+01:00"},
		{"rfc2822 unknown abbreviation is local", []string{"rfc2822"}, "UTC", "2 Jun 2026 10:00:00 BST", "2026-06-02T10:00:00Z"},
		{"unix", []string{"unix"}, "UTC", "1780394400", "2026-06-02T10:00:00Z"},
		{"unix fraction dropped", []string{"unix"}, "UTC", "1780394400.9", "2026-06-02T10:00:00Z"},
		{"unix junk", []string{"unix"}, "UTC", "17803944e2", ""},
		{"second layout used", []string{"rfc3339", "YYYY-MM-DD HH:mm:ss"}, "UTC", "2026-06-02 10:00:00", "2026-06-02T10:00:00Z"},
		{"spring-forward gap moves forward", []string{"YYYY-MM-DD HH:mm:ss"}, "", "2026-03-29 01:30:00", "2026-03-29T02:30:00+01:00"},
		{"autumn overlap is the first", []string{"YYYY-MM-DD HH:mm:ss"}, "", "2026-10-25 01:30:00", "2026-10-25T01:30:00+01:00"},
		{"impossible date", []string{"YYYY-MM-DD HH:mm:ss"}, "", "2026-02-30 10:00:00", ""},
		{"month 13", []string{"DD/MM/YYYY HH:mm:ss"}, "", "01/13/2026 10:00:00", ""},
		{"year out of range", []string{"YYYY-MM-DD HH:mm:ss"}, "", "0026-06-01 10:00:00", ""},
		{"wrong layout", []string{"YYYY-MM-DD HH:mm:ss"}, "", "01/06/2026 10:00:00", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := byPosition("seconds", c.layouts...)
			m.TimeZone = c.zone
			v := `"` + c.value + `"`
			out, err := readMapped(t, m, "a,b,"+v+",1\na,b,"+v+",1\n")
			if c.want == "" {
				var fe *FileError
				if !errors.As(err, &fe) || !strings.Contains(fe.First.Reason, "is not a date and time in") {
					t.Fatalf("want a file error about the date, got %v %v", err, summary(out))
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if out[0].prob != nil {
				t.Fatal(out[0].prob)
			}
			if got := out[0].rec.Start.Format(time.RFC3339); got != c.want {
				t.Errorf("got %s want %s", got, c.want)
			}
		})
	}
}

func TestBadLayoutsAreRefused(t *testing.T) {
	cases := map[string]string{
		"YYYY-MM-DD":          "does not hold a whole date and time",
		"HH:mm:ss":            "does not hold a whole date and time",
		"DD/MM/YYYY hh:mm":    "does not hold a whole date and time", // 12-hour without A
		"2026-06-01 10:00:00": "does not hold a whole date and time", // an example, not a layout
		"YYYY-MM-DD HH:mm:QQ": `"QQ" is not a date or time token`,
		"YYY-MM-DD HH:mm":     `"YYY" is not a date or time token`,
		"HH:mm:ss SSS":        `"SSS" is not a date or time token`, // a fraction needs its point
		"":                    "a layout is empty",
	}
	for layout, want := range cases {
		m := byPosition("seconds", layout)
		err := m.Validate()
		var me *MappingError
		if !errors.As(err, &me) || len(me.Problems) != 1 || me.Problems[0].Field != "layouts" || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want a layouts problem with %q", layout, err, want)
		}
	}
	for _, ok := range []string{"YYYY-MM-DD HH:mm:ss", "DD/MM/YYYY HH:mm", "MM/DD/YYYY HH:mm", "MM/DD/YYYY hh:mm A", "rfc3339", "rfc2822", "unix", "2006-01-02 15:04:05", "dddd, D MMMM YYYY HH:mm"} {
		if err := byPosition("seconds", ok).Validate(); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

func TestValidateListsEveryProblem(t *testing.T) {
	err := Mapping{Delimiter: ":", Layouts: []string{"nonsense"}, TimeZone: "Mars/Olympus", DurationUnit: "hours"}.Validate()
	var me *MappingError
	if !errors.As(err, &me) {
		t.Fatalf("%T %v", err, err)
	}
	var fields []string
	for _, p := range me.Problems {
		fields = append(fields, p.Field)
	}
	want := "delimiter source destination start duration layouts timeZone durationUnit"
	if strings.Join(fields, " ") != want {
		t.Errorf("fields %v\nwant %s", fields, want)
	}
	if !strings.HasPrefix(err.Error(), "the CSV mapping has 8 problems: the delimiter \":\" is not one of , ; | or tab; ") {
		t.Errorf("%v", err)
	}

	cases := []struct {
		m    Mapping
		want string
	}{
		{Mapping{Source: "Caller", Destination: "2", Start: "3", Duration: "4", Layouts: []string{"unix"}},
			`source: without a header row, give the column's position (1 for the first column), not the name "Caller"`},
		{Mapping{Source: "0", Destination: "2", Start: "3", Duration: "4", Layouts: []string{"unix"}},
			"source: column 0 does not exist; positions count from 1 for the first column"},
		{Mapping{Account: "1", Destination: "2", Start: "3", Date: "5", Duration: "4", Layouts: []string{"unix"}},
			"give either one start column (date and time together) or separate date and time columns, not both"},
		{Mapping{Account: "1", Destination: "2", Date: "5", Duration: "4", Layouts: []string{"unix"}},
			"a date column is given without a time column"},
		{Mapping{Account: "1", Destination: "2", Time: "5", Duration: "4", Layouts: []string{"unix"}},
			"a time column is given without a date column"},
	}
	for _, c := range cases {
		if err := c.m.Validate(); err == nil || err.Error() != c.want {
			t.Errorf("got  %v\nwant %s", err, c.want)
		}
	}
	// Account alone identifies the caller; header names with a header.
	ok := Mapping{Header: true, Account: "Trunk", Destination: "Number", Date: "Date", Time: "Time", Duration: "Secs", Layouts: []string{"DD/MM/YYYY HH:mm:ss"}, Delimiter: "tab"}
	if err := ok.Validate(); err != nil {
		t.Error(err)
	}
}

const headerFile = "Call ID;Caller;Called Number;Date;Time;Length;Cost;Trunk\n" +
	"c-1;01134960001;02079460123;01/06/2026;10:00:00;00:01:01;0,0120;T1\n" +
	"c-2;01134960002;\"+44 20 7946 0124\";01/06/2026;10:05:00;00:00:30;;T1\n"

func TestHeaderByNameAndPosition(t *testing.T) {
	m := Mapping{
		Delimiter: ";", Header: true,
		Source: " caller ", Destination: "CALLED NUMBER", Date: "date", Time: "5", Duration: "Length",
		UniqueID: "1", Account: "Trunk", ProviderPrice: "Cost",
		Layouts: []string{"DD/MM/YYYY HH:mm:ss"}, DurationUnit: "hms",
	}
	out, err := readMapped(t, m, headerFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(summary(out), "|"); got != "01134960001>02079460123@2026-06-01T10:00:00+01:00/61|01134960002>+44 20 7946 0124@2026-06-01T10:05:00+01:00/30" {
		t.Fatal(got)
	}
	r := out[0].rec
	if r.Line != 2 || r.UniqueID != "c-1" || r.Account != "T1" {
		t.Errorf("%+v", r)
	}
	// "0,0120" is not a price Tollgate reads (decimal comma): left out,
	// the call kept. An empty price is no price.
	if r.ProviderPrice.Valid || out[1].rec.ProviderPrice.Valid {
		t.Errorf("%+v %+v", r.ProviderPrice, out[1].rec.ProviderPrice)
	}
}

func TestMissingColumnsFailFast(t *testing.T) {
	m, _ := LookupPreset("didww")
	in := "Date/Time Start (UTC),Date/Time Connect (UTC),Source,DID,Duration\n2026-06-01 10:00:00,,1,2,3\n"
	_, err := readMapped(t, m.Mapping, in)
	want := "column 'Duration (secs)' (duration) is not in the header; the header has: Date/Time Start (UTC), Date/Time Connect (UTC), Source, DID, Duration"
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
	// Every missing column at once.
	_, err = readMapped(t, m.Mapping, "A,B,C\n1,2,3\n")
	var me *MappingError
	if !errors.As(err, &me) || len(me.Problems) != 5 || me.Problems[0].Field != "source" ||
		!strings.HasSuffix(err.Error(), "column 'Duration (secs)' (duration) is not in the header; the header has: A, B, C") {
		t.Fatalf("%v", err)
	}
	// A position past the header.
	_, err = readMapped(t, Mapping{Header: true, Source: "1", Destination: "2", Start: "3", Duration: "9", Layouts: []string{"unix"}}, "a,b,c\n")
	if err == nil || !strings.HasPrefix(err.Error(), "column 9 (duration) is past the end of the header, which has 3 columns") {
		t.Fatal(err)
	}
	// The wrong delimiter shows as a one-column header.
	semi := strings.ReplaceAll(sampleFile(t, "didww-sample.csv"), ",", ";")
	_, err = readMapped(t, m.Mapping, semi)
	if err == nil || !strings.Contains(err.Error(), `(the line has ";" in it: is the delimiter ";" rather than ","?)`) {
		t.Fatal(err)
	}
}

func sampleFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNoHeaderPositions(t *testing.T) {
	in := "01134960001,02079460123,2026-06-01 10:00:00,61,extra\n" +
		"01134960001,02079460123,2026-06-01 10:05:00\n" +
		"01134960001;02079460123;2026-06-01 10:05:00;30\n" +
		"\n" +
		"01134960001,02079460123,,30\n"
	out, err := readMapped(t, byPosition("seconds"), in)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"01134960001>02079460123@2026-06-01T10:00:00+01:00/61",
		"line 2 has 3 fields; the mapping reads column 4 (duration)",
		`line 3 has 1 field; the mapping reads column 4 (duration): the line has ";" in it: is the delimiter ";" rather than ","?`,
		"line 5 has no start time: column 3 (start) is empty",
	}
	if got := summary(out); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestQuotingDelimitersAndLineEnds(t *testing.T) {
	cases := []struct {
		name, delim, in string
		want            []string
	}{
		{"quoted delimiter and doubled quote", ",", `"0113,4960001","02079460123","2026-06-01 10:00:00",61` + "\n",
			[]string{"0113,4960001>02079460123@2026-06-01T10:00:00+01:00/61"}},
		{"doubled quote", ",", `"a""b",x,2026-06-01 10:00:00,1` + "\n", []string{`a"b>x@2026-06-01T10:00:00+01:00/1`}},
		{"space before a quote", ",", `a, "b,c" ,2026-06-01 10:00:00,1` + "\n", []string{`a>b,c@2026-06-01T10:00:00+01:00/1`}},
		{"quote inside unquoted text kept", ",", `a"b,c,2026-06-01 10:00:00,1` + "\n", []string{`a"b>c@2026-06-01T10:00:00+01:00/1`}},
		{"semicolon", ";", "a;b;2026-06-01 10:00:00;1\n", []string{"a>b@2026-06-01T10:00:00+01:00/1"}},
		{"tab keeps spaces inside fields", "\t", "a b\t\"c\td\"\t2026-06-01 10:00:00\t1\n", []string{"a b>c\td@2026-06-01T10:00:00+01:00/1"}},
		{"pipe", "|", "a|b|2026-06-01 10:00:00|1\r\na|b|2026-06-01 10:00:01|2\r\n",
			[]string{"a>b@2026-06-01T10:00:00+01:00/1", "a>b@2026-06-01T10:00:01+01:00/2"}},
		{"BOM", ",", "\xef\xbb\xbfa,b,2026-06-01 10:00:00,1", []string{"a>b@2026-06-01T10:00:00+01:00/1"}},
		{"line break inside quotes", ",", "\"a\nstill a\",b,2026-06-01 10:00:00,1\nc,d,2026-06-01 10:00:00,2\n",
			[]string{"a\nstill a>b@2026-06-01T10:00:00+01:00/1", "c>d@2026-06-01T10:00:00+01:00/2"}},
		{"text after closing quote", ",", "a,b,2026-06-01 10:00:00,1\n\"a\"x,b,2026-06-01 10:00:00,1\n",
			[]string{"a>b@2026-06-01T10:00:00+01:00/1", "line 2: field 1 has text after its closing quote"}},
		{"quote never closed", ",", "a,b,2026-06-01 10:00:00,1\na,\"b,2026-06-01 10:00:00,1\n",
			[]string{"a>b@2026-06-01T10:00:00+01:00/1", "line 2: field 2 opens a quote that is never closed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := byPosition("seconds")
			m.Delimiter = c.delim
			out, err := readMapped(t, m, c.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := summary(out); strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
	// A stray quote swallows at most maxQuotedLines further lines, and says
	// which.
	good := "a,b,2026-06-01 10:00:00,1\n"
	in := good + "a,\"b,2026-06-01 10:00:00,1\n" + strings.Repeat(good, 30)
	out, err := readMapped(t, byPosition("seconds"), in)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1+1+(30-maxQuotedLines) || out[1].prob == nil ||
		out[1].prob.Error() != "line 2: field 2 opens a quote that is still open 20 lines later; lines 2 to 22 are skipped" ||
		out[2].rec == nil || out[2].rec.Line != 23 {
		t.Fatalf("%q", summary(out))
	}
}

func TestBadInput(t *testing.T) {
	didww, _ := LookupPreset("didww")
	sample := sampleFile(t, "didww-sample.csv")
	header, _, _ := strings.Cut(sample, "\n")

	// Header only, and an empty file: no calls, no error.
	for _, in := range []string{header + "\n", "", "\n\n"} {
		if out, err := readMapped(t, didww.Mapping, in); err != nil || len(out) != 0 {
			t.Errorf("%q: %v %v", in, err, summary(out))
		}
	}
	// Binary junk after the header: the file fails as a whole.
	_, err := readMapped(t, didww.Mapping, header+"\n\x00\xff\xfe\"\x01,,\n\x89PNG\r\n\x1a\n")
	var fe *FileError
	if !errors.As(err, &fe) || fe.Format != "csv" || fe.First.Line != 2 {
		t.Fatalf("%v", err)
	}
	// Binary junk as the header: a header without the mapped columns.
	if _, err := readMapped(t, didww.Mapping, "\x00\xff\xfe\x01\x02"); err == nil || !strings.Contains(err.Error(), "is not in the header") {
		t.Fatal(err)
	}
	// A 10 MB line between good lines: reported with its number, skipped.
	lines := strings.Split(sample, "\n")
	in := lines[0] + "\n" + lines[1] + "\n" + strings.Repeat("x,", 5<<20) + "\n" + lines[2] + "\n"
	out, err := readMapped(t, didww.Mapping, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 3 || out[1].prob == nil || out[1].prob.Error() != "line 3 is longer than 1048576 bytes; it cannot be a CDR line" || out[2].rec.Line != 4 {
		t.Fatalf("%q", summary(out))
	}
	// A 10 MB header.
	if _, err := readMapped(t, didww.Mapping, strings.Repeat("h", 10<<20)); err == nil || !strings.Contains(err.Error(), "the header row, is longer than") {
		t.Fatal(err)
	}
	// A row with a field too many, as when a comma is not quoted.
	bad := strings.Replace(lines[2], "Request Terminated", "Request, Terminated", 1)
	out, err = readMapped(t, didww.Mapping, lines[0]+"\n"+bad+"\n"+lines[1]+"\n")
	if err != nil {
		t.Fatal(err)
	}
	if out[0].prob == nil || out[0].prob.Error() != "line 2 has 14 fields; the header has 13: a field with the delimiter in it must be in double quotes" {
		t.Fatalf("%q", summary(out))
	}
	// The wrong delimiter without a header fails the file, with the hint.
	_, err = readMapped(t, byPosition("seconds"), "a;b;2026-06-01 10:00:00;1\na;b;2026-06-01 10:00:00;1\n")
	if err == nil || err.Error() != `no line of the file can be read as csv CDR: line 1 has 1 field; the mapping reads column 4 (duration): the line has ";" in it: is the delimiter ";" rather than ","?` {
		t.Fatal(err)
	}
	// Fail fast: a file in another format stops after FailFastLines lines.
	big := strings.Repeat(astGood+"\n", FailFastLines+10)
	m := byPosition("seconds")
	out, err = readMapped(t, m, big)
	if !errors.As(err, &fe) || !fe.Stopped || len(out) != 0 {
		t.Fatalf("%v %d", err, len(out))
	}
}

func TestAnswerTimeFallsBackToStart(t *testing.T) {
	m := byPosition("seconds")
	m.Answer = "5"
	out, err := readMapped(t, m, "a,b,2026-06-01 10:00:00,61,2026-06-01 10:00:04\na,b,2026-06-01 10:00:00,0,\na,b,2026-06-01 10:00:00,1,soon\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a>b@2026-06-01T10:00:04+01:00/61", "a>b@2026-06-01T10:00:00+01:00/0",
		`line 3: column 5 (answer) "soon" is not a date and time in the layout YYYY-MM-DD HH:mm:ss`}
	if got := summary(out); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestDateAndTimeColumns(t *testing.T) {
	m := Mapping{Source: "1", Destination: "2", Date: "3", Time: "4", Duration: "5", Layouts: []string{"DD/MM/YYYY HH:mm:ss", "DD/MM/YYYY HH:mm"}}
	out, err := readMapped(t, m, "a,b,01/06/2026,10:00:00,1\na,b,01/06/2026,10:01,1\na,b,2026-06-01,10:00:00,1\na,b,01/06/2026,,1\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a>b@2026-06-01T10:00:00+01:00/1", "a>b@2026-06-01T10:01:00+01:00/1",
		`line 3: column 3 (date) "2026-06-01" and column 4 (time) "10:00:00" are not a date and time in any of the layouts DD/MM/YYYY HH:mm:ss, DD/MM/YYYY HH:mm (the date, a space, then the time)`,
		"line 4 has no start time: column 3 (date) or column 4 (time) is empty"}
	if got := summary(out); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestDIDWWPreset(t *testing.T) {
	p, err := LookupPreset("DIDWW")
	if err != nil {
		t.Fatal(err)
	}
	out, err := readMapped(t, p.Mapping, sampleFile(t, "didww-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"447700900123>441134960001@2026-06-01T10:00:00Z/61", // the connect time
		"12025550143>441134960001@2026-06-01T10:05:12Z/0",   // not connected: the start time
		"447700900456>442079460123@2026-06-01T11:20:03Z/337",
		"+33142685300>441134960001@2026-06-02T08:14:11Z/41",
		"447700900123>18005550199@2026-06-03T00:00:02Z/120",
		`line 7: Date/Time Connect (UTC) "2026-06-31 12:00:02" is not a date and time in the layout YYYY-MM-DD HH:mm:ss`,
	}
	if got := summary(out); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if r := out[0].rec; r.Line != 2 || r.UniqueID != "" || r.ProviderPrice.Valid {
		t.Errorf("%+v", r)
	}
}

func TestTwilioPreset(t *testing.T) {
	p, err := LookupPreset("twilio")
	if err != nil {
		t.Fatal(err)
	}
	out, err := readMapped(t, p.Mapping, sampleFile(t, "twilio-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"+441134960001>+442079460123@2026-06-01T10:00:04Z/61",
		"client:alice>+447700900123@2026-06-01T10:10:02Z/300",
		"+441134960001>+12025550143@2026-06-01T10:20:01Z/0",
		"+33142685300>+441134960001@2026-06-02T14:00:03Z/180",
		"line 6 has no start time: StartTime is empty",
	}
	if got := summary(out); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	r := out[0].rec
	if r.UniqueID != "CA5f2a9d0c3e8b4a71d6f09e2b8c4a1d37" || !r.ProviderPrice.Valid || r.ProviderPrice.Decimal.String() != "0.013" {
		t.Errorf("%+v", r)
	}
	if out[2].rec.ProviderPrice.Valid {
		t.Error("an empty price is no price")
	}
}

func TestDIDWWOutboundPreset(t *testing.T) {
	p, err := LookupPreset("didww-outbound")
	if err != nil {
		t.Fatal(err)
	}
	in := "Date/Time Start (UTC),Date/Time Connect (UTC),Date/Time End (UTC),Status,Source,CLI,Destination Number,Call Duration (sec),Billing Duration (sec),Disconnect Code,Disconnect Reason,Voice OUT Trunk,Destination Country,Network,Call Type,Rate (USD),Charged (USD)\n" +
		"2026-06-01 09:59:55,2026-06-01 10:00:00,2026-06-01 10:01:00,Success,trunk-leeds,441134960001,447700900123,60,60,200,Bye,Leeds,United Kingdom,United Kingdom Mobile,Local,0.0120,0.0120\n"
	out, err := readMapped(t, p.Mapping, in)
	if err != nil {
		t.Fatal(err)
	}
	r := out[0].rec
	if r == nil || r.Source != "441134960001" || r.Account != "trunk-leeds" || r.Destination != "447700900123" || r.Duration != 60 ||
		r.ProviderPrice.Decimal.String() != "0.012" || r.Start.Format(time.RFC3339) != "2026-06-01T10:00:00Z" {
		t.Fatalf("%+v %v", r, out[0].prob)
	}
}

func TestPresetsAreValidAndCopied(t *testing.T) {
	if len(Presets) < 2 {
		t.Fatal(len(Presets))
	}
	for _, p := range Presets {
		if p.Name == "" || p.Description == "" {
			t.Errorf("%+v", p)
		}
		if err := p.Mapping.Validate(); err != nil {
			t.Errorf("%s: %v", p.Name, err)
		}
	}
	p, _ := LookupPreset("twilio")
	p.Mapping.Layouts[0] = "changed"
	if q, _ := LookupPreset("twilio"); q.Mapping.Layouts[0] == "changed" {
		t.Error("LookupPreset shares the preset's layouts")
	}
	if _, err := LookupPreset("vonage"); err == nil || err.Error() != `unknown CSV preset "vonage": use one of didww, didww-outbound, twilio` {
		t.Error(err)
	}
}

func TestMappingJSON(t *testing.T) {
	p, _ := LookupPreset("twilio")
	b, err := json.Marshal(p.Mapping)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"delimiter":",","header":true,"source":"From","destination":"To","start":"StartTime","duration":"Duration","uniqueId":"Sid","providerPrice":"Price","negativePrices":true,"layouts":["rfc2822","rfc3339","YYYY-MM-DD HH:mm:ss"],"timeZone":"UTC","durationUnit":"seconds"}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	var back Mapping
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	b2, _ := json.Marshal(back)
	if string(b2) != want {
		t.Errorf("round trip: %s", b2)
	}
	// Positions as numbers, and the flat all-strings form.
	var m Mapping
	flat := `{"delimiter":"\t","header":"no","source":1,"destination":"2","start":3,"duration":4,"layouts":"rfc3339 | YYYY-MM-DD HH:mm:ss","negativePrices":"false","durationUnit":"minutes"}`
	if err := json.Unmarshal([]byte(flat), &m); err != nil {
		t.Fatal(err)
	}
	if m.Header || m.Source != "1" || m.Start != "3" || len(m.Layouts) != 2 || m.Layouts[1] != "YYYY-MM-DD HH:mm:ss" || m.Delimiter != "\t" {
		t.Errorf("%+v", m)
	}
	if err := m.Validate(); err != nil {
		t.Error(err)
	}
	for _, bad := range []string{`{"header":"maybe"}`, `{"source":true}`, `{"layouts":5}`, `[]`} {
		if err := json.Unmarshal([]byte(bad), &m); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func TestPreview(t *testing.T) {
	p, _ := LookupPreset("didww")
	res, err := Preview(strings.NewReader(sampleFile(t, "didww-sample.csv")), p.Mapping, nil, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Header) != 13 || res.Header[6] != "Duration (secs)" || len(res.Lines) != 3 {
		t.Fatalf("%+v", res)
	}
	if res.Columns["duration"] != 7 || res.Columns["destination"] != 5 || res.Columns["answer"] != 2 || len(res.Columns) != 5 {
		t.Errorf("%v", res.Columns)
	}
	l := res.Lines[0]
	if l.Line != 2 || len(l.Fields) != 13 || l.Fields[5] != "sip:1001@pbx.example.net" || l.Record == nil || l.Record.Duration != 61 || l.Problem != "" {
		t.Errorf("%+v", l)
	}
	// Problems do not stop a preview, and every line keeps its fields.
	in := "junk\n\njunk;junk\n" + "a,b,2026-06-01 10:00:00,1\n"
	res, err = Preview(strings.NewReader(in), byPosition("seconds"), nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Header != nil || len(res.Lines) != 3 || res.Lines[0].Problem != "line 1 has 1 field; the mapping reads column 4 (duration)" ||
		res.Lines[1].Line != 3 || res.Lines[1].Fields[0] != "junk;junk" || res.Lines[2].Record == nil || res.Lines[2].Record.Line != 4 {
		t.Fatalf("%+v", res)
	}
	if b, err := json.Marshal(res); err != nil || !strings.Contains(string(b), `"problem":"line 1 has 1 field`) {
		t.Errorf("%s %v", b, err)
	}
	// A mapping error is the preview's error.
	if _, err := Preview(strings.NewReader("A,B\n"), p.Mapping, nil, 5); err == nil || !strings.Contains(err.Error(), "is not in the header") {
		t.Error(err)
	}
	if _, err := Preview(strings.NewReader(""), Mapping{}, nil, 5); err == nil {
		t.Error("an empty mapping previews")
	}
}

func TestMappedReaderZoneDefault(t *testing.T) {
	rd, err := NewMappedReader(strings.NewReader("a,b,2026-06-01 10:00:00,1\n"), byPosition("seconds"), nil)
	if err != nil {
		t.Fatal(err)
	}
	rd.Next()
	if got := rd.Record().Start.Format(time.RFC3339); got != "2026-06-01T10:00:00+01:00" {
		t.Fatal(got)
	}
}

func BenchmarkMappedReader(b *testing.B) {
	p, _ := LookupPreset("didww")
	lines := strings.Split(sampleFile(b, "didww-sample.csv"), "\n")
	data := []byte(lines[0] + "\n" + strings.Repeat(lines[1]+"\n", 10000))
	zone := london(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rd, err := NewMappedReader(bytes.NewReader(data), p.Mapping, zone)
		if err != nil {
			b.Fatal(err)
		}
		for rd.Next() {
		}
	}
	b.ReportMetric(float64(b.N*10000)/b.Elapsed().Seconds(), "lines/s")
}
