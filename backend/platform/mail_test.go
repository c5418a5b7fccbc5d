package platform

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/tollgate/tollgate/backend/mail"
)

func TestOpenMailerPicksSMTPOrTheOutbox(t *testing.T) {
	dir := t.TempDir()
	s, err := OpenMailer(Config{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	o, ok := s.(*mail.Outbox)
	if !ok || o.Dir != filepath.Join(dir, "outbox") {
		t.Fatalf("without SMTP_URL got %#v, want the outbox in %s", s, filepath.Join(dir, "outbox"))
	}
	s, err = OpenMailer(Config{DataDir: dir, SMTPURL: "smtps://u:p@mail.example.com"})
	if sm, ok := s.(*mail.SMTP); err != nil || !ok || sm.Addr() != "mail.example.com:465" || !sm.ImplicitTLS {
		t.Fatalf("with SMTP_URL got %#v, %v", s, err)
	}
	if _, err := OpenMailer(Config{DataDir: dir, SMTPURL: "smtp://mail.example.com?tls=1"}); err == nil || !strings.Contains(err.Error(), "SMTP_URL") {
		t.Fatalf("a bad SMTP_URL gave %v", err)
	}
}
