package rating

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MaxBlockSeconds bounds each part of a duration block: a block longer than a
// day is a typo, not a tariff.
const MaxBlockSeconds = 86400

// MaxDuration is the longest call Tollgate prices, in seconds (about 115
// days). Longer durations are clamped to it so that no arithmetic can wrap
// around; CDR readers refuse such lines before they get here.
const MaxDuration = 10_000_000

// DurationBlock is a rate row's charging increment (docs/rating.md, Billable
// seconds): First seconds are charged as a whole, then Step-second steps.
// The plain form "B" is First = 0, Step = B; "A/B" is First = A, Step = B.
type DurationBlock struct {
	First int32
	Step  int32
}

// PerSecond is the default block ("blank = 1").
var PerSecond = DurationBlock{First: 0, Step: 1}

// ParseDurationBlock reads "B" or "A/B" in whole seconds; blank means 1.
func ParseDurationBlock(s string) (DurationBlock, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return PerSecond, nil
	}
	a, b, slash := strings.Cut(s, "/")
	if !slash {
		step, err := blockPart(s, 1)
		if err != nil {
			return DurationBlock{}, err
		}
		return DurationBlock{Step: step}, nil
	}
	first, err := blockPart(strings.TrimSpace(a), 0)
	if err != nil {
		return DurationBlock{}, err
	}
	step, err := blockPart(strings.TrimSpace(b), 1)
	if err != nil {
		return DurationBlock{}, err
	}
	return DurationBlock{First: first, Step: step}, nil
}

func blockPart(s string, min int) (int32, error) {
	if s == "" || !allDigits(s) {
		return 0, fmt.Errorf("is not a duration block: write B or A/B in whole seconds, like 1, 60/60 or 30/6")
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < min || n > MaxBlockSeconds {
		return 0, fmt.Errorf("is not a duration block: each part must be %d to %d seconds", min, MaxBlockSeconds)
	}
	return int32(n), nil
}

// String writes the block back in the sheet's notation.
func (b DurationBlock) String() string {
	if b.First == 0 {
		return strconv.Itoa(int(b.Step))
	}
	return strconv.Itoa(int(b.First)) + "/" + strconv.Itoa(int(b.Step))
}

// Billable returns the billable seconds S for an answered duration d:
// "B": S = ceil(d/B)×B; "A/B": S = A if d ≤ A, else A + ceil((d−A)/B)×B.
// d ≤ 0 gives 0 (a zero-duration call is never charged); d is clamped to
// MaxDuration.
func (b DurationBlock) Billable(d int64) int64 {
	if d <= 0 {
		return 0
	}
	if d > MaxDuration {
		d = MaxDuration
	}
	first, step := int64(b.First), int64(b.Step)
	if step < 1 {
		step = 1
	}
	if d <= first {
		return first
	}
	rest := d - first
	return first + (rest+step-1)/step*step
}

// CeilSeconds turns a measured duration into whole billable seconds, a
// fraction rounding up (docs/rating.md, Billable seconds).
// Negative durations give 0; very long ones are clamped to MaxDuration.
func CeilSeconds(d time.Duration) int64 {
	if d <= 0 {
		return 0
	}
	s := int64(d / time.Second)
	if d%time.Second != 0 {
		s++
	}
	return min(s, MaxDuration)
}
