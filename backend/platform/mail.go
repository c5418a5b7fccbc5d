package platform

import (
	"fmt"

	"github.com/tollgate/tollgate/backend/mail"
)

// OpenMailer returns where invoice emails go: the SMTP server in SMTP_URL,
// or, when it is empty (embedded mode), the outbox directory DataDir/outbox
// that the Outbox page reads.
func OpenMailer(c Config) (mail.Sender, error) {
	if c.SMTPURL != "" {
		s, err := mail.ParseSMTPURL(c.SMTPURL)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	dir, err := c.ensureDataDir("outbox")
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	return mail.NewOutbox(dir)
}
