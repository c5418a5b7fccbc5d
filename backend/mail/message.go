// Package mail delivers invoices by email: the subject and body templates a
// clerk writes with placeholders, a Message with its attachments, and two
// Senders, SMTP (SMTP_URL) and an outbox directory for embedded mode. It is a
// leaf like render: the delivery table, its retries and the task that sends
// live in billing and jobs, which call this package with plain values.
package mail

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/mail"
	"regexp"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// Sender delivers one message. An error is a *DeliveryError saying whether
// trying again later can help (IsTemporary) or not (IsPermanent).
type Sender interface {
	Send(ctx context.Context, m *Message) error
}

// Address is a mailbox: a display name (may be empty) and an address.
type Address struct {
	Name  string
	Email string
}

func (a Address) String() string {
	return (&mail.Address{Name: a.Name, Address: a.Email}).String()
}

// Attachment is a file sent with a message: the invoice PDF, the call
// statement. Give either Data or Reader; a Reader is read once, when the
// message is written, so a retry needs a fresh one.
type Attachment struct {
	Name        string // the file name the customer sees: "INV-1042.pdf"
	ContentType string // "application/pdf", "text/csv"
	Data        []byte
	Reader      io.Reader
}

// Message is one email. ID is its idempotency key, the delivery's id
// ("delivery-42"): the Message-ID header and the outbox file name derive from
// it, so a retried delivery is the same message to the server, to the
// recipient's mail client and to the outbox.
type Message struct {
	ID      string
	From    Address
	To      []Address
	ReplyTo *Address
	Subject string
	Text    string // the plain-text body, always sent
	HTML    string // an HTML alternative, optional
	// FixedMessageID, when set, is the Message-ID header (without angle
	// brackets) instead of one made from ID: the outbox fixes it at a
	// delivery's first attempt so later ones carry it whatever the settings.
	FixedMessageID string
	// Date is the Date header; zero means the time of writing.
	Date        time.Time
	Attachments []Attachment
}

// idPattern keeps an ID usable both as the left of a Message-ID (RFC 5322
// dot-atom text) and as a file name: no slashes, no leading dot.
var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$`)

const maxIDLen = 128

func validID(id string) bool { return len(id) <= maxIDLen && idPattern.MatchString(id) }

// MessageID is the Message-ID header value for m, without angle brackets:
// the ID at the sender's domain, the same for every attempt.
func (m *Message) MessageID() string {
	if m.FixedMessageID != "" {
		return m.FixedMessageID
	}
	domain := "tollgate.invalid"
	if at := strings.LastIndexByte(m.From.Email, '@'); at >= 0 && at < len(m.From.Email)-1 {
		domain = m.From.Email[at+1:]
	}
	return m.ID + "@" + domain
}

// check refuses a message no server could take; these are our own mistakes
// or bad settings, so they are permanent.
func (m *Message) check() error {
	if !validID(m.ID) {
		return permanent(fmt.Sprintf("The message id %q is not usable: use letters, digits, dots, dashes and underscores, at most %d.", m.ID, maxIDLen), 0, nil)
	}
	if _, err := mail.ParseAddress(m.From.Email); err != nil {
		return permanent(fmt.Sprintf("The sender address %q is not an email address; correct it in the company settings.", m.From.Email), 0, err)
	}
	if len(m.To) == 0 {
		return permanent("The message has no recipient; give the customer an email address.", 0, nil)
	}
	for _, to := range m.To {
		if _, err := mail.ParseAddress(to.Email); err != nil {
			return permanent(fmt.Sprintf("The recipient address %q is not an email address; correct it on the customer.", to.Email), 0, err)
		}
	}
	if m.ReplyTo != nil {
		if _, err := mail.ParseAddress(m.ReplyTo.Email); err != nil {
			return permanent(fmt.Sprintf("The reply-to address %q is not an email address; correct it in the company settings.", m.ReplyTo.Email), 0, err)
		}
	}
	for _, a := range m.Attachments {
		if a.Name == "" || a.ContentType == "" {
			return permanent("An attachment has no file name or content type.", 0, nil)
		}
	}
	return nil
}

// build turns m into go-mail's message, which writes RFC 5322 with MIME
// parts: multipart/mixed around multipart/alternative and base64 files.
func (m *Message) build() (*gomail.Msg, error) {
	if err := m.check(); err != nil {
		return nil, err
	}
	g := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	g.SetUserAgent("Tollgate")
	g.FromMailAddress(&mail.Address{Name: m.From.Name, Address: m.From.Email})
	to := make([]*mail.Address, len(m.To))
	for i, a := range m.To {
		to[i] = &mail.Address{Name: a.Name, Address: a.Email}
	}
	g.ToMailAddress(to...)
	if m.ReplyTo != nil {
		g.ReplyToMailAddress(&mail.Address{Name: m.ReplyTo.Name, Address: m.ReplyTo.Email})
	}
	g.Subject(m.Subject)
	g.SetMessageIDWithValue(m.MessageID())
	if m.Date.IsZero() {
		g.SetDate()
	} else {
		g.SetDateWithValue(m.Date)
	}
	g.SetBodyString(gomail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		g.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	for _, a := range m.Attachments {
		r := a.Reader
		if r == nil {
			r = bytes.NewReader(a.Data)
		}
		if err := g.AttachReader(a.Name, r, gomail.WithFileContentType(gomail.ContentType(a.ContentType))); err != nil {
			return nil, temporary(fmt.Sprintf("The attachment %s could not be read; try again.", a.Name), 0, err)
		}
	}
	return g, nil
}

// WriteEML writes m as an RFC 5322 message with its MIME attachments, the
// bytes SMTP would carry.
func (m *Message) WriteEML(w io.Writer) error {
	g, err := m.build()
	if err != nil {
		return err
	}
	_, err = g.WriteTo(w)
	return err
}
