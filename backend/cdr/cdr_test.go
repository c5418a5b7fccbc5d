package cdr

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/rating"
)

func format(t testing.TB, name string) Format {
	t.Helper()
	f, err := LookupFormat(name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

type outcome struct {
	rec  *Record
	prob *LineError
}

func readAll(t testing.TB, name, in string) ([]outcome, error) {
	t.Helper()
	london, err := rating.LoadZone("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	rd := NewReader(strings.NewReader(in), format(t, name), london)
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

func sample(t testing.TB, file string) string {
	return string(fixtures.Read(t, "cdr/"+file))
}

func TestAsteriskSample(t *testing.T) {
	out, err := readAll(t, "asterisk", sample(t, "asterisk-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 12 {
		t.Fatalf("%d lines", len(out))
	}
	r := out[0].rec
	if r.Line != 1 || r.Source != "01134960001" || r.Destination != "01614960123" || r.Account != "" || r.Duration != 61 ||
		r.UniqueID != "1780304392.101" || r.Start.Format(time.RFC3339) != "2026-06-01T10:00:00+01:00" {
		t.Errorf("line 1: %+v", r)
	}
	if r := out[3].rec; r.Account != "acct-7" || r.Destination != "07911123456" {
		t.Errorf("line 4: %+v", r)
	}
	// 21 fields: peeraccount, linkedid and sequence after the userfield.
	if r := out[6].rec; r == nil || r.UniqueID != "1780743598.113" || r.Duration != 10 {
		t.Errorf("line 7: %+v %v", r, out[6].prob)
	}
	// 01:59 on the night BST ends happens twice: the first time (BST) is meant.
	if r := out[10].rec; r.Start.Format(time.RFC3339) != "2026-10-25T01:59:00+01:00" || r.Duration != 90 {
		t.Errorf("line 11: %+v", r)
	}
	// Unanswered: empty unquoted answer field → the start time.
	if r := out[7].rec; r.Duration != 0 || r.Start.Format(time.RFC3339) != "2026-06-07T09:00:00+01:00" {
		t.Errorf("line 8: %+v", r)
	}
	if p := out[11].prob; p == nil || p.Error() != "line 12 has 1 fields; an Asterisk Master.csv line has 16 to 21" {
		t.Errorf("line 12: %v", p)
	}
}

func TestFreeSWITCHSample(t *testing.T) {
	out, err := readAll(t, "freeswitch", sample(t, "freeswitch-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 5 {
		t.Fatalf("%d lines", len(out))
	}
	// Line 2 has a space before a field, and answers in the spring-forward
	// gap: 01:30 does not exist that night and moves on by the hour.
	if r := out[1].rec; r == nil || r.Destination != "02920180999" || r.Duration != 200 || r.Account != "2002" ||
		r.UniqueID != "5d4e3f2a-6b7c-4d8e-9f0a-1b2c3d4e5f03" || r.Start.Format(time.RFC3339) != "2026-03-29T02:30:00+01:00" {
		t.Errorf("line 2: %+v %v", r, out[1].prob)
	}
	if r := out[2].rec; r.Duration != 0 || r.Start.Format(time.RFC3339) != "2026-06-08T12:40:00+01:00" {
		t.Errorf("line 3: %+v", r)
	}
	// Line 5 stops after accountcode (13 fields).
	if r := out[4].rec; r == nil || r.Account != "2003" || r.Duration != 59 {
		t.Errorf("line 5: %+v %v", r, out[4].prob)
	}
}

func TestFCSSample(t *testing.T) {
	out, err := readAll(t, "fcs", sample(t, "fcs-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 5 {
		t.Fatalf("%d lines", len(out))
	}
	r := out[0].rec
	if r.Line != 2 || r.Source != "441134960001" || r.Destination != "441619460123" || r.ChargeCode != "NATIONAL" ||
		r.UniqueID != "GX-20260601-0001" || !r.ProviderPrice.Valid || r.ProviderPrice.Decimal.String() != "0.0142" ||
		r.Start.Format(time.RFC3339) != "2026-06-01T10:00:00+01:00" {
		t.Errorf("line 2: %+v", r)
	}
	if out[2].rec.ChargeCode != "" {
		t.Error("empty charge code")
	}
	// December is GMT; the data record (Call Type D) is not a voice call.
	if r := out[3].rec; r.Start.Format(time.RFC3339) != "2026-12-15T08:15:00Z" || r.Duration != 1 {
		t.Errorf("line 5: %+v", r)
	}
	if p := out[4].prob; p == nil || !p.Excluded || p.Line != 6 {
		t.Errorf("line 6: %+v", p)
	}
}

func fcsLine(callType, date, clock, dur string) string {
	f := make([]string, 42)
	f[0], f[2], f[3], f[4], f[5], f[6], f[10], f[28] = callType, "441134960001", "447700900123", date, clock, dur, "UKM", "R1"
	for i := range f {
		f[i] = `"` + f[i] + `"`
	}
	return strings.Join(f, ",")
}

func TestFCSNonVoiceLinesAreExcludedNotErrors(t *testing.T) {
	in := "\"Call Type\",\"x\"," + strings.Repeat("\"h\",", 39) + "\"h\"\n" +
		fcsLine("D", "01/06/2026", "10:00:00", "0") + "\n" +
		fcsLine("V", "01/06/2026", "10:00:00", "61") + "\n" +
		fcsLine("S", "01/06/2026", "10:00:00", "1") + "\n"
	out, err := readAll(t, "fcs", in)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 3 || !out[0].prob.Excluded || out[1].rec == nil || !out[2].prob.Excluded || out[2].prob.Line != 4 {
		t.Fatalf("%+v", out)
	}
	// A file of only non-voice lines is not a file error.
	out, err = readAll(t, "fcs", fcsLine("D", "01/06/2026", "10:00:00", "0")+"\n")
	if err != nil || len(out) != 1 || !out[0].prob.Excluded {
		t.Fatalf("%v %+v", err, out)
	}
}

const astGood = `"acc","01134960001","02079460123","ctx","""A, ""B"""" <1>","c","d","Dial","x,y","2026-06-01 09:59:56","2026-06-01 10:00:00","2026-06-01 10:01:01",65,61,"ANSWERED","DOCUMENTATION","id.1",""`

func TestAsteriskEdgeCases(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string // "ok" or the problem text
	}{
		{"quoted commas and doubled quotes", astGood + "\n", []string{"ok"}},
		{"CRLF", astGood + "\r\n" + astGood + "\r\n", []string{"ok", "ok"}},
		{"BOM", "\xef\xbb\xbf" + astGood + "\n", []string{"ok"}},
		{"truncated last line", astGood + "\n" + astGood[:60], []string{"ok", "line 2: field 6 has an opening quote but no closing quote"}},
		{"last line without newline", astGood + "\n" + astGood, []string{"ok", "ok"}},
		{"blank lines skipped, numbered", "\n" + astGood + "\n\n  \n" + astGood + "\n", []string{"ok", "ok"}},
		{"16 fields", strings.Join(strings.SplitAfterN(astGood, `"DOCUMENTATION"`, 2)[:1], "") + "\n", []string{"ok"}},
		{"bad answer time", strings.Replace(astGood, "2026-06-01 10:00:00", "2026-02-30 10:00:00", 1) + "\n" + astGood + "\n",
			[]string{`line 1: answer time "2026-02-30 10:00:00" is not a date and time (YYYY-MM-DD HH:MM:SS)`, "ok"}},
		{"negative billsec", astGood + "\n" + strings.Replace(astGood, ",61,", ",-61,", 1) + "\n", []string{"ok", `line 2: billsec "-61" is negative`}},
		{"billsec not a number", astGood + "\n" + strings.Replace(astGood, ",61,", ",6x1,", 1) + "\n", []string{"ok", `line 2: billsec "6x1" is not a number of seconds`}},
		{"fractional billsec rounds up", strings.Replace(astGood, ",61,", ",60.2,", 1) + "\n", []string{"ok:61"}},
		{"huge billsec", astGood + "\n" + strings.Replace(astGood, ",61,", ",99999999999999999999,", 1) + "\n", []string{"ok", `line 2: billsec "99999999999999999999" is longer than the longest call Tollgate prices (10000000 seconds)`}},
		{"unterminated quote", astGood + "\n" + `a,"b` + "\n", []string{"ok", "line 2: field 2 has an opening quote but no closing quote"}},
		{"binary junk", astGood + "\n\x00\xff\xfe\"\x01,,\n", []string{"ok", "line 2 has 3 fields; an Asterisk Master.csv line has 16 to 21"}},
		{"text after closing quote", astGood + "\n" + `"a"b,c` + "\n", []string{"ok", "line 2: field 1 has text after its closing quote"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := readAll(t, "asterisk", c.in)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range out {
				switch {
				case o.prob != nil:
					got = append(got, o.prob.Error())
				case strings.HasPrefix(c.want[0], "ok:"):
					got = append(got, "ok:"+strconv.FormatInt(o.rec.Duration, 10))
				default:
					got = append(got, "ok")
				}
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
	out, _ := readAll(t, "asterisk", astGood+"\n")
	if r := out[0].rec; r.Account != "acc" || r.UniqueID != "id.1" {
		t.Errorf("%+v", r)
	}
}

func TestLineNumbersCountBlankAndLongLines(t *testing.T) {
	long := strings.Repeat("x", MaxLineBytes+10)
	out, err := readAll(t, "asterisk", astGood+"\n\n"+long+"\n"+astGood+"\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 3 || out[1].prob == nil || out[1].prob.Line != 3 || !strings.Contains(out[1].prob.Reason, "longer than") || out[2].rec.Line != 4 {
		t.Fatalf("%+v", out)
	}
	// A long line that is the last one, without a newline.
	out, _ = readAll(t, "asterisk", astGood+"\n"+long)
	if len(out) != 2 || out[1].prob == nil || out[1].prob.Line != 2 {
		t.Fatalf("%+v", out)
	}
}

func TestFreeSWITCHSpacesAndArity(t *testing.T) {
	line := ` "Leeds" , "01134960001","01134960123" ,"default","2026-06-01 09:59:56", "2026-06-01 10:00:00","2026-06-01 10:01:01","65", " 61 ","NORMAL_CLEARING","uuid","","1001"`
	out, err := readAll(t, "freeswitch", line+"\n"+line+`,"PCMA"`+"\n")
	if err != nil {
		t.Fatal(err)
	}
	if out[0].rec == nil || out[0].rec.Duration != 61 || out[0].rec.Source != "01134960001" || out[0].rec.Account != "1001" {
		t.Fatalf("%+v %v", out[0].rec, out[0].prob)
	}
	if out[1].prob == nil || out[1].prob.Error() != "line 2 has 14 fields; a FreeSWITCH CSV line has 13 or 15" {
		t.Fatalf("%v", out[1].prob)
	}
}

func TestUnreadableFileFailsFast(t *testing.T) {
	_, err := readAll(t, "asterisk", "a,b,c,d,e\nf,g\n")
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("want *FileError, got %v", err)
	}
	if want := "no line of the file can be read as asterisk CDR: line 1 has 5 fields; an Asterisk Master.csv line has 16 to 21"; err.Error() != want {
		t.Errorf("got  %q\nwant %q", err, want)
	}
	// An FCS file given as Asterisk: stops after FailFastLines lines.
	big := strings.Repeat(fcsLine("V", "01/06/2026", "10:00:00", "61")+"\n", FailFastLines+500)
	out, err := readAll(t, "asterisk", big)
	if !errors.As(err, &fe) || !fe.Stopped || len(out) != 0 {
		t.Fatalf("%v %d", err, len(out))
	}
	// An empty file is not an error: it has no calls.
	if out, err := readAll(t, "fcs", ""); err != nil || len(out) != 0 {
		t.Fatalf("%v %v", out, err)
	}
}

func TestProblemsBeforeTheFirstGoodLineAreKeptInOrder(t *testing.T) {
	out, err := readAll(t, "asterisk", "junk\nmore junk\n"+astGood+"\njunk\n"+astGood+"\n")
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, o := range out {
		if o.prob != nil {
			lines = append(lines, -o.prob.Line)
		} else {
			lines = append(lines, o.rec.Line)
		}
	}
	if want := []int{-1, -2, 3, -4, 5}; !equalInts(lines, want) {
		t.Fatalf("got %v want %v", lines, want)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadErrorsAreReported(t *testing.T) {
	rd := NewReader(iotest.TimeoutReader(strings.NewReader(astGood+"\n"+astGood+"\n")), format(t, "asterisk"), nil)
	for rd.Next() {
	}
	if err := rd.Err(); err == nil || errors.Is(err, io.EOF) {
		t.Fatalf("want a read error, got %v", err)
	}
}

func TestProviderZone(t *testing.T) {
	utc, _ := rating.LoadZone("UTC")
	rd := NewReader(strings.NewReader(astGood+"\n"), format(t, "asterisk"), utc)
	rd.Next()
	if got := rd.Record().Start.In(time.UTC).Format(time.RFC3339); got != "2026-06-01T10:00:00Z" {
		t.Fatal(got)
	}
	// Spring-forward gap in London moves forward by the gap.
	gap := strings.Replace(astGood, "2026-06-01 10:00:00", "2026-03-29 01:30:00", 1)
	out, _ := readAll(t, "asterisk", gap+"\n")
	if got := out[0].rec.Start.Format(time.RFC3339); got != "2026-03-29T02:30:00+01:00" {
		t.Fatal(got)
	}
}

func TestFormatsAreListed(t *testing.T) {
	if len(Formats) != 3 {
		t.Fatal(len(Formats))
	}
	for _, f := range Formats {
		if f.Name == "" || f.Description == "" {
			t.Errorf("%+v", f)
		}
	}
	if _, err := LookupFormat("twilio"); err == nil || !strings.Contains(err.Error(), "asterisk, freeswitch, fcs") {
		t.Error(err)
	}
}

func BenchmarkAsteriskReader(b *testing.B) {
	line := []byte(astGood + "\n")
	data := bytes.Repeat(line, 10000)
	zone, _ := rating.LoadZone("Europe/London")
	f := format(b, "asterisk")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rd := NewReader(bytes.NewReader(data), f, zone)
		for rd.Next() {
		}
	}
	b.ReportMetric(float64(b.N*10000)/b.Elapsed().Seconds(), "lines/s")
}

// A file that is no text ends the reading at once with a FileError saying
// what it is, not "line 1 has 1 fields".
func TestAFileThatIsNotTextIsNamed(t *testing.T) {
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + strings.Repeat("\"x\x00\n", 100)
	for _, tc := range []struct{ in, want string }{
		{png, "this is a PNG image, not a CSV text file"},
		{"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip-compressed"},
		{"PK\x03\x04\x14\x00", "ZIP archive"},
	} {
		out, err := readAll(t, "asterisk", tc.in)
		var fe *FileError
		if len(out) != 0 || !errors.As(err, &fe) || fe.NotText == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d lines, %v; want a FileError saying %q", len(out), err, tc.want)
		}
	}
	// Windows-1252 text still reads.
	if out, err := readAll(t, "asterisk", strings.Replace(sample(t, "asterisk-sample.csv"), "Leeds", "Caf\xe9", 1)); err != nil || len(out) != 12 {
		t.Errorf("Windows-1252 sample: %d lines, %v", len(out), err)
	}
}
