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
// whole: a rejection lists every bad line, leaves the version in force and
// leaves no file behind. The version takes effect at
// EffectiveFrom(in.EffectiveFrom): a fraction of a second is rounded up to
// the next whole second, and the version returned says when it takes
// effect.
//
// The file is read twice as a stream (to validate, then to store), never
// held as rows. With LoadInBatches, outside a caller's transaction, the
// rows are stored a batch per transaction so that other writers get in
// between (SQLite has one writer at a time); the version stays unusable
// until the last batch is in.
func (s *Service) Upload(ctx context.Context, in UploadInput) (*ent.RateSheet, error) {
	sh, err := s.readSheet(ctx, in)
	if err != nil {
		return nil, err
	}
	if s.Blobs != nil {
		// A key of its own per upload, so that removing a rejected
		// upload's file never takes the file of another version with the
		// same content.
		var token [8]byte
		_, _ = rand.Read(token[:])
		sh.key = fmt.Sprintf("rate-sheets/tariff-%d/%s-%x.csv", in.TariffID, sh.digest, token)
		if err := s.Blobs.WriteAll(ctx, sh.key, sh.raw, nil); err != nil {
			return nil, fmt.Errorf("store the rate sheet file: %w", err)
		}
	}
	var sheet *ent.RateSheet
	if s.LoadInBatches && ent.TxFromContext(ctx) == nil {
		sheet, err = s.storeInBatches(ctx, in, sh)
	} else {
		sheet, err = txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.RateSheet, error) {
			sheet, err := s.createSheet(ctx, c, in, sh, sh.rows)
			if err != nil {
				return nil, err
			}
			return sheet, s.storeRows(ctx, c, sheet.ID, sh)
		})
	}
	if err != nil && sh.key != "" {
		// A rejected sheet leaves no file behind. (Inside a caller's
		// transaction that rolls back later, the caller's failure is not
		// seen here: a leftover file is then harmless, never referenced.)
		if derr := s.Blobs.Delete(context.WithoutCancel(ctx), sh.key); derr != nil {
			err = errors.Join(err, fmt.Errorf("remove the rejected rate sheet's file %s: %w", sh.key, derr))
		}
	}
	return sheet, err
}

// sheetFile is an uploaded sheet that passed validation.
type sheetFile struct {
	raw    []byte // at most MaxRateSheetBytes
	opts   ratesheet.Options
	rows   int
	digest string
	from   time.Time
	key    string // its file in blob storage, once written
}

// readSheet checks the upload's tariff and provider and validates the file.
func (s *Service) readSheet(ctx context.Context, in UploadInput) (*sheetFile, error) {
	c := txn.Client(ctx, s.Client)
	if _, err := c.Tariff.Get(ctx, in.TariffID); err != nil {
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
	sh := &sheetFile{raw: raw, opts: ratesheet.Options{Units: in.Units, CountryCode: s.CountryCode}}
	// Scan checks every row as pricing will use it (money in range, no two
	// destinations the same after normalisation) without holding the rows.
	if sh.rows, err = ratesheet.Scan(bytes.NewReader(raw), sh.opts, nil); err != nil {
		return nil, rejection(err)
	}
	sum := sha256.Sum256(raw)
	sh.digest = hex.EncodeToString(sum[:])
	// Now is already past: a sheet without a date is in force from the
	// second it was uploaded.
	sh.from = time.Now().UTC().Truncate(time.Second)
	if in.EffectiveFrom != nil {
		sh.from = EffectiveFrom(*in.EffectiveFrom)
	}
	return sh, nil
}

// createSheet creates the version's row. A row count of 0 marks a version
// still loading: every accepted sheet has rows, and queries of rate sheets
// never see one with none (NewService).
func (s *Service) createSheet(ctx context.Context, c *ent.Client, in UploadInput, sh *sheetFile, rowCount int) (*ent.RateSheet, error) {
	version := 1
	last, err := s.versions(ctx, in.TariffID, in.ProviderID, in.Direction).Order(ent.Desc(entratesheet.FieldVersion)).First(ctx)
	switch {
	case err == nil:
		version = last.Version + 1
	case !ent.IsNotFound(err):
		return nil, err
	}
	return c.RateSheet.Create().
		SetTariffID(in.TariffID).SetNillableProviderID(in.ProviderID).SetDirection(in.Direction).
		SetVersion(version).SetEffectiveFrom(sh.from).SetFileName(in.FileName).SetFileSha256(sh.digest).
		SetBlobKey(sh.key).SetRowCount(rowCount).SetUnits(units(in.Units)).Save(ctx)
}

// rateBatch rows a statement: 20 columns a row stays far below MySQL's
// 65,535 placeholders.
const rateBatch = 1000

// batchRows is how many rows one transaction stores when loading in
// batches: a few hundred milliseconds of the write lock on SQLite.
const batchRows = 5000

// storeRows streams the sheet's rows into the version, a statement per
// rateBatch rows, in the caller's transaction.
func (s *Service) storeRows(ctx context.Context, c *ent.Client, sheetID int, sh *sheetFile) error {
	builders := make([]*ent.RateCreate, 0, rateBatch)
	flush := func() error {
		if len(builders) == 0 {
			return nil
		}
		err := c.Rate.CreateBulk(builders...).Exec(ctx)
		builders = builders[:0]
		return err
	}
	_, err := ratesheet.Scan(bytes.NewReader(sh.raw), sh.opts, func(r ratesheet.Row) error {
		builders = append(builders, s.rateCreate(c, sheetID, r))
		if len(builders) == rateBatch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// storeInBatches stores a version whose rows are committed batchRows at a
// time: the version is created unusable (row count 0), filled, then made
// usable in one guarded update. A failure removes what was stored.
func (s *Service) storeInBatches(ctx context.Context, in UploadInput, sh *sheetFile) (sheet *ent.RateSheet, err error) {
	sheet, err = s.createSheet(ctx, s.Client, in, sh, 0)
	if err != nil {
		return nil, err
	}
	id := sheet.ID
	defer func() {
		if err != nil {
			if cerr := s.removeSheet(context.WithoutCancel(ctx), id); cerr != nil {
				err = errors.Join(err, cerr)
			}
		}
	}()
	var batch []ratesheet.Row
	store := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := txn.Do(ctx, s.Client, func(ctx context.Context, c *ent.Client) error {
			for lo := 0; lo < len(batch); lo += rateBatch {
				part := batch[lo:min(lo+rateBatch, len(batch))]
				builders := make([]*ent.RateCreate, len(part))
				for i, r := range part {
					builders[i] = s.rateCreate(c, sheet.ID, r)
				}
				if err := c.Rate.CreateBulk(builders...).Exec(ctx); err != nil {
					return err
				}
			}
			return nil
		})
		batch = batch[:0]
		return err
	}
	if _, err = ratesheet.Scan(bytes.NewReader(sh.raw), sh.opts, func(r ratesheet.Row) error {
		batch = append(batch, r)
		if len(batch) == batchRows {
			return store()
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err = store(); err != nil {
		return nil, err
	}
	n, err := s.Client.RateSheet.Update().Where(entratesheet.ID(sheet.ID), entratesheet.RowCount(0)).SetRowCount(sh.rows).Save(ctx)
	if err != nil {
		return nil, err
	}
	if n != 1 {
		return nil, fmt.Errorf("rate sheet version %d was changed while it loaded", sheet.Version)
	}
	sheet.RowCount = sh.rows
	return sheet, nil
}

// removeSheet deletes a version that did not finish loading, rows first.
func (s *Service) removeSheet(ctx context.Context, sheetID int) error {
	if _, err := s.Client.Rate.Delete().Where(rate.HasRateSheetWith(entratesheet.ID(sheetID))).Exec(ctx); err != nil {
		return fmt.Errorf("remove the rows of a rate sheet that failed to load: %w", err)
	}
	if err := s.Client.RateSheet.DeleteOneID(sheetID).Exec(ctx); err != nil {
		return fmt.Errorf("remove a rate sheet that failed to load: %w", err)
	}
	return nil
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
