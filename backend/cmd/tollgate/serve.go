package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/platform"
)

// runtimeFlags are the settings the serve, api, worker and migrate commands
// share; flags win over the environment.
type runtimeFlags struct{ addr, dataDir string }

func (f *runtimeFlags) bind(cmd *cobra.Command, withAddr bool) {
	if withAddr {
		cmd.Flags().StringVar(&f.addr, "addr", "", "listen address (default :8080, or TOLLGATE_ADDR)")
	}
	cmd.Flags().StringVar(&f.dataDir, "data-dir", "", "directory for the embedded database, queue files and blobs (default ./data, or TOLLGATE_DATA_DIR)")
}

func (f *runtimeFlags) config() (platform.Config, error) {
	cfg, err := platform.LoadConfig()
	if err != nil {
		return cfg, err
	}
	if f.addr != "" {
		cfg.Addr = f.addr
	}
	if f.dataDir != "" {
		cfg.DataDir = f.dataDir
	}
	return cfg, nil
}

// start is the beginning of every long-running command: its configuration,
// its logger, and a context that ends on Ctrl-C or SIGTERM (call stop).
func (f *runtimeFlags) start() (platform.Config, *slog.Logger, context.Context, context.CancelFunc, error) {
	cfg, err := f.config()
	if err != nil {
		return cfg, nil, nil, nil, err
	}
	ctx, stop := signalContext()
	return cfg, platform.NewLogger(os.Stderr, cfg.LogLevel, cfg.LogFormat), ctx, stop, nil
}

func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func newServeCmd(use, short string, api, worker bool) *cobra.Command {
	var f runtimeFlags
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, log, ctx, stop, err := f.start()
			if err != nil {
				return err
			}
			defer stop()
			// serve and api apply pending migrations at start; a worker
			// waits for an api process to have done so.
			a, err := app.Open(ctx, cfg, log, api)
			if err != nil {
				return err
			}
			defer a.Close()
			if worker && !api && a.Redis.Embedded() {
				return fmt.Errorf("a separate worker needs REDIS_URL: with the in-process queue only `tollgate serve` can run tasks")
			}
			g, gctx := errgroup.WithContext(ctx)
			if api {
				ln, err := net.Listen("tcp", cfg.Addr)
				if err != nil {
					return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
				}
				if err := a.AnnounceAuth(ctx, os.Stderr); err != nil {
					return err
				}
				g.Go(func() error { return a.ServeHTTP(gctx, ln) })
			}
			if worker {
				g.Go(func() error { return a.RunWorker(gctx) })
			}
			return g.Wait()
		},
	}
	f.bind(cmd, api)
	return cmd
}

var migrateFlags runtimeFlags

var migrateCmd = &cobra.Command{
	Use:   "migrate",
	Short: "Apply pending database migrations and exit",
	Args:  cobra.NoArgs,
	RunE: func(cmd *cobra.Command, _ []string) error {
		cfg, log, ctx, stop, err := migrateFlags.start()
		if err != nil {
			return err
		}
		defer stop()
		db, err := platform.OpenDatabase(ctx, cfg)
		if err != nil {
			return err
		}
		defer db.Close()
		if err := platform.Migrate(ctx, db, log); err != nil {
			return err
		}
		log.Info("database is up to date", "dialect", db.Dialect, "name", db.Name)
		return nil
	},
}

func init() {
	rootCmd.AddCommand(
		newServeCmd("serve", "Run the API, the SPA and a worker in one process (embedded defaults when nothing is configured)", true, true),
		newServeCmd("api", "Run only the API and the SPA (production: many behind a load balancer)", true, false),
		newServeCmd("worker", "Run only the task worker (production: as many as the load needs)", false, true),
		migrateCmd,
	)
	migrateFlags.bind(migrateCmd, false)
}
