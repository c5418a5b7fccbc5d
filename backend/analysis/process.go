package analysis

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/uploadcustomertotal"
)

// Process turns a ready upload's priced calls into unbilled calls of their
// customers: each customer's unbilled total rises by what the analysis
// counted for it. The upload's status and every total change in one
// transaction, guarded by the status, so a crash leaves either the whole
// upload applied or none of it, and a second run changes nothing.
func (s *Service) Process(ctx context.Context, uploadID int) error {
	u, err := s.Client.CdrUpload.Get(ctx, uploadID)
	if err != nil {
		return err
	}
	switch u.Status {
	case cdrupload.StatusProcessed:
		return nil
	case cdrupload.StatusProcessing, cdrupload.StatusReady:
	default:
		return ErrStale
	}
	start := time.Now()
	s.setPhase(ctx, uploadID, "processing")
	totals, err := s.Client.UploadCustomerTotal.Query().Where(uploadcustomertotal.UploadID(uploadID), uploadcustomertotal.PriceUnitsNEQ(0)).
		Order(ent.Asc(uploadcustomertotal.FieldCustomerID)).All(ctx)
	if err != nil {
		return err
	}
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return err
	}
	applied, err := func() (bool, error) {
		n, err := tx.CdrUpload.Update().Where(cdrupload.ID(uploadID),
			cdrupload.StatusIn(cdrupload.StatusReady, cdrupload.StatusProcessing)).
			SetStatus(cdrupload.StatusProcessed).SetPhase("processed").SetProcessedAt(time.Now().UTC()).Save(ctx)
		if err != nil || n == 0 {
			return false, err // n == 0: another run got there first
		}
		return true, s.addUnbilled(ctx, tx, totals)
	}()
	if err != nil || !applied {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.Log.Info("upload processed", "upload", uploadID, "customers", len(totals), "took", time.Since(start).Round(time.Millisecond))
	s.publish(ctx, uploadID)
	return nil
}

// addUnbilled adds an upload's per-customer sums to the customers' unbilled
// totals. MySQL adds exact DECIMALs in batched statements; SQLite keeps
// money as text, so there the sum is made in Go (its writes are serial).
func (s *Service) addUnbilled(ctx context.Context, tx *ent.Tx, totals []*ent.UploadCustomerTotal) error {
	if !s.mysql() {
		for _, t := range totals {
			cu, err := tx.Customer.Get(ctx, t.CustomerID)
			if ent.IsNotFound(err) {
				continue // deleted since: nothing to bill
			}
			if err != nil {
				return err
			}
			sum := cu.UnbilledTotal.Add(decimal.New(t.PriceUnits, int32(-t.PriceDecimals)))
			if err := tx.Customer.UpdateOneID(cu.ID).SetUnbilledTotal(sum).Exec(ctx); err != nil {
				return err
			}
		}
		return nil
	}
	const batch = 500
	for lo := 0; lo < len(totals); lo += batch {
		part := totals[lo:min(lo+batch, len(totals))]
		var (
			q    strings.Builder
			args []any
		)
		q.WriteString("UPDATE customers SET unbilled_total = unbilled_total + CASE id")
		for _, t := range part {
			// CAST keeps the addition in exact DECIMAL arithmetic.
			q.WriteString(" WHEN ? THEN CAST(? AS DECIMAL(18,4))")
			args = append(args, t.CustomerID, decimal.New(t.PriceUnits, int32(-t.PriceDecimals)).String())
		}
		q.WriteString(" ELSE 0 END WHERE id IN (")
		for i, t := range part {
			if i > 0 {
				q.WriteByte(',')
			}
			q.WriteString(strconv.Itoa(t.CustomerID))
		}
		q.WriteString(")")
		if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
			return err
		}
	}
	return nil
}

// Redrive lists the uploads whose work a crash interrupted: analyses to run
// again (with their run number) and processing to finish.
func (s *Service) Redrive(ctx context.Context) (analyse map[int]int, process []int, err error) {
	ups, err := s.Client.CdrUpload.Query().Where(cdrupload.StatusIn(cdrupload.StatusUploaded, cdrupload.StatusAnalysing, cdrupload.StatusProcessing)).
		Select(cdrupload.FieldID, cdrupload.FieldStatus, cdrupload.FieldAnalysisRun).All(ctx)
	if err != nil {
		return nil, nil, err
	}
	analyse = map[int]int{}
	for _, u := range ups {
		if u.Status == cdrupload.StatusProcessing {
			process = append(process, u.ID)
		} else {
			analyse[u.ID] = u.AnalysisRun
		}
	}
	return analyse, process, nil
}
