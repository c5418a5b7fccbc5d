package mail

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// StartTLS is what an smtp:// connection does about STARTTLS.
type StartTLS string

const (
	StartTLSMandatory     StartTLS = "mandatory"     // refuse a server without it (the default)
	StartTLSOpportunistic StartTLS = "opportunistic" // use it when offered
	StartTLSNone          StartTLS = "none"          // never: a local relay or a test server
)

// DefaultTimeout bounds the connection and each SMTP command.
const DefaultTimeout = 30 * time.Second

// SMTP sends through a mail server. Build it with ParseSMTPURL.
type SMTP struct {
	Host               string
	Port               int
	Username, Password string
	// ImplicitTLS is smtps://: TLS from the first byte (port 465).
	ImplicitTLS bool
	StartTLS    StartTLS
	Timeout     time.Duration
	// TLSConfig is nil for the system's roots; set it to trust a private CA.
	TLSConfig *tls.Config
}

// ParseSMTPURL reads SMTP_URL:
//
//	smtp://user:pass@host:587?starttls=mandatory&timeout=30s
//	smtps://user:pass@host:465
//
// smtp:// defaults to port 587 with STARTTLS required; starttls may be
// mandatory, opportunistic or none. smtps:// is TLS from the start and
// defaults to port 465. User and password are optional (URL-escape them).
func ParseSMTPURL(raw string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("SMTP_URL is not a URL; write it as smtp://user:password@host:587")
	}
	s := &SMTP{Host: u.Hostname(), StartTLS: StartTLSMandatory, Timeout: DefaultTimeout}
	switch u.Scheme {
	case "smtp":
		s.Port = gomail.DefaultPortTLS
	case "smtps":
		s.Port, s.ImplicitTLS = gomail.DefaultPortSSL, true
	default:
		return nil, fmt.Errorf("SMTP_URL must start with smtp:// (STARTTLS) or smtps:// (TLS), not %q", u.Scheme+"://")
	}
	if s.Host == "" {
		return nil, fmt.Errorf("SMTP_URL has no host; write it as %s://user:password@host:port", u.Scheme)
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return nil, fmt.Errorf("SMTP_URL port %q is not a port number", p)
		}
		s.Port = n
	}
	if u.User != nil {
		s.Username = u.User.Username()
		s.Password, _ = u.User.Password()
	}
	for key, vals := range u.Query() {
		v := vals[len(vals)-1]
		switch key {
		case "starttls":
			switch StartTLS(v) {
			case StartTLSMandatory, StartTLSOpportunistic, StartTLSNone:
				s.StartTLS = StartTLS(v)
			default:
				return nil, fmt.Errorf("SMTP_URL starttls=%q: use mandatory, opportunistic or none", v)
			}
			if s.ImplicitTLS {
				return nil, fmt.Errorf("SMTP_URL: smtps:// is TLS from the start; starttls applies to smtp:// only")
			}
		case "timeout":
			d, err := time.ParseDuration(v)
			if err != nil || d <= 0 {
				return nil, fmt.Errorf("SMTP_URL timeout=%q: write a duration such as 30s", v)
			}
			s.Timeout = d
		default:
			return nil, fmt.Errorf("SMTP_URL has an unknown option %q; the options are starttls and timeout", key)
		}
	}
	return s, nil
}

// Addr is host:port, for messages and logs (never the password).
func (s *SMTP) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

func (s *SMTP) client() (*gomail.Client, error) {
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	opts := []gomail.Option{gomail.WithPort(s.Port), gomail.WithTimeout(timeout)}
	if s.ImplicitTLS {
		opts = append(opts, gomail.WithSSL())
	} else {
		policy := map[StartTLS]gomail.TLSPolicy{
			StartTLSMandatory: gomail.TLSMandatory, StartTLSOpportunistic: gomail.TLSOpportunistic, StartTLSNone: gomail.NoTLS,
		}[s.StartTLS]
		opts = append(opts, gomail.WithTLSPolicy(policy))
	}
	if s.TLSConfig != nil {
		cfg := s.TLSConfig.Clone()
		if cfg.ServerName == "" {
			cfg.ServerName = s.Host
		}
		opts = append(opts, gomail.WithTLSConfig(cfg))
	}
	if s.Username != "" {
		// Auto-discovery picks the strongest mechanism offered and never
		// sends a plain password over an unencrypted connection.
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(s.Username), gomail.WithPassword(s.Password))
	}
	return gomail.NewClient(s.Host, opts...)
}

// Send delivers m in one SMTP session. A message the server accepted is
// delivered even if closing the session then fails, so that never reads as
// a failure to retry (which would send it twice).
func (s *SMTP) Send(ctx context.Context, m *Message) error {
	g, err := m.build()
	if err != nil {
		return err
	}
	c, err := s.client()
	if err != nil {
		return permanent(fmt.Sprintf("SMTP_URL cannot be used: %v.", err), 0, err)
	}
	err = c.DialAndSendWithContext(ctx, g)
	if err == nil || g.IsDelivered() {
		return nil
	}
	return classify(err, s.Addr())
}
