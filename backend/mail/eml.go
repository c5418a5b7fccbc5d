package mail

import (
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
	"time"
)

// Envelope is what the Outbox page lists of a message: its headers.
type Envelope struct {
	MessageID string // without angle brackets
	From      string
	To        []string
	ReplyTo   string
	Subject   string
	Date      time.Time
}

// StoredAttachment is an attachment read back from a message.
type StoredAttachment struct {
	Name        string
	ContentType string
	Data        []byte
}

// Parsed is a message read back: headers, bodies and attachments decoded.
type Parsed struct {
	Envelope
	Text, HTML  string
	Attachments []StoredAttachment
}

var headerDecoder = mime.WordDecoder{}

func readEnvelope(h mail.Header) Envelope {
	dec := func(s string) string {
		if d, err := headerDecoder.DecodeHeader(s); err == nil {
			return d
		}
		return s
	}
	e := Envelope{
		MessageID: strings.Trim(strings.TrimSpace(h.Get("Message-Id")), "<>"),
		From:      dec(h.Get("From")),
		ReplyTo:   dec(h.Get("Reply-To")),
		Subject:   dec(h.Get("Subject")),
	}
	if to, err := h.AddressList("To"); err == nil {
		for _, a := range to {
			e.To = append(e.To, a.Address)
		}
	}
	if d, err := h.Date(); err == nil {
		e.Date = d
	}
	return e
}

// ParseEML reads an RFC 5322 message as go-mail writes it (and as an SMTP
// server receives it): the headers, the text and HTML bodies, and every
// attachment decoded to its bytes.
func ParseEML(r io.Reader) (*Parsed, error) {
	msg, err := mail.ReadMessage(r)
	if err != nil {
		return nil, fmt.Errorf("not an email message: %w", err)
	}
	p := &Parsed{Envelope: readEnvelope(msg.Header)}
	if err := p.part(textproto.MIMEHeader(msg.Header), msg.Body, true); err != nil {
		return nil, err
	}
	return p, nil
}

func (p *Parsed) part(h textproto.MIMEHeader, body io.Reader, top bool) error {
	ct := h.Get("Content-Type")
	if ct == "" {
		ct = "text/plain"
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return fmt.Errorf("bad Content-Type %q: %w", ct, err)
	}
	if strings.HasPrefix(mt, "multipart/") {
		mr := multipart.NewReader(body, params["boundary"])
		for {
			part, err := mr.NextRawPart()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if err := p.part(part.Header, part, false); err != nil {
				return err
			}
		}
	}
	switch strings.ToLower(h.Get("Content-Transfer-Encoding")) {
	case "base64":
		body = base64.NewDecoder(base64.StdEncoding, body) // skips the folding line breaks
	case "quoted-printable":
		body = quotedprintable.NewReader(body)
	}
	data, err := io.ReadAll(body)
	if err != nil {
		return err
	}
	disp, dparams, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	name := dparams["filename"]
	if name == "" {
		name = params["name"]
	}
	switch {
	case disp == "attachment" || disp == "inline" && name != "" || name != "":
		p.Attachments = append(p.Attachments, StoredAttachment{Name: name, ContentType: mt, Data: data})
	case mt == "text/html":
		p.HTML = string(data)
	case mt == "text/plain" || top:
		p.Text = string(data)
	}
	return nil
}
