package rating

import (
	"math/rand"
	"testing"
	"testing/quick"
	"time"
)

func amt(t testing.TB, s string) Amount {
	t.Helper()
	a, err := ParseAmount(s)
	if err != nil {
		t.Fatalf("ParseAmount(%q): %v", s, err)
	}
	return a
}

func block(t testing.TB, s string) DurationBlock {
	t.Helper()
	b, err := ParseDurationBlock(s)
	if err != nil {
		t.Fatalf("ParseDurationBlock(%q): %v", s, err)
	}
	return b
}

// samplePeak is the schedule of docs/rating.md's "Peak times CSV" section.
func samplePeak(t testing.TB) *PeakTimes {
	t.Helper()
	weekdays := Days(time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday)
	p, err := NewPeakTimes([]PeakBlock{
		{Band: Peak, Days: weekdays, Start: 8 * 60, End: 18 * 60},
		{Band: Offpeak, Days: weekdays, Start: 18 * 60, End: 24 * 60},
		{Band: Offpeak, Days: weekdays, Start: 0, End: 8 * 60},
		{Band: Weekend, Days: Days(time.Saturday, time.Sunday), Start: 0, End: 24 * 60},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func london(t testing.TB) *Zone {
	t.Helper()
	z, err := LoadZone("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return z
}

func newRater(t testing.TB, rows []Rate, o Options) *Rater {
	t.Helper()
	tab, err := NewTable(rows, DefaultCountryCode)
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewRater(tab, samplePeak(t), london(t), o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// leeds is the worked examples' row: 44113, min 0, conn 0, peak 1.5,
// offpeak 0.8, weekend 0.5, block 1.
func leeds(t testing.TB) Rate {
	return Rate{
		Destination: "44113",
		Rates:       [3]Amount{amt(t, "1.5"), amt(t, "0.8"), amt(t, "0.5")},
		Block:       PerSecond,
	}
}

func TestWorkedExamples(t *testing.T) {
	lon := london(t)
	utc, _ := LoadZone("UTC")
	cases := []struct {
		name     string
		row      func(testing.TB) Rate
		start    time.Time
		duration int64
		opts     Options
		wantS    int64
		wantBand Band
		want     string
	}{
		{"peak 61 s rounds half up", leeds, lon.Date(2026, 6, 1, 10, 0, 0), 61, Options{}, 61, Peak, "0.0153"},
		{"peak 61 s rounds half even", leeds, lon.Date(2026, 6, 1, 10, 0, 0), 61, Options{Rounding: HalfEven}, 61, Peak, "0.0152"},
		{"offpeak starts at 18:00", leeds, lon.Date(2026, 6, 1, 18, 0, 0), 60, Options{}, 60, Offpeak, "0.0080"},
		{"weekend Saturday noon", leeds, lon.Date(2026, 6, 6, 12, 0, 0), 600, Options{}, 600, Weekend, "0.0500"},
		{"provider in UTC: 07:30 UTC is 08:30 BST, peak", leeds, utc.Date(2026, 6, 1, 7, 30, 0), 60, Options{}, 60, Peak, "0.0150"},
		{"provider in London: 07:30 is offpeak", leeds, lon.Date(2026, 6, 1, 7, 30, 0), 60, Options{}, 60, Offpeak, "0.0080"},
		{"minimum charge lifts a short call", func(t testing.TB) Rate {
			return Rate{Destination: "44", MinimumCharge: amt(t, "0.5"), Rates: [3]Amount{amt(t, "0.5"), amt(t, "0.5"), amt(t, "0.5")}, Block: PerSecond}
		}, lon.Date(2026, 6, 1, 10, 0, 0), 20, Options{}, 20, Peak, "0.0050"},
		{"block 30/6 at 10 s bills 30 s", rate306, lon.Date(2026, 6, 1, 10, 0, 0), 10, Options{}, 30, Peak, "0.0030"},
		{"block 30/6 at 32 s bills 36 s", rate306, lon.Date(2026, 6, 1, 10, 0, 0), 32, Options{}, 36, Peak, "0.0036"},
		{"block 30/6 at 75 s bills 78 s", rate306, lon.Date(2026, 6, 1, 10, 0, 0), 75, Options{}, 78, Peak, "0.0078"},
		{"block 60/1 at 45 s bills the first minute", rate601, lon.Date(2026, 6, 1, 10, 0, 0), 45, Options{}, 60, Peak, "1.4000"},
		{"block 60/1 at 61 s", rate601, lon.Date(2026, 6, 1, 10, 0, 0), 61, Options{}, 61, Peak, "1.4200"},
		{"block 60/1 at 125 s", rate601, lon.Date(2026, 6, 1, 10, 0, 0), 125, Options{}, 125, Peak, "2.7000"},
		{"split mode across 18:00", leeds, lon.Date(2026, 6, 1, 17, 59, 30), 60, Options{BandMode: BandSplit}, 60, Peak, "0.0115"},
		{"start mode across 18:00 stays peak", leeds, lon.Date(2026, 6, 1, 17, 59, 30), 60, Options{}, 60, Peak, "0.0150"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newRater(t, []Rate{c.row(t)}, c.opts)
			num, _ := Normalize(r.Table().Rates()[0].Destination+"4960000", DefaultCountryCode)
			res := r.Rate(Call{Number: num, Start: c.start, Duration: c.duration})
			if res.Status != Rated {
				t.Fatalf("status %v", res.Status)
			}
			if res.BillableSeconds != c.wantS || res.Band != c.wantBand {
				t.Errorf("S=%d band=%v, want S=%d band=%v", res.BillableSeconds, res.Band, c.wantS, c.wantBand)
			}
			if got := FormatFixed(res.Price, int(res.Decimals)); got != c.want {
				t.Errorf("price %s, want %s", got, c.want)
			}
			if !res.PriceDecimal().Equal(mustDecimal(c.want)) {
				t.Errorf("PriceDecimal %s, want %s", res.PriceDecimal(), c.want)
			}
		})
	}
}

func rate306(t testing.TB) Rate {
	return Rate{Destination: "33", Rates: [3]Amount{amt(t, "0.6"), amt(t, "0.6"), amt(t, "0.6")}, Block: block(t, "30/6")}
}

func rate601(t testing.TB) Rate {
	return Rate{Destination: "447", ConnectionFee: amt(t, "20"), Rates: [3]Amount{amt(t, "120"), amt(t, "120"), amt(t, "120")}, Block: block(t, "60/1")}
}

func TestBlock15BillsWholeBlocks(t *testing.T) {
	if s := block(t, "15").Billable(16); s != 30 {
		t.Fatalf("block 15, 16 s: S=%d, want 30", s)
	}
}

func TestBillableSecondsByBlock(t *testing.T) {
	cases := []struct {
		block string
		d     int64
		want  int64
	}{
		{"", 1, 1}, {"1", 61, 61}, {"60/60", 1, 60}, {"60/60", 61, 120}, {"60/60", 120, 120},
		{"1/1", 7, 7}, {"60/1", 59, 60}, {"60/1", 60, 60}, {"60/1", 61, 61},
		{"30/6", 30, 30}, {"30/6", 31, 36}, {"6/6", 7, 12}, {"15", 15, 15}, {"0/10", 1, 10},
		{"1", 0, 0}, {"60/60", -5, 0},
		{"1", MaxDuration + 99, MaxDuration},
	}
	for _, c := range cases {
		if got := block(t, c.block).Billable(c.d); got != c.want {
			t.Errorf("block %q, %d s: S=%d, want %d", c.block, c.d, got, c.want)
		}
	}
	for _, bad := range []string{"0", "x", "30/0", "/6", "30/", "-1", "1.5", "90000"} {
		if _, err := ParseDurationBlock(bad); err == nil {
			t.Errorf("ParseDurationBlock(%q) accepted a bad block", bad)
		}
	}
}

func TestNormalizeRule(t *testing.T) {
	cases := []struct {
		raw, want string
		account   bool
	}{
		{"01134960000", "441134960000", false},
		{"+441134960000", "441134960000", false},
		{"00441134960000", "441134960000", false},
		{"441134960000", "441134960000", false},
		{"0113 496-0000", "441134960000", false},
		{"(0113) 496.0000", "441134960000", false},
		{"+44 (0)113", "440113", false},
		{"0033612345678", "33612345678", false},
		{"", "", false},
		{"0", "0", false},
		{"UK Geographic", "UKGEOGRAPHIC", true},
		{"trunk-a1", "TRUNKA1", true},
		{"sip:100@pbx", "SIP:100@PBX", true},
		{"+", "+", true},
		{"1001x", "1001X", true},
		{"größe", "GRÖßE", true},
	}
	for _, c := range cases {
		got, acc := Normalize(c.raw, "44")
		if got != c.want || acc != c.account {
			t.Errorf("Normalize(%q) = %q,%v; want %q,%v", c.raw, got, acc, c.want, c.account)
		}
		b, acc2 := AppendNormalized([]byte("x"), c.raw, "44")
		if string(b[1:]) != c.want || acc2 != c.account {
			t.Errorf("AppendNormalized(%q) = %q,%v; want %q,%v", c.raw, b[1:], acc2, c.want, c.account)
		}
	}
	if got, _ := Normalize("0113", "1"); got != "1113" {
		t.Errorf("country code 1: %q", got)
	}
	if got, _ := Normalize("0113", ""); got != "113" {
		t.Errorf("empty country code: %q", got)
	}
}

func TestLongestPrefixWins(t *testing.T) {
	rows := []Rate{
		{Destination: "+44", Rates: [3]Amount{1, 1, 1}},
		{Destination: "+447", Rates: [3]Amount{2, 2, 2}},
		{Destination: "447700", Rates: [3]Amount{3, 3, 3}},
		{Destination: "UKN", Rates: [3]Amount{4, 4, 4}},
		{Destination: "uk mobile", Rates: [3]Amount{5, 5, 5}},
	}
	tab, err := NewTable(rows, "44")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ code, number, want string }{
		{"", "441134960000", "44"},
		{"", "447911123456", "447"},
		{"", "447700900123", "447700"},
		{"", "44770", "447"},
		{"", "33123", ""},
		{"", "4", ""},
		{"UKN", "447700900123", "UKN"},      // charge code first
		{"ukn", "33123", "UKN"},             // case-insensitive
		{"UK-MOBILE", "33123", "uk mobile"}, // same clean-up as numbers
		{"NOPE", "447911123456", "447"},     // unknown code → prefix
		{"", "UKN", "UKN"},                  // account-code number matches exactly
		{"", "UKNX", ""},                    // never by prefix
		{"12345678901234567890123456789012345678901234567890123456789012345678901234567890", "447", "447"},
	}
	for _, c := range cases {
		r := tab.Match(c.code, c.number)
		got := ""
		if r != nil {
			got = r.RateDestination()
		}
		if got != c.want {
			t.Errorf("Match(%q, %q) = %q, want %q", c.code, c.number, got, c.want)
		}
	}
}

func TestDuplicateDestinationRejected(t *testing.T) {
	_, err := NewTable([]Rate{{Destination: "+44113"}, {Destination: "0113"}}, "44")
	if _, ok := err.(*DuplicateError); !ok {
		t.Fatalf("want *DuplicateError, got %v", err)
	}
	_, err = NewTable([]Rate{{Destination: "UKN"}, {Destination: "ukn"}}, "44")
	if err == nil {
		t.Fatal("duplicate charge code accepted")
	}
}

func TestRoundingModes(t *testing.T) {
	// 61 s at 1.5p/min = 1.525p; 0.0001 more or less shows the direction.
	cases := []struct {
		mode Rounding
		rate string
		secs int64
		want string
	}{
		{HalfUp, "1.5", 61, "0.0153"},   // exact half: away from zero
		{HalfEven, "1.5", 61, "0.0152"}, // exact half: to even
		{HalfEven, "1.5", 63, "0.0158"}, // 1.575p: to even (8)
		{Up, "1.5", 61, "0.0153"},
		{Down, "1.5", 61, "0.0152"},
		{HalfUp, "0.5", 20, "0.0017"}, // 0.1667p = £0.001667
		{HalfEven, "0.5", 20, "0.0017"},
		{Up, "0.5", 20, "0.0017"},
		{Down, "0.5", 20, "0.0016"},
		{Up, "0.6", 60, "0.0060"}, // exact: no rounding
		{Down, "0.6", 60, "0.0060"},
		{HalfUp, "0.000001", 1, "0.0000"}, // tiny positive rounds to zero
		{Up, "0.000001", 1, "0.0001"},     // except upwards
	}
	for _, c := range cases {
		r := newRater(t, []Rate{{Destination: "44", Rates: [3]Amount{amt(t, c.rate), amt(t, c.rate), amt(t, c.rate)}, Block: PerSecond}}, Options{Rounding: c.mode})
		res := r.Rate(Call{Number: "44", Start: london(t).Date(2026, 6, 1, 10, 0, 0), Duration: c.secs})
		if got := FormatFixed(res.Price, 4); got != c.want {
			t.Errorf("%v %sp/min × %d s = %s, want %s", c.mode, c.rate, c.secs, got, c.want)
		}
	}
}

func TestDecimalsSetting(t *testing.T) {
	row := []Rate{leeds(t)}
	for _, c := range []struct {
		decimals int
		want     string
	}{{1, "0.0"}, {2, "0.02"}, {4, "0.0153"}, {5, "0.01525"}, {8, "0.01525000"}} {
		r := newRater(t, row, Options{Decimals: c.decimals})
		res := r.Rate(Call{Number: "441134960000", Start: london(t).Date(2026, 6, 1, 10, 0, 0), Duration: 61})
		if got := FormatFixed(res.Price, c.decimals); got != c.want {
			t.Errorf("decimals %d: %s, want %s", c.decimals, got, c.want)
		}
	}
	if _, err := NewRater(&Table{}, nil, london(t), Options{Decimals: 9}); err == nil {
		t.Error("9 decimals accepted")
	}
}

func TestCostAndMargin(t *testing.T) {
	row := leeds(t)
	row.Costs = [3]Amount{amt(t, "0.6"), amt(t, "0.3"), amt(t, "0.2")}
	row.CostKnown = [3]bool{true, true, true}
	r := newRater(t, []Rate{row}, Options{})
	res := r.Rate(Call{Number: "441134960000", Start: london(t).Date(2026, 6, 1, 10, 0, 0), Duration: 61})
	if !res.CostKnown || FormatFixed(res.Cost, 4) != "0.0061" {
		t.Fatalf("cost %v %d", res.CostKnown, res.Cost)
	}
	if m, ok := res.Margin(); !ok || m != 153-61 {
		t.Fatalf("margin %d %v", m, ok)
	}
	row.CostKnown[Peak] = false
	r = newRater(t, []Rate{row}, Options{})
	res = r.Rate(Call{Number: "441134960000", Start: london(t).Date(2026, 6, 1, 10, 0, 0), Duration: 61})
	if res.CostKnown {
		t.Fatal("blank cost rate must leave the cost unknown")
	}
	if _, ok := res.Margin(); ok {
		t.Fatal("margin known without a cost")
	}
}

func TestStatuses(t *testing.T) {
	r := newRater(t, []Rate{leeds(t)}, Options{})
	start := london(t).Date(2026, 6, 6, 10, 0, 0)
	if res := r.Rate(Call{Number: "441134960000", Start: start, Duration: 0}); res.Status != ZeroDuration || res.Band != Weekend || res.Price != 0 {
		t.Errorf("zero duration: %+v", res)
	}
	if res := r.Rate(Call{Number: "33123", Start: start, Duration: 10}); res.Status != NoRate || res.Band != Weekend {
		t.Errorf("no rate: %+v", res)
	}
}

func TestBandBoundaries(t *testing.T) {
	r := newRater(t, []Rate{leeds(t)}, Options{})
	lon := london(t)
	cases := []struct {
		name string
		at   time.Time
		want Band
	}{
		{"Mon 07:59:59 is offpeak", lon.Date(2026, 6, 1, 7, 59, 59), Offpeak},
		{"Mon 08:00:00 is peak", lon.Date(2026, 6, 1, 8, 0, 0), Peak},
		{"Mon 17:59:59 is peak", lon.Date(2026, 6, 1, 17, 59, 59), Peak},
		{"Mon 18:00:00 is offpeak", lon.Date(2026, 6, 1, 18, 0, 0), Offpeak},
		{"Mon 23:59:59 is offpeak", lon.Date(2026, 6, 1, 23, 59, 59), Offpeak},
		{"Tue 00:00:00 is offpeak", lon.Date(2026, 6, 2, 0, 0, 0), Offpeak},
		{"Fri 23:59:59 is offpeak", lon.Date(2026, 6, 5, 23, 59, 59), Offpeak},
		{"Sat 00:00:00 is weekend", lon.Date(2026, 6, 6, 0, 0, 0), Weekend},
		{"Sun 23:59:59 is weekend", lon.Date(2026, 6, 7, 23, 59, 59), Weekend},
		{"Mon 00:00:00 is offpeak", lon.Date(2026, 6, 8, 0, 0, 0), Offpeak},
		{"winter Mon 08:00 GMT is peak", lon.Date(2026, 1, 5, 8, 0, 0), Peak},
		{"1969 dates work", lon.Date(1969, 12, 31, 12, 0, 0), Peak},
		{"2300 falls back to the time package", lon.Date(2300, 6, 6, 12, 0, 0), Peak}, // a Wednesday,
	}
	for _, c := range cases {
		if got := r.BandAt(c.at); got != c.want {
			t.Errorf("%s: got %v", c.name, got)
		}
	}
}

func TestUncoveredTimeIsPeak(t *testing.T) {
	p, err := NewPeakTimes([]PeakBlock{{Band: Offpeak, Days: Days(time.Monday), Start: 0, End: 60}})
	if err != nil {
		t.Fatal(err)
	}
	if p.BandAt(time.Monday, 59) != Offpeak || p.BandAt(time.Monday, 60) != Peak || p.BandAt(time.Sunday, 0) != Peak {
		t.Fatal("uncovered minutes must be peak")
	}
	if AllPeak().BandAt(time.Saturday, 700) != Peak {
		t.Fatal("no schedule = all peak")
	}
}

func TestOverlappingBlocksRejected(t *testing.T) {
	_, err := NewPeakTimes([]PeakBlock{
		{Band: Peak, Days: Days(time.Monday, time.Tuesday), Start: 8 * 60, End: 18 * 60, Line: 2},
		{Band: Offpeak, Days: Days(time.Tuesday), Start: 17 * 60, End: 24 * 60, Line: 3},
	})
	if err == nil {
		t.Fatal("overlap accepted")
	}
	want := "peak times rejected: line 3 (offpeak Tue 17:00-24:00) overlaps line 2 (peak Mon,Tue 08:00-18:00) on Tue"
	if err.Error() != want {
		t.Fatalf("got  %q\nwant %q", err, want)
	}
	// Touching blocks (end exclusive) are fine.
	if _, err := NewPeakTimes([]PeakBlock{
		{Band: Peak, Days: Days(time.Monday), Start: 0, End: 60},
		{Band: Offpeak, Days: Days(time.Monday), Start: 60, End: 1440},
	}); err != nil {
		t.Fatal(err)
	}
}

func TestZoneDateDaylightSaving(t *testing.T) {
	lon := london(t)
	cases := []struct {
		name string
		got  time.Time
		want string
	}{
		{"spring gap 01:30 moves forward by the hour", lon.Date(2026, 3, 29, 1, 30, 0), "2026-03-29T02:30:00+01:00"},
		{"spring gap 01:00 exactly", lon.Date(2026, 3, 29, 1, 0, 0), "2026-03-29T02:00:00+01:00"},
		{"spring 00:59:59 is still GMT", lon.Date(2026, 3, 29, 0, 59, 59), "2026-03-29T00:59:59+00:00"},
		{"spring 02:00 is BST", lon.Date(2026, 3, 29, 2, 0, 0), "2026-03-29T02:00:00+01:00"},
		{"autumn 01:30 is the first occurrence (BST)", lon.Date(2026, 10, 25, 1, 30, 0), "2026-10-25T01:30:00+01:00"},
		{"autumn 01:00 is the first occurrence", lon.Date(2026, 10, 25, 1, 0, 0), "2026-10-25T01:00:00+01:00"},
		{"autumn 02:00 is GMT", lon.Date(2026, 10, 25, 2, 0, 0), "2026-10-25T02:00:00+00:00"},
		{"WallClock spring gap", WallClock(lon.Location(), 2026, 3, 29, 1, 30, 0), "2026-03-29T02:30:00+01:00"},
		{"WallClock autumn overlap", WallClock(lon.Location(), 2026, 10, 25, 1, 30, 0), "2026-10-25T01:30:00+01:00"},
	}
	for _, c := range cases {
		if got := c.got.Format("2006-01-02T15:04:05-07:00"); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
	// New York: negative offset, gap at 02:00 local.
	ny, err := LoadZone("America/New_York")
	if err != nil {
		t.Skip("no tzdata for America/New_York")
	}
	if got := ny.Date(2026, 3, 8, 2, 30, 0).Format(time.RFC3339); got != "2026-03-08T03:30:00-04:00" {
		t.Errorf("New York gap: %s", got)
	}
	if got := ny.Date(2026, 11, 1, 1, 30, 0).Format(time.RFC3339); got != "2026-11-01T01:30:00-04:00" {
		t.Errorf("New York overlap: %s", got)
	}
}

func TestSplitModeAcrossClockChange(t *testing.T) {
	// Sunday 2026-10-25 is all weekend; Friday 2026-10-23 17:59:00 BST for
	// 120 s is 60 s peak + 60 s offpeak.
	r := newRater(t, []Rate{leeds(t)}, Options{BandMode: BandSplit})
	lon := london(t)
	res := r.Rate(Call{Number: "441134960000", Start: lon.Date(2026, 10, 23, 17, 59, 0), Duration: 120})
	if res.Seconds != [3]int64{60, 60, 0} {
		t.Fatalf("seconds by band %v", res.Seconds)
	}
	// A call from Sunday 2026-03-29 23:59:00 (BST) into Monday: 60 s weekend,
	// then offpeak.
	res = r.Rate(Call{Number: "441134960000", Start: lon.Date(2026, 3, 29, 23, 59, 0), Duration: 90})
	if res.Seconds != [3]int64{0, 30, 60} {
		t.Fatalf("Sunday→Monday %v", res.Seconds)
	}
	// A schedule that depends on the wall clock across the spring gap:
	// offpeak Sun 00:00-02:00, so a call at 00:59:30 GMT for 60 s has 30 s
	// offpeak, then at 01:00 GMT clocks jump to 02:00 BST: peak (uncovered).
	p, err := NewPeakTimes([]PeakBlock{{Band: Offpeak, Days: Days(time.Sunday), Start: 0, End: 120}})
	if err != nil {
		t.Fatal(err)
	}
	tab, _ := NewTable([]Rate{leeds(t)}, "44")
	r2, _ := NewRater(tab, p, lon, Options{BandMode: BandSplit})
	res = r2.Rate(Call{Number: "441134960000", Start: lon.Date(2026, 3, 29, 0, 59, 30), Duration: 60})
	if res.Seconds != [3]int64{30, 30, 0} {
		t.Fatalf("spring gap split %v", res.Seconds)
	}
}

func TestBreakdownShowsTheSum(t *testing.T) {
	r := newRater(t, []Rate{leeds(t)}, Options{})
	res := r.Rate(Call{Number: "441134960000", Start: london(t).Date(2026, 6, 1, 10, 0, 0), Duration: 61})
	if got, want := res.Breakdown("£", "p"), "61 s × 1.5p/min = 1.525p; connection 0p; min 0p → £0.0153"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	r = newRater(t, []Rate{leeds(t)}, Options{BandMode: BandSplit})
	res = r.Rate(Call{Number: "441134960000", Start: london(t).Date(2026, 6, 1, 17, 59, 30), Duration: 60})
	if got, want := res.Breakdown("£", "p"), "30 s × 1.5p/min (peak) + 30 s × 0.8p/min (offpeak) = 1.15p; connection 0p; min 0p → £0.0115"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	r = newRater(t, []Rate{{Destination: "44", MinimumCharge: amt(t, "0.5"), Rates: [3]Amount{amt(t, "0.5"), 0, 0}}}, Options{})
	res = r.Rate(Call{Number: "441", Start: london(t).Date(2026, 6, 1, 10, 0, 0), Duration: 20})
	if got, want := res.Breakdown("£", "p"), "20 s × 0.5p/min = ≈0.166667p; connection 0p; min 0.5p → £0.0050"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestHugeValuesDoNotWrap(t *testing.T) {
	r := newRater(t, []Rate{{Destination: "44", ConnectionFee: MaxAmount, MinimumCharge: MaxAmount,
		Rates: [3]Amount{MaxAmount, MaxAmount, MaxAmount}, Block: block(t, "86400/86400")}}, Options{Decimals: 8})
	res := r.Rate(Call{Number: "44", Start: london(t).Date(2026, 6, 1, 10, 0, 0), Duration: 1 << 62})
	if res.Price <= 0 || res.BillableSeconds < MaxDuration {
		t.Fatalf("wrapped: %+v", res)
	}
}

func TestParseAmount(t *testing.T) {
	good := map[string]Amount{"0": 0, "1.5": 1_500_000, ".5": 500_000, "12.000125": 12_000_125, "007": 7_000_000, "1.0000000": 1_000_000, "10000000": MaxAmount}
	for s, want := range good {
		if got, err := ParseAmount(s); err != nil || got != want {
			t.Errorf("ParseAmount(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	bad := map[string]error{"-1": ErrNegative, "abc": ErrNotNumber, "1e3": ErrNotNumber, "0.0000001": ErrTooPrecise,
		"10000000.01": ErrTooLarge, ".": ErrNotNumber, "+1": ErrNotNumber, "1,5": ErrNotNumber, "--1": ErrNotNumber}
	for s, want := range bad {
		if _, err := ParseAmount(s); err != want {
			t.Errorf("ParseAmount(%q) error %v, want %v", s, err, want)
		}
	}
	if a := amt(t, "1.525"); a.String() != "1.525" || a.Decimal().String() != "1.525" {
		t.Errorf("round trip %s %s", a, a.Decimal())
	}
	if a, err := AmountFromDecimal(mustDecimal("0.0000005")); err != ErrTooPrecise {
		t.Errorf("too precise decimal: %v %v", a, err)
	}
}

// Property: a longer call never costs less (any row, any block, any band).
func TestPriceNeverDecreasesWithDuration(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	blocks := []string{"1", "6/6", "30/6", "60/1", "60/60", "15"}
	start := london(t).Date(2026, 6, 1, 17, 55, 0)
	for _, mode := range []BandMode{BandAtStart, BandSplit} {
		for i := 0; i < 200; i++ {
			row := Rate{Destination: "44",
				MinimumCharge: Amount(rng.Int63n(5_000_000)), ConnectionFee: Amount(rng.Int63n(5_000_000)),
				Rates: [3]Amount{Amount(rng.Int63n(50_000_000)), Amount(rng.Int63n(50_000_000)), Amount(rng.Int63n(50_000_000))},
				Block: block(t, blocks[rng.Intn(len(blocks))])}
			r := newRater(t, []Rate{row}, Options{BandMode: mode, Rounding: Rounding(rng.Intn(4))})
			prev := int64(-1)
			for d := int64(1); d <= 900; d += 1 + rng.Int63n(7) {
				p := r.Rate(Call{Number: "44", Start: start, Duration: d}).Price
				// In split mode a cheaper band may follow, but the total still
				// cannot drop: each extra second adds a non-negative amount.
				if p < prev {
					t.Fatalf("%v row %+v: price fell from %d to %d at %d s", mode, row, prev, p, d)
				}
				prev = p
			}
		}
	}
}

// Property: split mode equals start mode when the call stays in one band.
func TestSplitEqualsStartWithinOneBand(t *testing.T) {
	lon := london(t)
	f := func(rate uint32, conn uint16, secs uint16, minute uint16) bool {
		row := Rate{Destination: "44", ConnectionFee: Amount(conn) * 1000,
			Rates: [3]Amount{Amount(rate), Amount(rate) / 2, Amount(rate) / 3}, Block: PerSecond}
		tab, _ := NewTable([]Rate{row}, "44")
		rs, _ := NewRater(tab, samplePeak(t), lon, Options{BandMode: BandAtStart})
		rx, _ := NewRater(tab, samplePeak(t), lon, Options{BandMode: BandSplit})
		// Start between 08:00 and 16:59 on a Wednesday, at most 1 hour long:
		// always inside the peak block.
		start := lon.Date(2026, 6, 3, 8, int(minute%540), 0)
		d := int64(secs%3600) + 1
		a := rs.Rate(Call{Number: "44", Start: start, Duration: d})
		b := rx.Rate(Call{Number: "44", Start: start, Duration: d})
		return a.Price == b.Price && a.Seconds == b.Seconds
	}
	if err := quick.Check(f, &quick.Config{MaxCount: 2000, Rand: rand.New(rand.NewSource(2))}); err != nil {
		t.Fatal(err)
	}
}

func TestRaterIsSafeForConcurrentUse(t *testing.T) {
	r := newRater(t, []Rate{leeds(t)}, Options{BandMode: BandSplit})
	start := london(t).Date(2026, 6, 1, 17, 59, 30)
	done := make(chan int64)
	for g := 0; g < 8; g++ {
		go func() {
			var sum int64
			for i := 0; i < 1000; i++ {
				sum += r.Rate(Call{Number: "441134960000", Start: start, Duration: 60}).Price
			}
			done <- sum
		}()
	}
	for g := 0; g < 8; g++ {
		if s := <-done; s != 115*1000 {
			t.Fatalf("sum %d", s)
		}
	}
}

func TestCeilSecondsRoundsFractionsUp(t *testing.T) {
	cases := map[time.Duration]int64{0: 0, -time.Second: 0, time.Millisecond: 1, 61 * time.Second: 61, 60*time.Second + 200*time.Millisecond: 61, 1 << 62: MaxDuration}
	for d, want := range cases {
		if got := CeilSeconds(d); got != want {
			t.Errorf("CeilSeconds(%v) = %d, want %d", d, got, want)
		}
	}
}

// Property: the allocation-free fast paths of Normalize agree with the
// general AppendNormalized on any input.
func TestNormalizeFastPathsAgree(t *testing.T) {
	f := func(raw string, pick uint8) bool {
		alphabet := []string{"0", "00", "+", "44", "1", " ", "-", "a", "(", ")", "7"}
		if pick%2 == 0 { // mostly number-like strings
			raw = ""
			for i := 0; i < int(pick)%9+1; i++ {
				raw += alphabet[(int(pick)*7+i*3)%len(alphabet)]
			}
		}
		v, acc := Normalize(raw, "44")
		b, acc2 := AppendNormalized(nil, raw, "44")
		return v == string(b) && acc == acc2
	}
	if err := quick.Check(f, &quick.Config{MaxCount: 5000, Rand: rand.New(rand.NewSource(3))}); err != nil {
		t.Fatal(err)
	}
}
