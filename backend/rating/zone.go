package rating

import (
	"fmt"
	"math"
	"time"
)

// DefaultTimeZone is the deployment's zone when none is configured.
const DefaultTimeZone = "Europe/London"

// Zone is a time zone with its UTC-offset changes between 1900 and 2200
// precomputed, so that finding a local wall-clock time is a binary search
// over a small slice: no allocation, and no re-parsing of the zone's rule
// string as the time package does for dates past its table.
type Zone struct {
	loc *time.Location
	// offs[i] applies from trans[i-1] (inclusive) to trans[i] (exclusive);
	// offs[0] applies before trans[0], offs[len(trans)] after the last.
	trans []int64
	offs  []int64
	lo    int64 // the table is exact on [lo, hi); outside, time package.
	hi    int64
}

var (
	zoneTableFrom = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	zoneTableTo   = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// LoadZone loads a zone by IANA name ("Europe/London", "UTC").
func LoadZone(name string) (*Zone, error) {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: use an IANA name such as Europe/London or UTC", name)
	}
	return NewZone(loc), nil
}

// NewZone precomputes loc's offset changes.
func NewZone(loc *time.Location) *Zone {
	z := &Zone{loc: loc, lo: zoneTableFrom, hi: zoneTableTo}
	t := time.Unix(z.lo, 0).In(loc)
	_, off := t.Zone()
	z.offs = append(z.offs, int64(off))
	for {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.Unix() >= z.hi || end.Unix() <= t.Unix() {
			break
		}
		t = end.In(loc)
		_, off = t.Zone()
		if int64(off) == z.offs[len(z.offs)-1] {
			continue // only the abbreviation changed
		}
		z.trans = append(z.trans, end.Unix())
		z.offs = append(z.offs, int64(off))
	}
	return z
}

// Location is the zone as a *time.Location.
func (z *Zone) Location() *time.Location { return z.loc }

// String is the zone's name.
func (z *Zone) String() string { return z.loc.String() }

// offset returns the UTC offset in seconds at instant unix and the instant of
// the next offset change (math.MaxInt64 when none is known).
func (z *Zone) offset(unix int64) (off, next int64) {
	if unix < z.lo || unix >= z.hi {
		_, o := time.Unix(unix, 0).In(z.loc).Zone()
		_, end := time.Unix(unix, 0).In(z.loc).ZoneBounds()
		next = math.MaxInt64
		if !end.IsZero() {
			next = end.Unix()
		}
		return int64(o), next
	}
	// First i with trans[i] > unix.
	lo, hi := 0, len(z.trans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if z.trans[m] <= unix {
			lo = m + 1
		} else {
			hi = m
		}
	}
	next = math.MaxInt64
	if lo < len(z.trans) {
		next = z.trans[lo]
	} else if z.hi < next {
		next = z.hi
	}
	return z.offs[lo], next
}

// Offset returns the zone's UTC offset at t, in seconds.
func (z *Zone) Offset(t time.Time) int {
	o, _ := z.offset(t.Unix())
	return int(o)
}

// Date is the instant at which clocks in the zone show the given wall-clock
// time, under docs/rating.md's rules for CDR timestamps: a time that does not
// exist (the spring-forward gap) moves forward by the length of the gap, and
// an ambiguous one (the autumn overlap) is its first occurrence. Out-of-range
// fields normalise as in time.Date. The result carries the zone's location.
//
// time.Date leaves both cases unspecified (and for Europe/London returns the
// second occurrence in autumn), which is why this exists.
func (z *Zone) Date(year int, month time.Month, day, hour, min, sec int) time.Time {
	wall := time.Date(year, month, day, hour, min, sec, 0, time.UTC).Unix()
	return time.Unix(z.resolve(wall), 0).In(z.loc)
}

// resolve maps local wall-clock seconds (as if UTC) to an instant.
func (z *Zone) resolve(wall int64) int64 {
	return resolveWall(wall, func(u int64) int64 { o, _ := z.offset(u); return o })
}

// resolveWall applies the gap and overlap rules given the zone's offset at any
// instant. It assumes at most one offset change within two days of wall,
// which holds for every real zone.
func resolveWall(wall int64, offsetAt func(int64) int64) int64 {
	before := offsetAt(wall - 2*86400)
	after := offsetAt(wall + 2*86400)
	u1, u2 := wall-before, wall-after
	ok1 := offsetAt(u1) == before
	ok2 := offsetAt(u2) == after
	switch {
	case ok1 && ok2:
		return min(u1, u2) // ambiguous: the first occurrence
	case ok1:
		return u1
	case ok2:
		return u2
	default:
		// In the gap: read the time with the offset in force before the
		// change, which lands after the change, shifted by the gap.
		return u1
	}
}

// WallClock builds a time from wall-clock fields in loc with the same rules
// as Zone.Date (gap → forward by the gap, overlap → first occurrence). Use a
// Zone when converting many times.
func WallClock(loc *time.Location, year int, month time.Month, day, hour, min, sec int) time.Time {
	wall := time.Date(year, month, day, hour, min, sec, 0, time.UTC).Unix()
	u := resolveWall(wall, func(u int64) int64 {
		_, o := time.Unix(u, 0).In(loc).Zone()
		return int64(o)
	})
	return time.Unix(u, 0).In(loc)
}

// localSeconds returns the local wall-clock time at instant unix as seconds
// since 1970-01-01 00:00 local, and the instant of the zone's next offset
// change.
func (z *Zone) localSeconds(unix int64) (local, next int64) {
	off, next := z.offset(unix)
	return unix + off, next
}
