package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/auth/viewer"
)

// Task types of CDR uploads.
const (
	TypeAnalyseUpload = "upload:analyse"
	TypeProcessUpload = "upload:process"
)

type uploadPayload struct {
	UploadID int `json:"upload_id"`
	Run      int `json:"run,omitempty"`
}

// The queue satisfies the analysis package's view of it.
var _ analysis.Enqueuer = (*Queue)(nil)

// EnqueueAnalysis queues analysis run number run of an upload. The task id
// carries the run, so asking twice for one run queues it once, and a new
// run is never blocked by an old one's retained task.
func (q *Queue) EnqueueAnalysis(ctx context.Context, uploadID, run int) error {
	return q.enqueueAnalysis(ctx, uploadID, run, fmt.Sprintf("analyse-%d-%d", uploadID, run))
}

// enqueueAnalysis queues an analyse task under taskID; a task already
// queued under that id counts as queued.
func (q *Queue) enqueueAnalysis(ctx context.Context, uploadID, run int, taskID string) error {
	b, _ := json.Marshal(uploadPayload{UploadID: uploadID, Run: run})
	_, err := q.client.EnqueueContext(ctx, asynq.NewTask(TypeAnalyseUpload, b),
		asynq.TaskID(taskID), asynq.Queue(QueueDefault),
		asynq.MaxRetry(30), asynq.Timeout(2*time.Hour), asynq.Retention(time.Minute))
	if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
		return fmt.Errorf("queue the analysis of upload %d: %w", uploadID, err)
	}
	return nil
}

// EnqueueProcessing queues the processing of an upload; asking twice
// queues it once.
func (q *Queue) EnqueueProcessing(ctx context.Context, uploadID int) error {
	b, _ := json.Marshal(uploadPayload{UploadID: uploadID})
	_, err := q.client.EnqueueContext(ctx, asynq.NewTask(TypeProcessUpload, b),
		asynq.TaskID(fmt.Sprintf("process-%d", uploadID)), asynq.Queue(QueueCritical),
		asynq.MaxRetry(25), asynq.Timeout(time.Hour), asynq.Retention(time.Minute))
	if err != nil && !errors.Is(err, asynq.ErrTaskIDConflict) {
		return fmt.Errorf("queue the processing of upload %d: %w", uploadID, err)
	}
	return nil
}

func (h *Handlers) analyseUpload(ctx context.Context, t *asynq.Task) error {
	var p uploadPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: bad payload: %v", asynq.SkipRetry, err)
	}
	err := h.Analysis.Analyse(viewer.System(ctx), p.UploadID, p.Run)
	if errors.Is(err, analysis.ErrStale) {
		return nil
	}
	return err // ErrBusy is retried soon (RetryDelay)
}

func (h *Handlers) processUpload(ctx context.Context, t *asynq.Task) error {
	var p uploadPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: bad payload: %v", asynq.SkipRetry, err)
	}
	err := h.Analysis.Process(viewer.System(ctx), p.UploadID)
	if errors.Is(err, analysis.ErrStale) {
		return nil
	}
	return err
}

// Redrive queues again the uploads a crash or a Redis restart interrupted:
// the database says what was in hand, and every task is safe to repeat.
// Analyses get a task of their own rather than waiting the minute or two
// the queue takes to give up on a dead worker's task: the upload's lease
// lets only one run work at a time.
func Redrive(ctx context.Context, q *Queue, a *analysis.Service) error {
	ctx = viewer.System(ctx)
	analyse, process, err := a.Redrive(ctx)
	if err != nil {
		return err
	}
	for id, run := range analyse {
		if err := q.enqueueAnalysis(ctx, id, run, fmt.Sprintf("analyse-%d-%d-redrive-%d", id, run, time.Now().UnixNano())); err != nil {
			return err
		}
	}
	for _, id := range process {
		if err := q.EnqueueProcessing(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// RetryDelay is the workers' retry back-off: an analysis waiting for
// another run's lease asks again in a few seconds; anything else backs off
// as the queue does by default.
func RetryDelay(n int, err error, t *asynq.Task) time.Duration {
	if errors.Is(err, analysis.ErrBusy) {
		return 5 * time.Second
	}
	return asynq.DefaultRetryDelayFunc(n, err, t)
}
