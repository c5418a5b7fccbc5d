// Package delivery is the outbox: each Delivery row is one invoice email to
// one address. Once the invoice's documents are stored its queued rows are
// sent: a worker claims one with a lease (QUEUED→SENDING), sends it with
// backend/mail — the invoice PDF and the call statement attached — and
// marks it SENT once; a failure goes back to QUEUED with back-off, or to
// FAILED with the reason. docs/delivery.md says why nothing is sent twice.
package delivery

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	netmail "net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gocloud.dev/blob"

	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/company"
	"github.com/tollgate/tollgate/backend/mail"
	"github.com/tollgate/tollgate/backend/render"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/delivery"
	"github.com/tollgate/tollgate/ent/invoice"
)

// Enqueuer queues the sending of a delivery at a time; backend/jobs
// implements it.
type Enqueuer interface {
	EnqueueDelivery(ctx context.Context, deliveryID, attempt int, at time.Time) error
}

// Service sends the outbox.
type Service struct {
	Client  *ent.Client
	Blobs   *blob.Bucket
	Company *company.Service
	Sender  mail.Sender
	// Queue queues each send; nil where sends are driven by hand (tests).
	Queue Enqueuer
	// Lease is how long a claim holds a delivery; a send is cut off before
	// it ends.
	Lease time.Duration
	// MaxAttempts is how many times a delivery is tried before FAILED.
	MaxAttempts int
	// Backoff is the wait after the first failed attempt; it doubles with
	// each one after, up to MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// PortalLink is the customer portal's address for the email.
	PortalLink string
	Log        *slog.Logger
	// Now is the clock; nil is time.Now.
	Now func() time.Time
}

// Defaults of a Service.
const (
	DefaultLease       = 5 * time.Minute
	DefaultMaxAttempts = 8
	DefaultBackoff     = time.Minute
	DefaultMaxBackoff  = 6 * time.Hour
)

// MaybeSent is the reason a delivery fails with when its worker stopped
// between claiming it and recording the server's answer over SMTP.
const MaybeSent = "The worker stopped while sending this email, so it may have been sent. Check with the customer before you retry it."

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Service) lease() time.Duration   { return cmpOr(s.Lease, DefaultLease) }
func (s *Service) attempts() int          { return cmpOr(s.MaxAttempts, DefaultMaxAttempts) }
func (s *Service) backoff() time.Duration { return cmpOr(s.Backoff, DefaultBackoff) }
func (s *Service) maxWait() time.Duration { return cmpOr(s.MaxBackoff, DefaultMaxBackoff) }
func cmpOr[T int | time.Duration](v, d T) T {
	if v > 0 {
		return v
	}
	return d
}

// outbox is the Sender when it is the embedded outbox directory.
func (s *Service) outbox() *mail.Outbox {
	o, _ := s.Sender.(*mail.Outbox)
	return o
}

// Wait is the back-off after the given number of failed attempts.
func (s *Service) Wait(failed int) time.Duration {
	w := s.backoff()
	for i := 1; i < failed && w < s.maxWait(); i++ {
		w *= 2
	}
	return min(w, s.maxWait())
}

// msgID is the delivery's id in mail: the outbox file and the left of
// the Message-ID.
func msgID(id int) string { return "delivery-" + strconv.Itoa(id) }

// DocumentsStored queues the sending of the invoices' queued deliveries,
// read in one query; backend/documents calls it once a batch's PDFs and
// statements are stored.
func (s *Service) DocumentsStored(ctx context.Context, invoiceIDs []int) error {
	ds, err := s.Client.Delivery.Query().
		Where(delivery.HasInvoiceWith(invoice.IDIn(invoiceIDs...)), delivery.StatusEQ(delivery.StatusQueued)).All(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, d := range ds {
		errs = append(errs, s.enqueue(ctx, d))
	}
	return errors.Join(errs...)
}

func (s *Service) enqueue(ctx context.Context, d *ent.Delivery) error {
	if s.Queue == nil {
		return nil
	}
	at := s.now()
	if d.NextAttemptAt != nil && d.NextAttemptAt.After(at) {
		at = *d.NextAttemptAt
	}
	return s.Queue.EnqueueDelivery(ctx, d.ID, d.Attempts, at)
}

// Send makes one attempt at a delivery if it is due: the task body. A
// delivery not queued, not due, or whose invoice has no documents yet is
// left alone (its documents or its back-off queue it again).
func (s *Service) Send(ctx context.Context, id int) error {
	d, err := s.Client.Delivery.Query().Where(delivery.ID(id)).WithInvoice().Only(ctx)
	if ent.IsNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	inv := d.Edges.Invoice
	now := s.now()
	if d.Status != delivery.StatusQueued || inv.DocumentsAt == nil || (d.NextAttemptAt != nil && d.NextAttemptAt.After(now)) {
		return nil
	}
	token, err := newToken()
	if err != nil {
		return err
	}
	n, err := s.Client.Delivery.Update().
		Where(delivery.ID(id), delivery.StatusEQ(delivery.StatusQueued),
			delivery.Or(delivery.NextAttemptAtIsNil(), delivery.NextAttemptAtLTE(now))).
		SetStatus(delivery.StatusSending).AddAttempts(1).SetLeaseOwner(token).SetLeaseUntil(now.Add(s.lease())).
		Save(ctx)
	if err != nil || n == 0 {
		return err // 0: another worker claimed it
	}
	d.Attempts++
	settings, err := s.Company.Get(ctx)
	if err != nil {
		return s.failed(ctx, d, token, err)
	}
	// The Message-ID is fixed at the first claim and kept for every attempt.
	if d.MessageID == "" {
		mid := (&mail.Message{ID: msgID(id), From: mail.Address{Email: settings.EmailSenderAddress}}).MessageID()
		if err := s.Client.Delivery.Update().Where(delivery.ID(id), delivery.Or(delivery.MessageIDIsNil(), delivery.MessageIDEQ(""))).
			SetMessageID(mid).Exec(ctx); err != nil {
			return s.failed(ctx, d, token, err)
		}
		fresh, err := s.Client.Delivery.Get(ctx, id)
		if err != nil {
			return err
		}
		d.MessageID = fresh.MessageID
	}
	m, err := s.message(ctx, d, inv)
	if err != nil {
		return s.failed(ctx, d, token, err)
	}
	sctx, cancel := context.WithTimeout(ctx, s.lease()*9/10)
	defer cancel()
	if err := s.Sender.Send(sctx, m); err != nil {
		return s.failed(ctx, d, token, err)
	}
	return s.sent(ctx, d, token)
}

func newToken() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// sent records the delivery as sent: from SENDING under this claim, or
// from FAILED under it when a lease that ran out was taken for a crash.
func (s *Service) sent(ctx context.Context, d *ent.Delivery, token string) error {
	now := s.now()
	u := s.Client.Delivery.Update().
		Where(delivery.ID(d.ID), delivery.LeaseOwner(token), delivery.StatusIn(delivery.StatusSending, delivery.StatusFailed)).
		SetStatus(delivery.StatusSent).SetSentAt(now).ClearLeaseUntil().SetLastError("")
	if s.outbox() != nil {
		u.SetOutboxFile(msgID(d.ID) + ".eml")
	}
	n, err := u.Save(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		s.logWarn("a sent email's delivery changed under its claim", "delivery", d.ID)
		return nil
	}
	return s.Client.Invoice.Update().Where(invoice.HasDeliveriesWith(delivery.ID(d.ID)), invoice.SentAtIsNil()).
		SetSentAt(now).Exec(ctx)
}

// failed records a failed attempt: back to QUEUED after the back-off if
// trying again can help and attempts remain, else FAILED with the reason.
func (s *Service) failed(ctx context.Context, d *ent.Delivery, token string, cause error) error {
	reason := cause.Error()
	var de *mail.DeliveryError
	temporary := true
	if errors.As(cause, &de) {
		reason, temporary = de.Message, mail.IsTemporary(de)
		if de.Detail != "" {
			reason += " (" + de.Detail + ")"
		}
	}
	attempts := d.Attempts // counting this one
	u := s.Client.Delivery.Update().
		Where(delivery.ID(d.ID), delivery.LeaseOwner(token), delivery.StatusEQ(delivery.StatusSending)).
		SetLastError(truncate(reason, 2000)).ClearLeaseUntil()
	var next time.Time
	if temporary && attempts < s.attempts() {
		next = s.now().Add(s.Wait(attempts))
		u.SetStatus(delivery.StatusQueued).SetNextAttemptAt(next)
	} else {
		if temporary {
			u.SetLastError(truncate(fmt.Sprintf("%s Gave up after %d attempts.", reason, attempts), 2000))
		}
		u.SetStatus(delivery.StatusFailed).ClearNextAttemptAt()
	}
	n, err := u.Save(ctx)
	if err != nil || n == 0 {
		return err
	}
	s.logWarn("invoice email not sent", "delivery", d.ID, "attempt", attempts, "retry", !next.IsZero(), "reason", reason)
	if !next.IsZero() && s.Queue != nil {
		return s.Queue.EnqueueDelivery(ctx, d.ID, attempts, next)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}

func (s *Service) logWarn(msg string, args ...any) {
	if s.Log != nil {
		s.Log.Warn(msg, args...)
	}
}

// message builds the invoice email: the settings' sender and templates,
// the invoice PDF and the statement from the blob store.
func (s *Service) message(ctx context.Context, d *ent.Delivery, inv *ent.Invoice) (*mail.Message, error) {
	st, err := s.Company.Settings(ctx)
	if err != nil {
		return nil, err
	}
	c := st.Company
	m := &mail.Message{
		ID: msgID(d.ID), FixedMessageID: d.MessageID,
		From: mail.Address{Name: cmpStr(c.EmailSenderName, c.Name), Email: c.EmailSenderAddress},
		To:   []mail.Address{{Name: inv.CustomerName, Email: d.Recipient}},
	}
	cur := render.Currency{Symbol: st.CurrencySymbol, Decimals: int32(st.InvoiceDecimals)}
	amount, err := cur.Format(inv.Total)
	if err != nil {
		return nil, err
	}
	f := mail.Fields{
		Recipient: d.Recipient, CompanyName: c.Name, CustomerName: inv.CustomerName,
		InvoiceNumber: strconv.FormatInt(inv.Number, 10), PortalLink: s.PortalLink, AmountDue: amount,
	}
	if inv.DueDate != nil {
		f.DueDate = inv.DueDate.Format("2 January 2006")
	}
	if err := (mail.Templates{Subject: c.InvoiceEmailSubject, Body: c.InvoiceEmailBody}).Fill(m, f); err != nil {
		return nil, err
	}
	for _, a := range Attachments(inv) {
		b, err := s.Blobs.ReadAll(ctx, a.Key)
		if err != nil {
			return nil, fmt.Errorf("read %s of invoice %d: %w", a.Name, inv.Number, err)
		}
		m.Attachments = append(m.Attachments, mail.Attachment{Name: a.Name, ContentType: a.ContentType, Data: b})
	}
	return m, nil
}

func cmpStr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// File is one stored document of an invoice.
type File struct {
	Key, Name, ContentType string
}

// PDF is the invoice's PDF, ok false before it is rendered.
func PDF(inv *ent.Invoice) (File, bool) {
	return File{Key: inv.PdfBlobKey, Name: fmt.Sprintf("Invoice %d.pdf", inv.Number), ContentType: "application/pdf"}, inv.PdfBlobKey != ""
}

// Statement is the invoice's call statement, ok false without one.
func Statement(inv *ent.Invoice) (File, bool) {
	f := File{Key: inv.StatementBlobKey, Name: fmt.Sprintf("Call statement %d.csv", inv.Number), ContentType: "text/csv; charset=utf-8"}
	if inv.StatementFormat == invoice.StatementFormatPdf {
		f.Name, f.ContentType = fmt.Sprintf("Call statement %d.pdf", inv.Number), "application/pdf"
	}
	return f, inv.StatementBlobKey != ""
}

// Attachments are the files an invoice email carries.
func Attachments(inv *ent.Invoice) []File {
	var out []File
	if f, ok := PDF(inv); ok {
		out = append(out, f)
	}
	if f, ok := Statement(inv); ok {
		out = append(out, f)
	}
	return out
}

// Recover settles deliveries whose claim ran out (the worker died between
// claiming and recording the outcome). In embedded mode the outbox tells:
// a file under the delivery's id means it was written, so it is SENT;
// none means nothing left, so it is QUEUED again. Over SMTP nothing can
// tell whether the server took it, so it is FAILED with MaybeSent for a
// clerk to check before retrying: never a second email unasked.
func (s *Service) Recover(ctx context.Context) (int, error) {
	now := s.now()
	stale, err := s.Client.Delivery.Query().
		Where(delivery.StatusEQ(delivery.StatusSending), delivery.LeaseUntilLT(now)).Limit(1000).All(ctx)
	if err != nil {
		return 0, err
	}
	done := 0
	for _, d := range stale {
		u := s.Client.Delivery.Update().
			Where(delivery.ID(d.ID), delivery.StatusEQ(delivery.StatusSending), delivery.LeaseOwner(d.LeaseOwner), delivery.LeaseUntilLT(now)).
			ClearLeaseUntil()
		if o := s.outbox(); o != nil {
			if _, err := os.Stat(filepath.Join(o.Dir, msgID(d.ID)+".eml")); err == nil {
				u.SetStatus(delivery.StatusSent).SetSentAt(now).SetOutboxFile(msgID(d.ID) + ".eml")
			} else {
				u.SetStatus(delivery.StatusQueued).SetNextAttemptAt(now)
			}
		} else {
			u.SetStatus(delivery.StatusFailed).SetLastError(MaybeSent)
		}
		n, err := u.Save(ctx)
		if err != nil {
			return done, err
		}
		done += n
	}
	return done, nil
}

// Redrive settles expired claims and queues every delivery that is due
// and whose invoice has its documents: the worker runs it at start and
// periodically, so a restart or a lost task delays an email, never loses it.
func (s *Service) Redrive(ctx context.Context) error {
	if _, err := s.Recover(ctx); err != nil {
		return err
	}
	due, err := s.Client.Delivery.Query().
		Where(delivery.StatusEQ(delivery.StatusQueued),
			delivery.Or(delivery.NextAttemptAtIsNil(), delivery.NextAttemptAtLTE(s.now())),
			delivery.HasInvoiceWith(invoice.DocumentsAtNotNil())).
		Limit(1000).All(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, d := range due {
		errs = append(errs, s.enqueue(ctx, d))
	}
	return errors.Join(errs...)
}

// Resend queues a new email of the invoice to its customer's delivery
// address.
func (s *Service) Resend(ctx context.Context, invoiceID int) (*ent.Delivery, error) {
	inv, err := s.Client.Invoice.Query().Where(invoice.ID(invoiceID)).WithCustomer().Only(ctx)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "invoice", invoiceID)
	}
	cu := inv.Edges.Customer
	if cu == nil || strings.TrimSpace(cu.DeliveryEmail) == "" {
		return nil, apperr.New(apperr.Invalid, "%s (%s) has no delivery email address; add one on the customer, or send invoice %d to another address",
			inv.CustomerName, inv.CustomerReference, inv.Number)
	}
	return s.queue(ctx, inv, strings.TrimSpace(cu.DeliveryEmail))
}

// SendTo queues a new email of the invoice to address.
func (s *Service) SendTo(ctx context.Context, invoiceID int, address string) (*ent.Delivery, error) {
	addr, err := CheckAddress(address)
	if err != nil {
		return nil, err
	}
	inv, err := s.Client.Invoice.Get(ctx, invoiceID)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "invoice", invoiceID)
	}
	return s.queue(ctx, inv, addr)
}

// CheckAddress accepts one bare email address ("name@example.com") and
// says what is wrong with anything else.
func CheckAddress(address string) (string, error) {
	a := strings.TrimSpace(address)
	if a == "" {
		return "", apperr.Field(apperr.Invalid, "address", "give the email address to send the invoice to")
	}
	p, err := netmail.ParseAddress(a)
	if err != nil || p.Name != "" || p.Address != a || !strings.Contains(a[strings.LastIndexByte(a, '@')+1:], ".") {
		return "", apperr.Field(apperr.Invalid, "address", "%q is not an email address; write one address such as accounts@example.com", a)
	}
	if len(a) > 254 {
		return "", apperr.Field(apperr.Invalid, "address", "the email address is %d characters long; an address has at most 254", len(a))
	}
	return a, nil
}

func (s *Service) queue(ctx context.Context, inv *ent.Invoice, to string) (*ent.Delivery, error) {
	if inv.Status == invoice.StatusDeleted {
		return nil, apperr.New(apperr.Conflict, "invoice %d is deleted, so it is not sent", inv.Number)
	}
	d, err := s.Client.Delivery.Create().SetInvoice(inv).SetRecipient(to).SetStatus(delivery.StatusQueued).Save(ctx)
	if err != nil {
		return nil, err
	}
	if inv.DocumentsAt != nil {
		if err := s.enqueue(ctx, d); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// Retry queues a failed delivery again, now, with its attempts counted
// afresh; it keeps its Message-ID, so a message that did arrive is
// recognisable as the same one.
func (s *Service) Retry(ctx context.Context, id int) (*ent.Delivery, error) {
	d, err := s.Client.Delivery.Query().Where(delivery.ID(id)).WithInvoice().Only(ctx)
	if err != nil {
		return nil, apperr.NotFoundAs(err, "delivery", id)
	}
	n, err := s.Client.Delivery.Update().Where(delivery.ID(id), delivery.StatusEQ(delivery.StatusFailed)).
		SetStatus(delivery.StatusQueued).SetAttempts(0).ClearNextAttemptAt().ClearLeaseOwner().Save(ctx)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, apperr.New(apperr.Conflict, "the email of invoice %d to %s is %s; only a failed email can be retried",
			d.Edges.Invoice.Number, d.Recipient, strings.ToLower(string(d.Status)))
	}
	d, err = s.Client.Delivery.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if ready, err := d.QueryInvoice().Where(invoice.DocumentsAtNotNil()).Exist(ctx); err != nil || ready {
		if err == nil {
			err = s.enqueue(ctx, d)
		}
		if err != nil {
			return nil, err
		}
	}
	return d, nil
}
