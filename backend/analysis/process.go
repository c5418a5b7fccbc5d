package analysis

import (
	"context"
	"time"

	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
)

// Process turns a ready upload's priced calls into unbilled calls of their
// customers. The upload's status and every affected customer's unbilled
// total change in one transaction, so a crash leaves either the whole
// upload applied or none of it, and running it again changes nothing.
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
	var customers []int
	if err := s.Client.Call.Query().Where(call.UploadID(uploadID), call.StatusEQ(call.StatusPriced), call.CustomerIDNotNil()).
		Unique(true).Select(call.FieldCustomerID).Scan(ctx, &customers); err != nil {
		return err
	}
	tx, err := s.Client.Tx(ctx)
	if err != nil {
		return err
	}
	err = func() error {
		// Totals are recounted with this upload counted as processed.
		if err := billing.RecomputeUnbilledFor(ctx, tx.Client(), customers, uploadID, s.mysql()); err != nil {
			return err
		}
		return tx.CdrUpload.UpdateOneID(uploadID).SetStatus(cdrupload.StatusProcessed).SetPhase("processed").
			SetProcessedAt(time.Now().UTC()).Exec(ctx)
	}()
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.Log.Info("upload processed", "upload", uploadID, "customers", len(customers), "took", time.Since(start).Round(time.Millisecond))
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
