package tariffs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/backend/ratesheet"
	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/peaktimeblock"
	"github.com/tollgate/tollgate/ent/peaktimes"
)

// DefaultPeakTimes returns the default schedule.
func (s *Service) DefaultPeakTimes(ctx context.Context) (*ent.PeakTimes, error) {
	p, err := txn.Client(ctx, s.Client).PeakTimes.Query().Where(peaktimes.IsDefault(true)).First(ctx)
	if ent.IsNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "there is no default peak-times schedule")
	}
	return p, err
}

// PeakTimesOf returns the schedule a tariff prices with: its own, else the
// default one, else all peak (docs/rating.md: no peak times means all peak).
func (s *Service) PeakTimesOf(ctx context.Context, t *ent.Tariff) (*rating.PeakTimes, error) {
	c := txn.Client(ctx, s.Client)
	p, err := c.Tariff.QueryPeakTimes(t).Only(ctx)
	if ent.IsNotFound(err) {
		p, err = c.PeakTimes.Query().Where(peaktimes.IsDefault(true)).First(ctx)
		if ent.IsNotFound(err) {
			return rating.AllPeak(), nil
		}
	}
	if err != nil {
		return nil, err
	}
	return s.compile(ctx, p)
}

// compile turns a stored schedule into the engine's.
func (s *Service) compile(ctx context.Context, p *ent.PeakTimes) (*rating.PeakTimes, error) {
	blocks, err := s.blocks(ctx, p)
	if err != nil {
		return nil, err
	}
	return rating.NewPeakTimes(EngineBlocks(blocks))
}

// blocks returns a schedule's stored blocks in their order.
func (s *Service) blocks(ctx context.Context, p *ent.PeakTimes) ([]*ent.PeakTimeBlock, error) {
	return txn.Client(ctx, s.Client).PeakTimes.QueryBlocks(p).Order(ent.Asc(peaktimeblock.FieldID)).All(ctx)
}

// EngineBlocks converts stored blocks to the engine's.
func EngineBlocks(blocks []*ent.PeakTimeBlock) []rating.PeakBlock {
	out := make([]rating.PeakBlock, len(blocks))
	for i, b := range blocks {
		out[i] = rating.PeakBlock{Band: BandOf(b.Band), Days: rating.Weekdays(b.Weekdays), Start: b.StartMinute, End: b.EndMinute, Line: i + 1}
	}
	return out
}

// bandCodes are the bands as the database and the API spell them (peak
// time blocks, calls, quotes): the one mapping between the two.
var bandCodes = [...]string{rating.Peak: "PEAK", rating.Offpeak: "OFFPEAK", rating.Weekend: "WEEKEND"}

// BandCode spells an engine band as a stored enum (peaktimeblock.Band,
// call.Band, or a plain string).
func BandCode[T ~string](b rating.Band) T {
	if int(b) < len(bandCodes) {
		return T(bandCodes[b])
	}
	return T(bandCodes[rating.Peak])
}

// BandOf reads a stored band; anything unknown is peak, as time no block
// covers is.
func BandOf[T ~string](code T) rating.Band {
	for b, c := range bandCodes {
		if string(code) == c {
			return rating.Band(b)
		}
	}
	return rating.Peak
}

// ReplacePeakTimes replaces the blocks of a schedule (nil id: the default)
// after checking them whole: every bad or overlapping block is listed and
// nothing changes.
func (s *Service) ReplacePeakTimes(ctx context.Context, id *int, blocks []rating.PeakBlock) (*ent.PeakTimes, error) {
	return txn.Get(ctx, s.Client, func(ctx context.Context, c *ent.Client) (*ent.PeakTimes, error) {
		return s.replacePeakTimes(ctx, c, id, blocks)
	})
}

func (s *Service) replacePeakTimes(ctx context.Context, c *ent.Client, id *int, blocks []rating.PeakBlock) (*ent.PeakTimes, error) {
	var (
		p   *ent.PeakTimes
		err error
	)
	if id == nil {
		p, err = s.DefaultPeakTimes(ctx)
	} else {
		p, err = c.PeakTimes.Get(ctx, *id)
	}
	if err != nil {
		if ent.IsNotFound(err) {
			return nil, apperr.New(apperr.NotFound, "peak-times schedule does not exist")
		}
		return nil, err
	}
	if err := checkBlocks(blocks); err != nil {
		return nil, err
	}
	if _, err := c.PeakTimeBlock.Delete().Where(peaktimeblock.HasPeakTimesWith(peaktimes.ID(p.ID))).Exec(ctx); err != nil {
		return nil, err
	}
	creates := make([]*ent.PeakTimeBlockCreate, len(blocks))
	for i, b := range blocks {
		creates[i] = c.PeakTimeBlock.Create().SetPeakTimesID(p.ID).SetBand(BandCode[peaktimeblock.Band](b.Band)).
			SetWeekdays(int(b.Days)).SetStartMinute(b.Start).SetEndMinute(b.End)
	}
	if err := c.PeakTimeBlock.CreateBulk(creates...).Exec(ctx); err != nil {
		return nil, err
	}
	return c.PeakTimes.UpdateOneID(p.ID).SetUpdatedAt(time.Now().UTC()).Save(ctx)
}

// ImportPeakTimes replaces a schedule from peak-times CSV.
func (s *Service) ImportPeakTimes(ctx context.Context, id *int, r io.Reader) (*ent.PeakTimes, error) {
	raw, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return nil, apperr.Field(apperr.Invalid, "file", "the file could not be read: %v", err)
	}
	pt, err := ratesheet.ReadPeakTimes(bytes.NewReader(raw))
	if err != nil {
		return nil, rejection(err)
	}
	return s.ReplacePeakTimes(ctx, id, pt.Blocks())
}

// checkBlocks lists every problem of a set of blocks at once.
func checkBlocks(blocks []rating.PeakBlock) error {
	var problems []map[string]any
	add := func(i int, reason string) {
		problems = append(problems, map[string]any{"line": i + 1, "column": "", "value": describe(blocks[i]), "reason": reason})
	}
	for i, b := range blocks {
		switch {
		case b.Days == 0:
			add(i, "choose at least one day")
		case b.Start < 0 || b.Start >= 1440:
			add(i, "start must be between 00:00 and 23:59")
		case b.End <= 0 || b.End > 1440:
			add(i, "end must be between 00:01 and 24:00")
		case b.End <= b.Start:
			add(i, "end must be after start")
		}
	}
	if problems == nil {
		for _, o := range rating.FindOverlaps(blocks) {
			add(o.Second, fmt.Sprintf("overlaps block %d (%s) on %s", o.First+1, describe(blocks[o.First]), o.Day.String()[:3]))
		}
	}
	if problems == nil {
		if _, err := rating.NewPeakTimes(blocks); err != nil {
			return apperr.New(apperr.Invalid, "%v", err)
		}
		return nil
	}
	return &apperr.Error{Code: apperr.Invalid, Field: "blocks", Err: errors.New("bad peak-time blocks"),
		Message: fmt.Sprintf("the peak times were rejected with %d problem(s); nothing was changed", len(problems)),
		Details: map[string]any{"problems": problems}}
}

func describe(b rating.PeakBlock) string {
	return fmt.Sprintf("%s %s %s-%s", b.Band, rating.FormatDays(b.Days), rating.FormatClock(b.Start), rating.FormatClock(b.End))
}

// CSV returns a schedule as peak-times CSV.
func (s *Service) CSV(ctx context.Context, p *ent.PeakTimes) (string, error) {
	blocks, err := s.blocks(ctx, p)
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := ratesheet.WritePeakTimes(&buf, EngineBlocks(blocks)); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// WeekGrid returns the band at the start of every hour, Monday first.
func (s *Service) WeekGrid(ctx context.Context, p *ent.PeakTimes) ([][]rating.Band, error) {
	pt, err := s.compile(ctx, p)
	if err != nil {
		return nil, err
	}
	grid := make([][]rating.Band, 7)
	for i := range grid {
		day := time.Weekday((i + 1) % 7) // Monday first
		grid[i] = make([]rating.Band, 24)
		for h := 0; h < 24; h++ {
			grid[i][h] = pt.BandAt(day, h*60)
		}
	}
	return grid, nil
}
