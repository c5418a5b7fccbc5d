package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// Every answer carries the security headers; pages may not be framed by
// anyone, downloads only by this server's own pages (the invoice page
// shows the PDF in an iframe).
func TestSecurityHeaders(t *testing.T) {
	env := startEmbedded(t, nil)
	for _, tc := range []struct {
		path, frameAncestors, xfo string
	}{
		{"/", "frame-ancestors 'none'", "DENY"},
		{"/customers", "frame-ancestors 'none'", "DENY"},
		{"/graphiql", "frame-ancestors 'none'", "DENY"},
		{"/graphql?query=%7Bviewer%7Bname%7D%7D", "frame-ancestors 'none'", "DENY"},
		{"/download/rate-sheets/1.csv", "frame-ancestors 'self'", "SAMEORIGIN"},
		{"/download/invoices/1/pdf", "frame-ancestors 'self'", "SAMEORIGIN"},
	} {
		res, err := http.Get(env.Server.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, tc.frameAncestors) || h.Get("X-Frame-Options") != tc.xfo {
			t.Errorf("%s: CSP %q, X-Frame-Options %q; want %s and %s", tc.path, csp, h.Get("X-Frame-Options"), tc.frameAncestors, tc.xfo)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "strict-origin-when-cross-origin" {
			t.Errorf("%s: nosniff %q, referrer %q", tc.path, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
		}
		if strings.Contains(csp, "script-src") && strings.Contains(csp, "'unsafe-inline'") &&
			strings.Contains(strings.SplitN(strings.SplitN(csp, "script-src", 2)[1], ";", 2)[0], "unsafe") {
			t.Errorf("%s: scripts may run inline: %q", tc.path, csp)
		}
	}
}
