package soak_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/platform"
)

// proc is one running tollgate process.
type proc struct {
	name string
	url  string // api processes: http://addr
	cmd  *exec.Cmd
	done chan struct{} // closed when the process has exited
}

func startProc(bin, name, logPath string, env []string, args ...string) (*proc, error) {
	log, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	p := &proc{name: name, cmd: cmd, done: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		log.Close()
		close(p.done)
	}()
	return p, nil
}

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// kill ends the process at once, as a crash or `kill -9` does.
func (p *proc) kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	<-p.done
}

// stop asks the process to shut down and kills it if it has not within d.
func (p *proc) stop(d time.Duration) {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(d):
		p.kill()
	}
}

// cluster is the processes under test: api processes and one worker on one
// database, one Redis database and one blob directory (the data dir).
type cluster struct {
	bin, logDir string
	cfg         platform.Config
	env         []string
	apis        []*proc

	mu      sync.Mutex // guards worker and the counts
	worker  *proc
	kills   int
	starts  int
	crashed []string // api processes found dead
}

func newCluster(t *testing.T, bin string, cfg platform.Config) *cluster {
	c := &cluster{bin: bin, cfg: cfg, logDir: t.TempDir()}
	c.env = append(os.Environ(), "DATABASE_URL="+cfg.DatabaseURL, "REDIS_URL="+cfg.RedisURL,
		"TOLLGATE_AUTH=dev", "LOG_LEVEL=warn", "LOG_FORMAT=text",
		// A killed worker's upload is taken over 3 s after its last renewal,
		// by the next re-drive.
		"TOLLGATE_ANALYSIS_LEASE=3s", "TOLLGATE_REDRIVE_EVERY=1s")
	t.Cleanup(func() {
		for _, p := range c.all() {
			if !p.exited() {
				p.kill()
			}
		}
	})
	return c
}

func (c *cluster) all() []*proc {
	c.mu.Lock()
	defer c.mu.Unlock()
	ps := append([]*proc(nil), c.apis...)
	if c.worker != nil {
		ps = append(ps, c.worker)
	}
	return ps
}

// startAPIs starts n api processes on free loopback ports and waits until
// each answers /readyz.
func (c *cluster) startAPIs(t *testing.T, n int) {
	t.Helper()
	for i := range n {
		addr := testenv.FreeAddr(t)
		name := fmt.Sprintf("api-%d", i+1)
		p, err := startProc(c.bin, name, filepath.Join(c.logDir, name+".log"), c.env, "api", "--addr", addr, "--data-dir", c.cfg.DataDir)
		if err != nil {
			t.Fatal(err)
		}
		p.url = "http://" + addr
		c.apis = append(c.apis, p)
	}
	deadline := time.Now().Add(90 * time.Second)
	for _, p := range c.apis {
		for {
			if p.exited() {
				t.Fatalf("%s exited at start:\n%s", p.name, c.logTail(p.name, 30))
			}
			res, err := http.Get(p.url + "/readyz")
			if err == nil {
				res.Body.Close()
				if res.StatusCode == http.StatusOK {
					break
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s not ready after 90 s (%v):\n%s", p.name, err, c.logTail(p.name, 30))
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
}

// startWorker starts the worker unless it runs.
func (c *cluster) startWorker() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.worker != nil && !c.worker.exited() {
		return nil
	}
	p, err := startProc(c.bin, "worker", filepath.Join(c.logDir, "worker.log"), c.env, "worker", "--data-dir", c.cfg.DataDir)
	if err != nil {
		return err
	}
	c.worker = p
	c.starts++
	return nil
}

// killWorker SIGKILLs the worker if it runs.
func (c *cluster) killWorker() {
	c.mu.Lock()
	w := c.worker
	c.mu.Unlock()
	if w == nil || w.exited() {
		return
	}
	w.kill()
	c.mu.Lock()
	c.kills++
	c.mu.Unlock()
}

// killer kills the worker at random moments and starts it again, until ctx
// ends; the worker is left running.
func (c *cluster) killer(ctx context.Context, r *rand.Rand, fail func(string)) {
	pause := func(lo, hi time.Duration) bool {
		select {
		case <-ctx.Done():
			return false
		case <-time.After(lo + time.Duration(r.Int64N(int64(hi-lo)))):
			return true
		}
	}
	for pause(2*time.Second, 12*time.Second) {
		c.killWorker()
		pause(10*time.Millisecond, 2*time.Second)
		if err := c.startWorker(); err != nil {
			fail("restart the worker: " + err.Error())
		}
	}
	if err := c.startWorker(); err != nil {
		fail("restart the worker: " + err.Error())
	}
}

func (c *cluster) api(r *rand.Rand) *proc { return c.apis[r.IntN(len(c.apis))] }

// checkAPIs records api processes that died: nothing in the soak should
// end one.
func (c *cluster) checkAPIs() []string {
	var dead []string
	for _, p := range c.apis {
		if p.exited() {
			dead = append(dead, fmt.Sprintf("%s exited (%v):\n%s", p.name, p.cmd.ProcessState, c.logTail(p.name, 20)))
		}
	}
	return dead
}

// stopAll shuts every process down, as a deployment's stop would.
func (c *cluster) stopAll() {
	var wg sync.WaitGroup
	for _, p := range c.all() {
		wg.Add(1)
		go func() { defer wg.Done(); p.stop(15 * time.Second) }()
	}
	wg.Wait()
}

// logTail returns the last n lines of a process's log.
func (c *cluster) logTail(name string, n int) string {
	b, err := os.ReadFile(filepath.Join(c.logDir, name+".log"))
	if err != nil {
		return err.Error()
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// errorLines returns up to n lines logged at level ERROR by any process.
func (c *cluster) errorLines(n int) []string {
	var out []string
	files, _ := filepath.Glob(filepath.Join(c.logDir, "*.log"))
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() && len(out) < n {
			if strings.Contains(sc.Text(), "level=ERROR") {
				out = append(out, filepath.Base(f)+": "+sc.Text())
			}
		}
		fh.Close()
	}
	return out
}
