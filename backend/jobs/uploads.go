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
	"github.com/tollgate/tollgate/backend/invoicing"
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
	b, _ := json.Marshal(uploadPayload{UploadID: uploadID, Run: run})
	err := q.enqueueOnce(ctx, asynq.NewTask(TypeAnalyseUpload, b), QueueDefault, fmt.Sprintf("analyse-%d-%d", uploadID, run),
		asynq.MaxRetry(30), asynq.Timeout(2*time.Hour))
	if err != nil {
		return fmt.Errorf("queue the analysis of upload %d: %w", uploadID, err)
	}
	return nil
}

// EnqueueProcessing queues processing run number run of an upload; asking
// twice for one run queues it once.
func (q *Queue) EnqueueProcessing(ctx context.Context, uploadID, run int) error {
	b, _ := json.Marshal(uploadPayload{UploadID: uploadID, Run: run})
	err := q.enqueueOnce(ctx, asynq.NewTask(TypeProcessUpload, b), QueueCritical, fmt.Sprintf("process-%d-%d", uploadID, run),
		asynq.MaxRetry(25), asynq.Timeout(time.Hour))
	if err != nil {
		return fmt.Errorf("queue the processing of upload %d: %w", uploadID, err)
	}
	return nil
}

// enqueueOnce queues a task under taskID. The caller asks only for work
// the database says is still to do, so a task already under that id counts
// as queued only while it will still run (waiting, scheduled, or retrying):
// one that has run (kept for a while after), was archived when its retries
// ran out, or is marked active though a crashed worker held it, is not
// going to finish the work, and the task is queued again under an id of
// its own. Every task is safe to run twice.
func (q *Queue) enqueueOnce(ctx context.Context, t *asynq.Task, queue, taskID string, opts ...asynq.Option) error {
	opts = append(opts, asynq.Queue(queue), asynq.Retention(time.Minute))
	_, err := q.client.EnqueueContext(ctx, t, append(opts, asynq.TaskID(taskID))...)
	if !errors.Is(err, asynq.ErrTaskIDConflict) {
		return err
	}
	info, ierr := q.inspector.GetTaskInfo(queue, taskID)
	if ierr == nil {
		switch info.State {
		case asynq.TaskStatePending, asynq.TaskStateScheduled, asynq.TaskStateRetry, asynq.TaskStateAggregating:
			return nil
		}
	} else if !errors.Is(ierr, asynq.ErrTaskNotFound) {
		return ierr
	}
	_, err = q.client.EnqueueContext(ctx, t, append(opts, asynq.TaskID(fmt.Sprintf("%s-again-%d", taskID, time.Now().UnixNano())))...)
	return err
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

// Redrive queues what the database says is in hand and no task may be left
// to finish: analyses and processing a crash, a Redis restart or a queue
// that was down left behind, and re-analyses whose retries ran out. It
// finishes the clean-up of failed analyses itself. The worker runs it at
// start and then periodically (RedriveEvery); every task is safe to repeat.
//
// atStart also queues analyses a lease shows in hand: a worker that just
// started may be replacing the one that held it.
func Redrive(ctx context.Context, q *Queue, a *analysis.Service, atStart bool) error {
	ctx = viewer.System(ctx)
	w, err := a.Redrive(ctx, atStart)
	if err != nil {
		return err
	}
	var errs []error
	for _, j := range w.Analyse {
		if err := q.EnqueueAnalysis(ctx, j.UploadID, j.Run); err != nil {
			errs = append(errs, err)
		} else {
			errs = append(errs, a.Queued(ctx, j.UploadID))
		}
	}
	for _, j := range w.Process {
		if err := q.EnqueueProcessing(ctx, j.UploadID, j.Run); err != nil {
			errs = append(errs, err)
		} else {
			errs = append(errs, a.Queued(ctx, j.UploadID))
		}
	}
	for _, id := range w.Clear {
		errs = append(errs, a.ClearFailed(ctx, id))
	}
	return errors.Join(errs...)
}

// RetryDelay is the workers' retry back-off: an analysis waiting for
// another run's lease asks again in a few seconds; anything else backs off
// as the queue does by default.
func RetryDelay(n int, err error, t *asynq.Task) time.Duration {
	if errors.Is(err, analysis.ErrBusy) || errors.Is(err, invoicing.ErrBusy) {
		return 5 * time.Second
	}
	// A clerk watches a billing run's progress: any other failure (a
	// database that was busy, a lost connection) is tried again after 2 s,
	// doubling to a minute, rather than Asynq's 15 s and more.
	if t != nil && t.Type() == TypeBillingRun {
		return min(2*time.Second<<min(n, 5), time.Minute)
	}
	return asynq.DefaultRetryDelayFunc(n, err, t)
}
