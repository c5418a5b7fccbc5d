package tariffs

import (
	"context"
	"slices"
	"time"

	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/provider"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
	"github.com/tollgate/tollgate/ent/tariff"
)

// Timeline is the one rule of which rate sheet version is in force: the
// versions of one tariff for one provider (or any provider) and one
// direction, in the order they take effect. A version is in force from its
// effective-from until the next version's; when two take effect at the same
// instant the higher version wins and the lower is never in force.
//
// A call is priced by its provider's own timeline, and by the any-provider
// one when its provider has no version in force (Fallback). Quotes, the
// analysis and the rate sheet pages all ask a Timeline, so they can never
// disagree about a call.
type Timeline struct {
	versions []*ent.RateSheet // by effective-from, then version
	// Fallback prices the calls this timeline has no version for: the
	// any-provider timeline behind a provider's own. Nil for none.
	Fallback *Timeline
}

// NewTimeline orders versions of one tariff, provider and direction into
// their timeline.
func NewTimeline(versions []*ent.RateSheet) *Timeline {
	vs := slices.Clone(versions)
	slices.SortFunc(vs, func(a, b *ent.RateSheet) int {
		if c := a.EffectiveFrom.Compare(b.EffectiveFrom); c != 0 {
			return c
		}
		return a.Version - b.Version
	})
	return &Timeline{versions: vs}
}

// At returns the version in force at t, falling back when this timeline has
// none; nil when no version is in force. Times compare at full precision:
// effective-froms are whole seconds (see EffectiveFrom), call starts may not be.
func (tl *Timeline) At(t time.Time) *ent.RateSheet {
	if tl == nil {
		return nil
	}
	if v := tl.own(t); v != nil {
		return v
	}
	return tl.Fallback.At(t)
}

// own returns this timeline's version in force at t, without falling back.
func (tl *Timeline) own(t time.Time) *ent.RateSheet {
	// The first version taking effect after t follows the one in force.
	i, _ := slices.BinarySearchFunc(tl.versions, t, func(v *ent.RateSheet, t time.Time) int {
		if v.EffectiveFrom.After(t) {
			return 1
		}
		return -1
	})
	if i == 0 {
		return nil
	}
	return tl.versions[i-1]
}

// Start returns the first instant any version of this timeline, or of its
// fallback, is in force: calls that start before it have no rate sheet.
// Nil when neither has a version.
func (tl *Timeline) Start() *time.Time {
	if tl == nil {
		return nil
	}
	first := tl.Fallback.Start()
	if len(tl.versions) > 0 && (first == nil || tl.versions[0].EffectiveFrom.Before(*first)) {
		t := tl.versions[0].EffectiveFrom
		first = &t
	}
	return first
}

// Until returns when the next version took over from sheet, or nil while
// sheet is the last of its timeline.
func (tl *Timeline) Until(sheet *ent.RateSheet) *time.Time {
	i := slices.IndexFunc(tl.versions, func(v *ent.RateSheet) bool { return v.ID == sheet.ID })
	if i < 0 || i == len(tl.versions)-1 {
		return nil
	}
	t := tl.versions[i+1].EffectiveFrom
	return &t
}

// InForce reports whether sheet is the version of its timeline in force at t.
func (tl *Timeline) InForce(sheet *ent.RateSheet, t time.Time) bool {
	v := tl.own(t)
	return v != nil && v.ID == sheet.ID
}

// EffectiveFrom is the instant a version asked to take effect at t takes
// effect: t rounded up to a whole second, in UTC. Call starts in CDRs are
// whole seconds, and a new price must never reach a call that started
// before the moment the clerk named, so 10:00:00.5 becomes 10:00:01 (a call
// at 10:00:00 keeps the old price). Stored effective-froms are whole
// seconds, so every database and every comparison agree.
func EffectiveFrom(t time.Time) time.Time {
	whole := t.UTC().Truncate(time.Second)
	if whole.Before(t) {
		whole = whole.Add(time.Second)
	}
	return whole
}

// Timeline returns the timeline that prices calls of a tariff, provider
// (nil: any provider) and direction: the provider's own versions, falling
// back to the any-provider ones.
func (s *Service) Timeline(ctx context.Context, tariffID int, providerID *int, dir entratesheet.Direction) (*Timeline, error) {
	q := txn.Client(ctx, s.Client).RateSheet.Query().
		Where(entratesheet.HasTariffWith(tariff.ID(tariffID)), entratesheet.DirectionEQ(dir))
	if providerID == nil {
		q = q.Where(entratesheet.Not(entratesheet.HasProvider()))
	} else {
		q = q.Where(entratesheet.Or(entratesheet.Not(entratesheet.HasProvider()), entratesheet.HasProviderWith(provider.ID(*providerID))))
	}
	sheets, err := q.WithProvider().All(ctx)
	if err != nil {
		return nil, err
	}
	var own, anyProvider []*ent.RateSheet
	for _, sh := range sheets {
		if sh.Edges.Provider == nil {
			anyProvider = append(anyProvider, sh)
		} else {
			own = append(own, sh)
		}
	}
	if providerID == nil {
		return NewTimeline(anyProvider), nil
	}
	tl := NewTimeline(own)
	tl.Fallback = NewTimeline(anyProvider)
	return tl, nil
}

// TimelineOf returns the timeline a version belongs to: its tariff's
// versions for the same provider (or any provider) and direction, with no
// fallback.
func (s *Service) TimelineOf(ctx context.Context, sheet *ent.RateSheet) (*Timeline, error) {
	c := txn.Client(ctx, s.Client)
	tid, err := c.RateSheet.QueryTariff(sheet).OnlyID(ctx)
	if err != nil {
		return nil, err
	}
	var pid *int
	if id, err := c.RateSheet.QueryProvider(sheet).OnlyID(ctx); err == nil {
		pid = &id
	} else if !ent.IsNotFound(err) {
		return nil, err
	}
	vs, err := s.versions(ctx, tid, pid, sheet.Direction).All(ctx)
	if err != nil {
		return nil, err
	}
	return NewTimeline(vs), nil
}
