package rating

import (
	"fmt"
	"strings"
	"time"
)

// Band is a tariff period. Its value indexes Rate.Rates and Rate.Costs.
type Band uint8

// The three bands of docs/rating.md.
const (
	Peak Band = iota
	Offpeak
	Weekend
	numBands
)

var bandNames = [numBands]string{"peak", "offpeak", "weekend"}

func (b Band) String() string {
	if b < numBands {
		return bandNames[b]
	}
	return fmt.Sprintf("band(%d)", uint8(b))
}

// ParseBand reads "peak", "offpeak" or "weekend" (any case).
func ParseBand(s string) (Band, error) {
	for b, n := range bandNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Band(b), nil
		}
	}
	return 0, fmt.Errorf("%q is not a band: use peak, offpeak or weekend", s)
}

// Weekdays is a set of days; bit i is time.Weekday(i) (Sunday = 0).
type Weekdays uint8

// Has reports whether d is in the set.
func (w Weekdays) Has(d time.Weekday) bool { return w&(1<<d) != 0 }

// Days builds a set from weekdays.
func Days(days ...time.Weekday) Weekdays {
	var w Weekdays
	for _, d := range days {
		w |= 1 << d
	}
	return w
}

const minutesPerDay = 24 * 60
const minutesPerWeek = 7 * minutesPerDay

// PeakBlock is one line of a peak-times schedule: Band applies on Days from
// Start (inclusive) to End (exclusive), in minutes after local midnight;
// End = 1440 is "24:00", the end of the day. Line is the source line, for
// messages (0 when unknown).
type PeakBlock struct {
	Band  Band
	Days  Weekdays
	Start int
	End   int
	Line  int
}

// Overlap is a pair of blocks (indexes into the slice given) that cover the
// same minute on Day.
type Overlap struct {
	First, Second int
	Day           time.Weekday
}

// FindOverlaps lists every pair of blocks that overlap on some day (one entry
// per pair, on the first such day, Sunday first). Blocks may not overlap
// (docs/rating.md, Band).
func FindOverlaps(blocks []PeakBlock) []Overlap {
	var out []Overlap
	for i := range blocks {
		for j := i + 1; j < len(blocks); j++ {
			a, b := blocks[i], blocks[j]
			common := a.Days & b.Days
			if common == 0 || a.Start >= b.End || b.Start >= a.End {
				continue
			}
			for d := time.Sunday; d <= time.Saturday; d++ {
				if common.Has(d) {
					out = append(out, Overlap{First: i, Second: j, Day: d})
					break
				}
			}
		}
	}
	return out
}

// PeakTimes is a compiled schedule: the band of every minute of the week plus,
// for split mode, how many minutes the band lasts from there.
type PeakTimes struct {
	blocks []PeakBlock
	band   [minutesPerWeek]Band
	// run[i] is the number of minutes from minute i until the band changes,
	// wrapping round the week; minutesPerWeek when the whole week is one band.
	run [minutesPerWeek]uint16
}

// AllPeak is the schedule used when no peak-times file is given
// ("No peak-times file = all peak").
func AllPeak() *PeakTimes {
	p, _ := NewPeakTimes(nil)
	return p
}

// NewPeakTimes compiles blocks. Minutes no block covers are peak ("Time
// covered by no block is peak"). Invalid or overlapping blocks are an error.
func NewPeakTimes(blocks []PeakBlock) (*PeakTimes, error) {
	for _, b := range blocks {
		if err := b.validate(); err != nil {
			return nil, err
		}
	}
	if ov := FindOverlaps(blocks); len(ov) > 0 {
		var msgs []string
		for _, o := range ov {
			msgs = append(msgs, fmt.Sprintf("%s overlaps %s on %s",
				blocks[o.Second].describe(), blocks[o.First].describe(), o.Day.String()[:3]))
		}
		return nil, fmt.Errorf("peak times rejected: %s", strings.Join(msgs, "; "))
	}
	p := &PeakTimes{blocks: append([]PeakBlock(nil), blocks...)}
	for _, b := range blocks {
		for d := time.Sunday; d <= time.Saturday; d++ {
			if !b.Days.Has(d) {
				continue
			}
			base := int(d) * minutesPerDay
			for m := b.Start; m < b.End; m++ {
				p.band[base+m] = b.Band
			}
		}
	}
	// Run lengths, computed backwards over two laps so runs wrap the week.
	uniform := true
	for i := 1; i < minutesPerWeek; i++ {
		if p.band[i] != p.band[0] {
			uniform = false
			break
		}
	}
	if uniform {
		for i := range p.run {
			p.run[i] = minutesPerWeek
		}
		return p, nil
	}
	var next uint16
	for k := 2*minutesPerWeek - 1; k >= 0; k-- {
		i := k % minutesPerWeek
		j := (i + 1) % minutesPerWeek
		if p.band[i] == p.band[j] {
			next = p.run[j] + 1
		} else {
			next = 1
		}
		if next > minutesPerWeek {
			next = minutesPerWeek
		}
		p.run[i] = next
	}
	return p, nil
}

func (b PeakBlock) validate() error {
	switch {
	case b.Band >= numBands:
		return fmt.Errorf("%s: unknown band", b.describe())
	case b.Days == 0 || b.Days >= 1<<7:
		return fmt.Errorf("%s: no valid days", b.describe())
	case b.Start < 0 || b.End > minutesPerDay || b.Start >= b.End:
		return fmt.Errorf("%s: start must be before end, within 00:00 to 24:00", b.describe())
	}
	return nil
}

func (b PeakBlock) describe() string {
	s := fmt.Sprintf("%s %s %s-%s", b.Band, FormatDays(b.Days), FormatClock(b.Start), FormatClock(b.End))
	if b.Line > 0 {
		return fmt.Sprintf("line %d (%s)", b.Line, s)
	}
	return s
}

// Blocks returns the schedule's blocks as given (for export).
func (p *PeakTimes) Blocks() []PeakBlock { return append([]PeakBlock(nil), p.blocks...) }

// BandAt returns the band in force at a local wall-clock minute of the week.
func (p *PeakTimes) BandAt(day time.Weekday, minuteOfDay int) Band {
	return p.band[int(day)*minutesPerDay+minuteOfDay]
}

// FormatClock writes minutes after midnight as HH:MM (1440 → "24:00").
func FormatClock(m int) string {
	return fmt.Sprintf("%02d:%02d", m/60, m%60)
}

var dayAbbrev = [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

// FormatDays writes a set of days Monday first, runs of three or more days as
// ranges: "Mon-Fri", "Sat,Sun", "Mon,Wed-Fri".
func FormatDays(w Weekdays) string {
	order := [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}
	var parts []string
	for i := 0; i < 7; {
		if !w.Has(order[i]) {
			i++
			continue
		}
		j := i
		for j+1 < 7 && w.Has(order[j+1]) {
			j++
		}
		switch {
		case j-i >= 2:
			parts = append(parts, dayAbbrev[order[i]]+"-"+dayAbbrev[order[j]])
		default:
			for k := i; k <= j; k++ {
				parts = append(parts, dayAbbrev[order[k]])
			}
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}
