package platform

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
)

// Redis is the queue's and the progress events' Redis: the configured
// server, or an in-process Redis-compatible one for the embedded mode.
type Redis struct {
	Client   *redis.Client
	Asynq    asynq.RedisConnOpt
	Addr     string
	embedded *miniredis.Miniredis
}

// Embedded reports whether this is the in-process server.
func (r *Redis) Embedded() bool { return r.embedded != nil }

// Close closes the client and stops an in-process server.
func (r *Redis) Close() error {
	err := r.Client.Close()
	if r.embedded != nil {
		r.embedded.Close()
	}
	return err
}

// OpenRedis connects to REDIS_URL, or starts the in-process server when it
// is empty. The in-process server keeps nothing across restarts: the
// database is the source of truth and re-drives unfinished work.
func OpenRedis(ctx context.Context, c Config, log *slog.Logger) (*Redis, error) {
	if c.RedisURL == "" {
		// The server listens on loopback only, and any local process could
		// connect to it: every connection must give a password made afresh
		// for this process, known only to its own clients.
		secret := make([]byte, 24)
		if _, err := rand.Read(secret); err != nil {
			return nil, fmt.Errorf("make the in-process queue's password: %w", err)
		}
		password := hex.EncodeToString(secret)
		m := miniredis.NewMiniRedis()
		m.RequireAuth(password)
		if err := m.StartAddr("127.0.0.1:0"); err != nil {
			return nil, fmt.Errorf("start the in-process queue server: %w", err)
		}
		log.Info("queue: in-process Redis-compatible server", "addr", m.Addr())
		r := &Redis{
			Client:   redis.NewClient(&redis.Options{Addr: m.Addr(), Password: password}),
			Asynq:    asynq.RedisClientOpt{Addr: m.Addr(), Password: password},
			Addr:     m.Addr(),
			embedded: m,
		}
		return r, nil
	}
	opt, err := asynq.ParseRedisURI(c.RedisURL)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	ropt, err := redis.ParseURL(c.RedisURL)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	cl := redis.NewClient(ropt)
	if err := cl.Ping(ctx).Err(); err != nil {
		cl.Close()
		return nil, fmt.Errorf("cannot reach Redis at %s: %w", ropt.Addr, err)
	}
	return &Redis{Client: cl, Asynq: opt, Addr: ropt.Addr}, nil
}
