// Package platform opens what Tollgate runs on: configuration, the database
// (MySQL / MariaDB, or an embedded SQLite file), the queue (Redis, or an
// in-process Redis-compatible server), the blob store and progress events.
package platform

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/caarlos0/env/v11"

	"github.com/tollgate/tollgate/backend/rating"
	"github.com/tollgate/tollgate/backend/settings"
)

// Config is read from the environment; every setting has a default that
// gives the embedded trial mode.
type Config struct {
	Addr        string `env:"TOLLGATE_ADDR" envDefault:":8080"`
	DataDir     string `env:"TOLLGATE_DATA_DIR" envDefault:"./data"`
	DatabaseURL string `env:"DATABASE_URL"` // mysql://user:pass@host:3306/db; empty = SQLite in DataDir
	RedisURL    string `env:"REDIS_URL"`    // redis://host:6379/0; empty = in-process server
	BlobURL     string `env:"BLOB_URL"`     // file:///path or s3://bucket?region=...; empty = DataDir/files
	SMTPURL     string `env:"SMTP_URL"`     // smtp://user:pass@host:587; empty = DataDir/outbox
	// PublicURL is where customers reach Tollgate: the invoice email's portal link.
	PublicURL string `env:"TOLLGATE_PUBLIC_URL" envDefault:"http://localhost:8080"`

	TimeZone    string `env:"TOLLGATE_TIMEZONE" envDefault:"Europe/London"`
	CountryCode string `env:"TOLLGATE_COUNTRY_CODE" envDefault:"44"`
	Currency    string `env:"TOLLGATE_CURRENCY" envDefault:"GBP"`
	// CallPriceDecimals and Rounding shape every call price (docs/rating.md, Money).
	CallPriceDecimals int    `env:"TOLLGATE_CALL_PRICE_DECIMALS" envDefault:"4"`
	Rounding          string `env:"TOLLGATE_ROUNDING" envDefault:"half-up"`
	// InvoiceDecimals is the places of an invoice's amounts and of every
	// total the screens show.
	InvoiceDecimals int `env:"TOLLGATE_INVOICE_DECIMALS" envDefault:"2"`

	// AuthMode "session" (the default) lets in only who signs in (or
	// presents an API token); "dev" gives every other request the
	// development-only admin viewer, for a developer's own machine only;
	// "none" gives such requests no viewer at all (no sign-in either).
	AuthMode string `env:"TOLLGATE_AUTH" envDefault:"session"`
	// PortalRegistration lets customers sign themselves up to the portal
	// with their customer reference and one of their invoice numbers (an
	// activation link goes to the email they give). Off: staff invite.
	PortalRegistration bool `env:"TOLLGATE_PORTAL_REGISTRATION" envDefault:"false"`
	// SubscriptionRecheck is how often an open subscription's session or
	// API token is checked again: a signed-out session or a revoked token
	// ends its subscriptions within this time.
	SubscriptionRecheck time.Duration `env:"TOLLGATE_SUBSCRIPTION_RECHECK" envDefault:"10s"`

	LogLevel  string `env:"LOG_LEVEL" envDefault:"info"`
	LogFormat string `env:"LOG_FORMAT" envDefault:"text"` // text | json

	// RatePerIP and RatePerToken are the requests a second one address
	// and one API token may send to the API and the downloads on average,
	// with bursts of up to the Burst; 0 turns that limit off.
	RatePerIP         float64 `env:"TOLLGATE_RATE_PER_IP" envDefault:"100"`
	RateBurstPerIP    int     `env:"TOLLGATE_RATE_BURST_PER_IP" envDefault:"300"`
	RatePerToken      float64 `env:"TOLLGATE_RATE_PER_TOKEN" envDefault:"50"`
	RateBurstPerToken int     `env:"TOLLGATE_RATE_BURST_PER_TOKEN" envDefault:"100"`

	MaxPageSize   int `env:"TOLLGATE_MAX_PAGE_SIZE" envDefault:"100"`
	MaxComplexity int `env:"TOLLGATE_MAX_COMPLEXITY" envDefault:"10000"`
	// MaxUploadBytes caps one uploaded file (CDR files can be large);
	// QueryTimeout bounds how long one GraphQL query may run.
	MaxUploadBytes int64         `env:"TOLLGATE_MAX_UPLOAD_BYTES" envDefault:"2147483648"`
	QueryTimeout   time.Duration `env:"TOLLGATE_QUERY_TIMEOUT" envDefault:"30s"`
	// BodyTimeout is how long a request body may take to arrive, and how
	// long an upload may send nothing.
	BodyTimeout       time.Duration `env:"TOLLGATE_BODY_TIMEOUT" envDefault:"60s"`
	ShutdownTimeout   time.Duration `env:"TOLLGATE_SHUTDOWN_TIMEOUT" envDefault:"20s"`
	WorkerConcurrency int           `env:"TOLLGATE_WORKER_CONCURRENCY" envDefault:"4"`
	// AnalysisLease is how soon another worker takes over the upload of a
	// worker that died mid-analysis.
	AnalysisLease time.Duration `env:"TOLLGATE_ANALYSIS_LEASE" envDefault:"30s"`
	// BillingLease is how soon another worker takes over a billing run
	// whose worker stopped renewing its hold (it was killed).
	BillingLease time.Duration `env:"TOLLGATE_BILLING_LEASE" envDefault:"30s"`
	// RedriveEvery is how often a worker queues again the work the
	// database says is in hand and no task will finish.
	RedriveEvery time.Duration `env:"TOLLGATE_REDRIVE_EVERY" envDefault:"1m"`
}

// LoadConfig reads the environment.
func LoadConfig() (Config, error) {
	var c Config
	if err := env.Parse(&c); err != nil {
		return c, fmt.Errorf("configuration: %w", err)
	}
	return c, c.validate()
}

func (c Config) validate() error {
	if _, err := time.LoadLocation(c.TimeZone); err != nil {
		return fmt.Errorf("TOLLGATE_TIMEZONE %q is not a time zone name such as Europe/London", c.TimeZone)
	}
	for _, r := range c.CountryCode {
		if r < '0' || r > '9' {
			return fmt.Errorf("TOLLGATE_COUNTRY_CODE %q must be digits such as 44", c.CountryCode)
		}
	}
	if c.CallPriceDecimals < 1 || c.CallPriceDecimals > 8 {
		return fmt.Errorf("TOLLGATE_CALL_PRICE_DECIMALS must be 1 to 8, not %d", c.CallPriceDecimals)
	}
	if c.InvoiceDecimals < 0 || c.InvoiceDecimals > 8 {
		return fmt.Errorf("TOLLGATE_INVOICE_DECIMALS must be 0 to 8, not %d", c.InvoiceDecimals)
	}
	if _, err := settings.CurrencySymbol(c.Currency); err != nil {
		return fmt.Errorf("TOLLGATE_CURRENCY: %w", err)
	}
	if _, err := rating.ParseRounding(c.Rounding); err != nil {
		return fmt.Errorf("TOLLGATE_ROUNDING: %w", err)
	}
	if c.RedriveEvery <= 0 {
		return fmt.Errorf("TOLLGATE_REDRIVE_EVERY must be a positive duration such as 1m, not %s", c.RedriveEvery)
	}
	if c.AuthMode != "session" && c.AuthMode != "dev" && c.AuthMode != "none" {
		return fmt.Errorf("TOLLGATE_AUTH must be session (sign-in, the default), dev (everyone is a development admin: your own machine only) or none, not %q", c.AuthMode)
	}
	return nil
}

// Location returns the deployment time zone.
func (c Config) Location() *time.Location {
	loc, err := time.LoadLocation(c.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Settings is what the deployment is set to, as the settings query tells
// the screens.
func (c Config) Settings() settings.Settings {
	symbol, err := settings.CurrencySymbol(c.Currency)
	if err != nil {
		symbol = c.Currency // validate refuses such a code; a hand-built Config may still hold one
	}
	units := settings.UnitsOf(c.Currency)
	return settings.Settings{
		Currency:          c.Currency,
		CurrencySymbol:    symbol,
		MinorUnitSymbol:   units.MinorSymbol,
		MinorUnitName:     units.MinorName,
		MajorUnitName:     units.MajorName,
		TimeZone:          c.TimeZone,
		CountryCode:       c.CountryCode,
		CallPriceDecimals: c.CallPriceDecimals,
		InvoiceDecimals:   c.InvoiceDecimals,
		Rounding:          c.Rounding,
	}
}

// Embedded reports whether no external database is configured.
func (c Config) Embedded() bool { return c.DatabaseURL == "" }

// ensureDataDir creates the data directory and returns its absolute path.
func (c Config) ensureDataDir(sub ...string) (string, error) {
	p, err := filepath.Abs(filepath.Join(append([]string{c.DataDir}, sub...)...))
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(p, 0o750); err != nil {
		return "", fmt.Errorf("create data directory %s: %w", p, err)
	}
	return p, nil
}
