package graph

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/graph/model"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent/peaktimeblock"
)

var weekdayOf = map[model.Weekday]time.Weekday{
	model.WeekdayMon: time.Monday, model.WeekdayTue: time.Tuesday, model.WeekdayWed: time.Wednesday,
	model.WeekdayThu: time.Thursday, model.WeekdayFri: time.Friday, model.WeekdaySat: time.Saturday, model.WeekdaySun: time.Sunday,
}

// weekdays lists a day set Monday first, as people read a week.
func weekdays(w rating.Weekdays) []model.Weekday {
	out := []model.Weekday{}
	for _, d := range model.AllWeekday {
		if w.Has(weekdayOf[d]) {
			out = append(out, d)
		}
	}
	return out
}

// parseClock reads HH:MM; 24:00 is the end of the day.
func parseClock(field, s string) (int, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || mm < 0 || mm > 59 || hh > 24 || (hh == 24 && mm != 0) {
		return 0, apperr.Field(apperr.Invalid, field, "%q is not a time of day as HH:MM (00:00 to 24:00)", s)
	}
	return hh*60 + mm, nil
}

func engineBlocks(in []*model.PeakTimeBlockInput) ([]rating.PeakBlock, error) {
	out := make([]rating.PeakBlock, len(in))
	for i, b := range in {
		var days []time.Weekday
		for _, d := range b.Days {
			days = append(days, weekdayOf[d])
		}
		start, err := parseClock(fmt.Sprintf("blocks.%d.start", i), b.Start)
		if err != nil {
			return nil, err
		}
		end, err := parseClock(fmt.Sprintf("blocks.%d.end", i), b.End)
		if err != nil {
			return nil, err
		}
		out[i] = rating.PeakBlock{Band: tariffs.BandOf(b.Band), Days: rating.Days(days...), Start: start, End: end, Line: i + 1}
	}
	return out, nil
}

func quoteModel(q *tariffs.Quote) *model.CallQuote {
	res := q.Result
	m := &model.CallQuote{
		Number:          q.Number,
		BillableSeconds: int(res.BillableSeconds),
		Band:            tariffs.BandCode[peaktimeblock.Band](res.Band),
		PeakSeconds:     int(res.Seconds[rating.Peak]),
		OffpeakSeconds:  int(res.Seconds[rating.Offpeak]),
		WeekendSeconds:  int(res.Seconds[rating.Weekend]),
		Breakdown:       q.Breakdown,
		RateSheet:       q.RateSheet,
		Tariff:          q.Tariff,
	}
	switch res.Status {
	case rating.Rated:
		m.Status = model.QuoteStatusRated
		dest, desc := res.Rate.RateDestination(), res.Rate.Label()
		m.RateDestination, m.Description = &dest, &desc
		price := res.PriceDecimal()
		m.Price = &price
		if res.CostKnown {
			cost := res.CostDecimal()
			margin := price.Sub(cost)
			m.Cost, m.Margin = &cost, &margin
		}
	case rating.ZeroDuration:
		m.Status = model.QuoteStatusZeroDuration
	default:
		m.Status = model.QuoteStatusNoRate
	}
	return m
}

func bandGrid(g [][]rating.Band) [][]peaktimeblock.Band {
	out := make([][]peaktimeblock.Band, len(g))
	for i, row := range g {
		out[i] = make([]peaktimeblock.Band, len(row))
		for j, b := range row {
			out[i][j] = tariffs.BandCode[peaktimeblock.Band](b)
		}
	}
	return out
}
