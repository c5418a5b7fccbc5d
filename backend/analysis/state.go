package analysis

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"entgo.io/ent/dialect/sql"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/internal/txn"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/call"
	"github.com/tollgate/tollgate/ent/cdrupload"
	"github.com/tollgate/tollgate/ent/predicate"
)

// An upload's status moves only along these transitions (docs/analysis.md,
// States). move applies one as a single UPDATE guarded by the statuses it
// may start from, and by the run or lease where that matters, so of two
// requests racing on one upload exactly one wins; nothing reads a status
// and then writes another.
type transition struct {
	from []cdrupload.Status
	to   cdrupload.Status
	// refusal says in a clerk's words why the upload, as it now stands,
	// could not make the move.
	refusal func(u *ent.CdrUpload) string
}

var (
	// toReanalysis asks for a new analysis run: allowed until processing
	// starts.
	toReanalysis = transition{
		from: []cdrupload.Status{cdrupload.StatusUploaded, cdrupload.StatusAnalysing, cdrupload.StatusReady, cdrupload.StatusFailed},
		to:   cdrupload.StatusUploaded,
		refusal: func(u *ent.CdrUpload) string {
			if u.Status == cdrupload.StatusProcessing {
				return fmt.Sprintf("%s is being processed now, so it can no longer be re-analysed", u.FileName)
			}
			return fmt.Sprintf("%s has been processed: its calls belong to its customers now and it can no longer be re-analysed", u.FileName)
		},
	}
	// toAnalysing is a run taking the upload's lease.
	toAnalysing = transition{
		from:    []cdrupload.Status{cdrupload.StatusUploaded, cdrupload.StatusAnalysing},
		to:      cdrupload.StatusAnalysing,
		refusal: workerRefusal,
	}
	toReady = transition{from: []cdrupload.Status{cdrupload.StatusAnalysing}, to: cdrupload.StatusReady, refusal: workerRefusal}
	// toFailed records a run's failure; its calls are cleared after
	// (calls_to_clear), and until then nothing counts them.
	toFailed = transition{from: []cdrupload.Status{cdrupload.StatusAnalysing}, to: cdrupload.StatusFailed, refusal: workerRefusal}
	// toProcessing accepts a request to process: only a Ready upload.
	toProcessing = transition{
		from: []cdrupload.Status{cdrupload.StatusReady},
		to:   cdrupload.StatusProcessing,
		refusal: func(u *ent.CdrUpload) string {
			switch u.Status {
			case cdrupload.StatusFailed:
				return fmt.Sprintf("%s could not be analysed: fix what its failure says and re-analyse it before processing", u.FileName)
			case cdrupload.StatusUploaded, cdrupload.StatusAnalysing:
				return fmt.Sprintf("%s is being analysed now: process it once its analysis is ready", u.FileName)
			}
			return fmt.Sprintf("%s is %s: only a Ready upload can be processed", u.FileName, strings.ToLower(string(u.Status)))
		},
	}
	toProcessed = transition{from: []cdrupload.Status{cdrupload.StatusProcessing}, to: cdrupload.StatusProcessed, refusal: workerRefusal}
)

// errLost marks a move that found the upload in another state: a newer
// request or another worker got there first.
var errLost = errors.New("the upload's status changed first")

func workerRefusal(u *ent.CdrUpload) string {
	return fmt.Sprintf("%s changed while it was being worked on; its page shows where it stands now", u.FileName)
}

// move applies t to upload id, with the extra guards and the other columns
// set writes in the same statement. A lost race is a CONFLICT whose message
// names the file; its cause is errLost.
func (s *Service) move(ctx context.Context, id int, t transition, set func(*ent.CdrUploadUpdate), guards ...predicate.CdrUpload) error {
	c := txn.Client(ctx, s.Client)
	upd := c.CdrUpload.Update().Where(cdrupload.ID(id), cdrupload.StatusIn(t.from...)).Where(guards...).SetStatus(t.to)
	if set != nil {
		set(upd)
	}
	n, err := upd.Save(ctx)
	if err != nil || n == 1 {
		return err
	}
	u, err := c.CdrUpload.Get(ctx, id)
	if err != nil {
		return apperr.NotFoundAs(err, "upload", id)
	}
	return &apperr.Error{Code: apperr.Conflict, Message: t.refusal(u), Err: errLost}
}

// lost reports whether err is a move that found the upload changed.
func lost(err error) bool { return errors.Is(err, errLost) }

// CountingStatuses are the statuses whose uploads' calls are visible and
// counted (calls lists, totals, exports): an analysis under way or failed
// has calls that do not stand.
var CountingStatuses = []cdrupload.Status{cdrupload.StatusReady, cdrupload.StatusProcessing, cdrupload.StatusProcessed}

// CountedCalls selects the calls of uploads in a CountingStatuses state.
func CountedCalls() predicate.Call {
	return func(s *sql.Selector) {
		u := sql.Table(cdrupload.Table)
		st := make([]any, len(CountingStatuses))
		for i, v := range CountingStatuses {
			st[i] = string(v)
		}
		s.Where(sql.In(s.C(call.FieldUploadID), sql.Select(u.C(cdrupload.FieldID)).From(u).Where(sql.In(u.C(cdrupload.FieldStatus), st...))))
	}
}

// countedUploadsSQL is CountedCalls for the raw SQL of the call store.
func countedUploadsSQL() string {
	q := make([]string, len(CountingStatuses))
	for i, v := range CountingStatuses {
		q[i] = "'" + string(v) + "'"
	}
	return "upload_id IN (SELECT id FROM cdr_uploads WHERE status IN (" + strings.Join(q, ", ") + "))"
}

// Counted reports whether an upload in status st has final figures whose
// calls count (CountingStatuses).
func Counted(st cdrupload.Status) bool {
	for _, s := range CountingStatuses {
		if s == st {
			return true
		}
	}
	return false
}
