package rating

import (
	"fmt"
	"math"
	"math/bits"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Status is the outcome of rating one call.
type Status uint8

// Call outcomes (docs/rating.md; the CLI prints their String form).
const (
	Rated        Status = iota // priced
	NoRate                     // no row matched the call
	ZeroDuration               // unanswered, busy, failed: never charged
)

func (s Status) String() string {
	switch s {
	case Rated:
		return "rated"
	case NoRate:
		return "no_rate"
	case ZeroDuration:
		return "zero_duration"
	}
	return fmt.Sprintf("status(%d)", uint8(s))
}

// Rounding is how a price is rounded to call_price_decimals places.
type Rounding uint8

// Rounding modes (docs/rating.md, Money). HalfUp rounds half away from zero.
const (
	HalfUp Rounding = iota
	HalfEven
	Up
	Down
)

var roundingNames = []string{"half-up", "half-even", "up", "down"}

func (r Rounding) String() string {
	if int(r) < len(roundingNames) {
		return roundingNames[r]
	}
	return fmt.Sprintf("rounding(%d)", uint8(r))
}

// ParseRounding reads half-up, half-even, up or down.
func ParseRounding(s string) (Rounding, error) {
	for i, n := range roundingNames {
		if strings.EqualFold(s, n) {
			return Rounding(i), nil
		}
	}
	return 0, fmt.Errorf("%q is not a rounding mode: use half-up, half-even, up or down", s)
}

// BandMode chooses how a call crossing a band boundary is priced.
type BandMode uint8

// Band modes (docs/rating.md, Band: peak, off-peak, weekend).
const (
	BandAtStart BandMode = iota // the band in force at the call's start
	BandSplit                   // each second at the band in force then
)

func (m BandMode) String() string {
	if m == BandSplit {
		return "split"
	}
	return "start"
}

// ParseBandMode reads start or split.
func ParseBandMode(s string) (BandMode, error) {
	switch strings.ToLower(s) {
	case "start":
		return BandAtStart, nil
	case "split":
		return BandSplit, nil
	}
	return 0, fmt.Errorf("%q is not a band mode: use start or split", s)
}

// DefaultDecimals is call_price_decimals when not configured.
const DefaultDecimals = 4

// MaxDecimals is the most places a price may be stored with.
const MaxDecimals = 8

// Options are the tariff and deployment settings that shape a price.
type Options struct {
	BandMode BandMode
	Rounding Rounding
	// Decimals is call_price_decimals, 1 to MaxDecimals; 0 means
	// DefaultDecimals.
	Decimals int
}

// Rater prices calls against one rate table, peak-times schedule and
// deployment zone. It is read-only and safe for concurrent use.
type Rater struct {
	table    *Table
	peak     *PeakTimes
	zone     *Zone
	opts     Options
	divisor  uint64 // 10^-6 minor units × 60 per price unit
	decimals uint8
}

// NewRater combines a table, a schedule (nil = all peak) and the deployment
// zone (nil = Europe/London).
func NewRater(t *Table, p *PeakTimes, z *Zone, o Options) (*Rater, error) {
	if t == nil {
		return nil, fmt.Errorf("no rate table")
	}
	if p == nil {
		p = AllPeak()
	}
	if z == nil {
		var err error
		if z, err = LoadZone(DefaultTimeZone); err != nil {
			return nil, err
		}
	}
	if o.Decimals == 0 {
		o.Decimals = DefaultDecimals
	}
	if o.Decimals < 1 || o.Decimals > MaxDecimals {
		return nil, fmt.Errorf("call price decimals must be 1 to %d, not %d", MaxDecimals, o.Decimals)
	}
	if o.Rounding > Down || o.BandMode > BandSplit {
		return nil, fmt.Errorf("unknown rounding or band mode")
	}
	// A price unit is 10^-d major = 10^(2-d) minor = 10^(8-d) Amount units;
	// the usage numerator carries an extra factor 60 (per-minute rates
	// times seconds).
	div := uint64(60)
	for i := 0; i < AmountDecimals+2-o.Decimals; i++ {
		div *= 10
	}
	return &Rater{table: t, peak: p, zone: z, opts: o, divisor: div, decimals: uint8(o.Decimals)}, nil
}

// Table returns the rater's table.
func (r *Rater) Table() *Table { return r.table }

// Zone returns the deployment zone.
func (r *Rater) Zone() *Zone { return r.zone }

// Decimals is the number of places in Result.Price and Result.Cost.
func (r *Rater) Decimals() int { return int(r.decimals) }

// Call is what the engine needs to know about a call.
type Call struct {
	// ChargeCode is the provider's destination code, if the CDR has one.
	ChargeCode string
	// Number is the number the rate is matched on, normalised with
	// Normalize: the dialled number for outbound, the caller's for inbound.
	Number string
	// Start is the answer (else start) instant.
	Start time.Time
	// Duration is the answered time in whole seconds (fractions already
	// rounded up).
	Duration int64
}

// Result is a priced call. Price and Cost are integer counts of
// 10^-Decimals major units (153 with 4 decimals is £0.0153).
type Result struct {
	Status Status
	// Band is the band in force at the start, in the deployment zone.
	Band Band
	// Rate is the matched row; nil for NoRate and ZeroDuration.
	Rate *Rate
	// Duration is the call's answered seconds as priced (clamped to
	// MaxDuration); BillableSeconds is S after the duration block.
	Duration        int64
	BillableSeconds int64
	// Seconds is S split by band (all in Band unless in split mode).
	Seconds   [3]int64
	Price     int64
	Cost      int64
	CostKnown bool
	Decimals  uint8
	Rounding  Rounding
}

// Margin is price − cost, known only when the cost is.
func (res *Result) Margin() (int64, bool) {
	if res.Status != Rated || !res.CostKnown {
		return 0, false
	}
	return res.Price - res.Cost, true
}

// PriceDecimal returns the price in major units as a decimal.
func (res *Result) PriceDecimal() decimal.Decimal {
	return decimal.New(res.Price, -int32(res.Decimals))
}

// CostDecimal returns the cost in major units as a decimal.
func (res *Result) CostDecimal() decimal.Decimal { return decimal.New(res.Cost, -int32(res.Decimals)) }

// AppendFixed appends units × 10^-decimals with exactly decimals places,
// without allocating ("0.0153"). It is how prices are written to files.
func AppendFixed(dst []byte, units int64, decimals int) []byte {
	return appendScaled(dst, units, decimals, false)
}

// FormatFixed is AppendFixed returning a string.
func FormatFixed(units int64, decimals int) string {
	return string(AppendFixed(nil, units, decimals))
}

// Rate matches and prices one call. It does not allocate.
func (r *Rater) Rate(c Call) Result {
	res := Result{Decimals: r.decimals, Rounding: r.opts.Rounding}
	unix := c.Start.Unix()
	res.Band, _ = r.bandSpan(unix)
	d := c.Duration
	if d > MaxDuration {
		d = MaxDuration
	}
	if d <= 0 {
		res.Status = ZeroDuration
		return res
	}
	res.Duration = d
	row := r.table.Match(c.ChargeCode, c.Number)
	if row == nil {
		res.Status = NoRate
		return res
	}
	r.price(&res, row, unix)
	return res
}

// PriceWith prices a call against a given row, skipping the match (for a
// quote against a chosen row, or a caller that matched already).
func (r *Rater) PriceWith(row *Rate, start time.Time, duration int64) Result {
	res := Result{Decimals: r.decimals, Rounding: r.opts.Rounding}
	unix := start.Unix()
	res.Band, _ = r.bandSpan(unix)
	if duration > MaxDuration {
		duration = MaxDuration
	}
	if duration <= 0 {
		res.Status = ZeroDuration
		return res
	}
	res.Duration = duration
	r.price(&res, row, unix)
	return res
}

// BandAt returns the band in force at t in the deployment zone.
func (r *Rater) BandAt(t time.Time) Band {
	b, _ := r.bandSpan(t.Unix())
	return b
}

// bandSpan returns the band at instant unix and how many seconds it stays in
// force (until the schedule changes band or the zone changes offset,
// whichever is first).
func (r *Rater) bandSpan(unix int64) (Band, int64) {
	local, next := r.zone.localSeconds(unix)
	day := local / 86400
	sod := local - day*86400
	if sod < 0 {
		sod += 86400
		day--
	}
	// 1970-01-01 was a Thursday (time.Weekday 4).
	wd := (day + 4) % 7
	if wd < 0 {
		wd += 7
	}
	idx := wd*minutesPerDay + sod/60
	span := int64(r.peak.run[idx])*60 - sod%60
	if untilShift := next - unix; untilShift < span {
		span = untilShift
	}
	if span < 1 {
		span = 1
	}
	return r.peak.band[idx], span
}

// price fills the priced fields of res for row (docs/rating.md, Price):
//
//	usage       = rate_band × S / 60
//	price_minor = max(connection_fee + usage, minimum_charge)
//	price       = round(price_minor / 100, decimals, mode)
//	cost        = round(cost_rate_band × S / 60 / 100, decimals, mode)
//
// Everything is kept as one exact numerator over 60 × 10^6 (Amount units
// times seconds) in 128 bits, and divided once with explicit rounding.
func (r *Rater) price(res *Result, row *Rate, startUnix int64) {
	s := row.Block.Billable(res.Duration)
	res.Status = Rated
	res.Rate = row
	res.BillableSeconds = s
	if r.opts.BandMode == BandAtStart {
		res.Seconds[res.Band] = s
	} else {
		u, left := startUnix, s
		for left > 0 {
			b, n := r.bandSpan(u)
			if n > left {
				n = left
			}
			res.Seconds[b] += n
			left -= n
			u += n
		}
	}
	var uhi, ulo, chi, clo uint64
	costKnown := true
	for b := Band(0); b < numBands; b++ {
		secs := uint64(res.Seconds[b])
		if secs == 0 {
			continue
		}
		uhi, ulo = mulAdd(uhi, ulo, uint64(row.Rates[b]), secs)
		if row.CostKnown[b] {
			chi, clo = mulAdd(chi, clo, uint64(row.Costs[b]), secs)
		} else {
			costKnown = false
		}
	}
	// Connection fee and minimum charge on the same ×60 scale.
	uhi, ulo = mulAdd(uhi, ulo, uint64(row.ConnectionFee), 60)
	mhi, mlo := bits.Mul64(uint64(row.MinimumCharge), 60)
	if mhi > uhi || mhi == uhi && mlo > ulo {
		uhi, ulo = mhi, mlo
	}
	res.Price = r.round(uhi, ulo)
	if costKnown {
		res.CostKnown = true
		res.Cost = r.round(chi, clo)
	}
}

func mulAdd(hi, lo, a, b uint64) (uint64, uint64) {
	ph, pl := bits.Mul64(a, b)
	lo, carry := bits.Add64(lo, pl, 0)
	hi, _ = bits.Add64(hi, ph, carry)
	return hi, lo
}

// round divides the 128-bit numerator by the price unit and rounds by the
// mode using the remainder. Amounts are never negative, so "away from zero"
// is "up". A quotient beyond int64 (impossible within MaxAmount and
// MaxDuration) saturates rather than wrapping.
func (r *Rater) round(hi, lo uint64) int64 {
	d := r.divisor
	qhi := hi / d
	q, rem := bits.Div64(hi%d, lo, d)
	if qhi != 0 || q > math.MaxInt64-1 {
		return math.MaxInt64
	}
	switch r.opts.Rounding {
	case HalfUp:
		if rem >= d-rem {
			q++
		}
	case HalfEven:
		if rem > d-rem || rem == d-rem && q&1 == 1 {
			q++
		}
	case Up:
		if rem != 0 {
			q++
		}
	}
	return int64(q)
}
