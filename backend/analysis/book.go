package analysis

import (
	"context"
	"sort"
	"time"

	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
	"github.com/tollgate/tollgate/ent/tariff"
)

// version is one rate sheet version on a tariff's timeline.
type version struct {
	from  int64
	sheet *ent.RateSheet
	rater *rating.Rater // compiled on first use
}

// book is the price timeline of one tariff for one provider and direction:
// the provider's own versions, falling back to the any-provider ones.
type book struct {
	tariff   *ent.Tariff
	provider []version
	any      []version
}

// priceBooks compiles tariffs' timelines on demand during an analysis.
type priceBooks struct {
	ctx        context.Context
	c          *ent.Client
	pricing    *tariffs.Service
	providerID int
	direction  entratesheet.Direction
	books      map[int]*book
}

func (p *priceBooks) book(tariffID int) (*book, error) {
	if b, ok := p.books[tariffID]; ok {
		return b, nil
	}
	t, err := p.c.Tariff.Query().Where(tariff.ID(tariffID)).Only(p.ctx)
	if err != nil {
		return nil, err
	}
	sheets, err := t.QueryRateSheets().Where(entratesheet.DirectionEQ(p.direction)).WithProvider().All(p.ctx)
	if err != nil {
		return nil, err
	}
	b := &book{tariff: t}
	for _, s := range sheets {
		v := version{from: s.EffectiveFrom.Unix(), sheet: s}
		switch {
		case s.Edges.Provider == nil:
			b.any = append(b.any, v)
		case s.Edges.Provider.ID == p.providerID:
			b.provider = append(b.provider, v)
		}
	}
	for _, vs := range [][]version{b.provider, b.any} {
		sort.Slice(vs, func(i, j int) bool {
			if vs[i].from != vs[j].from {
				return vs[i].from < vs[j].from
			}
			return vs[i].sheet.Version < vs[j].sheet.Version
		})
	}
	p.books[tariffID] = b
	return b, nil
}

// at returns the version in force at t: the provider's, else any
// provider's; nil when the tariff has none in force.
func (p *priceBooks) at(b *book, t time.Time) (*version, error) {
	ts := t.Unix()
	for _, vs := range [][]version{b.provider, b.any} {
		i := sort.Search(len(vs), func(i int) bool { return vs[i].from > ts }) - 1
		if i < 0 {
			continue
		}
		v := &vs[i]
		if v.rater == nil {
			r, err := p.pricing.Rater(p.ctx, p.c, b.tariff, v.sheet)
			if err != nil {
				return nil, err
			}
			v.rater = r
		}
		return v, nil
	}
	return nil, nil
}
