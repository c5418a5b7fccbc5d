package analysis

import (
	"context"
	"time"

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
	s.setPhase(ctx, uploadID, PhaseProcessing)
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
			SetStatus(cdrupload.StatusProcessed).SetPhase(string(PhaseProcessed)).SetProcessedAt(time.Now().UTC()).Save(ctx)
		if err != nil || n == 0 {
			return false, err // n == 0: another run got there first
		}
		return true, s.calls().addUnbilled(ctx, tx, totals)
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
