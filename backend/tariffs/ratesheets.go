package tariffs

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/ratesheet"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/provider"
	"github.com/tollgate/tollgate/ent/rate"
	entratesheet "github.com/tollgate/tollgate/ent/ratesheet"
	"github.com/tollgate/tollgate/ent/tariff"
)

// MaxRateSheetBytes bounds an uploaded rate sheet; the largest carrier
// sheets are a few megabytes.
const MaxRateSheetBytes = 64 << 20

// UploadInput is a new rate sheet version.
type UploadInput struct {
	TariffID      int
	ProviderID    *int // nil: any provider
	Direction     entratesheet.Direction
	EffectiveFrom *time.Time // nil: now
	Units         ratesheet.Units
	FileName      string
	File          io.Reader
}

// Upload validates a rate sheet and stores it as the next version of its
// tariff, provider and direction. The sheet is accepted whole or rejected
// whole: a rejection lists every bad line and leaves the version in force.
// The version takes effect at EffectiveFrom(in.EffectiveFrom): a fraction
// of a second is rounded up to the next whole second, and the version
// returned says when it takes effect.
func (s *Service) Upload(ctx context.Context, in UploadInput) (*ent.RateSheet, error) {
	var stored string // the blob written for this upload, if any
	sheet, err := txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.RateSheet, error) {
		return s.upload(ctx, c, in, &stored)
	})
	if err != nil && stored != "" {
		// A rejected sheet leaves no file behind. (Inside a caller's
		// transaction that rolls back later, the caller's failure is not
		// seen here: a leftover file is then harmless, never referenced.)
		if derr := s.Blobs.Delete(context.WithoutCancel(ctx), stored); derr != nil {
			err = errors.Join(err, fmt.Errorf("remove the rejected rate sheet's file %s: %w", stored, derr))
		}
	}
	return sheet, err
}

func (s *Service) upload(ctx context.Context, c *ent.Client, in UploadInput, stored *string) (*ent.RateSheet, error) {
	t, err := c.Tariff.Get(ctx, in.TariffID)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "tariff", in.TariffID)
	}
	if in.ProviderID != nil {
		if ok, err := c.Provider.Query().Where(provider.ID(*in.ProviderID)).Exist(ctx); err != nil {
			return nil, err
		} else if !ok {
			return nil, apperr.Field(apperr.NotFound, "providerID", "provider %d does not exist", *in.ProviderID)
		}
	}
	raw, err := io.ReadAll(io.LimitReader(in.File, MaxRateSheetBytes+1))
	if err != nil {
		return nil, apperr.Field(apperr.Invalid, "file", "the file could not be read: %v", err)
	}
	if len(raw) > MaxRateSheetBytes {
		return nil, apperr.Field(apperr.Invalid, "file", "the file is larger than %d MB; split it or contact support", MaxRateSheetBytes>>20)
	}
	rows, err := ratesheet.Read(bytes.NewReader(raw), ratesheet.Options{Units: in.Units, CountryCode: s.CountryCode})
	if err != nil {
		return nil, rejection(err)
	}
	// Building the engine's table checks the sheet as pricing will use it.
	if _, err := ratesheet.Table(rows, s.CountryCode); err != nil {
		return nil, rejection(err)
	}
	sum := sha256.Sum256(raw)
	digest := hex.EncodeToString(sum[:])

	// Now is already past: a sheet without a date is in force from the
	// second it was uploaded.
	from := time.Now().UTC().Truncate(time.Second)
	if in.EffectiveFrom != nil {
		from = EffectiveFrom(*in.EffectiveFrom)
	}
	version := 1
	last, err := s.versions(ctx, in.TariffID, in.ProviderID, in.Direction).Order(ent.Desc(entratesheet.FieldVersion)).First(ctx)
	switch {
	case err == nil:
		version = last.Version + 1
	case !ent.IsNotFound(err):
		return nil, err
	}

	// A key of its own per upload, so that removing a rejected upload's
	// file never takes the file of another version with the same content.
	var token [8]byte
	_, _ = rand.Read(token[:])
	key := fmt.Sprintf("rate-sheets/tariff-%d/%s-%x.csv", t.ID, digest, token)
	if s.Blobs != nil {
		if err := s.Blobs.WriteAll(ctx, key, raw, nil); err != nil {
			return nil, fmt.Errorf("store the rate sheet file: %w", err)
		}
		*stored = key
	}
	sheet, err := c.RateSheet.Create().
		SetTariffID(t.ID).SetNillableProviderID(in.ProviderID).SetDirection(in.Direction).
		SetVersion(version).SetEffectiveFrom(from).SetFileName(in.FileName).SetFileSha256(digest).
		SetBlobKey(key).SetRowCount(len(rows)).SetUnits(units(in.Units)).Save(ctx)
	if err != nil {
		return nil, err
	}
	const batch = 1000 // 20 columns a row stays far below MySQL's 65,535 placeholders
	for lo := 0; lo < len(rows); lo += batch {
		hi := min(lo+batch, len(rows))
		builders := make([]*ent.RateCreate, 0, hi-lo)
		for i := lo; i < hi; i++ {
			builders = append(builders, s.rateCreate(c, sheet.ID, rows[i]))
		}
		if err := c.Rate.CreateBulk(builders...).Exec(ctx); err != nil {
			return nil, err
		}
	}
	return sheet, nil
}

func units(u ratesheet.Units) entratesheet.Units {
	if u == ratesheet.Major {
		return entratesheet.UnitsMajor
	}
	return entratesheet.UnitsMinor
}

func (s *Service) rateCreate(c *ent.Client, sheetID int, r ratesheet.Row) *ent.RateCreate {
	// The key the engine matches on: prefix digits, or a charge code
	// matched case-insensitively.
	prefix, code := rating.Normalize(r.Destination, s.CountryCode)
	var known CostsKnown
	costs := [3]decimal.NullDecimal{rating.Peak: r.PeakRateCost, rating.Offpeak: r.OffpeakRateCost, rating.Weekend: r.WeekendRateCost}
	val := [3]decimal.Decimal{}
	for b, cst := range costs {
		if cst.Valid {
			known = known.With(rating.Band(b))
			val[b] = cst.Decimal
		}
	}
	first, step := int(r.DurationBlock.First), int(r.DurationBlock.Step)
	return c.Rate.Create().SetRateSheetID(sheetID).SetLine(r.Line).
		SetDestination(r.Destination).SetPrefix(prefix).SetIsCode(code).
		SetDescription(r.Description).
		SetMinimumCharge(r.MinimumCharge).SetConnectionFee(r.ConnectionFee).
		SetPeak(r.PeakRate).SetOffpeak(r.OffpeakRate).SetWeekend(r.WeekendRate).
		SetPeakCost(val[0]).SetOffpeakCost(val[1]).SetWeekendCost(val[2]).SetCostsKnown(uint8(known)).
		SetBlockFirst(first).SetBlockNext(step)
}

// rejection turns a sheet's validation error into an INVALID error whose
// details list every bad line.
func rejection(err error) error {
	var ve *ratesheet.ValidationError
	if !errors.As(err, &ve) {
		return apperr.Field(apperr.Invalid, "file", "the rate sheet was rejected: %v", err)
	}
	problems := make([]map[string]any, len(ve.Problems))
	for i, p := range ve.Problems {
		problems[i] = map[string]any{"line": p.Line, "column": p.Column, "value": p.Value, "reason": p.Reason}
	}
	return &apperr.Error{
		Code: apperr.Invalid, Field: "file", Err: err,
		Message: fmt.Sprintf("the %s was rejected with %d problem(s); nothing was changed and the version in force stays in force", ve.File, len(ve.Problems)),
		Details: map[string]any{"problems": problems},
	}
}

// versions selects the versions of one tariff, provider (nil: any) and
// direction.
func (s *Service) versions(ctx context.Context, tariffID int, providerID *int, dir entratesheet.Direction) *ent.RateSheetQuery {
	q := txn.Client(ctx, s.Client).RateSheet.Query().Where(entratesheet.HasTariffWith(tariff.ID(tariffID)), entratesheet.DirectionEQ(dir))
	if providerID == nil {
		return q.Where(entratesheet.Not(entratesheet.HasProvider()))
	}
	return q.Where(entratesheet.HasProviderWith(provider.ID(*providerID)))
}

// EffectiveUntil returns when the next version of the same tariff,
// provider and direction took over from sheet, or nil while it is the last.
func (s *Service) EffectiveUntil(ctx context.Context, sheet *ent.RateSheet) (*time.Time, error) {
	tl, err := s.TimelineOf(ctx, sheet)
	if err != nil {
		return nil, err
	}
	return tl.Until(sheet), nil
}

// InForce reports whether sheet is the version of its tariff, provider and
// direction in force at t.
func (s *Service) InForce(ctx context.Context, sheet *ent.RateSheet, t time.Time) (bool, error) {
	tl, err := s.TimelineOf(ctx, sheet)
	if err != nil {
		return false, err
	}
	return tl.InForce(sheet, t), nil
}

// Rows selects a version's rows, optionally those whose destination or
// description contains search.
func Rows(sheet *ent.RateSheet, search string) *ent.RateQuery {
	q := sheet.QueryRates()
	if search != "" {
		norm, _ := rating.Normalize(search, "")
		q = q.Where(rate.Or(rate.DestinationContainsFold(search), rate.DescriptionContainsFold(search), rate.PrefixHasPrefix(norm)))
	}
	return q
}

// Export writes a version back as rate sheet CSV, in minor units.
func (s *Service) Export(ctx context.Context, sheetID int, w io.Writer) error {
	sheet, err := txn.Client(ctx, s.Client).RateSheet.Get(ctx, sheetID)
	if err != nil {
		return &apperr.Error{Code: apperr.NotFound, Message: "rate sheet version does not exist", Err: err}
	}
	stored, err := sheet.QueryRates().Order(ent.Asc(rate.FieldLine), ent.Asc(rate.FieldID)).All(ctx)
	if err != nil {
		return err
	}
	rows := make([]ratesheet.Row, len(stored))
	for i, r := range stored {
		rows[i] = SheetRow(r)
	}
	return ratesheet.Write(w, rows)
}

// SheetRow turns a stored row back into a sheet row.
func SheetRow(r *ent.Rate) ratesheet.Row {
	known := CostsKnown(r.CostsKnown)
	cost := func(b rating.Band, d decimal.Decimal) decimal.NullDecimal {
		return decimal.NullDecimal{Decimal: d, Valid: known.Has(b)}
	}
	return ratesheet.Row{
		Line: r.Line, Destination: r.Destination, Description: r.Description,
		MinimumCharge: r.MinimumCharge, ConnectionFee: r.ConnectionFee,
		PeakRate: r.Peak, OffpeakRate: r.Offpeak, WeekendRate: r.Weekend,
		PeakRateCost: cost(rating.Peak, r.PeakCost), OffpeakRateCost: cost(rating.Offpeak, r.OffpeakCost), WeekendRateCost: cost(rating.Weekend, r.WeekendCost),
		DurationBlock: BlockOf(r),
	}
}

// BlockOf returns a stored row's duration block.
func BlockOf(r *ent.Rate) rating.DurationBlock {
	return rating.DurationBlock{First: int32(r.BlockFirst), Step: int32(r.BlockNext)}
}

// CostsKnown is a stored rate row's costs_known: which bands' costs the
// sheet gave (bit b for band b). A cost left blank is unknown, not zero.
type CostsKnown uint8

// Has reports whether the cost of band b is known.
func (k CostsKnown) Has(b rating.Band) bool { return k&(1<<b) != 0 }

// With returns k with the cost of band b known.
func (k CostsKnown) With(b rating.Band) CostsKnown { return k | 1<<b }

// Cost returns a stored row's cost for a band, or nil when the sheet left
// it blank.
func Cost(r *ent.Rate, b rating.Band) *decimal.Decimal {
	if !CostsKnown(r.CostsKnown).Has(b) {
		return nil
	}
	d := [...]decimal.Decimal{rating.Peak: r.PeakCost, rating.Offpeak: r.OffpeakCost, rating.Weekend: r.WeekendCost}[b]
	return &d
}
