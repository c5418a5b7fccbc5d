// Package events is the contract between a domain package that announces
// changes and whoever listens (the GraphQL subscriptions): each domain
// declares its event as one Go type that knows its topic, and the bus
// (Redis pub/sub in platform.Events) carries it as JSON. Events are hints to
// refresh: a lost one costs freshness, never correctness, because the state
// itself lives in the database.
package events

import (
	"context"
	"encoding/json"
)

// Publisher sends a payload to every subscriber of a topic.
type Publisher interface {
	Publish(ctx context.Context, topic string, payload []byte) error
}

// Subscriber receives the payloads published to a topic until ctx ends.
type Subscriber interface {
	Subscribe(ctx context.Context, topic string) (<-chan []byte, error)
}

// Bus both publishes and subscribes; platform.Events is one.
type Bus interface {
	Publisher
	Subscriber
}

// Event is a domain event: it names the topic it is published on.
type Event interface {
	Topic() string
}

// Publish sends e on its topic. A nil publisher (a CLI run with nobody
// listening) drops it. The publish outlives a cancelled ctx, so that the
// last "finished" event of a job reaches its watchers.
func Publish(ctx context.Context, p Publisher, e Event) error {
	if p == nil {
		return nil
	}
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return p.Publish(context.WithoutCancel(ctx), e.Topic(), b)
}

// Watch turns the events of type E published on topic into fresh reads of
// what changed, until ctx ends: an event is only a hint, so each one is
// handed to load, which reads the thing again. A payload that is not an E,
// or a read that fails (the thing was deleted, or the viewer may no longer
// see it), sends nothing.
func Watch[E, T any](ctx context.Context, s Subscriber, topic string, load func(context.Context, E) (T, error)) (<-chan T, error) {
	raw, err := s.Subscribe(ctx, topic)
	if err != nil {
		return nil, err
	}
	out := make(chan T, 1)
	go func() {
		defer close(out)
		for b := range raw {
			var e E
			if json.Unmarshal(b, &e) != nil {
				continue
			}
			v, err := load(ctx, e)
			if err != nil {
				continue
			}
			select {
			case out <- v:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out, nil
}
