package tariffs

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/backend/apperr"
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
func (s *Service) Upload(ctx context.Context, c *ent.Client, in UploadInput) (*ent.RateSheet, error) {
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

	from := time.Now().UTC().Truncate(time.Second)
	if in.EffectiveFrom != nil {
		from = in.EffectiveFrom.UTC()
	}
	version := 1
	last, err := s.versions(c, in.TariffID, in.ProviderID, in.Direction).Order(ent.Desc(entratesheet.FieldVersion)).First(ctx)
	switch {
	case err == nil:
		version = last.Version + 1
	case !ent.IsNotFound(err):
		return nil, err
	}

	key := fmt.Sprintf("rate-sheets/tariff-%d/%s.csv", t.ID, digest)
	if s.Blobs != nil {
		// Content-addressed: a failed transaction leaves at most a harmless
		// copy that the next upload of the same file reuses.
		if err := s.Blobs.WriteAll(ctx, key, raw, nil); err != nil {
			return nil, fmt.Errorf("store the rate sheet file: %w", err)
		}
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
	known := uint8(0)
	costs := [3]decimal.NullDecimal{r.PeakRateCost, r.OffpeakRateCost, r.WeekendRateCost}
	val := [3]decimal.Decimal{}
	for b, cst := range costs {
		if cst.Valid {
			known |= 1 << b
			val[b] = cst.Decimal
		}
	}
	first, step := int(r.DurationBlock.First), int(r.DurationBlock.Step)
	return c.Rate.Create().SetRateSheetID(sheetID).SetLine(r.Line).
		SetDestination(r.Destination).SetPrefix(prefix).SetIsCode(code).
		SetDescription(r.Description).
		SetMinimumCharge(r.MinimumCharge).SetConnectionFee(r.ConnectionFee).
		SetPeak(r.PeakRate).SetOffpeak(r.OffpeakRate).SetWeekend(r.WeekendRate).
		SetPeakCost(val[0]).SetOffpeakCost(val[1]).SetWeekendCost(val[2]).SetCostsKnown(known).
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
func (s *Service) versions(c *ent.Client, tariffID int, providerID *int, dir entratesheet.Direction) *ent.RateSheetQuery {
	q := c.RateSheet.Query().Where(entratesheet.HasTariffWith(tariff.ID(tariffID)), entratesheet.DirectionEQ(dir))
	if providerID == nil {
		return q.Where(entratesheet.Not(entratesheet.HasProvider()))
	}
	return q.Where(entratesheet.HasProviderWith(provider.ID(*providerID)))
}

// VersionAt returns the version of one tariff, provider (nil: any) and
// direction in force at t: the latest effective_from not after t, the
// higher version on a tie. Nil when none is.
func (s *Service) VersionAt(ctx context.Context, c *ent.Client, tariffID int, providerID *int, dir entratesheet.Direction, t time.Time) (*ent.RateSheet, error) {
	v, err := s.versions(c, tariffID, providerID, dir).Where(entratesheet.EffectiveFromLTE(t.UTC())).
		Order(ent.Desc(entratesheet.FieldEffectiveFrom), ent.Desc(entratesheet.FieldVersion)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return v, err
}

// SheetFor returns the sheet that prices a call of a tariff at t: the
// provider's own version in force then, else the any-provider one.
func (s *Service) SheetFor(ctx context.Context, c *ent.Client, tariffID int, providerID *int, dir entratesheet.Direction, t time.Time) (*ent.RateSheet, error) {
	if providerID != nil {
		v, err := s.VersionAt(ctx, c, tariffID, providerID, dir, t)
		if err != nil || v != nil {
			return v, err
		}
	}
	return s.VersionAt(ctx, c, tariffID, nil, dir, t)
}

// EffectiveUntil returns when the next version of the same tariff,
// provider and direction took over from sheet, or nil while it is the last.
func (s *Service) EffectiveUntil(ctx context.Context, c *ent.Client, sheet *ent.RateSheet) (*time.Time, error) {
	tid, err := sheet.QueryTariff().OnlyID(ctx)
	if err != nil {
		return nil, err
	}
	var pid *int
	if id, err := sheet.QueryProvider().OnlyID(ctx); err == nil {
		pid = &id
	} else if !ent.IsNotFound(err) {
		return nil, err
	}
	next, err := s.versions(c, tid, pid, sheet.Direction).Where(
		entratesheet.IDNEQ(sheet.ID),
		entratesheet.Or(
			entratesheet.EffectiveFromGT(sheet.EffectiveFrom),
			entratesheet.And(entratesheet.EffectiveFrom(sheet.EffectiveFrom), entratesheet.VersionGT(sheet.Version)),
		)).Order(ent.Asc(entratesheet.FieldEffectiveFrom), ent.Asc(entratesheet.FieldVersion)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &next.EffectiveFrom, nil
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
func (s *Service) Export(ctx context.Context, c *ent.Client, sheetID int, w io.Writer) error {
	sheet, err := c.RateSheet.Get(ctx, sheetID)
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
	cost := func(bit uint8, d decimal.Decimal) decimal.NullDecimal {
		return decimal.NullDecimal{Decimal: d, Valid: r.CostsKnown&(1<<bit) != 0}
	}
	return ratesheet.Row{
		Line: r.Line, Destination: r.Destination, Description: r.Description,
		MinimumCharge: r.MinimumCharge, ConnectionFee: r.ConnectionFee,
		PeakRate: r.Peak, OffpeakRate: r.Offpeak, WeekendRate: r.Weekend,
		PeakRateCost: cost(0, r.PeakCost), OffpeakRateCost: cost(1, r.OffpeakCost), WeekendRateCost: cost(2, r.WeekendCost),
		DurationBlock: BlockOf(r),
	}
}

// BlockOf returns a stored row's duration block.
func BlockOf(r *ent.Rate) rating.DurationBlock {
	return rating.DurationBlock{First: int32(r.BlockFirst), Step: int32(r.BlockNext)}
}
