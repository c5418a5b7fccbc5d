//go:build spa

// Package frontend embeds the built SPA (frontend/dist) into the Go binary
// when it is built with -tags spa, as `make build` does.
package frontend

import (
	"embed"
	"io/fs"
)

//go:embed all:dist
var dist embed.FS

// Dist returns the built SPA.
func Dist() (fs.FS, bool) {
	sub, err := fs.Sub(dist, "dist")
	return sub, err == nil
}
