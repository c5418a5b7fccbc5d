package ratesheet

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/rating"
)

var peakColumns = []string{"band", "days", "start", "end"}

// ReadPeakTimes parses a peak-times CSV (docs/rating.md, The peak-times CSV):
// band,days,start,end with an optional header row. Every bad line, and every
// pair of overlapping blocks, is listed in a *ValidationError. A file with no
// blocks is the all-peak schedule.
func ReadPeakTimes(r io.Reader) (*rating.PeakTimes, error) {
	cr, err := newCSVReader(r, "peak times")
	if err != nil {
		return nil, err
	}
	verr := &ValidationError{File: "peak times"}
	add := func(p Problem) { verr.Problems = append(verr.Problems, p) }
	var blocks []rating.PeakBlock
	order := []int{0, 1, 2, 3}
	first := true
	for len(verr.Problems) < maxProblems {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				add(Problem{Line: pe.Line, Reason: "is not valid CSV: " + pe.Err.Error()})
				continue
			}
			return nil, fmt.Errorf("reading the peak times: %w", err)
		}
		line, _ := cr.FieldPos(0)
		if first {
			first = false
			if len(rec) > 0 && columnKey(rec[0]) == "band" || len(rec) > 1 && columnKey(rec[1]) == "days" {
				order = peakHeader(rec, line, add)
				continue
			}
		}
		if len(rec) != len(peakColumns) {
			add(Problem{Line: line, Reason: fmt.Sprintf("has %d fields; a peak-times line has 4: band,days,start,end", len(rec))})
			continue
		}
		if order == nil {
			continue // header was rejected; its problems are listed
		}
		f := make([]string, 4)
		for i, c := range order {
			f[c] = strings.TrimSpace(rec[i])
		}
		b := rating.PeakBlock{Line: line}
		ok := true
		bad := func(col int, reason string) {
			add(Problem{Line: line, Column: peakColumns[col], Value: f[col], Reason: reason})
			ok = false
		}
		var err1 error
		if b.Band, err1 = rating.ParseBand(f[0]); err1 != nil {
			bad(0, "is not a band: use peak, offpeak or weekend")
		}
		if b.Days, err1 = ParseDays(f[1]); err1 != nil {
			bad(1, err1.Error())
		}
		if b.Start, err1 = parseClock(f[2]); err1 != nil {
			bad(2, err1.Error())
		} else if b.Start == 24*60 {
			bad(2, "a block cannot start at 24:00")
		}
		if b.End, err1 = parseClock(f[3]); err1 != nil {
			bad(3, err1.Error())
		} else if ok && b.End <= b.Start {
			bad(3, "end must be after start (use 24:00 for the end of the day)")
		}
		if ok {
			blocks = append(blocks, b)
		}
	}
	for _, o := range rating.FindOverlaps(blocks) {
		a, b := blocks[o.First], blocks[o.Second]
		add(Problem{Line: b.Line, Reason: fmt.Sprintf("overlaps line %d (%s %s %s-%s) on %s; blocks must not overlap",
			a.Line, a.Band, rating.FormatDays(a.Days), rating.FormatClock(a.Start), rating.FormatClock(a.End), o.Day.String()[:3])})
	}
	if len(verr.Problems) > 0 {
		return nil, verr
	}
	return rating.NewPeakTimes(blocks)
}

func peakHeader(rec []string, line int, add func(Problem)) []int {
	order := make([]int, len(rec))
	have := make([]bool, len(peakColumns))
	ok := true
	for i, name := range rec {
		order[i] = -1
		for c, want := range peakColumns {
			if columnKey(name) == want {
				order[i] = c
			}
		}
		if order[i] < 0 || have[order[i]] {
			add(Problem{Line: line, Column: fmt.Sprintf("column %d", i+1), Value: name, Reason: "unknown or repeated column; the columns are band, days, start, end"})
			ok = false
			continue
		}
		have[order[i]] = true
	}
	for c, h := range have {
		if !h {
			add(Problem{Line: line, Column: peakColumns[c], Reason: "missing required column"})
			ok = false
		}
	}
	if !ok {
		return nil
	}
	return order
}

var dayNames = map[string]time.Weekday{
	"mon": time.Monday, "monday": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "wednesday": time.Wednesday, "thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday,
	"thursday": time.Thursday, "fri": time.Friday, "friday": time.Friday, "sat": time.Saturday, "saturday": time.Saturday,
	"sun": time.Sunday, "sunday": time.Sunday,
}

// mondayFirst orders the week as the sheet does: Mon..Sun.
func mondayFirst(d time.Weekday) int { return (int(d) + 6) % 7 }

// ParseDays reads a list and/or ranges of days Mon..Sun: "Mon-Fri",
// "Sat,Sun", "Mon,Wed-Fri". Full names are accepted too.
func ParseDays(s string) (rating.Weekdays, error) {
	var w rating.Weekdays
	if strings.TrimSpace(s) == "" {
		return 0, errors.New("no days: write a list and/or ranges of Mon..Sun, like Mon-Fri or Sat,Sun")
	}
	day := func(n string) (time.Weekday, error) {
		d, ok := dayNames[strings.ToLower(strings.TrimSpace(n))]
		if !ok {
			return 0, fmt.Errorf("%q is not a day: use Mon, Tue, Wed, Thu, Fri, Sat or Sun", strings.TrimSpace(n))
		}
		return d, nil
	}
	for _, part := range strings.Split(s, ",") {
		from, to, isRange := strings.Cut(part, "-")
		a, err := day(from)
		if err != nil {
			return 0, err
		}
		if !isRange {
			w |= rating.Days(a)
			continue
		}
		b, err := day(to)
		if err != nil {
			return 0, err
		}
		if mondayFirst(b) < mondayFirst(a) {
			return 0, fmt.Errorf("day range %s runs backwards: the week runs Mon to Sun", strings.TrimSpace(part))
		}
		for i := mondayFirst(a); i <= mondayFirst(b); i++ {
			w |= rating.Days(time.Weekday((i + 1) % 7))
		}
	}
	return w, nil
}

// parseClock reads HH:MM from 00:00 to 24:00 as minutes after midnight.
func parseClock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	bad := fmt.Errorf("is not a time: write HH:MM from 00:00 to 24:00")
	if !ok || len(m) != 2 || len(h) < 1 || len(h) > 2 {
		return 0, bad
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 || hh > 24 || hh == 24 && mm != 0 || h[0] == '+' || h[0] == '-' {
		return 0, bad
	}
	return hh*60 + mm, nil
}

// WritePeakTimes exports a schedule's blocks with a header.
func WritePeakTimes(w io.Writer, blocks []rating.PeakBlock) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(peakColumns); err != nil {
		return err
	}
	for _, b := range blocks {
		if err := cw.Write([]string{b.Band.String(), rating.FormatDays(b.Days), rating.FormatClock(b.Start), rating.FormatClock(b.End)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
