package dashboard

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"entgo.io/ent/dialect"
	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
)

// The two cards over calls read processed uploads only, and a processed
// upload's priced calls never change: processing is final. So each
// upload's calls are summed once — by UTC hour, and by rate destination —
// and the sums are kept in Cache; a dashboard reads only the uploads
// processed since it last looked. The calls table gets no index for this
// (every index costs the bulk load): an upload's calls are reached through
// its (upload_id, line) index.

// Cache keeps the sums of processed uploads' calls, per process. It is
// safe for concurrent use; nil caches nothing.
type Cache struct {
	mu    sync.Mutex
	hours map[uploadKey][]hourSum
	dests map[uploadKey][]destSum
}

// maxCached bounds the uploads a cache keeps sums of.
const maxCached = 20_000

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{hours: map[uploadKey][]hourSum{}, dests: map[uploadKey][]destSum{}}
}

// uploadKey names one processing of an upload: a processed upload reset
// and processed again (by an operator, in the database) is summed afresh.
type uploadKey struct {
	id        int
	processed time.Time
}

type hourSum struct {
	hour         int64 // hours since 1970-01-01 00:00 UTC
	places       int32
	calls, units int64
}

type destSum struct {
	dest         string
	sheet        int
	places       int32
	calls, units int64
}

// processedIn lists the processed uploads whose calls reach [from, to).
func (s *Service) processedIn(ctx context.Context, from, to time.Time) ([]uploadKey, error) {
	ups, err := s.Client.CdrUpload.Query().
		Where(cdrupload.StatusEQ(cdrupload.StatusProcessed), cdrupload.CallsToGTE(from), cdrupload.CallsFromLT(to)).
		Select(cdrupload.FieldID, cdrupload.FieldProcessedAt).All(ctx)
	if err != nil {
		return nil, err
	}
	keys := make([]uploadKey, len(ups))
	for i, u := range ups {
		keys[i] = uploadKey{id: u.ID}
		if u.ProcessedAt != nil {
			keys[i].processed = u.ProcessedAt.UTC()
		}
	}
	return keys, nil
}

// sums returns each upload's sums, reading the uploads the cache lacks
// with one grouped query: SELECT upload_id, <cols>, COUNT(*), SUM(price_units) ... GROUP BY.
func sums[T any](ctx context.Context, s *Service, keys []uploadKey, cached func(*Cache) map[uploadKey][]T,
	cols string, scan func(scanner) (int, T, error)) (map[uploadKey][]T, error) {
	out := map[uploadKey][]T{}
	var missing []uploadKey
	if s.Cache != nil {
		s.Cache.mu.Lock()
		for _, k := range keys {
			if v, ok := cached(s.Cache)[k]; ok {
				out[k] = v
			} else {
				missing = append(missing, k)
			}
		}
		s.Cache.mu.Unlock()
	} else {
		missing = keys
	}
	if len(missing) == 0 {
		return out, nil
	}
	byID := map[int]uploadKey{}
	marks := make([]string, len(missing))
	args := []any{call.StatusPriced.String()}
	for i, k := range missing {
		byID[k.id] = k
		marks[i] = "?"
		args = append(args, k.id)
		out[k] = nil // an upload without priced calls is summed too
	}
	rows, err := s.SQL.QueryContext(ctx, fmt.Sprintf(`SELECT %s, %s, COUNT(*), COALESCE(SUM(%s), 0) FROM %s WHERE %s = ? AND %s IN (%s) GROUP BY %s, %s`,
		call.FieldUploadID, cols, call.FieldPriceUnits, call.Table, call.FieldStatus, call.FieldUploadID,
		strings.Join(marks, ", "), call.FieldUploadID, cols), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		id, v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		k := byID[id]
		out[k] = append(out[k], v)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if s.Cache != nil {
		s.Cache.mu.Lock()
		m := cached(s.Cache)
		if len(m) > maxCached {
			clear(m) // uploads long gone: start again rather than grow
		}
		for _, k := range missing {
			m[k] = out[k]
		}
		s.Cache.mu.Unlock()
	}
	return out, nil
}

type scanner interface{ Scan(dest ...any) error }

// hourOf is the SQL of a call's start as whole hours since 1970 (UTC, as
// calls are stored), without the session's time zone.
func (s *Service) hourOf() string {
	if s.Dialect == dialect.SQLite {
		// Times are text, 2026-06-13 22:30:00 +0000 UTC (Go's String()):
		// its first 19 characters are what SQLite's date functions read.
		return "CAST(strftime('%s', substr(" + call.FieldStart + ", 1, 19)) AS INTEGER) / 3600"
	}
	// TO_SECONDS counts from year 0; 62167219200 is 1970-01-01's.
	return "(TO_SECONDS(" + call.FieldStart + ") - 62167219200) DIV 3600"
}

// CallsPerDay counts and values the priced calls of processed uploads on
// each of the last days days, today included, oldest first; a day without
// calls is there with zeros. Hours are folded into the deployment's days
// here, which keeps the days right across a clock change.
func (s *Service) CallsPerDay(ctx context.Context, days int) ([]*DayCalls, error) {
	if err := within("days", days, 1, MaxDays); err != nil {
		return nil, err
	}
	if err := canRead(ctx); err != nil {
		return nil, err
	}
	from, to := s.window(days)
	keys, err := s.processedIn(ctx, from, to)
	if err != nil {
		return nil, err
	}
	hours, err := sums(ctx, s, keys, func(c *Cache) map[uploadKey][]hourSum { return c.hours },
		s.hourOf()+", "+call.FieldPriceDecimals, func(r scanner) (int, hourSum, error) {
			var id int
			var h hourSum
			err := r.Scan(&id, &h.hour, &h.places, &h.calls, &h.units)
			return id, h, err
		})
	if err != nil {
		return nil, err
	}
	first := s.today().AddDate(0, 0, 1-days)
	out := make([]*DayCalls, days)
	for i := range out {
		out[i] = &DayCalls{Day: first.AddDate(0, 0, i)}
	}
	for _, hs := range hours {
		for _, h := range hs {
			at := time.Unix(h.hour*3600, 0)
			if at.Before(from) || !at.Before(to) {
				continue
			}
			y, m, d := at.In(s.Zone).Date()
			i := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(first).Hours() / 24)
			if i < 0 || i >= days {
				continue
			}
			out[i].Calls += h.calls
			out[i].Value = out[i].Value.Add(decimal.New(h.units, -h.places))
		}
	}
	return out, nil
}

// Destination is the priced calls to one rate destination.
type Destination struct {
	Destination string // the prefix or charge code the calls were rated at
	Description string // the rate sheet's name for it; empty when the sheet has none
	Calls       int64
	Value       decimal.Decimal
}

// TopDestinations is the top destinations card: the same calls'
// destinations ranked by value and by number of calls.
type TopDestinations struct {
	ByValue []Destination
	ByCount []Destination
}

// TopDestinationsOf ranks the rate destinations of the priced calls in the
// processed uploads whose calls reach into the last days days — whole
// uploads, as they were processed — by value and by calls, and returns the
// first of each.
func (s *Service) TopDestinationsOf(ctx context.Context, days, first int) (TopDestinations, error) {
	if err := within("days", days, 1, MaxDays); err != nil {
		return TopDestinations{}, err
	}
	if err := within("first", first, 1, MaxList); err != nil {
		return TopDestinations{}, err
	}
	if err := canRead(ctx); err != nil {
		return TopDestinations{}, err
	}
	from, to := s.window(days)
	keys, err := s.processedIn(ctx, from, to)
	if err != nil {
		return TopDestinations{}, err
	}
	cols := fmt.Sprintf("COALESCE(%s, ''), COALESCE(%s, 0), %s", call.FieldRateDestination, call.FieldRateSheetID, call.FieldPriceDecimals)
	all, err := sums(ctx, s, keys, func(c *Cache) map[uploadKey][]destSum { return c.dests }, cols,
		func(r scanner) (int, destSum, error) {
			var id int
			var d destSum
			err := r.Scan(&id, &d.dest, &d.sheet, &d.places, &d.calls, &d.units)
			return id, d, err
		})
	if err != nil {
		return TopDestinations{}, err
	}
	byKey := map[string]*Destination{}
	sheetsOf := map[string][]int{}
	for _, ds := range all {
		for _, r := range ds {
			d := byKey[r.dest]
			if d == nil {
				d = &Destination{Destination: r.dest}
				byKey[r.dest] = d
			}
			d.Calls += r.calls
			d.Value = d.Value.Add(decimal.New(r.units, -r.places))
			if r.sheet != 0 && !slices.Contains(sheetsOf[r.dest], r.sheet) {
				sheetsOf[r.dest] = append(sheetsOf[r.dest], r.sheet)
			}
		}
	}
	list := make([]Destination, 0, len(byKey))
	for _, d := range byKey {
		list = append(list, *d)
	}
	var out TopDestinations
	slices.SortFunc(list, func(a, b Destination) int {
		return cmp.Or(b.Value.Cmp(a.Value), cmp.Compare(b.Calls, a.Calls), strings.Compare(a.Destination, b.Destination))
	})
	out.ByValue = slices.Clone(list[:min(first, len(list))])
	slices.SortFunc(list, func(a, b Destination) int {
		return cmp.Or(cmp.Compare(b.Calls, a.Calls), b.Value.Cmp(a.Value), strings.Compare(a.Destination, b.Destination))
	})
	out.ByCount = slices.Clone(list[:min(first, len(list))])
	if err := s.describe(ctx, sheetsOf, out.ByValue, out.ByCount); err != nil {
		return TopDestinations{}, err
	}
	return out, nil
}
