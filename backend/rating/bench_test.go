package rating

import (
	"math/rand"
	"strconv"
	"testing"
	"time"
)

// benchSheet generates a 10,000-row sheet shaped like a wholesale A-Z sheet:
// country codes, then nested area and mobile ranges of 1 to 6 more digits,
// plus a few hundred charge codes.
func benchSheet(tb testing.TB, n int) []Rate {
	rng := rand.New(rand.NewSource(42))
	countries := []string{"1", "33", "34", "39", "44", "49", "31", "353", "351", "352", "48", "61", "64", "81", "86", "91", "971", "972", "27", "55"}
	blocks := []DurationBlock{PerSecond, {First: 60, Step: 1}, {First: 30, Step: 6}, {First: 60, Step: 60}, {Step: 6}}
	seen := map[string]bool{}
	var rows []Rate
	add := func(dest string) {
		if seen[dest] {
			return
		}
		seen[dest] = true
		p := Amount(rng.Int63n(20_000_000))
		rows = append(rows, Rate{
			Destination:   dest,
			MinimumCharge: Amount(rng.Int63n(2)) * 1_000_000,
			ConnectionFee: Amount(rng.Int63n(3)) * 500_000,
			Rates:         [3]Amount{p, p / 2, p / 3},
			Costs:         [3]Amount{p / 3, p / 5, p / 7},
			CostKnown:     [3]bool{true, true, true},
			Block:         blocks[rng.Intn(len(blocks))],
		})
	}
	for _, c := range countries {
		add("+" + c)
	}
	for i := 0; i < 300; i++ {
		add("CODE" + strconv.Itoa(i))
	}
	for len(rows) < n {
		c := countries[rng.Intn(len(countries))]
		ext := 1 + rng.Intn(6)
		d := c
		for k := 0; k < ext; k++ {
			d += strconv.Itoa(rng.Intn(10))
		}
		add(d)
	}
	return rows
}

// benchCalls is a realistic mix: most numbers fall in a sheet prefix (full
// 11-13 digit numbers), some have a charge code, some match nothing.
func benchCalls(tb testing.TB, rows []Rate, n int) []Call {
	rng := rand.New(rand.NewSource(7))
	lon := london(tb)
	calls := make([]Call, n)
	for i := range calls {
		var c Call
		switch k := rng.Intn(100); {
		case k < 85:
			r := rows[rng.Intn(len(rows))]
			num, acc := Normalize(r.Destination, "44")
			if acc {
				num = "44"
			}
			for len(num) < 11+rng.Intn(3) {
				num += strconv.Itoa(rng.Intn(10))
			}
			c.Number = num
		case k < 95:
			c.Number = "44" + strconv.Itoa(1_000_000_000+rng.Intn(999_999_999))
			c.ChargeCode = "CODE" + strconv.Itoa(rng.Intn(300))
		default:
			c.Number = "999" + strconv.Itoa(rng.Intn(99_999_999))
		}
		c.Start = lon.Date(2026, time.Month(1+rng.Intn(12)), 1+rng.Intn(28), rng.Intn(24), rng.Intn(60), rng.Intn(60))
		c.Duration = int64(rng.Intn(1800))
		calls[i] = c
	}
	return calls
}

func benchRater(b *testing.B, mode BandMode) (*Rater, []Call) {
	rows := benchSheet(b, 10_000)
	tab, err := NewTable(rows, "44")
	if err != nil {
		b.Fatal(err)
	}
	r, err := NewRater(tab, samplePeak(b), london(b), Options{BandMode: mode})
	if err != nil {
		b.Fatal(err)
	}
	return r, benchCalls(b, rows, 1<<16)
}

// BenchmarkRate is a full price computation per call: match, band, billable
// seconds, price and cost.
func BenchmarkRate(b *testing.B) {
	r, calls := benchRater(b, BandAtStart)
	b.ReportAllocs()
	b.ResetTimer()
	var sink int64
	for i := 0; i < b.N; i++ {
		sink += r.Rate(calls[i&(len(calls)-1)]).Price
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
	_ = sink
}

// BenchmarkRateSplit walks band boundaries second by second span.
func BenchmarkRateSplit(b *testing.B) {
	r, calls := benchRater(b, BandSplit)
	b.ReportAllocs()
	b.ResetTimer()
	var sink int64
	for i := 0; i < b.N; i++ {
		sink += r.Rate(calls[i&(len(calls)-1)]).Price
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
	_ = sink
}

// BenchmarkRateParallel shows a shared Rater scaling across cores.
func BenchmarkRateParallel(b *testing.B) {
	r, calls := benchRater(b, BandAtStart)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		var sink int64
		for pb.Next() {
			sink += r.Rate(calls[i&(len(calls)-1)]).Price
			i++
		}
		_ = sink
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}

func BenchmarkNormalize(b *testing.B) {
	raws := []string{"01134960000", "+441134960000", "00441134960000", "441134960000", "0113 496 0000"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, _ = Normalize(raws[i%len(raws)], "44")
	}
}

func TestRateDoesNotAllocate(t *testing.T) {
	rows := benchSheet(t, 2000)
	tab, _ := NewTable(rows, "44")
	for _, mode := range []BandMode{BandAtStart, BandSplit} {
		r, _ := NewRater(tab, samplePeak(t), london(t), Options{BandMode: mode})
		calls := benchCalls(t, rows, 256)
		i := 0
		if n := testing.AllocsPerRun(1000, func() { r.Rate(calls[i%len(calls)]); i++ }); n != 0 {
			t.Errorf("%v: %v allocs per call", mode, n)
		}
	}
}
