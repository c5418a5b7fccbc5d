package app_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/fixtures"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/jobs"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/cdrupload"
)

// archive leaves a task of the given type and id in the archive, as a task
// whose retries ran out is left: the id stays taken for a long time.
func archive(t *testing.T, redisURL, typ, queue, id string, uploadID, run int) {
	t.Helper()
	opt, err := asynq.ParseRedisURI(redisURL)
	if err != nil {
		t.Fatal(err)
	}
	cl, in := asynq.NewClient(opt), asynq.NewInspector(opt)
	defer cl.Close()
	defer in.Close()
	b, _ := json.Marshal(map[string]int{"upload_id": uploadID, "run": run})
	_, err = cl.Enqueue(asynq.NewTask(typ, b), asynq.TaskID(id), asynq.Queue(queue), asynq.ProcessIn(time.Hour))
	if errors.Is(err, asynq.ErrTaskIDConflict) {
		// The worker's periodic re-drive queued the real task under this
		// id first: archive that one, or, once it has run, put ours in its
		// place.
		if in.ArchiveTask(queue, id) == nil {
			return
		}
		_ = in.DeleteTask(queue, id)
		_, err = cl.Enqueue(asynq.NewTask(typ, b), asynq.TaskID(id), asynq.Queue(queue), asynq.ProcessIn(time.Hour))
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := in.ArchiveTask(queue, id); err != nil {
		t.Fatal(err)
	}
}

func waitFor(t *testing.T, c *ent.Client, id int, want cdrupload.Status, within time.Duration) *ent.CdrUpload {
	t.Helper()
	ctx := viewer.System(context.Background())
	deadline := time.Now().Add(within)
	for {
		u, err := c.CdrUpload.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if u.Status == want {
			return u
		}
		if time.Now().After(deadline) {
			t.Fatalf("upload %d is %s (phase %s, %s) after %s, want %s", id, u.Status, u.Phase, u.FailureReason, within, want)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Issue 11, items 7 and 8: a request whose task id is held by a task that
// will never run again (archived when its retries ran out) is still queued,
// and work the database holds with no task at all — a re-analysis whose
// retries ran out — is finished by the worker's periodic re-drive, with no
// restart.
func TestTasksThatWillNotRunAreQueuedAgain(t *testing.T) {
	cfg := testenv.Config(t, testenv.MySQL)
	cfg.RedriveEvery = 300 * time.Millisecond
	env := testenv.Start(t, cfg)
	ctx := viewer.System(context.Background())
	a, c := env.App, env.App.DB.Client
	prov, err := a.Providers.Create(ctx, ent.CreateProviderInput{Name: "PBX", CdrFormat: "ASTERISK"})
	if err != nil {
		t.Fatal(err)
	}
	u, err := a.Analysis.Upload(ctx, analysis.UploadInput{ProviderID: prov.ID, FileName: "june.csv",
		File: strings.NewReader(string(fixtures.Read(t, "cdr/asterisk-sample.csv")))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Analysis.StartAnalysis(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	waitFor(t, c, u.ID, cdrupload.StatusReady, 30*time.Second)

	// A re-analysis recorded whose task ran out of retries: its id is
	// archived and nothing else will run it.
	run, err := a.Analysis.RequestAnalysis(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	archive(t, cfg.RedisURL, jobs.TypeAnalyseUpload, jobs.QueueDefault, fmt.Sprintf("analyse-%d-%d", u.ID, run), u.ID, run)
	got := waitFor(t, c, u.ID, cdrupload.StatusReady, 30*time.Second)
	if got.AnalysisRun != run || got.LinesRead == 0 {
		t.Fatalf("the re-driven analysis ended at run %d (want %d) with %d lines", got.AnalysisRun, run, got.LinesRead)
	}

	// Processing accepted while its task id is held by an archived task.
	prun, err := a.Analysis.RequestProcessing(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	archive(t, cfg.RedisURL, jobs.TypeProcessUpload, jobs.QueueCritical, fmt.Sprintf("process-%d-%d", u.ID, prun), u.ID, prun)
	if _, err := a.Analysis.StartProcessing(ctx, u.ID); err != nil { // the clerk asks again
		t.Fatal(err)
	}
	waitFor(t, c, u.ID, cdrupload.StatusProcessed, 30*time.Second)
}

// redisServer is a real Redis of the test's own, on a port of its own, that
// the test stops and starts again on the same address.
type redisServer struct {
	t    *testing.T
	port int
	cmd  *exec.Cmd
}

func startRedis(t *testing.T, port int) *redisServer {
	t.Helper()
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("redis-server is needed in CI")
		}
		t.Skip("redis-server is not installed here; CI runs this test")
	}
	r := &redisServer{t: t, port: port}
	r.cmd = exec.Command(bin, "--port", strconv.Itoa(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.stop)
	cl := redis.NewClient(&redis.Options{Addr: r.addr()})
	defer cl.Close()
	for deadline := time.Now().Add(10 * time.Second); cl.Ping(context.Background()).Err() != nil; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("redis-server did not answer")
		}
	}
	return r
}

func (r *redisServer) addr() string { return fmt.Sprintf("127.0.0.1:%d", r.port) }

func (r *redisServer) stop() {
	if r.cmd.ProcessState == nil {
		_ = r.cmd.Process.Signal(syscall.SIGKILL)
		_ = r.cmd.Wait()
	}
}

const uploadMutation = `mutation($p: ID!, $f: Upload!) { uploadCdr(input: {providerID: $p, file: $f}) { id status progress { phase } } }`

type uploadAnswer struct {
	ID       string
	Status   string
	Progress struct{ Phase string }
}

// Issue 11, item 9: with Redis down, an upload, a re-analysis and a
// processing request are recorded and answered as waiting for the queue
// (not INTERNAL), asking again is no CONFLICT, and once Redis is back the
// periodic re-drive queues the work and it finishes.
func TestRequestsWhileRedisIsDownAreQueuedWhenItReturns(t *testing.T) {
	port := mustID(t, strings.Split(testenv.FreeAddr(t), ":")[1])
	rs := startRedis(t, port)
	cfg := testenv.Config(t, testenv.MySQL)
	cfg.RedisURL = "redis://" + rs.addr() + "/0"
	cfg.RedriveEvery = 300 * time.Millisecond
	env := testenv.Start(t, cfg)
	c := env.App.DB.Client
	var prov struct{ CreateProvider struct{ ID string } }
	env.MustDo(t, `mutation { createProvider(input: {name: "PBX", cdrFormat: ASTERISK}) { id } }`, nil, &prov)
	file := fixtures.Read(t, "cdr/asterisk-sample.csv")

	rs.stop()
	var first, again struct{ UploadCdr uploadAnswer }
	decode(t, env.Upload(t, uploadMutation, map[string]any{"p": prov.CreateProvider.ID, "f": nil}, "variables.f", "june.csv", file), &first)
	if first.UploadCdr.Status != "UPLOADED" || first.UploadCdr.Progress.Phase != "WAITING_FOR_QUEUE" {
		t.Fatalf("an upload with Redis down answered %+v, want UPLOADED waiting for the queue", first.UploadCdr)
	}
	decode(t, env.Upload(t, uploadMutation, map[string]any{"p": prov.CreateProvider.ID, "f": nil}, "variables.f", "june.csv", file), &again)
	if again.UploadCdr.ID != first.UploadCdr.ID {
		t.Fatalf("sending the file again made upload %s beside %s", again.UploadCdr.ID, first.UploadCdr.ID)
	}
	id := mustID(t, first.UploadCdr.ID)

	rs = startRedis(t, port)
	ready := waitFor(t, c, id, cdrupload.StatusReady, 60*time.Second)
	if ready.LinesRead == 0 {
		t.Fatal("the re-driven analysis read nothing")
	}

	for _, m := range []string{"reanalyseUpload", "processUpload"} {
		rs.stop()
		q := `mutation($id: ID!) { ` + m + `(id: $id) { id status progress { phase } } }`
		for try := range 2 { // the clerk asks twice
			r := env.Do(t, q, map[string]any{"id": first.UploadCdr.ID})
			var ans map[string]uploadAnswer
			decode(t, r, &ans)
			if ans[m].Progress.Phase != "WAITING_FOR_QUEUE" {
				t.Fatalf("%s (try %d) with Redis down answered %+v, want waiting for the queue", m, try+1, ans[m])
			}
		}
		rs = startRedis(t, port)
		want := cdrupload.StatusReady
		if m == "processUpload" {
			want = cdrupload.StatusProcessed
		}
		got := waitFor(t, c, id, want, 60*time.Second)
		if got.Phase == string(analysis.PhaseWaitingForQueue) {
			t.Errorf("%s finished but the upload still says it waits for the queue", m)
		}
	}
}
