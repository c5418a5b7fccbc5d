package tariffs

import (
	"context"
	"strconv"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
	"github.com/tollgate/tollgate/ent/tariff"
)

// QuoteInput is one call to price.
type QuoteInput struct {
	TariffID   *int // nil: the default tariff
	ProviderID *int // nil: the any-provider sheet
	Direction  entratesheet.Direction
	Number     string
	ChargeCode string
	Start      time.Time
	Duration   int64
}

// Quote is a priced call with what priced it.
type Quote struct {
	Number    string
	Result    rating.Result
	Tariff    *ent.Tariff
	RateSheet *ent.RateSheet // nil when no version was in force
	Breakdown string
}

// DefaultTariff returns the default tariff.
func (s *Service) DefaultTariff(ctx context.Context) (*ent.Tariff, error) {
	t, err := txn.Client(ctx, s.Client).Tariff.Query().Where(tariff.IsDefault(true)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "no tariff is marked as the default; mark one as default first")
	}
	return t, err
}

// Rater returns the engine for a tariff's sheet version and peak times.
func (s *Service) Rater(ctx context.Context, t *ent.Tariff, sheet *ent.RateSheet) (*rating.Rater, error) {
	pt, err := s.PeakTimesOf(ctx, t)
	if err != nil {
		return nil, err
	}
	var table *rating.Table
	if sheet != nil {
		if table, err = s.Table(ctx, sheet); err != nil {
			return nil, err
		}
	} else if table, err = rating.NewTable(nil, s.CountryCode); err != nil {
		return nil, err
	}
	mode := rating.BandAtStart
	if t.BandMode == tariff.BandModeSplit {
		mode = rating.BandSplit
	}
	return rating.NewRater(table, pt, s.Zone, rating.Options{BandMode: mode, Rounding: s.Rounding, Decimals: s.Decimals})
}

// Quote prices one call exactly as an analysis would: the same timeline
// chooses the version, the same engine prices it.
func (s *Service) Quote(ctx context.Context, in QuoteInput) (*Quote, error) {
	var (
		t   *ent.Tariff
		err error
	)
	if in.TariffID == nil {
		t, err = s.DefaultTariff(ctx)
	} else if t, err = txn.Client(ctx, s.Client).Tariff.Get(ctx, *in.TariffID); err != nil {
		err = apperr.NotFoundAs(err, "tariff", *in.TariffID)
	}
	if err != nil {
		return nil, err
	}
	if in.Duration < 0 {
		return nil, apperr.Field(apperr.Invalid, "durationSeconds", "duration cannot be negative")
	}
	if in.Duration > rating.MaxDuration {
		// Rating clamps longer calls; a quote must not price a different
		// duration from the one asked about.
		return nil, apperr.Field(apperr.Invalid, "durationSeconds",
			"a call may last at most %d seconds (about 115 days); %d is longer", rating.MaxDuration, in.Duration)
	}
	number, _ := rating.Normalize(in.Number, s.CountryCode)
	if number == "" && in.ChargeCode == "" {
		return nil, apperr.Field(apperr.Invalid, "number", "enter the number to price")
	}
	tl, err := s.Timeline(ctx, t.ID, in.ProviderID, in.Direction)
	if err != nil {
		return nil, err
	}
	sheet := tl.At(in.Start)
	r, err := s.Rater(ctx, t, sheet)
	if err != nil {
		return nil, err
	}
	res := r.Rate(rating.Call{ChargeCode: in.ChargeCode, Number: number, Start: in.Start, Duration: in.Duration})
	q := &Quote{Number: number, Result: res, Tariff: t, RateSheet: sheet}
	switch {
	case res.Status == rating.ZeroDuration:
		q.Breakdown = "an unanswered (zero-second) call is never charged"
	case res.Status == rating.NoRate && sheet == nil:
		q.Breakdown = "tariff " + t.Name + " has no " + directionWord(in.Direction) + " rate sheet in force at " + in.Start.In(s.Zone.Location()).Format("2006-01-02 15:04 MST")
	case res.Status == rating.NoRate:
		q.Breakdown = "no destination of rate sheet version " + strconv.Itoa(sheet.Version) + " matches " + number
	default:
		q.Breakdown = res.Breakdown(s.MajorSymbol, s.MinorSuffix)
	}
	return q, nil
}

func directionWord(d entratesheet.Direction) string {
	if d == entratesheet.DirectionInbound {
		return "inbound"
	}
	return "outbound"
}
