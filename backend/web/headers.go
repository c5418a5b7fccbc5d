package web

import (
	"net/http"
	"strings"
)

// contentSecurityPolicy is what pages of this server may load: only their
// own scripts (the SPA and GraphiQL are built bundles with no inline
// script), styles of their own plus inline ones (Mantine and GraphiQL set
// styles at run time), images and fonts of their own or inline data,
// requests to this server (WebSocket included), and frames of this server
// (the invoice page shows the invoice PDF). No plugin content; forms post
// only here; no other site may frame a page.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; " +
	"worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// downloadPolicy is the policy of files served for download: nothing in
// them runs or loads, and only this server's own pages may frame them
// (the invoice page shows the PDF in an iframe).
const downloadPolicy = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'"

// securityHeaders sets the headers every answer carries: the content
// security policy, no MIME sniffing, no full referrer to other sites, and
// frame denial except for downloads, which this server's pages may frame.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		if strings.HasPrefix(r.URL.Path, "/download/") {
			h.Set("Content-Security-Policy", downloadPolicy)
			h.Set("X-Frame-Options", "SAMEORIGIN")
		} else {
			h.Set("Content-Security-Policy", contentSecurityPolicy)
			h.Set("X-Frame-Options", "DENY")
		}
		next.ServeHTTP(w, r)
	})
}
