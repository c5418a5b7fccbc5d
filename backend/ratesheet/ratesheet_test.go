package ratesheet

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/tollgate/tollgate/backend/internal/fixtures"

	"github.com/tollgate/tollgate/backend/rating"
)

func TestReadSampleSheet(t *testing.T) {
	f, err := os.Open(fixtures.Path(t, fixtures.RateSheet))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := Read(f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 13 {
		t.Fatalf("%d rows", len(rows))
	}
	mob := rows[4]
	if mob.Destination != "+447" || mob.Line != 6 || !mob.PeakRate.Equal(decimal.RequireFromString("7.2")) ||
		mob.DurationBlock != (rating.DurationBlock{First: 60, Step: 1}) || mob.Description != "UK Mobile" || !mob.PeakRateCost.Valid {
		t.Errorf("row %+v", mob)
	}
	if rows[5].Destination != "0800" || rows[5].PeakRateCost.Valid {
		t.Error("blank cost must be unknown")
	}
	if _, err := Table(rows, ""); err != nil {
		t.Fatal(err)
	}
}

func TestReadFormsOfTheSameSheet(t *testing.T) {
	want := "+44113,0,0,1.5,0.8,0.5,0.6,0.3,0.2,Leeds,1"
	cases := map[string]string{
		"no header":          want + "\n",
		"BOM and CRLF":       "\xef\xbb\xbf" + "Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate,Peak Rate Cost,Offpeak Rate Cost,Weekend Rate Cost,Description,Duration Block\r\n" + want + "\r\n",
		"comments and blank": "# UK rates\n\n" + want + "\n\n# end\n",
		"header any order and spelling": "duration_block,DESCRIPTION,weekendratecost,Offpeak Rate Cost,peak_rate_cost,Weekend Rate,offpeak rate,PEAK RATE,connection_fee,Minimum Charge,destination\n" +
			"1,Leeds,0.2,0.3,0.6,0.5,0.8,1.5,0,0,+44113\n",
		"decimal comma in quotes": `+44113,0,0,"1,5","0,8","0,5","0,6","0,3","0,2",Leeds,1` + "\n",
		"major units":             "+44113,0,0,0.015,0.008,0.005,0.006,0.003,0.002,Leeds,1\n",
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			opts := Options{}
			if name == "major units" {
				opts.Units = Major
			}
			rows, err := Read(strings.NewReader(in), opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1 {
				t.Fatalf("%d rows", len(rows))
			}
			r := rows[0]
			if !r.PeakRate.Equal(decimal.RequireFromString("1.5")) || !r.WeekendRateCost.Decimal.Equal(decimal.RequireFromString("0.2")) ||
				r.Description != "Leeds" || r.Destination != "+44113" {
				t.Errorf("row %+v", r)
			}
		})
	}
}

func TestOptionalColumnsMayBeLeftOut(t *testing.T) {
	rows, err := Read(strings.NewReader("44113,0,0,1.5,0.8,0.5\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].DurationBlock != rating.PerSecond || rows[0].PeakRateCost.Valid {
		t.Errorf("%+v", rows[0])
	}
	rows, err = Read(strings.NewReader("Destination,Peak Rate,Offpeak Rate,Weekend Rate,Minimum Charge,Connection Fee\nUKN,1,1,1,0,0\n"), Options{})
	if err != nil || rows[0].Destination != "UKN" {
		t.Fatalf("%v %+v", err, rows)
	}
}

func TestRejectionListsEveryBadLine(t *testing.T) {
	in := "Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate,Peak Rate Cost,Offpeak Rate Cost,Weekend Rate Cost,Description,Duration Block\n" +
		"+44113,0,0,1.5,0.8,0.5,,,,Leeds,1\n" + // line 2 ok
		"+44114,-1,0,1.5,0.8,0.5,,,,,1\n" + // 3 negative
		"+44115,0,0,abc,0.8,0.5,,,,,1\n" + // 4 not a number
		"0113,0,0,1,1,1,,,,,1\n" + // 5 duplicate of line 2
		"+44116,0,0,1,1,1,,,,,30/0\n" + // 6 bad block
		",0,0,1,1,1,,,,,1\n" + // 7 missing destination
		"+44117,0,0,1,1,\n" + // 8 wrong field count
		"+44118,0,,1,1,1,,,,,1\n" + // 9 missing required value
		"+44119,0,0,0.00000001,1,1,,,,,1\n" // 10 too precise
	_, err := Read(strings.NewReader(in), Options{})
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("want *ValidationError, got %v", err)
	}
	wantLines := []int{3, 4, 5, 6, 7, 8, 9, 10}
	var got []int
	for _, p := range verr.Problems {
		got = append(got, p.Line)
	}
	if len(got) != len(wantLines) {
		t.Fatalf("problems at lines %v, want %v\n%v", got, wantLines, err)
	}
	for i := range got {
		if got[i] != wantLines[i] {
			t.Fatalf("problems at lines %v, want %v\n%v", got, wantLines, err)
		}
	}
	msg := err.Error()
	for _, want := range []string{
		`line 3, Minimum Charge "-1": is negative`,
		`line 4, Peak Rate "abc": is not a number`,
		`line 5, Destination "0113": duplicate destination: line 2`,
		`line 6, Duration Block "30/0": bad duration block`,
		`line 7, Destination: missing required column`,
		`line 8: has 6 fields; the header has 11`,
		`line 9, Connection Fee: missing required column`,
		`line 10, Peak Rate "0.00000001": has more than 6 decimal places`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
}

func TestHeaderProblems(t *testing.T) {
	_, err := Read(strings.NewReader("Destination,Peak Rate,Colour\n44,1,red\n"), Options{})
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatal(err)
	}
	msg := err.Error()
	for _, want := range []string{`"Colour": unknown column`, `Minimum Charge: missing required column`, `Weekend Rate: missing required column`} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
}

func TestEmptySheetRejected(t *testing.T) {
	for _, in := range []string{"", "\xef\xbb\xbf", "# nothing\n\n", "Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate\n"} {
		_, err := Read(strings.NewReader(in), Options{})
		if err == nil || !strings.Contains(err.Error(), "the sheet is empty") {
			t.Errorf("%q: %v", in, err)
		}
	}
}

func TestWriteThenReadGivesTheSameRows(t *testing.T) {
	f := fixtures.Read(t, fixtures.RateSheet)
	rows, err := Read(bytes.NewReader(f), Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Add awkward values: a description with a comma and quotes.
	rows = append(rows, Row{Line: len(rows) + 2, // the line after the last row (line 1 is the header)
		Destination: "UK GEOGRAPHIC", MinimumCharge: decimal.RequireFromString("0.000001"),
		ConnectionFee: decimal.Zero, PeakRate: decimal.RequireFromString("1"), OffpeakRate: decimal.Zero, WeekendRate: decimal.Zero,
		Description: `Geo, "all"`, DurationBlock: rating.DurationBlock{First: 30, Step: 6}})
	var buf bytes.Buffer
	if err := Write(&buf, rows); err != nil {
		t.Fatal(err)
	}
	again, err := Read(&buf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != len(rows) {
		t.Fatalf("%d rows, want %d", len(again), len(rows))
	}
	for i := range rows {
		a, b := rows[i], again[i]
		eqNull := func(x, y decimal.NullDecimal) bool {
			return x.Valid == y.Valid && (!x.Valid || x.Decimal.Equal(y.Decimal))
		}
		if a.Destination != b.Destination || !a.MinimumCharge.Equal(b.MinimumCharge) || !a.ConnectionFee.Equal(b.ConnectionFee) ||
			!a.PeakRate.Equal(b.PeakRate) || !a.OffpeakRate.Equal(b.OffpeakRate) || !a.WeekendRate.Equal(b.WeekendRate) ||
			!eqNull(a.PeakRateCost, b.PeakRateCost) || !eqNull(a.OffpeakRateCost, b.OffpeakRateCost) || !eqNull(a.WeekendRateCost, b.WeekendRateCost) ||
			a.Description != b.Description || a.DurationBlock != b.DurationBlock || a.Line != b.Line {
			t.Errorf("row %d differs:\n%+v\n%+v", i, a, b)
		}
	}
}

func TestReadSamplePeakTimes(t *testing.T) {
	f, err := os.Open(fixtures.Path(t, fixtures.PeakTimes))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := ReadPeakTimes(f)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		day  time.Weekday
		min  int
		want rating.Band
	}{{time.Monday, 9 * 60, rating.Peak}, {time.Monday, 7*60 - 1, rating.Offpeak}, {time.Friday, 17*60 + 30, rating.Offpeak},
		{time.Friday, 17*60 + 29, rating.Peak}, {time.Tuesday, 8 * 60, rating.Peak}, // 07:00-09:00 is in no block: peak
		{time.Saturday, 0, rating.Weekend}, {time.Sunday, 1439, rating.Weekend}}
	for _, c := range checks {
		if got := p.BandAt(c.day, c.min); got != c.want {
			t.Errorf("%v %d: %v", c.day, c.min, got)
		}
	}
	var buf bytes.Buffer
	if err := WritePeakTimes(&buf, p.Blocks()); err != nil {
		t.Fatal(err)
	}
	orig := fixtures.Read(t, fixtures.PeakTimes)
	if buf.String() != string(orig) {
		t.Errorf("export differs:\n%s\nwant\n%s", buf.String(), orig)
	}
}

func TestPeakTimesRejectionListsEveryBadLine(t *testing.T) {
	in := "band,days,start,end\n" +
		"peak,Mon-Fri,08:00,18:00\n" + // 2 ok
		"lunch,Mon,12:00,13:00\n" + // 3 bad band
		"offpeak,Fri-Mon,00:00,08:00\n" + // 4 backwards range
		"offpeak,Mon,25:00,26:00\n" + // 5 bad time
		"offpeak,Tue,17:00,24:00\n" + // 6 overlaps line 2
		"weekend,\"Sat,Sun\",10:00,09:00\n" + // 7 end before start
		"weekend,Sat\n" // 8 field count
	_, err := ReadPeakTimes(strings.NewReader(in))
	var verr *ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("%v", err)
	}
	msg := err.Error()
	for _, want := range []string{
		`line 3, band "lunch": is not a band`,
		`line 4, days "Fri-Mon": day range Fri-Mon runs backwards`,
		`line 5, start "25:00": is not a time`,
		`line 6: overlaps line 2 (peak Mon-Fri 08:00-18:00) on Tue`,
		`line 7, end "09:00": end must be after start`,
		`line 8: has 2 fields`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
}

func TestParseDays(t *testing.T) {
	cases := map[string]rating.Weekdays{
		"Mon-Fri":         rating.Days(time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday),
		"Sat,Sun":         rating.Days(time.Saturday, time.Sunday),
		"mon, wed-fri":    rating.Days(time.Monday, time.Wednesday, time.Thursday, time.Friday),
		"Sunday":          rating.Days(time.Sunday),
		"Mon-Sun":         0x7f,
		"Sat-Sun,Mon-Fri": 0x7f,
	}
	for in, want := range cases {
		if got, err := ParseDays(in); err != nil || got != want {
			t.Errorf("ParseDays(%q) = %07b, %v; want %07b", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "Mo", "Mon-", "Sun-Mon", "Mon;Tue"} {
		if _, err := ParseDays(bad); err == nil {
			t.Errorf("ParseDays(%q) accepted", bad)
		}
	}
}

func TestEmptyPeakTimesIsAllPeak(t *testing.T) {
	p, err := ReadPeakTimes(strings.NewReader("band,days,start,end\n"))
	if err != nil || p.BandAt(time.Saturday, 100) != rating.Peak {
		t.Fatal(err)
	}
}

// Destinations and descriptions longer than their columns are refused on
// their line, counted in bytes as the stored rows are: 255 two-byte letters
// are 510 bytes.
func TestOverlongTextIsRefusedOnItsLine(t *testing.T) {
	head := "Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate,Peak Rate Cost,Offpeak Rate Cost,Weekend Rate Cost,Description,Duration Block\n"
	in := head +
		"+44113,0,0,1,1,1,,,,Leeds,1\n" +
		"+44" + strings.Repeat("1", 62) + ",0,0,1,1,1,,,,,1\n" + // line 3: 65 characters
		"+44114,0,0,1,1,1,,,," + strings.Repeat("é", 128) + ",1\n" + // line 4: 256 bytes
		"+44115,0,0,1,1,1,,,," + strings.Repeat("e", 255) + ",1\n" // line 5: exactly 255, fine
	_, err := Read(strings.NewReader(in), Options{})
	var verr *ValidationError
	if !errors.As(err, &verr) || len(verr.Problems) != 2 {
		t.Fatalf("want two problems, got %v", err)
	}
	if p := verr.Problems[0]; p.Line != 3 || p.Column != "Destination" || !strings.Contains(p.Reason, "64 characters") {
		t.Errorf("problem %+v", p)
	}
	if p := verr.Problems[1]; p.Line != 4 || p.Column != "Description" || !strings.Contains(p.Reason, "255 characters") {
		t.Errorf("problem %+v", p)
	}
}

// A line that is not UTF-8 is refused with its number: the rate columns
// and the calls that copy a destination hold UTF-8 text only.
func TestNonUTF8LinesAreRefused(t *testing.T) {
	in := "Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate,Peak Rate Cost,Offpeak Rate Cost,Weekend Rate Cost,Description\n" +
		"441132,0,0,1,1,1,,,,Leeds\n" +
		"441133,0,0,1,1,1,,,,Soci\xe9t\xe9\n"
	_, err := Read(strings.NewReader(in), Options{})
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Line != 3 || !strings.Contains(ve.Problems[0].Reason, "not UTF-8") {
		t.Fatalf("got %v", err)
	}
	n, err := Scan(strings.NewReader(strings.Replace(in, "Soci\xe9t\xe9", "Société", 1)), Options{}, nil)
	if err != nil || n != 2 {
		t.Fatalf("UTF-8 sheet: %d rows, %v", n, err)
	}
}

// A PNG renamed .csv, a gzip or UTF-16 text is one problem that says what
// the file is, not a "bare quote" for every line.
func TestAFileThatIsNotTextIsNamed(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte("\"x\x00\n"), 100)...)
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate\n44,0,0,1,1,1\n" {
		utf16 = append(utf16, byte(r), 0)
	}
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"png", png, "file: this is a PNG image, not a CSV text file"},
		{"gzip", []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0}, "gzip-compressed"},
		{"utf-16", utf16, "UTF-16 text"},
	} {
		_, err := Read(bytes.NewReader(tc.in), Options{})
		var verr *ValidationError
		if !errors.As(err, &verr) || len(verr.Problems) != 1 || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v; want one problem saying %q", tc.name, err, tc.want)
		}
		if _, err := ReadPeakTimes(bytes.NewReader(tc.in)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s as peak times: %v; want %q", tc.name, err, tc.want)
		}
	}
}
