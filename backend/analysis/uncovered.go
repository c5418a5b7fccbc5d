package analysis

import (
	"context"
	"time"

	"entgo.io/ent/dialect/sql"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/customer"
	"github.com/tollgate/tollgate/ent/provider"
	"github.com/tollgate/tollgate/ent/ratesheet"
)

// UncoveredCalls are the calls of one upload that a new rate sheet version
// would leave without a rate.
type UncoveredCalls struct {
	Upload                *ent.CdrUpload
	Calls                 int
	FirstStart, LastStart time.Time // the starts of the earliest and the latest of them
}

// Uncovered answers, before a rate sheet version is uploaded, which calls
// of the uploads not yet processed it would leave without a rate (issue 10,
// item 6): the calls of the tariff's customers (and, on the default tariff,
// of customers with no tariff of their own) in uploads of the version's
// direction (and provider, when it has one) that start before from and
// before every version already in force for them (docs/rating.md, Which
// rate). Processed uploads keep their prices, so they are left out; so are
// calls without a customer, which are never charged. Oldest upload first.
func (s *Service) Uncovered(ctx context.Context, tariffID int, providerID *int, dir ratesheet.Direction, from time.Time) ([]*UncoveredCalls, error) {
	c := txn.Client(ctx, s.Client)
	t, err := c.Tariff.Get(ctx, tariffID)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "tariff", tariffID)
	}
	from = from.UTC()
	q := c.CdrUpload.Query().
		Where(cdrupload.StatusIn(cdrupload.StatusAnalysing, cdrupload.StatusReady),
			cdrupload.DirectionEQ(cdrupload.Direction(dir)), cdrupload.CallsFromLT(from)).
		WithProvider().Order(ent.Asc(cdrupload.FieldCallsFrom), ent.Asc(cdrupload.FieldID))
	if providerID != nil {
		q = q.Where(cdrupload.HasProviderWith(provider.ID(*providerID)))
	}
	ups, err := q.All(ctx)
	if err != nil {
		return nil, err
	}
	out := []*UncoveredCalls{}
	for _, u := range ups {
		pid := u.Edges.Provider.ID
		tl, err := s.Pricing.Timeline(ctx, tariffID, &pid, dir)
		if err != nil {
			return nil, err
		}
		// Calls from the first version already in force have a rate sheet
		// whatever this version's date.
		before := from
		if start := tl.Start(); start != nil && start.Before(before) {
			before = *start
		}
		calls := c.Call.Query().Where(call.UploadID(u.ID), call.StartLT(before),
			call.StatusIn(call.StatusPriced, call.StatusNoRate), onTariff(tariffID, t.IsDefault))
		n, err := calls.Clone().Count(ctx)
		if err != nil {
			return nil, err
		}
		if n == 0 {
			continue
		}
		first, err := calls.Clone().Order(ent.Asc(call.FieldStart)).First(ctx)
		if err != nil {
			return nil, err
		}
		last, err := calls.Clone().Order(ent.Desc(call.FieldStart)).First(ctx)
		if err != nil {
			return nil, err
		}
		out = append(out, &UncoveredCalls{Upload: u, Calls: n, FirstStart: first.Start, LastStart: last.Start})
	}
	return out, nil
}

// onTariff selects the calls of customers priced at the tariff: those on it,
// and on the default tariff those with no tariff of their own.
func onTariff(tariffID int, isDefault bool) func(*sql.Selector) {
	return func(s *sql.Selector) {
		cu := sql.Table(customer.Table)
		on := sql.EQ(cu.C(customer.TariffColumn), tariffID)
		if isDefault {
			on = sql.Or(on, sql.IsNull(cu.C(customer.TariffColumn)))
		}
		s.Where(sql.In(s.C(call.FieldCustomerID), sql.Select(cu.C(customer.FieldID)).From(cu).Where(on)))
	}
}
