// Package app wires Tollgate's runtime together: configuration, database,
// queue, blob store, the HTTP server and the task worker. The commands
// (serve, api, worker) and the integration tests start it the same way.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"entgo.io/ent/dialect"
	"github.com/hibiken/asynq"
	"gocloud.dev/blob"

	"github.com/tollgate/tollgate/backend/analysis"
	"github.com/tollgate/tollgate/backend/audit"
	"github.com/tollgate/tollgate/backend/auth/session"
	"github.com/tollgate/tollgate/backend/auth/tokens"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/billing"
	"github.com/tollgate/tollgate/backend/billing/rules"
	"github.com/tollgate/tollgate/backend/company"
	"github.com/tollgate/tollgate/backend/customers"
	"github.com/tollgate/tollgate/backend/dashboard"
	"github.com/tollgate/tollgate/backend/delivery"
	"github.com/tollgate/tollgate/backend/documents"
	"github.com/tollgate/tollgate/backend/graph"
	"github.com/tollgate/tollgate/backend/internal/periodic"
	"github.com/tollgate/tollgate/backend/invoicing"
	"github.com/tollgate/tollgate/backend/jobs"
	"github.com/tollgate/tollgate/backend/platform"
	"github.com/tollgate/tollgate/backend/portal"
	"github.com/tollgate/tollgate/backend/providers"
	"github.com/tollgate/tollgate/backend/tariffs"
	"github.com/tollgate/tollgate/backend/web"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/frontend"
)

// App is one Tollgate process's resources.
type App struct {
	Config platform.Config
	Log    *slog.Logger
	DB     *platform.Database
	Redis  *platform.Redis
	Blobs  *blob.Bucket
	Events *platform.Events
	Queue  *jobs.Queue
	// The domain services; each owns its transactions.
	Customers *customers.Service
	Providers *providers.Service
	Billing   *billing.Service
	// Dashboards computes the staff dashboard's cards.
	Dashboards *dashboard.Service
	// Portal reads a customer's own data for its portal.
	Portal *portal.Service
	// Pricing prices calls from the database's rate sheets and peak times.
	Pricing *tariffs.Service
	// Analysis stores, analyses and processes CDR uploads.
	Analysis *analysis.Service
	// Company keeps the company's settings.
	Company *company.Service
	// Documents renders and stores invoice PDFs and call statements.
	Documents *documents.Service
	// Invoicing previews, starts and executes billing runs.
	Invoicing *invoicing.Service
	// Invoices settles and deletes issued invoices.
	Invoices *invoicing.Invoices
	// Delivery sends invoice emails from the outbox table.
	Delivery *delivery.Service
	// Tokens makes, revokes and checks API tokens.
	Tokens *tokens.Service
	// Sessions signs staff in and out (TOLLGATE_AUTH=session).
	Sessions *session.Service
	// Audit records mutations, sign-ins and refusals.
	Audit *audit.Log
}

// Open opens everything the configuration names and applies pending
// migrations when migrate is set.
func Open(ctx context.Context, cfg platform.Config, log *slog.Logger, migrate bool) (*App, error) {
	a := &App{Config: cfg, Log: log}
	var err error
	if a.DB, err = platform.OpenDatabase(ctx, cfg); err != nil {
		return nil, err
	}
	log.Info("database", "dialect", a.DB.Dialect, "name", a.DB.Name)
	if migrate {
		if err = platform.Migrate(ctx, a.DB, log); err != nil {
			a.Close()
			return nil, err
		}
	}
	if a.Redis, err = platform.OpenRedis(ctx, cfg, log); err != nil {
		a.Close()
		return nil, err
	}
	if a.Blobs, err = platform.OpenBlobs(ctx, cfg); err != nil {
		a.Close()
		return nil, err
	}
	a.Events = platform.NewEvents(a.Redis.Client)
	if a.Pricing, err = tariffs.NewService(a.DB.Client, cfg.CountryCode, cfg.TimeZone, cfg.Rounding, cfg.CallPriceDecimals, a.Blobs); err != nil {
		a.Close()
		return nil, err
	}
	a.Pricing.SetCurrency(cfg.Currency)
	a.Pricing.LoadInBatches = a.DB.Dialect == dialect.SQLite
	if migrate {
		if err = a.Pricing.EnsureDefaults(viewer.System(ctx)); err != nil {
			a.Close()
			return nil, fmt.Errorf("create the default tariff and peak times: %w", err)
		}
	}
	a.Queue = jobs.NewQueue(a.Redis.Asynq)
	a.Customers = customers.NewService(a.DB.Client, cfg.CountryCode, a.DB.Dialect == dialect.MySQL)
	a.Customers.Zone = cfg.Location()
	a.Providers = providers.NewService(a.DB.Client)
	a.Billing = &billing.Service{
		Client: a.DB.Client, Queue: a.Queue, Events: a.Events, RowLocks: a.DB.Dialect == dialect.MySQL,
		PricePlaces: int32(cfg.InvoiceDecimals), Zone: cfg.Location(),
	}
	a.Invoices = invoicing.NewInvoices(a.DB.Client, a.Billing, a.Events, cfg.Location())
	// The configuration was checked at load: its rounding mode parses.
	rounding, _ := rules.ParseRounding(cfg.Rounding)
	a.Invoices.Money = rules.Money{Places: int32(cfg.InvoiceDecimals), Rounding: rounding}
	a.Company = &company.Service{Client: a.DB.Client, Blobs: a.Blobs, Deployment: cfg.Settings(), RowLocks: a.DB.Dialect == dialect.MySQL}
	sender, err := platform.OpenMailer(cfg)
	if err != nil {
		a.Close()
		return nil, err
	}
	a.Delivery = &delivery.Service{
		Client: a.DB.Client, Blobs: a.Blobs, Company: a.Company, Sender: sender, Queue: a.Queue,
		PortalLink: cfg.PublicURL, Log: log,
	}
	a.Documents = &documents.Service{
		Client: a.DB.Client, Blobs: a.Blobs, Company: a.Company, Location: a.Pricing.Zone.Location(),
		FoldBelow: documents.DefaultFoldBelow, Workers: documents.DefaultWorkers, Released: a.Delivery, Log: log,
	}
	a.Invoicing = &invoicing.Service{
		Client: a.DB.Client, Company: a.Company, Queue: a.Queue, Events: a.Events, Log: log,
		MySQL: a.DB.Dialect == dialect.MySQL, Lease: cfg.BillingLease,
	}
	a.Tokens = &tokens.Service{Client: a.DB.Client}
	a.Sessions = &session.Service{Client: a.DB.Client}
	a.Audit = &audit.Log{Client: a.DB.Client, Log: log}
	a.Portal = &portal.Service{Client: a.DB.Client, Zone: cfg.Location()}
	a.Dashboards = &dashboard.Service{Client: a.DB.Client, SQL: a.DB.DB, Dialect: a.DB.Dialect, Zone: cfg.Location(), Cache: dashboard.NewCache()}
	a.Analysis = &analysis.Service{
		Client: a.DB.Client, SQL: a.DB.DB, Dialect: a.DB.Dialect, Blobs: a.Blobs, Pricing: a.Pricing,
		Events: a.Events, Log: log, CountryCode: cfg.CountryCode, Lease: cfg.AnalysisLease, Queue: a.Queue,
	}
	return a, nil
}

// Close releases everything Open opened.
func (a *App) Close() {
	if a.Queue != nil {
		_ = a.Queue.Close()
	}
	if a.Blobs != nil {
		_ = a.Blobs.Close()
	}
	if a.Redis != nil {
		_ = a.Redis.Close()
	}
	if a.DB != nil {
		_ = a.DB.Close()
	}
}

// Resolver returns the GraphQL root resolver.
func (a *App) Resolver() *graph.Resolver {
	return &graph.Resolver{
		Client:         a.DB.Client,
		Customers:      a.Customers,
		Providers:      a.Providers,
		Billing:        a.Billing,
		Pricing:        a.Pricing,
		Analysis:       a.Analysis,
		Events:         a.Events,
		MaxPageSize:    a.Config.MaxPageSize,
		Company:        a.Company,
		Invoicing:      a.Invoicing,
		Dashboards:     a.Dashboards,
		InvoiceActions: a.Invoices,
		Mail:           a.Delivery,
		Tokens:         a.Tokens,
		Sessions:       a.Sessions,
		LinkURL:        a.LinkURL,
		Audit:          a.Audit,
		Portals:        a.Portal,
		SendPortalInvite: func(ctx context.Context, u *ent.User, link string, exp time.Time) error {
			return a.emailPortalLink(ctx, u, link, exp, false)
		},
	}
}

// Handler returns the HTTP handler: API, GraphiQL, health and the SPA.
func (a *App) Handler() http.Handler {
	spa, _ := frontend.Dist()
	return web.Handler(web.Options{
		Resolver:           a.Resolver(),
		Client:             a.DB.Client,
		Log:                a.Log,
		MaxComplexity:      a.Config.MaxComplexity,
		DevViewer:          a.Config.AuthMode == "dev",
		Tokens:             a.Tokens,
		Sessions:           a.sessionsIfSignIn(),
		PublicURL:          a.Config.PublicURL,
		RecheckEvery:       a.Config.SubscriptionRecheck,
		ForgotPassword:     a.EmailPasswordReset,
		RegisterPortalUser: a.registerPortalUser(),
		Audit:              a.Audit,
		RateLimits: web.RateLimits{
			PerIP:    web.Rate{PerSecond: a.Config.RatePerIP, Burst: a.Config.RateBurstPerIP},
			PerToken: web.Rate{PerSecond: a.Config.RatePerToken, Burst: a.Config.RateBurstPerToken},
		},
		SPA:       spa,
		Ready:     a.Ready,
		Downloads: a.downloads,
		Limits: web.Limits{MaxUploadBytes: a.Config.MaxUploadBytes, QueryTimeout: a.Config.QueryTimeout,
			BodyTimeout: a.Config.BodyTimeout},
	})
}

// sessionsIfSignIn is the sign-in service when people sign in
// (TOLLGATE_AUTH=session), nil when they do not.
func (a *App) sessionsIfSignIn() *session.Service {
	if a.Config.AuthMode == "session" {
		return a.Sessions
	}
	return nil
}

// Ready reports whether the database and the queue answer.
func (a *App) Ready(ctx context.Context) error {
	if err := a.DB.DB.PingContext(ctx); err != nil {
		return fmt.Errorf("database: %w", err)
	}
	if err := a.Redis.Client.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	return nil
}

// ServeHTTP listens on ln until ctx ends, then drains requests for up to the
// configured shutdown timeout.
func (a *App) ServeHTTP(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:     a.Handler(),
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	web.ServerTimeouts(srv)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	a.Log.Info("listening", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), a.Config.ShutdownTimeout)
	defer cancel()
	a.Log.Info("shutting down the HTTP server")
	if err := srv.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// RunWorker processes tasks until ctx ends, then lets running tasks finish
// (up to the shutdown timeout; unfinished ones are re-queued).
func (a *App) RunWorker(ctx context.Context) error {
	srv := asynq.NewServer(a.Redis.Asynq, asynq.Config{
		Concurrency:     a.Config.WorkerConcurrency,
		Queues:          jobs.Weights,
		ShutdownTimeout: a.Config.ShutdownTimeout,
		Logger:          asynqLogger{a.Log},
		RetryDelayFunc:  jobs.RetryDelay,
		LogLevel:        asynq.WarnLevel,
	})
	mux := asynq.NewServeMux()
	(&jobs.Handlers{Analysis: a.Analysis, Billing: a.Billing, Documents: a.Documents, Invoicing: a.Invoicing, Delivery: a.Delivery, Queue: a.Queue, Log: a.Log}).Register(mux)
	if err := srv.Start(mux); err != nil {
		return fmt.Errorf("start the worker: %w", err)
	}
	// Work a crash, a Redis restart or a queue that was down left behind
	// is in the database: queue it again now and then periodically (every
	// task is safe to repeat), so no upload waits for a restart.
	redrive := func(atStart bool) {
		if err := jobs.Redrive(ctx, a.Queue, a.Analysis, atStart); err != nil && ctx.Err() == nil {
			a.Log.Error("re-queue interrupted uploads", "err", err)
		}
		if err := jobs.RedriveBilling(ctx, a.Invoicing); err != nil && ctx.Err() == nil {
			a.Log.Error("re-queue interrupted billing runs", "err", err)
		}
		if err := a.Delivery.Redrive(viewer.System(ctx)); err != nil && ctx.Err() == nil {
			a.Log.Error("re-queue due invoice emails", "err", err)
		}
	}
	redrive(true)
	stopRedrive := periodic.Every(a.Config.RedriveEvery, func() { redrive(false) })
	// Schedules' due runs: every worker lists them; the task id keeps one.
	stopDue, err := jobs.StartDueRuns(a.Redis.Client, &jobs.DueRuns{Client: a.DB.Client, Zone: a.Config.Location()}, time.Minute, asynqLogger{a.Log})
	if err != nil {
		stopRedrive()
		srv.Shutdown()
		return err
	}
	a.Log.Info("worker started", "concurrency", a.Config.WorkerConcurrency)
	<-ctx.Done()
	stopDue()
	stopRedrive()
	srv.Shutdown()
	return nil
}

type asynqLogger struct{ l *slog.Logger }

func (l asynqLogger) Debug(args ...any) { l.l.Debug(fmt.Sprint(args...)) }
func (l asynqLogger) Info(args ...any)  { l.l.Info(fmt.Sprint(args...)) }
func (l asynqLogger) Warn(args ...any)  { l.l.Warn(fmt.Sprint(args...)) }
func (l asynqLogger) Error(args ...any) { l.l.Error(fmt.Sprint(args...)) }
func (l asynqLogger) Fatal(args ...any) { l.l.Error(fmt.Sprint(args...)) }
