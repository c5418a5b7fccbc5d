package billing

import (
	"context"
	"errors"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
)

// CallTotals are the count and the priced total of a selection of calls.
type CallTotals struct {
	Calls int
	Price decimal.Decimal // of the priced calls only
}

// Calls starts a query of the calls where selects. A filter on one
// customer is narrowed to the uploads holding that customer's calls: the
// calls table keeps no index on the customer (each index costs bulk-load
// throughput), but one on the upload. The where filter itself is left to
// the caller (pagination applies it).
//
// Only calls of uploads whose analysis stands are seen (analysis.CountedCalls):
// an analysis under way or failed has calls that count nowhere.
func (s *Service) Calls(ctx context.Context, where *ent.CallWhereInput) (*ent.CallQuery, error) {
	q := s.Client.Call.Query().Where(analysis.CountedCalls())
	if where == nil || where.CustomerID == nil {
		return q, nil
	}
	ids, err := s.CustomerUploads(ctx, *where.CustomerID)
	if err != nil {
		return nil, err
	}
	return q.Where(call.UploadIDIn(ids...)), nil
}

// CallTotals counts the calls where selects and adds up their prices.
func (s *Service) CallTotals(ctx context.Context, where *ent.CallWhereInput) (CallTotals, error) {
	q, err := s.Calls(ctx, where)
	if err != nil {
		return CallTotals{}, err
	}
	if where != nil {
		p, err := where.P()
		if err != nil && !errors.Is(err, ent.ErrEmptyCallWhereInput) {
			return CallTotals{}, apperr.New(apperr.Invalid, "%v", err)
		}
		if p != nil {
			q = q.Where(p)
		}
	}
	n, err := q.Clone().Count(ctx)
	if err != nil {
		return CallTotals{}, err
	}
	price, err := SumPrices(ctx, q.Where(call.StatusEQ(call.StatusPriced)))
	if err != nil {
		return CallTotals{}, err
	}
	return CallTotals{Calls: n, Price: price}, nil
}
