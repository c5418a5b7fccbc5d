// Package testenv starts real Tollgate runtimes for integration tests: the
// embedded default (SQLite + in-process queue) and production-like MariaDB +
// Redis, each test with its own database that is dropped afterwards.
//
// MariaDB and Redis are found at TOLLGATE_TEST_MYSQL (default
// root:@tcp(127.0.0.1:3306)/) and TOLLGATE_TEST_REDIS (default
// redis://127.0.0.1:6379; each test claims one of its databases 1 to 15). When they do not answer, tests of that mode
// are skipped — except under CI=true, where that is a failure.
package testenv

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/redis/go-redis/v9"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/backend/web"
)

// Mode is a runtime flavour under test.
type Mode string

const (
	Embedded Mode = "embedded" // SQLite + in-process Redis-compatible server
	MySQL    Mode = "mysql"    // MariaDB / MySQL + Redis
)

// Modes lists every mode, for table-driven tests.
var Modes = []Mode{Embedded, MySQL}

// Env is one running Tollgate for one test.
type Env struct {
	App    *app.App
	Server *httptest.Server
	Config platform.Config
	stop   func()
}

// Stop shuts the runtime down, as a process exit would; the test's cleanup
// does it otherwise.
func (e *Env) Stop() { e.stop() }

var seq atomic.Int64

func mysqlRoot() string {
	if v := os.Getenv("TOLLGATE_TEST_MYSQL"); v != "" {
		return v
	}
	return "root:@tcp(127.0.0.1:3306)/"
}

func redisURL() string {
	if v := os.Getenv("TOLLGATE_TEST_REDIS"); v != "" {
		return v
	}
	return "redis://127.0.0.1:6379"
}

func unavailable(t testing.TB, what string, err error) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is needed in CI and did not answer: %v", what, err)
	}
	t.Skipf("%s not available here (%v); CI runs this test", what, err)
}

// Config returns a configuration for mode with its own database (dropped
// when the test ends) and its own data directory.
func Config(t testing.TB, mode Mode) platform.Config {
	t.Helper()
	cfg, err := platform.LoadConfig()
	if err != nil {
		t.Fatal(err)
	}
	cfg.DataDir = t.TempDir()
	cfg.Addr = "127.0.0.1:0"
	cfg.DatabaseURL, cfg.RedisURL, cfg.BlobURL, cfg.SMTPURL = "", "", "", ""
	cfg.ShutdownTimeout = 5 * time.Second
	// Tests drive analyses in-process; one that needs the periodic
	// re-drive sets its own interval.
	cfg.RedriveEvery = time.Hour
	// Tests send requests as fast as they can from one address; a test
	// of the rate limits sets its own.
	cfg.RatePerIP, cfg.RatePerToken = 0, 0
	// Most tests act as the development admin; the sign-in tests set
	// "session".
	cfg.AuthMode = "dev"
	if mode == MySQL {
		cfg.DatabaseURL = CreateMySQLDatabase(t)
		cfg.RedisURL = claimRedisDB(t)
	}
	return cfg
}

// claimRedisDB gives the test a Redis database of its own (1 to 15),
// emptied, so that workers of tests running at once — in other packages,
// other processes — never take each other's tasks. Claims are keys in
// database 0 that expire if a test dies without releasing its own.
func claimRedisDB(t testing.TB) string {
	t.Helper()
	opts := mustRedisOpts(t, redisURL())
	ctl := redis.NewClient(&redis.Options{Addr: opts.Addr, Password: opts.Password, DB: 0})
	ctx := context.Background()
	if err := ctl.Ping(ctx).Err(); err != nil {
		ctl.Close()
		unavailable(t, "Redis", err)
	}
	token := fmt.Sprintf("%d-%d", os.Getpid(), time.Now().UnixNano())
	deadline := time.Now().Add(2 * time.Minute)
	for {
		for db := 1; db <= 15; db++ {
			key := fmt.Sprintf("tollgate:test:redis-db:%d", db)
			ok, err := ctl.SetNX(ctx, key, token, 10*time.Minute).Result()
			if err != nil {
				ctl.Close()
				t.Fatal(err)
			}
			if !ok {
				continue
			}
			own := redis.NewClient(&redis.Options{Addr: opts.Addr, Password: opts.Password, DB: db})
			if err := own.FlushDB(ctx).Err(); err != nil {
				t.Fatal(err)
			}
			own.Close()
			t.Cleanup(func() {
				own := redis.NewClient(&redis.Options{Addr: opts.Addr, Password: opts.Password, DB: db})
				_ = own.FlushDB(context.Background()).Err()
				own.Close()
				if v, _ := ctl.Get(context.Background(), key).Result(); v == token {
					ctl.Del(context.Background(), key)
				}
				ctl.Close()
			})
			return fmt.Sprintf("redis://%s/%d", opts.Addr, db)
		}
		if time.Now().After(deadline) {
			ctl.Close()
			t.Fatal("no free Redis database for the test after 2 minutes")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func mustRedisOpts(t testing.TB, u string) *redis.Options {
	o, err := redis.ParseURL(u)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// CreateMySQLDatabase makes an empty database with a unique name, drops it
// when the test ends, and returns its DSN.
func CreateMySQLDatabase(t testing.TB) string {
	t.Helper()
	root := mysqlRoot()
	db, err := sql.Open("mysql", root)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		unavailable(t, "MariaDB", err)
	}
	name := fmt.Sprintf("tollgate_test_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, seq.Add(1))
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name+" CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"); err != nil {
		db.Close()
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		_, _ = db.Exec("DROP DATABASE IF EXISTS " + name)
		db.Close()
	})
	cfg, err := mysql.ParseDSN(root)
	if err != nil {
		t.Fatal(err)
	}
	cfg.DBName = name
	return cfg.FormatDSN()
}

// Logger is a quiet logger for tests (warnings and errors only).
func Logger() *slog.Logger {
	if os.Getenv("TOLLGATE_TEST_LOG") != "" {
		return platform.NewLogger(os.Stderr, "debug", "text")
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// Start runs a whole Tollgate (migrations, API and worker) on cfg until
// the test ends.
func Start(t testing.TB, cfg platform.Config) *Env {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	a, err := app.Open(ctx, cfg, Logger(), true)
	if err != nil {
		cancel()
		t.Fatalf("open %s: %v", describe(cfg), err)
	}
	srv := httptest.NewUnstartedServer(a.Handler())
	web.ServerTimeouts(srv.Config)
	srv.Start()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = a.RunWorker(ctx)
	}()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			srv.Close()
			cancel()
			<-done
			a.Close()
		})
	}
	t.Cleanup(stop)
	return &Env{App: a, Server: srv, Config: cfg, stop: stop}
}

// StartMode runs a fresh Tollgate in mode.
func StartMode(t testing.TB, mode Mode) *Env {
	return Start(t, Config(t, mode))
}

func describe(cfg platform.Config) string {
	if cfg.DatabaseURL == "" {
		return "embedded Tollgate in " + cfg.DataDir
	}
	return "Tollgate on " + strings.SplitN(cfg.DatabaseURL, "@", 2)[len(strings.SplitN(cfg.DatabaseURL, "@", 2))-1]
}

// FreeAddr returns a loopback address nobody listens on.
func FreeAddr(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
