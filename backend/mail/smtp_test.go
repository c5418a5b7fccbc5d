package mail

import (
	"bytes"
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/textproto"
	"strings"
	"testing"
	"time"
)

// invoicePDF and statementCSV stand for render's output: every byte value,
// CRLF lines and non-ASCII text, which a careless encoding would change.
func invoicePDF() []byte {
	b := []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	for i := range 3000 {
		b = append(b, byte(i*7+i/256))
	}
	return append(b, "\n%%EOF\n"...)
}

func statementCSV() []byte {
	return []byte("date,time,cli,number,destination,band,duration,billable,price\r\n" +
		"2026-06-01,09:15:02,441632960000,33142868300,France – Paris,peak,00:02:05,125,0.0542\r\n" +
		"2026-06-01,18:40:59,441632960000,4915112345678,Deutschland Mobil,off-peak,00:00:31,60,0.0711\r\n")
}

func invoiceFields() Fields {
	return Fields{
		CompanyName: "Acme Telecom", CustomerName: "Brown & Sons <Ltd>", InvoiceNumber: "INV-1042",
		PortalLink: "https://portal.acme.example/c/77", AmountDue: "£1,234.50", DueDate: "31 July 2026",
	}
}

func invoiceMessage(t *testing.T, id, to string) *Message {
	t.Helper()
	m := &Message{
		ID:      id,
		From:    Address{Name: "Acme Billing", Email: "billing@acme.example"},
		To:      []Address{{Name: "Accounts", Email: to}},
		ReplyTo: &Address{Email: "accounts@acme.example"},
		Attachments: []Attachment{
			{Name: "INV-1042.pdf", ContentType: "application/pdf", Data: invoicePDF()},
			{Name: "INV-1042-calls.csv", ContentType: "text/csv", Reader: bytes.NewReader(statementCSV())},
		},
	}
	if err := DefaultTemplates.Fill(m, invoiceFields()); err != nil {
		t.Fatal(err)
	}
	return m
}

func smtpURL(t *testing.T, scheme, userinfo, addr, query string) *SMTP {
	t.Helper()
	s, err := ParseSMTPURL(scheme + "://" + userinfo + addr + query)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSMTPDeliversTheInvoiceOverStartTLSWithAuth(t *testing.T) {
	srv, trust := startServer(t, serverOpts{tls: true, user: "billing", password: "s3cr:t/pw"})
	s := smtpURL(t, "smtp", "billing:s3cr%3At%2Fpw@", srv.addr, "?starttls=mandatory&timeout=5s")
	s.TLSConfig = trust

	if err := s.Send(context.Background(), invoiceMessage(t, "delivery-42", "accounts@customer.example")); err != nil {
		t.Fatalf("send: %v", err)
	}
	got := srv.messages()
	if len(got) != 1 {
		t.Fatalf("server received %d messages, want 1", len(got))
	}
	r := got[0]
	if r.authed != "billing" || !r.tls {
		t.Errorf("signed in as %q, TLS %v; want billing over TLS", r.authed, r.tls)
	}
	if r.from != "billing@acme.example" || len(r.rcpts) != 1 || r.rcpts[0] != "accounts@customer.example" {
		t.Errorf("envelope from %q to %v", r.from, r.rcpts)
	}
	p, err := ParseEML(bytes.NewReader(r.data))
	if err != nil {
		t.Fatal(err)
	}
	if p.Subject != "Invoice INV-1042 from Acme Telecom" {
		t.Errorf("subject %q", p.Subject)
	}
	if p.MessageID != "delivery-42@acme.example" {
		t.Errorf("Message-ID %q", p.MessageID)
	}
	if len(p.To) != 1 || p.To[0] != "accounts@customer.example" || !strings.Contains(p.ReplyTo, "accounts@acme.example") {
		t.Errorf("To %v, Reply-To %q", p.To, p.ReplyTo)
	}
	for _, want := range []string{"Dear Brown & Sons <Ltd>,", "INV-1042 for £1,234.50", "due by 31 July 2026", "https://portal.acme.example/c/77", "Acme Telecom\n"} {
		if !strings.Contains(strings.ReplaceAll(p.Text, "\r\n", "\n"), want) {
			t.Errorf("text body lacks %q:\n%s", want, p.Text)
		}
	}
	for _, want := range []string{"Dear Brown &amp; Sons &lt;Ltd&gt;,", `<a href="https://portal.acme.example/c/77">`} {
		if !strings.Contains(p.HTML, want) {
			t.Errorf("HTML body lacks %q:\n%s", want, p.HTML)
		}
	}
	want := map[string]struct {
		ct   string
		data []byte
	}{"INV-1042.pdf": {"application/pdf", invoicePDF()}, "INV-1042-calls.csv": {"text/csv", statementCSV()}}
	if len(p.Attachments) != len(want) {
		t.Fatalf("%d attachments, want %d", len(p.Attachments), len(want))
	}
	for _, a := range p.Attachments {
		w, ok := want[a.Name]
		if !ok {
			t.Errorf("unexpected attachment %q", a.Name)
			continue
		}
		if a.ContentType != w.ct || !bytes.Equal(a.Data, w.data) {
			t.Errorf("%s: %s, %d bytes; want %s, %d bytes, byte-equal", a.Name, a.ContentType, len(a.Data), w.ct, len(w.data))
		}
	}
}

func TestSMTPSOverImplicitTLS(t *testing.T) {
	srv, trust := startServer(t, serverOpts{implicit: true, user: "u", password: "p"})
	s := smtpURL(t, "smtps", "u:p@", srv.addr, "")
	s.TLSConfig = trust
	if err := s.Send(context.Background(), invoiceMessage(t, "delivery-7", "a@customer.example")); err != nil {
		t.Fatal(err)
	}
	if got := srv.messages(); len(got) != 1 || !got[0].tls || got[0].authed != "u" {
		t.Fatalf("received %+v", got)
	}
}

// A retried delivery carries the same Message-ID, so it is recognisable to
// the server, to the recipient and in our logs.
func TestSMTPRetryCarriesTheSameMessageID(t *testing.T) {
	srv, trust := startServer(t, serverOpts{tls: true})
	s := smtpURL(t, "smtp", "", srv.addr, "")
	s.TLSConfig = trust
	for range 2 {
		if err := s.Send(context.Background(), invoiceMessage(t, "delivery-9", "a@customer.example")); err != nil {
			t.Fatal(err)
		}
	}
	var ids []string
	for _, r := range srv.messages() {
		p, err := ParseEML(bytes.NewReader(r.data))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.MessageID)
	}
	if len(ids) != 2 || ids[0] != ids[1] || ids[0] != "delivery-9@acme.example" {
		t.Fatalf("Message-IDs %v", ids)
	}
}

func deliveryError(t *testing.T, err error) *DeliveryError {
	t.Helper()
	if err == nil {
		t.Fatal("sent; want an error")
	}
	d, ok := err.(*DeliveryError)
	if !ok {
		t.Fatalf("error %T %v is not a *DeliveryError", err, err)
	}
	t.Logf("%s [%s]", d.Message, d.Detail)
	return d
}

func TestSMTPRejectedRecipientIsPermanent(t *testing.T) {
	srv, trust := startServer(t, serverOpts{tls: true})
	s := smtpURL(t, "smtp", "", srv.addr, "")
	s.TLSConfig = trust
	d := deliveryError(t, s.Send(context.Background(), invoiceMessage(t, "delivery-1", rejectedRcpt)))
	if !IsPermanent(d) || IsTemporary(d) || d.Code != 550 || !strings.Contains(d.Message, "recipient address") {
		t.Fatalf("%+v: want permanent 550 about the recipient", d)
	}
	if len(srv.messages()) != 0 {
		t.Fatal("the server kept a message it refused")
	}
}

func TestSMTPBusyMailboxIsTemporary(t *testing.T) {
	srv, trust := startServer(t, serverOpts{tls: true})
	s := smtpURL(t, "smtp", "", srv.addr, "")
	s.TLSConfig = trust
	d := deliveryError(t, s.Send(context.Background(), invoiceMessage(t, "delivery-1", busyRcpt)))
	if !IsTemporary(d) || d.Code != 451 {
		t.Fatalf("%+v: want temporary 451", d)
	}
}

func TestSMTPWrongPasswordIsPermanent(t *testing.T) {
	srv, trust := startServer(t, serverOpts{tls: true, user: "billing", password: "right"})
	s := smtpURL(t, "smtp", "billing:wrong@", srv.addr, "")
	s.TLSConfig = trust
	d := deliveryError(t, s.Send(context.Background(), invoiceMessage(t, "delivery-1", "a@customer.example")))
	if !IsPermanent(d) || d.Code != 535 || !strings.Contains(d.Message, "password") {
		t.Fatalf("%+v: want permanent 535 about the password", d)
	}
}

// With STARTTLS mandatory, a server that does not offer it gets neither the
// password nor the message.
func TestSMTPMandatoryStartTLSRefusesAPlainServer(t *testing.T) {
	srv, _ := startServer(t, serverOpts{})
	s := smtpURL(t, "smtp", "billing:pw@", srv.addr, "")
	d := deliveryError(t, s.Send(context.Background(), invoiceMessage(t, "delivery-1", "a@customer.example")))
	if !IsPermanent(d) || len(srv.messages()) != 0 {
		t.Fatalf("%+v: want permanent and nothing sent", d)
	}
}

func TestSMTPUntrustedCertificateIsPermanent(t *testing.T) {
	srv, _ := startServer(t, serverOpts{tls: true})
	s := smtpURL(t, "smtp", "", srv.addr, "") // the system roots do not know the test CA
	d := deliveryError(t, s.Send(context.Background(), invoiceMessage(t, "delivery-1", "a@customer.example")))
	if !IsPermanent(d) || !strings.Contains(d.Message, "certificate") {
		t.Fatalf("%+v: want permanent about the certificate", d)
	}
}

func TestSMTPClosedPortIsTemporary(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	s := smtpURL(t, "smtp", "", addr, "")
	d := deliveryError(t, s.Send(context.Background(), invoiceMessage(t, "delivery-1", "a@customer.example")))
	if !IsTemporary(d) || d.Code != 0 || !strings.Contains(d.Message, addr) {
		t.Fatalf("%+v: want temporary, naming %s", d, addr)
	}
}

// A server that accepts the connection and then says nothing is given up on
// after the timeout, as a temporary failure.
func TestSMTPSilentServerTimesOut(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := l.Accept()
		if err == nil {
			accepted <- c
		}
	}()
	t.Cleanup(func() {
		l.Close()
		select {
		case c := <-accepted:
			c.Close()
		default:
		}
	})
	s := smtpURL(t, "smtp", "", l.Addr().String(), "?timeout=300ms")
	start := time.Now()
	d := deliveryError(t, s.Send(context.Background(), invoiceMessage(t, "delivery-1", "a@customer.example")))
	if took := time.Since(start); took > 5*time.Second {
		t.Fatalf("gave up after %v with a 300ms timeout", took)
	}
	if !IsTemporary(d) {
		t.Fatalf("%+v: want temporary", d)
	}
}

func TestSMTPRefusesABadMessageBeforeConnecting(t *testing.T) {
	s := &SMTP{Host: "127.0.0.1", Port: 1, TLSConfig: &tls.Config{}}
	for _, tc := range []struct {
		name string
		edit func(*Message)
		want string
	}{
		{"id with a slash", func(m *Message) { m.ID = "../x" }, "message id"},
		{"no recipient", func(m *Message) { m.To = nil }, "no recipient"},
		{"bad recipient", func(m *Message) { m.To = []Address{{Email: "not an address"}} }, "not an email address"},
		{"bad sender", func(m *Message) { m.From.Email = "billing" }, "sender address"},
	} {
		m := invoiceMessage(t, "delivery-1", "a@customer.example")
		tc.edit(m)
		d := deliveryError(t, s.Send(context.Background(), m))
		if !IsPermanent(d) || !strings.Contains(d.Message, tc.want) {
			t.Errorf("%s: %+v, want permanent mentioning %q", tc.name, d, tc.want)
		}
	}
}

func TestParseSMTPURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want SMTP
	}{
		{"smtp://mail.example.com", SMTP{Host: "mail.example.com", Port: 587, StartTLS: StartTLSMandatory, Timeout: DefaultTimeout}},
		{"smtp://u%40x:p%3Aw@mail.example.com:25?starttls=none&timeout=10s",
			SMTP{Host: "mail.example.com", Port: 25, Username: "u@x", Password: "p:w", StartTLS: StartTLSNone, Timeout: 10 * time.Second}},
		{"smtp://mail.example.com?starttls=opportunistic", SMTP{Host: "mail.example.com", Port: 587, StartTLS: StartTLSOpportunistic, Timeout: DefaultTimeout}},
		{"smtps://u:p@mail.example.com", SMTP{Host: "mail.example.com", Port: 465, Username: "u", Password: "p", ImplicitTLS: true, StartTLS: StartTLSMandatory, Timeout: DefaultTimeout}},
	} {
		got, err := ParseSMTPURL(tc.url)
		if err != nil {
			t.Errorf("%s: %v", tc.url, err)
			continue
		}
		if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.url, *got, tc.want)
		}
	}
	for url, want := range map[string]string{
		"http://mail.example.com":                "must start with smtp://",
		"smtp://":                                "no host",
		"smtp://mail.example.com:99999":          "not a port",
		"smtp://mail.example.com?starttls=yes":   "mandatory, opportunistic or none",
		"smtps://mail.example.com?starttls=none": "smtp:// only",
		"smtp://mail.example.com?timeout=soon":   "duration",
		"smtp://mail.example.com?tls=off":        `unknown option "tls"`,
	} {
		_, err := ParseSMTPURL(url)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one saying %q", url, err, want)
		}
	}
}

// scriptedServer speaks just enough SMTP to accept one message and then
// drops the connection at the RSET go-mail sends after the DATA reply, as a
// server that crashes or a network that breaks right after accepting would.
func scriptedServer(t *testing.T) (addr string, accepted <-chan string) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		tp := textproto.NewConn(c)
		reply := func(s string) { _ = tp.PrintfLine("%s", s) }
		reply("220 localhost ESMTP")
		for {
			line, err := tp.ReadLine()
			if err != nil {
				return
			}
			switch cmd := strings.ToUpper(strings.SplitN(line, " ", 2)[0]); cmd {
			case "EHLO", "HELO":
				reply("250 localhost")
			case "MAIL", "RCPT", "NOOP":
				reply("250 OK")
			case "DATA":
				reply("354 go ahead")
				body, err := tp.ReadDotBytes()
				if err != nil {
					return
				}
				got <- string(body)
				reply("250 accepted")
			default: // RSET, QUIT: the connection breaks
				return
			}
		}
	}()
	t.Cleanup(func() { l.Close(); <-done })
	return l.Addr().String(), got
}

// Once the server has said 250 to the message it is delivered; a failure
// after that must not read as one to retry, which would send it twice.
func TestSMTPAcceptedMessageIsSentEvenIfTheSessionThenBreaks(t *testing.T) {
	addr, accepted := scriptedServer(t)
	s := smtpURL(t, "smtp", "", addr, "?starttls=none&timeout=5s")
	if err := s.Send(context.Background(), invoiceMessage(t, "delivery-3", "a@customer.example")); err != nil {
		t.Fatalf("a message the server accepted was reported as failed: %v", err)
	}
	select {
	case body := <-accepted:
		if !strings.Contains(body, "Message-ID: <delivery-3@acme.example>") {
			t.Fatalf("the server got another message:\n%.300s", body)
		}
	default:
		t.Fatal("the server accepted nothing")
	}
}

// Without TLS the password is never sent, even to a server offering PLAIN.
func TestSMTPNeverSendsAPasswordInTheClear(t *testing.T) {
	srv, _ := startServer(t, serverOpts{insecureAuth: true, user: "billing", password: "pw"})
	s := smtpURL(t, "smtp", "billing:pw@", srv.addr, "?starttls=none")
	d := deliveryError(t, s.Send(context.Background(), invoiceMessage(t, "delivery-1", "a@customer.example")))
	srv.mu.Lock()
	tries := srv.authTries
	srv.mu.Unlock()
	if !IsPermanent(d) || tries != 0 || len(srv.messages()) != 0 {
		t.Fatalf("%+v, %d sign-in attempts: want permanent and no password sent", d, tries)
	}
}

// starttls=opportunistic still delivers to a server without STARTTLS.
func TestSMTPOpportunisticStartTLSDeliversToAPlainServer(t *testing.T) {
	srv, _ := startServer(t, serverOpts{})
	s := smtpURL(t, "smtp", "", srv.addr, "?starttls=opportunistic")
	if err := s.Send(context.Background(), invoiceMessage(t, "delivery-1", "a@customer.example")); err != nil {
		t.Fatal(err)
	}
	if got := srv.messages(); len(got) != 1 || got[0].tls {
		t.Fatalf("received %+v", got)
	}
}
