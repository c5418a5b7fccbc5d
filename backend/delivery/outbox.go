package delivery

import (
	"context"
	"errors"
	"fmt"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/mail"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/delivery"
	"github.com/tollgate/tollgate/ent/invoice"
)

// Embedded reports whether emails are written to the outbox directory
// (false: they go over SMTP, and no copy is kept to show).
func (s *Service) Embedded() bool { return s.outbox() != nil }

// List is every delivery, or those in status, for paging newest first.
func (s *Service) List(status *delivery.Status) *ent.DeliveryQuery {
	q := s.Client.Delivery.Query()
	if status != nil {
		q.Where(delivery.StatusEQ(*status))
	}
	return q
}

// Emails are an invoice's deliveries, newest first.
func (s *Service) Emails(ctx context.Context, invoiceID int) ([]*ent.Delivery, error) {
	return s.Client.Delivery.Query().Where(delivery.HasInvoiceWith(invoice.ID(invoiceID))).
		Order(ent.Desc(delivery.FieldCreatedAt), ent.Desc(delivery.FieldID)).All(ctx)
}

// Message reads a delivery's email back from the outbox: nil when mail
// goes over SMTP or the email is not written yet.
func (s *Service) Message(ctx context.Context, id int) (*mail.Parsed, error) {
	if !s.Embedded() {
		return nil, nil
	}
	p, err := s.ReadMessage(ctx, id)
	if errors.Is(err, errNotWritten) {
		return nil, nil
	}
	return p, err
}

// ReadMessage is the delivery's email as written to the outbox, or an
// error that says why there is none.
func (s *Service) ReadMessage(ctx context.Context, id int) (*mail.Parsed, error) {
	o, d, err := s.inOutbox(ctx, id)
	if err != nil {
		return nil, err
	}
	p, err := o.Read(msgID(id))
	return p, notWritten(d, err)
}

// RawMessage is the delivery's .eml file as written to the outbox, or an
// error that says why there is none.
func (s *Service) RawMessage(ctx context.Context, id int) ([]byte, error) {
	o, d, err := s.inOutbox(ctx, id)
	if err != nil {
		return nil, err
	}
	b, err := o.Raw(msgID(id))
	return b, notWritten(d, err)
}

var errNotWritten = errors.New("not in the outbox")

// inOutbox reads the delivery (as the viewer may) and the outbox it is
// written to, if mail is written to one.
func (s *Service) inOutbox(ctx context.Context, id int) (*mail.Outbox, *ent.Delivery, error) {
	d, err := s.Client.Delivery.Query().Where(delivery.ID(id)).WithInvoice().Only(ctx)
	if err != nil {
		return nil, nil, apperr.NotFoundAs(err, "email", id)
	}
	o := s.outbox()
	if o == nil {
		return nil, nil, apperr.New(apperr.NotFound, "emails go to the mail server named by SMTP_URL, which keeps no copy here; look in that server's log or ask the recipient")
	}
	return o, d, nil
}

// notWritten says why the outbox has no file for d.
func notWritten(d *ent.Delivery, err error) error {
	if !errors.Is(err, mail.ErrNotInOutbox) {
		return err
	}
	return &apperr.Error{Code: apperr.NotFound, Err: errNotWritten, Message: fmt.Sprintf(
		"the email of invoice %d to %s is %s, and not written to the outbox", d.Edges.Invoice.Number, d.Recipient, statusWord(d.Status))}
}

// statusWord is a delivery's status as a clerk says it.
func statusWord(st delivery.Status) string {
	switch st {
	case delivery.StatusQueued:
		return "queued"
	case delivery.StatusSending:
		return "being sent"
	case delivery.StatusFailed:
		return "failed"
	case delivery.StatusCancelled:
		return "cancelled"
	}
	return "sent"
}
