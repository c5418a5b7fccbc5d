package tariffs

import (
	"context"
	"fmt"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/backend/settings"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/intercept"
	"github.com/tollgate/tollgate/ent/peaktimes"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
	"github.com/tollgate/tollgate/ent/tariff"
	"gocloud.dev/blob"
)

// Service prices calls from the rate sheets and peak times in the database.
// It caches compiled rate tables by sheet version: versions never change
// once uploaded, so a cached table is never stale.
type Service struct {
	Client      *ent.Client
	CountryCode string
	Zone        *rating.Zone
	Rounding    rating.Rounding
	Decimals    int
	Blobs       *blob.Bucket
	// MajorSymbol and MinorSuffix write money in breakdowns: "£", "p".
	MajorSymbol, MinorSuffix string
	// LoadInBatches stores a rate sheet's rows a batch per transaction
	// (Upload): on SQLite, so that other writers get in meanwhile.
	LoadInBatches bool

	mu     sync.Mutex
	tables map[int]*rating.Table
}

// NewService returns a pricing service for the deployment settings.
func NewService(c *ent.Client, countryCode, zone, rounding string, decimals int, blobs *blob.Bucket) (*Service, error) {
	z, err := rating.LoadZone(zone)
	if err != nil {
		return nil, err
	}
	r, err := rating.ParseRounding(rounding)
	if err != nil {
		return nil, err
	}
	// A version still loading in batches has no rows counted yet
	// (storeInBatches): no query of rate sheets sees it, so nothing prices
	// with half a sheet.
	c.RateSheet.Intercept(intercept.TraverseRateSheet(func(_ context.Context, q *ent.RateSheetQuery) error {
		q.Where(entratesheet.RowCountGT(0))
		return nil
	}))
	return &Service{Client: c, CountryCode: countryCode, Zone: z, Rounding: r, Decimals: decimals, Blobs: blobs,
		MajorSymbol: "£", MinorSuffix: "p", tables: map[int]*rating.Table{}}, nil
}

// SetCurrency sets the symbols breakdowns use for an ISO 4217 code, the
// same the screens show (the settings package names them).
func (s *Service) SetCurrency(code string) {
	symbol, err := settings.CurrencySymbol(code)
	if err != nil {
		symbol = code + " "
	}
	s.MajorSymbol, s.MinorSuffix = symbol, settings.UnitsOf(code).MinorSymbol
}

// maxCachedTables bounds the table cache; a reseller rarely has more live
// sheet versions than this, and a miss only costs a reload.
const maxCachedTables = 256

// EnsureDefaults creates the default tariff and the default peak-times
// schedule on a new installation, so calls can be priced from day one.
func (s *Service) EnsureDefaults(ctx context.Context) error {
	c := s.Client
	if ok, err := c.PeakTimes.Query().Where(peaktimes.IsDefault(true)).Exist(ctx); err != nil {
		return err
	} else if !ok {
		if err := c.PeakTimes.Create().SetName("Standard peak times").SetIsDefault(true).Exec(ctx); err != nil && !ent.IsConstraintError(err) {
			return err
		}
	}
	if ok, err := c.Tariff.Query().Where(tariff.IsDefault(true)).Exist(ctx); err != nil {
		return err
	} else if !ok {
		if n, err := c.Tariff.Query().Count(ctx); err != nil {
			return err
		} else if n == 0 {
			err := c.Tariff.Create().SetName("Standard").SetIsDefault(true).
				SetDescription("The default tariff: customers without a tariff, and calls without a customer, are priced with it").Exec(ctx)
			if err != nil && !ent.IsConstraintError(err) {
				return err
			}
		}
	}
	return nil
}

// Table returns the compiled rate table of a sheet version.
func (s *Service) Table(ctx context.Context, sheet *ent.RateSheet) (*rating.Table, error) {
	s.mu.Lock()
	t, ok := s.tables[sheet.ID]
	s.mu.Unlock()
	if ok {
		return t, nil
	}
	rows, err := txn.Client(ctx, s.Client).RateSheet.QueryRates(sheet).All(ctx)
	if err != nil {
		return nil, err
	}
	rates := make([]rating.Rate, len(rows))
	for i, r := range rows {
		if rates[i], err = RatingRate(r); err != nil {
			return nil, fmt.Errorf("rate sheet version %d, %s: %w", sheet.Version, r.Destination, err)
		}
	}
	t, err = rating.NewTable(rates, s.CountryCode)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	if len(s.tables) >= maxCachedTables {
		clear(s.tables)
	}
	s.tables[sheet.ID] = t
	s.mu.Unlock()
	return t, nil
}

// RatingRate turns a stored row into the engine's fixed-point row.
func RatingRate(r *ent.Rate) (rating.Rate, error) {
	out := rating.Rate{
		Destination: r.Destination,
		Description: r.Description,
		Block:       BlockOf(r),
	}
	var err error
	amount := func(d decimal.Decimal) rating.Amount {
		a, e := rating.AmountFromDecimal(d)
		if err == nil {
			err = e
		}
		return a
	}
	out.MinimumCharge = amount(r.MinimumCharge)
	out.ConnectionFee = amount(r.ConnectionFee)
	out.Rates = [3]rating.Amount{rating.Peak: amount(r.Peak), rating.Offpeak: amount(r.Offpeak), rating.Weekend: amount(r.Weekend)}
	out.Costs = [3]rating.Amount{rating.Peak: amount(r.PeakCost), rating.Offpeak: amount(r.OffpeakCost), rating.Weekend: amount(r.WeekendCost)}
	if err != nil {
		return out, err
	}
	for _, b := range []rating.Band{rating.Peak, rating.Offpeak, rating.Weekend} {
		out.CostKnown[b] = CostsKnown(r.CostsKnown).Has(b)
	}
	return out, nil
}
