package jobs

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/hibiken/asynq"

	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/delivery"
)

// TypeSendDelivery makes one attempt at an invoice email.
const TypeSendDelivery = "delivery:send"

type deliveryPayload struct {
	DeliveryID int `json:"delivery_id"`
}

var _ delivery.Enqueuer = (*Queue)(nil)

// EnqueueDelivery queues attempt number attempt+1 of a delivery to run at
// at; the task id carries the attempt, so asking twice queues it once.
func (q *Queue) EnqueueDelivery(ctx context.Context, deliveryID, attempt int, at time.Time) error {
	b, _ := json.Marshal(deliveryPayload{DeliveryID: deliveryID})
	err := q.enqueueOnce(ctx, asynq.NewTask(TypeSendDelivery, b), QueueDefault, fmt.Sprintf("delivery-%d-%d", deliveryID, attempt),
		asynq.ProcessAt(at), asynq.MaxRetry(10), asynq.Timeout(10*time.Minute))
	if err != nil {
		return fmt.Errorf("queue invoice email %d: %w", deliveryID, err)
	}
	return nil
}

func (h *Handlers) sendDelivery(ctx context.Context, t *asynq.Task) error {
	var p deliveryPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("%w: bad payload: %v", asynq.SkipRetry, err)
	}
	return h.Delivery.Send(viewer.System(ctx), p.DeliveryID)
}
