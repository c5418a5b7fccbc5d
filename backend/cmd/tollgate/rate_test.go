package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/internal/fixtures"
)

// rateTestdata is the repository's own testdata/ (testdata/README.md works
// out every expected line by hand).
func rateTestdata(t testing.TB) string { return fixtures.Dir(t) }

func sampleRateFlags(td, format string) rateFlags {
	return sheetRateFlags(td, fixtures.RateSheet, format)
}

// sheetRateFlags are the dry run's defaults with the rate sheet at
// td/sheet and the peak times at td/peak-times.csv.
func sheetRateFlags(td, sheet, format string) rateFlags {
	return rateFlags{
		rates:     filepath.Join(td, filepath.FromSlash(sheet)),
		peakTimes: filepath.Join(td, fixtures.PeakTimes),
		format:    format,
		direction: "outbound",
		timezone:  "Europe/London",
		bandMode:  "start",
		rounding:  "half-up",
		units:     "minor",
	}
}

// The dry run must reproduce testdata/expected byte for byte.
func TestRateMatchesExpectedOutput(t *testing.T) {
	checkExpectedOutputs(t, rateTestdata(t), fixtures.RateSheet)
}

// checkExpectedOutputs prices every td/cdr/FORMAT-*.csv against the sheet
// and td/peak-times.csv and compares the output with
// td/expected/FORMAT-*.rated.csv byte for byte.
func checkExpectedOutputs(t *testing.T, td, sheet string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(td, "cdr", "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample CDR files: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".csv")
		t.Run(name, func(t *testing.T) {
			format, _, _ := strings.Cut(name, "-")
			want, err := os.ReadFile(filepath.Join(td, "expected", name+".rated.csv"))
			if err != nil {
				t.Fatal(err)
			}
			in, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			defer in.Close()
			var stdout, stderr bytes.Buffer
			if err := runRate(sheetRateFlags(td, sheet, format), in, &stdout, &stderr); err != nil {
				t.Fatalf("%v\n%s", err, stderr.String())
			}
			if !bytes.Equal(stdout.Bytes(), want) {
				t.Errorf("output differs\n got:\n%s\nwant:\n%s", stdout.String(), want)
			}
			if !strings.Contains(stderr.String(), "lines read: ") {
				t.Errorf("no summary on stderr: %q", stderr.String())
			}
		})
	}
}

func TestRateReportsRejectedLinesAndSummary(t *testing.T) {
	td := rateTestdata(t)
	in, err := os.Open(filepath.Join(td, "cdr", "asterisk-sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var stdout, stderr bytes.Buffer
	if err := runRate(sampleRateFlags(td, "asterisk"), in, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	want := "line 12 has 1 fields; an Asterisk Master.csv line has 16 to 21\n" +
		"lines read: 12, rated: 9, no rate: 1, zero duration: 1, rejected: 1, total price: 0.5228\n"
	if stderr.String() != want {
		t.Errorf("stderr\n got %q\nwant %q", stderr.String(), want)
	}
}

func TestRateInboundRatesByTheCaller(t *testing.T) {
	td := rateTestdata(t)
	o := sampleRateFlags(td, "freeswitch")
	o.direction = "inbound"
	in, _ := os.Open(filepath.Join(td, "cdr", "freeswitch-sample.csv"))
	defer in.Close()
	var stdout, stderr bytes.Buffer
	if err := runRate(o, in, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(stdout.String(), "\n")
	// Line 2 dials Cardiff but comes from Leeds: rated as a UK 01 number, weekend.
	if want := "2,rated,441134960002,442920180999,2026-03-29T02:30:00+01:00,200,200,weekend,441,0.0167,0.0067"; lines[2] != want {
		t.Errorf("got  %s\nwant %s", lines[2], want)
	}
}

func TestRateOptionsChangeThePrice(t *testing.T) {
	td := rateTestdata(t)
	// 60 s to Manchester from Mon 1 June 17:29:30, 30 s before off-peak starts.
	cdrLine := `"","01134960001","01614960123","ctx","","c","d","Dial","x","2026-06-01 17:29:30","2026-06-01 17:29:30","2026-06-01 17:30:30",60,60,"ANSWERED","DOCUMENTATION","1",""` + "\n"
	cases := []struct {
		name  string
		edit  func(*rateFlags)
		price string
		start string
	}{
		{"start mode", func(*rateFlags) {}, "0.0240", "2026-06-01T17:29:30+01:00"},
		{"split mode", func(o *rateFlags) { o.bandMode = "split" }, "0.0180", "2026-06-01T17:29:30+01:00"},
		{"CDR in UTC", func(o *rateFlags) { o.cdrTimezone = "UTC" }, "0.0120", "2026-06-01T18:29:30+01:00"},
		{"output in UTC keeps +00:00", func(o *rateFlags) { o.timezone = "UTC"; o.cdrTimezone = "Europe/London" }, "0.0240", "2026-06-01T16:29:30+00:00"},
		{"no peak times = all peak", func(o *rateFlags) { o.peakTimes = "" }, "0.0240", "2026-06-01T17:29:30+01:00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := sampleRateFlags(td, "asterisk")
			c.edit(&o)
			var stdout, stderr bytes.Buffer
			if err := runRate(o, strings.NewReader(cdrLine), &stdout, &stderr); err != nil {
				t.Fatal(err)
			}
			f := strings.Split(strings.Split(stdout.String(), "\n")[1], ",")
			if f[9] != c.price || f[4] != c.start {
				t.Errorf("price %s start %s; want %s %s", f[9], f[4], c.price, c.start)
			}
		})
	}
}

func TestRateRefusesBadArguments(t *testing.T) {
	td := rateTestdata(t)
	dir := t.TempDir()
	badSheet := filepath.Join(dir, "bad.csv")
	os.WriteFile(badSheet, []byte("+44,0,0,abc,1,1\n+44,0,0,1,1,1\n"), 0o644)
	cases := []struct {
		name string
		edit func(*rateFlags)
		want string
	}{
		{"no rates", func(o *rateFlags) { o.rates = "" }, "--rates is required"},
		{"no format", func(o *rateFlags) { o.format = "" }, "--format is required"},
		{"unknown format", func(o *rateFlags) { o.format = "cisco" }, `unknown CDR format "cisco"`},
		{"direction", func(o *rateFlags) { o.direction = "sideways" }, "--direction"},
		{"band mode", func(o *rateFlags) { o.bandMode = "middle" }, "--band-mode"},
		{"rounding", func(o *rateFlags) { o.rounding = "banker" }, "--rounding"},
		{"units", func(o *rateFlags) { o.units = "cents" }, "--units"},
		{"timezone", func(o *rateFlags) { o.timezone = "Mars/Olympus" }, "--timezone"},
		{"cdr timezone", func(o *rateFlags) { o.cdrTimezone = "Nowhere" }, "--cdr-timezone"},
		{"missing sheet", func(o *rateFlags) { o.rates = filepath.Join(dir, "none.csv") }, "cannot open the rate sheet"},
		{"invalid sheet lists every line", func(o *rateFlags) { o.rates = badSheet }, "line 1, Peak Rate \"abc\": is not a number\n  line 2, Destination \"+44\": duplicate destination"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := sampleRateFlags(td, "asterisk")
			c.edit(&o)
			var stdout, stderr bytes.Buffer
			err := runRate(o, strings.NewReader(""), &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want it to mention %q", err, c.want)
			}
		})
	}
}

func TestRateFailsOnAFileOfTheWrongFormat(t *testing.T) {
	td := rateTestdata(t)
	in, _ := os.Open(filepath.Join(td, "cdr", "fcs-sample.csv"))
	defer in.Close()
	var stdout, stderr bytes.Buffer
	err := runRate(sampleRateFlags(td, "asterisk"), in, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "an Asterisk Master.csv line has 16 to 21") {
		t.Fatalf("%v", err)
	}
}

func TestRateCommandReadsStandardInput(t *testing.T) {
	td := rateTestdata(t)
	in, _ := os.ReadFile(filepath.Join(td, "cdr", "freeswitch-sample.csv"))
	want, _ := os.ReadFile(filepath.Join(td, "expected", "freeswitch-sample.rated.csv"))
	var stdout, stderr bytes.Buffer
	rootCmd.SetIn(bytes.NewReader(in))
	rootCmd.SetOut(&stdout)
	rootCmd.SetErr(&stderr)
	rootCmd.SetArgs([]string{"rate", "--rates", filepath.Join(td, fixtures.RateSheet),
		"--peak-times", filepath.Join(td, fixtures.PeakTimes), "--format", "freeswitch", "-"})
	defer func() { rootCmd.SetIn(nil); rootCmd.SetOut(nil); rootCmd.SetErr(nil); rootCmd.SetArgs(nil) }()
	if err := rootCmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), want) {
		t.Errorf("got\n%s", stdout.String())
	}
}

func TestAppendCSVFieldQuotesOnlyWhenNeeded(t *testing.T) {
	cases := map[string]string{"": "", "447": "447", "UK GEO": "UK GEO", "a,b": `"a,b"`, `say "hi"`: `"say ""hi"""`, " x": `" x"`}
	for in, want := range cases {
		if got := string(appendCSVField(nil, in)); got != want {
			t.Errorf("%q → %q, want %q", in, got, want)
		}
	}
}
