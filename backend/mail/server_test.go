package mail

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// testServer is a real SMTP server (emersion/go-smtp) on loopback, in the
// test process, that keeps what it is given.
type testServer struct {
	addr      string
	user      string
	password  string
	mu        sync.Mutex
	got       []received
	authTries int
}

// received is one message as the server took it.
type received struct {
	from   string
	rcpts  []string
	data   []byte
	authed string // the user who signed in, "" if none
	tls    bool
}

const (
	rejectedRcpt = "nobody@customer.example" // answered 550
	busyRcpt     = "busy@customer.example"   // answered 451
)

// selfSigned makes a certificate for 127.0.0.1 and a pool that trusts it.
func selfSigned(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "tollgate test smtp"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		KeyUsage:    x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

type serverOpts struct {
	tls      bool // offer STARTTLS
	implicit bool // TLS from the first byte (smtps)
	user     string
	password string
	// insecureAuth offers PLAIN sign-in without TLS, as a badly set server
	// would; the client must still not send the password.
	insecureAuth bool
}

// startServer serves until the test ends and returns the server and a TLS
// config that trusts it.
func startServer(t *testing.T, o serverOpts) (*testServer, *tls.Config) {
	t.Helper()
	ts := &testServer{user: o.user, password: o.password}
	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &testSession{srv: ts, conn: c}, nil
	}))
	s.Domain = "localhost"
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	s.ErrorLog = testLogger{t}
	s.AllowInsecureAuth = o.insecureAuth
	var clientTLS *tls.Config
	if o.tls || o.implicit {
		cert, pool := selfSigned(t)
		s.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
		clientTLS = &tls.Config{RootCAs: pool}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if o.implicit {
		l = tls.NewListener(l, s.TLSConfig)
	}
	ts.addr = l.Addr().String()
	done := make(chan struct{})
	go func() { defer close(done); _ = s.Serve(l) }()
	t.Cleanup(func() { s.Close(); <-done })
	return ts, clientTLS
}

func (ts *testServer) messages() []received {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]received(nil), ts.got...)
}

type testLogger struct{ t *testing.T }

func (l testLogger) Printf(format string, v ...any) { l.t.Logf("smtp server: "+format, v...) }
func (l testLogger) Println(v ...any)               { l.t.Log(append([]any{"smtp server:"}, v...)...) }

type testSession struct {
	srv    *testServer
	conn   *smtp.Conn
	authed string
	cur    received
}

func (s *testSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *testSession) Auth(string) (sasl.Server, error) {
	s.srv.mu.Lock()
	s.srv.authTries++
	s.srv.mu.Unlock()
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != s.srv.user || pass != s.srv.password {
			return smtp.ErrAuthFailed
		}
		s.authed = user
		return nil
	}), nil
}

func (s *testSession) Mail(from string, _ *smtp.MailOptions) error {
	if s.srv.user != "" && s.authed == "" {
		return smtp.ErrAuthRequired
	}
	s.cur = received{from: from}
	return nil
}

func (s *testSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	switch strings.ToLower(to) {
	case rejectedRcpt:
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such user here"}
	case busyRcpt:
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Mailbox busy, try later"}
	}
	s.cur.rcpts = append(s.cur.rcpts, to)
	return nil
}

func (s *testSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.cur.data, s.cur.authed = b, s.authed
	_, s.cur.tls = s.conn.TLSConnectionState()
	s.srv.mu.Lock()
	s.srv.got = append(s.srv.got, s.cur)
	s.srv.mu.Unlock()
	return nil
}

func (s *testSession) Reset()        { s.cur = received{} }
func (s *testSession) Logout() error { return nil }
