package delivery_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/tollgate/tollgate/backend/app"
	"github.com/tollgate/tollgate/backend/apperr"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/company"
	"github.com/tollgate/tollgate/backend/delivery"
	"github.com/tollgate/tollgate/backend/internal/testbill"
	"github.com/tollgate/tollgate/backend/internal/testenv"
	"github.com/tollgate/tollgate/backend/mail"
	"github.com/tollgate/tollgate/ent"
	"github.com/tollgate/tollgate/ent/customer"
	entdelivery "github.com/tollgate/tollgate/ent/delivery"
)

// server is a real SMTP server (emersion/go-smtp) on loopback that keeps
// what it accepts and answers 451 to busyRcpt and 550 to goneRcpt.
type server struct {
	addr string
	mu   sync.Mutex
	got  [][]byte
}

const (
	busyRcpt = "busy@customer.example"
	goneRcpt = "gone@customer.example"
)

func startSMTP(t *testing.T) *server {
	t.Helper()
	srv := &server{}
	s := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{srv: srv}, nil }))
	s.Domain = "localhost"
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv.addr = l.Addr().String()
	done := make(chan struct{})
	go func() { defer close(done); _ = s.Serve(l) }()
	t.Cleanup(func() { s.Close(); l.Close(); <-done })
	return srv
}

func (s *server) messages() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]byte(nil), s.got...)
}

type session struct{ srv *server }

func (*session) Mail(string, *smtp.MailOptions) error { return nil }
func (*session) Rcpt(to string, _ *smtp.RcptOptions) error {
	switch to {
	case busyRcpt:
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Mailbox busy, try later"}
	case goneRcpt:
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user here"}
	}
	return nil
}
func (s *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.srv.mu.Lock()
	s.srv.got = append(s.srv.got, b)
	s.srv.mu.Unlock()
	return nil
}
func (*session) Reset()        {}
func (*session) Logout() error { return nil }

func ptr[T any](v T) *T { return &v }

// clock is a test's time, moved by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

type fixture struct {
	env   *testenv.Env
	ctx   context.Context
	db    *ent.Client
	svc   *delivery.Service
	clock *clock
}

// setUp starts Tollgate with the company's email settings and a delivery
// service on sender (nil: the test SMTP server) driven by hand.
func setUp(t *testing.T, sender mail.Sender) (*fixture, *server) {
	t.Helper()
	// The app without its worker, whose own re-drive would race the
	// test's hand-driven sends.
	ctx := viewer.System(context.Background())
	a, err := app.Open(ctx, testenv.Config(t, testenv.Embedded), testenv.Logger(), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.Close)
	env := &testenv.Env{App: a}
	if _, err := env.App.Company.Update(ctx, company.Input{
		CompanyName: ptr("Northern Voice Ltd"), EmailSenderAddress: ptr("billing@northernvoice.example"),
	}); err != nil {
		t.Fatal(err)
	}
	var srv *server
	if sender == nil {
		srv = startSMTP(t)
		s, err := mail.ParseSMTPURL("smtp://" + srv.addr + "?starttls=none&timeout=5s")
		if err != nil {
			t.Fatal(err)
		}
		sender = s
	}
	c := &clock{t: time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)}
	svc := &delivery.Service{Client: env.App.DB.Client, Blobs: env.App.Blobs, Company: env.App.Company, Sender: sender,
		MaxAttempts: 3, Backoff: time.Minute, Lease: time.Minute, PortalLink: "https://bills.example", Now: c.now}
	return &fixture{env: env, ctx: ctx, db: env.App.DB.Client, svc: svc, clock: c}, srv
}

// issue writes an invoice with a queued email to rcpt and renders its
// documents.
func (f *fixture) issue(t *testing.T, number int64, rcpt string) testbill.Issued {
	t.Helper()
	is := testbill.Issue(t, f.ctx, f.db, nil, testbill.Spec{Number: number, Reference: "Q" + strconv.FormatInt(number, 10), Name: "Quarry Ltd", Email: rcpt,
		Format: customer.CallStatementFormatCsv, Calls: 3})
	docs := *f.env.App.Documents
	docs.Released = nil
	if _, err := docs.RenderInvoice(f.ctx, is.Invoice.ID); err != nil {
		t.Fatal(err)
	}
	return is
}

func (f *fixture) delivery(t *testing.T, id int) *ent.Delivery {
	t.Helper()
	d, err := f.db.Delivery.Get(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// An invoice's email arrives once, from the settings' sender, with the
// invoice PDF and the CSV statement; sending again or re-driving changes
// nothing.
func TestAnInvoiceEmailArrivesOnceWithBothAttachments(t *testing.T) {
	f, srv := setUp(t, nil)
	is := f.issue(t, 1042, "accounts@quarry.example")
	for range 2 {
		if err := f.svc.Send(f.ctx, is.Delivery.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.svc.Redrive(f.ctx); err != nil {
		t.Fatal(err)
	}
	got := srv.messages()
	if len(got) != 1 {
		t.Fatalf("the server received %d messages; want 1", len(got))
	}
	p, err := mail.ParseEML(bytes.NewReader(got[0]))
	if err != nil {
		t.Fatal(err)
	}
	d := f.delivery(t, is.Delivery.ID)
	if d.Status != entdelivery.StatusSent || d.SentAt == nil || d.Attempts != 1 {
		t.Errorf("delivery %s, sent %v, attempts %d; want SENT after 1 attempt", d.Status, d.SentAt, d.Attempts)
	}
	if want := "delivery-" + strconv.Itoa(d.ID) + "@northernvoice.example"; d.MessageID != want || p.MessageID != want {
		t.Errorf("Message-ID stored %q, sent %q; want %q", d.MessageID, p.MessageID, want)
	}
	if !strings.Contains(p.Subject, "1042") || !strings.Contains(p.Text, "£"+is.Total.StringFixed(2)) || !strings.Contains(p.Text, "https://bills.example") {
		t.Errorf("subject %q, body %q; want the invoice number, its total and the portal link", p.Subject, p.Text)
	}
	var names []string
	for _, a := range p.Attachments {
		names = append(names, a.Name+" "+a.ContentType)
		if a.Name == "Invoice 1042.pdf" {
			if text := testbill.PDFText(t, a.Data); !strings.Contains(text, "£"+is.Total.StringFixed(2)) {
				t.Errorf("the attached PDF does not show the total:\n%s", text)
			}
		}
	}
	if len(names) != 2 || !strings.HasPrefix(names[0], "Invoice 1042.pdf application/pdf") || !strings.HasPrefix(names[1], "Call statement 1042.csv text/csv") {
		t.Errorf("attachments %q; want the invoice PDF and the CSV statement", names)
	}
	if inv, _ := f.db.Invoice.Get(f.ctx, is.Invoice.ID); inv.SentAt == nil {
		t.Error("the invoice has no sent time")
	}
}

// A delivery waits for its invoice's documents.
func TestNothingIsSentBeforeTheDocumentsAreStored(t *testing.T) {
	f, srv := setUp(t, nil)
	is := testbill.Issue(t, f.ctx, f.db, nil, testbill.Spec{Number: 5, Reference: "Q01", Name: "Quarry Ltd", Email: "a@quarry.example"})
	if err := f.svc.Send(f.ctx, is.Delivery.ID); err != nil {
		t.Fatal(err)
	}
	if d := f.delivery(t, is.Delivery.ID); d.Status != entdelivery.StatusQueued || d.Attempts != 0 || len(srv.messages()) != 0 {
		t.Errorf("before the documents: %s after %d attempts, %d sent; want QUEUED, untried", d.Status, d.Attempts, len(srv.messages()))
	}
}

// A server that keeps answering 451 gets the email again after 1 and
// then 2 minutes, not before; the third failure is FAILED with the
// server's reason. A 550 fails at once.
func TestAFailingServerIsRetriedWithBackOffThenFailed(t *testing.T) {
	f, srv := setUp(t, nil)
	is := f.issue(t, 9, busyRcpt)
	start := f.clock.t
	for i, wait := range []time.Duration{time.Minute, 2 * time.Minute} {
		if err := f.svc.Send(f.ctx, is.Delivery.ID); err != nil {
			t.Fatal(err)
		}
		d := f.delivery(t, is.Delivery.ID)
		if d.Status != entdelivery.StatusQueued || d.Attempts != i+1 || d.NextAttemptAt == nil || !d.NextAttemptAt.Equal(f.clock.t.Add(wait)) {
			t.Fatalf("attempt %d: %s, attempts %d, next %v; want QUEUED for %s", i+1, d.Status, d.Attempts, d.NextAttemptAt, wait)
		}
		if !strings.Contains(d.LastError, "Mailbox busy") {
			t.Errorf("last error %q; want the server's words", d.LastError)
		}
		// Not due yet: nothing happens.
		f.clock.t = f.clock.t.Add(wait - time.Second)
		if err := f.svc.Send(f.ctx, is.Delivery.ID); err != nil {
			t.Fatal(err)
		}
		if d := f.delivery(t, is.Delivery.ID); d.Attempts != i+1 {
			t.Fatalf("tried again %s early", time.Second)
		}
		f.clock.t = f.clock.t.Add(time.Second)
	}
	if err := f.svc.Send(f.ctx, is.Delivery.ID); err != nil {
		t.Fatal(err)
	}
	d := f.delivery(t, is.Delivery.ID)
	if d.Status != entdelivery.StatusFailed || d.Attempts != 3 || !strings.Contains(d.LastError, "Gave up after 3 attempts") {
		t.Errorf("after 3 attempts (%s later): %s, %d attempts, %q; want FAILED giving up", f.clock.t.Sub(start), d.Status, d.Attempts, d.LastError)
	}

	gone := f.issue(t, 10, goneRcpt)
	if err := f.svc.Send(f.ctx, gone.Delivery.ID); err != nil {
		t.Fatal(err)
	}
	if d := f.delivery(t, gone.Delivery.ID); d.Status != entdelivery.StatusFailed || d.Attempts != 1 || !strings.Contains(d.LastError, "No such user") {
		t.Errorf("a 550: %s after %d attempts, %q; want FAILED at once with the reason", d.Status, d.Attempts, d.LastError)
	}
	if n := len(srv.messages()); n != 0 {
		t.Errorf("the server accepted %d messages; want none", n)
	}
	// A clerk retries the failed one: it is queued again, once.
	if _, err := f.svc.Retry(f.ctx, gone.Delivery.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Retry(f.ctx, gone.Delivery.ID); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("retrying a queued email: %v; want CONFLICT", err)
	}
}

// dying sends through its Sender and then stops the goroutine, as a
// killed worker would between the server's acceptance and recording it;
// before set, it stops before sending.
type dying struct {
	mail.Sender
	before bool
}

func (d dying) Send(ctx context.Context, m *mail.Message) error {
	if !d.before {
		if err := d.Sender.Send(ctx, m); err != nil {
			return err
		}
	}
	runtime.Goexit()
	return nil
}

func (f *fixture) sendDying(t *testing.T, s mail.Sender, before bool, id int) {
	t.Helper()
	killed := *f.svc
	killed.Sender = dying{Sender: s, before: before}
	done := make(chan struct{})
	go func() { defer close(done); _ = killed.Send(f.ctx, id) }()
	<-done
	if d := f.delivery(t, id); d.Status != entdelivery.StatusSending {
		t.Fatalf("after the kill the delivery is %s; want SENDING", d.Status)
	}
}

// Over SMTP a worker killed after the server took the message leaves a
// SENDING claim; once it runs out the delivery is FAILED as maybe sent,
// and no re-drive or send makes a second message.
func TestAKilledSMTPSendIsNeverSentTwice(t *testing.T) {
	f, srv := setUp(t, nil)
	is := f.issue(t, 11, "accounts@quarry.example")
	f.sendDying(t, f.svc.Sender, false, is.Delivery.ID)
	if err := f.svc.Redrive(f.ctx); err != nil { // the lease holds: left alone
		t.Fatal(err)
	}
	if d := f.delivery(t, is.Delivery.ID); d.Status != entdelivery.StatusSending {
		t.Errorf("within its lease: %s; want SENDING", d.Status)
	}
	f.clock.t = f.clock.t.Add(2 * time.Minute)
	if err := f.svc.Redrive(f.ctx); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Send(f.ctx, is.Delivery.ID); err != nil {
		t.Fatal(err)
	}
	d := f.delivery(t, is.Delivery.ID)
	if d.Status != entdelivery.StatusFailed || d.LastError != delivery.MaybeSent {
		t.Errorf("after the lease: %s %q; want FAILED, maybe sent", d.Status, d.LastError)
	}
	if n := len(srv.messages()); n != 1 {
		t.Errorf("the server received %d messages; want exactly 1", n)
	}
}

// In embedded mode the outbox file says what happened: written, so SENT;
// not written, so queued again and written once.
func TestAKilledOutboxSendIsSettledByItsFile(t *testing.T) {
	outbox, err := mail.NewOutbox(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f, _ := setUp(t, outbox)
	after := f.issue(t, 12, "accounts@quarry.example")
	before := f.issue(t, 13, "ops@quarry.example")
	f.sendDying(t, outbox, false, after.Delivery.ID)
	f.sendDying(t, outbox, true, before.Delivery.ID)
	f.clock.t = f.clock.t.Add(2 * time.Minute)
	if err := f.svc.Redrive(f.ctx); err != nil {
		t.Fatal(err)
	}
	if d := f.delivery(t, after.Delivery.ID); d.Status != entdelivery.StatusSent || d.OutboxFile == "" {
		t.Errorf("killed after writing: %s, file %q; want SENT with its file", d.Status, d.OutboxFile)
	}
	if d := f.delivery(t, before.Delivery.ID); d.Status != entdelivery.StatusQueued {
		t.Errorf("killed before writing: %s; want QUEUED again", d.Status)
	}
	if err := f.svc.Send(f.ctx, before.Delivery.ID); err != nil {
		t.Fatal(err)
	}
	if d := f.delivery(t, before.Delivery.ID); d.Status != entdelivery.StatusSent || d.Attempts != 2 {
		t.Errorf("the second try: %s after %d attempts; want SENT after 2", d.Status, d.Attempts)
	}
	list, err := outbox.List(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 {
		t.Errorf("the outbox holds %d messages; want one per delivery", len(list))
	}
}

// Resend and send-to make new deliveries; a bad address writes nothing.
func TestResendAndSendToMakeNewDeliveries(t *testing.T) {
	f, _ := setUp(t, nil)
	is := f.issue(t, 14, "accounts@quarry.example")
	r, err := f.svc.Resend(f.ctx, is.Invoice.ID)
	if err != nil || r.ID == is.Delivery.ID || r.Recipient != "accounts@quarry.example" || r.Status != entdelivery.StatusQueued {
		t.Fatalf("resend: %+v, %v; want a new queued delivery to the customer", r, err)
	}
	s, err := f.svc.SendTo(f.ctx, is.Invoice.ID, " boss@quarry.example ")
	if err != nil || s.Recipient != "boss@quarry.example" {
		t.Fatalf("send to: %+v, %v", s, err)
	}
	for _, bad := range []string{"", "boss", "Boss <boss@quarry.example>", "a@b@c", "a@localhost", "a@quarry.example, b@quarry.example"} {
		if _, err := f.svc.SendTo(f.ctx, is.Invoice.ID, bad); apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("send to %q: %v; want INVALID", bad, err)
		}
	}
	if n := f.db.Delivery.Query().CountX(f.ctx); n != 3 {
		t.Errorf("%d deliveries; want the first, the resend and the send-to", n)
	}
}
