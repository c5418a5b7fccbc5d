package platform

import (
	"context"

	"github.com/redis/go-redis/v9"

	"github.com/tollgate/tollgate/backend/internal/events"
)

// Events is the bus the domains' events travel on.
var _ events.Bus = (*Events)(nil)

// Events fans progress and change events out through Redis pub/sub, so a
// subscriber on any API process sees what a worker on any other does.
type Events struct{ rdb *redis.Client }

// NewEvents returns the event bus on rdb.
func NewEvents(rdb *redis.Client) *Events { return &Events{rdb: rdb} }

const eventPrefix = "tollgate:events:"

// Publish sends payload to every subscriber of topic. Events are hints to
// refresh: a lost one costs freshness, never correctness, because the state
// itself lives in the database.
func (e *Events) Publish(ctx context.Context, topic string, payload []byte) error {
	return e.rdb.Publish(ctx, eventPrefix+topic, payload).Err()
}

// Subscribe returns the payloads published to topic until ctx ends.
func (e *Events) Subscribe(ctx context.Context, topic string) (<-chan []byte, error) {
	sub := e.rdb.Subscribe(ctx, eventPrefix+topic)
	if _, err := sub.Receive(ctx); err != nil { // wait for the subscription to be live
		sub.Close()
		return nil, err
	}
	out := make(chan []byte, 16)
	go func() {
		defer close(out)
		defer sub.Close()
		ch := sub.Channel()
		for {
			select {
			case <-ctx.Done():
				return
			case m, ok := <-ch:
				if !ok {
					return
				}
				select {
				case out <- []byte(m.Payload):
				default: // a slow subscriber drops hints rather than blocking the bus
				}
			}
		}
	}()
	return out, nil
}
