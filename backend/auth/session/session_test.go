package session_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tollgate/tollgate/backend/auth/session"
	"github.com/tollgate/tollgate/backend/auth/viewer"
	"github.com/tollgate/tollgate/backend/internal/testenv"
)

func TestPasswordsAreArgon2idAndSalted(t *testing.T) {
	a, err := session.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := session.HashPassword("correct horse battery")
	if !strings.HasPrefix(a, "$argon2id$v=19$m=65536,t=3,p=4$") || a == b {
		t.Fatalf("hashes %q and %q: want argon2id with its parameters, and a salt of their own", a, b)
	}
	if !session.VerifyPassword(a, "correct horse battery") || session.VerifyPassword(a, "correct horse batterY") {
		t.Fatal("the hash does not tell the right password from a wrong one")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=65536,t=3,p=4$c2FsdA$a2V5", a[:len(a)-4], strings.Replace(a, "t=3", "t=99", 1)} {
		if session.VerifyPassword(bad, "correct horse battery") {
			t.Fatalf("the malformed hash %q matched", bad)
		}
	}
}

// A session ends after its idle limit unused, and at its absolute limit
// however busy; a request within a minute of the last does not write.
func TestSessionsEndWhenIdleAndAtTheirLimit(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	s := &session.Service{Client: env.App.DB.Client, Now: func() time.Time { return now }, Idle: time.Hour, MaxAge: 8 * time.Hour}
	ctx := viewer.System(context.Background())
	_, secret, _, err := s.CreateStaff(ctx, "clerk@example.com", viewer.RoleBilling)
	if err != nil {
		t.Fatal(err)
	}
	signed, err := s.UseLink(ctx, secret, "", "a long enough passphrase", session.Origin{IP: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string, wantOK bool, wantWhy string) {
		t.Helper()
		v, err := s.Authenticate(ctx, signed.Secret)
		switch {
		case wantOK && (err != nil || v.Role != viewer.RoleBilling || v.Name != "clerk@example.com"):
			t.Fatalf("%s: %+v, %v; want the clerk with the billing role", when, v, err)
		case !wantOK && (err == nil || !strings.Contains(err.Error(), wantWhy)):
			t.Fatalf("%s: %v; want a refusal saying %q", when, err, wantWhy)
		}
	}
	check("at once", true, "")
	// Busy all day, a request every 50 minutes: never idle for an hour...
	for range 9 {
		now = now.Add(50 * time.Minute)
		if now.Sub(signed.ExpiresAt) >= 0 {
			break
		}
		check(now.Format("15:04"), true, "")
	}
	// ...but over at the absolute limit.
	now = signed.ExpiresAt
	check("at the limit", false, "has reached its limit")

	other, err := s.SignIn(ctx, "clerk@example.com", "a long enough passphrase", session.Origin{IP: "192.0.2.1"})
	if err != nil {
		t.Fatal(err)
	}
	signed = other
	now = now.Add(59 * time.Minute)
	check("59 minutes unused", true, "")
	now = now.Add(time.Hour)
	check("an hour unused", false, "unused")
}

// Five failures lock the email for a minute, each further one doubles
// the lock; the address is locked the same way for every account.
func TestLockOutDoublesAndCoversTheAddress(t *testing.T) {
	env := testenv.StartMode(t, testenv.Embedded)
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	s := &session.Service{Client: env.App.DB.Client, Now: func() time.Time { return now }}
	ctx := viewer.System(context.Background())
	_, secret, _, err := s.CreateStaff(ctx, "clerk@example.com", viewer.RoleBilling)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UseLink(ctx, secret, "", "a long enough passphrase", session.Origin{}); err != nil {
		t.Fatal(err)
	}
	from := session.Origin{IP: "198.51.100.7"}
	wait := func(pw string) time.Duration {
		t.Helper()
		_, err := s.SignIn(ctx, "clerk@example.com", pw, from)
		rf, ok := session.IsRefused(err)
		if !ok {
			t.Fatalf("sign-in with %q: %v, want a refusal", pw, err)
		}
		return rf.RetryAfter
	}
	for i := range session.FreeFailures {
		if w := wait("wrong"); w != 0 {
			t.Fatalf("failure %d already locked for %s", i+1, w)
		}
	}
	if w := wait("a long enough passphrase"); w != time.Minute {
		t.Fatalf("after 5 failures the lock is %s, want 1m", w)
	}
	now = now.Add(time.Minute)
	wait("wrong") // the sixth: two minutes
	if w := wait("a long enough passphrase"); w != 2*time.Minute {
		t.Fatalf("after 6 failures the lock is %s, want 2m", w)
	}
	// Another account from the same address is locked too.
	if _, err := s.SignIn(ctx, "someone@example.com", "whatever it is", from); err == nil {
		t.Fatal("another account signed in from a locked address")
	} else if rf, _ := session.IsRefused(err); rf == nil || rf.RetryAfter == 0 {
		t.Fatalf("another account from a locked address: %v, want the lock", err)
	}
	// Once the lock has run out the right password clears the count.
	now = now.Add(2 * time.Minute)
	if _, err := s.SignIn(ctx, "clerk@example.com", "a long enough passphrase", from); err != nil {
		t.Fatalf("after the lock: %v", err)
	}
	if w := wait("wrong"); w != 0 {
		t.Fatalf("the count was not cleared by the success: locked %s after one failure", w)
	}
}
