package tariffs

import (
	"context"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/rate"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
)

// RateOf is the rate row that priced c: the row of its version whose
// prefix (or charge code) is the call's rate destination. Nil when no rate
// matched the call.
func (s *Service) RateOf(ctx context.Context, c *ent.Call) (*ent.Rate, error) {
	if c.RateSheetID == nil || c.RateDestination == "" {
		return nil, nil
	}
	r, err := s.Client.Rate.Query().Where(
		rate.HasRateSheetWith(entratesheet.ID(*c.RateSheetID)),
		// A number's rate destination is its normalised prefix; a charge
		// code's is the code as written, stored upper-cased as the prefix.
		rate.Or(rate.Prefix(c.RateDestination), rate.And(rate.IsCode(true), rate.DestinationEqualFold(c.RateDestination))),
	).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return r, err
}

// PerMinute is the sell price per minute r charges in band, in minor units
// as the sheet gives it.
func PerMinute(r *ent.Rate, band call.Band) decimal.Decimal {
	switch band {
	case call.BandOffpeak:
		return r.Offpeak
	case call.BandWeekend:
		return r.Weekend
	default:
		return r.Peak
	}
}
