package analysis

import (
	"context"
	"math"
	"slices"
	"time"

	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cli"
)

// assignment is one CLI's owner over a period, as unix seconds [from, to).
type assignment struct {
	from, to int64
	matched
}

// matched is who a call belongs to: the customer owning the CLI, and the
// CLI's site (0: none; 0 customer: no one).
type matched struct {
	customer, site int
}

// cliIndex matches a number to the customer owning it at a moment: an exact
// CLI (or account code) wins, else the longest CLI range that is a prefix
// of the number (docs/rating.md, Which customer). Built once per analysis and
// read-only afterwards; lookups do not allocate.
type cliIndex struct {
	exact  map[string][]assignment
	ranges map[string][]assignment
	// rangeLens are the lengths ranges come in, longest first: a number is
	// looked up at those lengths only, not at every length (hot path).
	rangeLens   []int
	countryCode string
}

func loadCliIndex(ctx context.Context, c *ent.Client, countryCode string) (*cliIndex, error) {
	rows, err := c.Cli.Query().Select(cli.FieldValue, cli.FieldIsRange, cli.FieldValidFrom, cli.FieldValidTo).
		WithCustomer(func(q *ent.CustomerQuery) { q.Select("id") }).
		WithSite(func(q *ent.SiteQuery) { q.Select("id") }).All(ctx)
	if err != nil {
		return nil, err
	}
	ix := &cliIndex{exact: map[string][]assignment{}, ranges: map[string][]assignment{}, countryCode: countryCode}
	for _, r := range rows {
		if r.Edges.Customer == nil {
			continue
		}
		a := assignment{from: r.ValidFrom.Unix(), to: math.MaxInt64, matched: matched{customer: r.Edges.Customer.ID}}
		if r.Edges.Site != nil {
			a.site = r.Edges.Site.ID
		}
		if r.ValidTo != nil {
			a.to = r.ValidTo.Unix()
		}
		if r.IsRange {
			if !slices.Contains(ix.rangeLens, len(r.Value)) {
				ix.rangeLens = append(ix.rangeLens, len(r.Value))
			}
			ix.ranges[r.Value] = append(ix.ranges[r.Value], a)
		} else {
			ix.exact[r.Value] = append(ix.exact[r.Value], a)
		}
	}
	slices.SortFunc(ix.rangeLens, func(a, b int) int { return b - a })
	return ix, nil
}

func owner(as []assignment, t int64) matched {
	for _, a := range as {
		if t >= a.from && t < a.to {
			return a.matched
		}
	}
	return matched{}
}

// match returns the customer owning the normalised number at t and the
// matching CLI's site; the zero value when no one owns it.
func (ix *cliIndex) match(number string, t time.Time) matched {
	if number == "" {
		return matched{}
	}
	ts := t.Unix()
	if as, ok := ix.exact[number]; ok {
		if m := owner(as, ts); m.customer != 0 {
			return m
		}
	}
	for _, l := range ix.rangeLens {
		if l > len(number) {
			continue
		}
		if as, ok := ix.ranges[number[:l]]; ok {
			if m := owner(as, ts); m.customer != 0 {
				return m
			}
		}
	}
	return matched{}
}

// matchRaw normalises a number as written in a CDR and matches it.
func (ix *cliIndex) matchRaw(raw string, t time.Time) matched {
	if raw == "" {
		return matched{}
	}
	v, _ := rating.Normalize(raw, ix.countryCode)
	return ix.match(v, t)
}
