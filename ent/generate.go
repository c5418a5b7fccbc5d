// Package ent holds the hand-written Ent schemas (ent/schema) and the code
// generated from them. Regenerate with `make generate` from the repository
// root; never edit generated files.
package ent
