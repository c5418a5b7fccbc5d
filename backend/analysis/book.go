package analysis

import (
	"context"
	"time"

	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/ent"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
	"github.com/tollgate/tollgate/ent/tariff"
)

// book is one tariff's prices for one analysis: its timeline for the
// upload's provider and direction, and the engines of the versions used so
// far.
type book struct {
	tariff   *ent.Tariff
	timeline *tariffs.Timeline
	raters   map[int]*rating.Rater // by rate sheet id, compiled on first use
}

// priceBooks compiles tariffs' books on demand during an analysis.
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
	tl, err := p.pricing.Timeline(p.ctx, tariffID, &p.providerID, p.direction)
	if err != nil {
		return nil, err
	}
	b := &book{tariff: t, timeline: tl, raters: map[int]*rating.Rater{}}
	p.books[tariffID] = b
	return b, nil
}

// at returns the version in force at t and its engine (the timeline's
// choice, as a quote makes it); nil when the tariff has none in force.
func (p *priceBooks) at(b *book, t time.Time) (*ent.RateSheet, *rating.Rater, error) {
	sheet := b.timeline.At(t)
	if sheet == nil {
		return nil, nil, nil
	}
	r, ok := b.raters[sheet.ID]
	if !ok {
		var err error
		if r, err = p.pricing.Rater(p.ctx, b.tariff, sheet); err != nil {
			return nil, nil, err
		}
		b.raters[sheet.ID] = r
	}
	return sheet, r, nil
}
