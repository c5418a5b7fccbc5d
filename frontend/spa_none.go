//go:build !spa

// Package frontend embeds the built SPA (frontend/dist) into the Go binary
// when it is built with -tags spa, as `make build` does. Without the tag
// (go test, go vet) there is no SPA and the server says how to build it.
package frontend

import "io/fs"

// Dist reports that this binary was built without the SPA.
func Dist() (fs.FS, bool) { return nil, false }
