package jobs_test

import (
	"errors"
	"testing"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tollgate/tollgate/backend/jobs"
)

// A billing run that failed for a passing reason is tried again within
// seconds, since a clerk is watching its progress; other tasks keep
// Asynq's slower back-off.
func TestABillingRunIsRetriedWithinSeconds(t *testing.T) {
	run := asynq.NewTask(jobs.TypeBillingRun, nil)
	busy := errors.New("database is locked")
	want := []time.Duration{2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 32 * time.Second, time.Minute, time.Minute}
	for n, w := range want {
		if got := jobs.RetryDelay(n, busy, run); got != w {
			t.Errorf("retry %d of a billing run after %v: %s, want %s", n, busy, got, w)
		}
	}
	if got := jobs.RetryDelay(0, busy, asynq.NewTask("documents:render", nil)); got < 15*time.Second {
		t.Errorf("another task's first retry is %s; Asynq's back-off starts at 15 s", got)
	}
}
