// Package secret makes the random secrets behind API tokens, sessions and
// one-time links, and the SHA-256 form in which the database keeps them:
// a copy of the database holds nothing that signs anyone in, and a
// presented secret is found by its hash (an index lookup, not a
// comparison of secrets).
package secret

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// New returns prefix and 256 random bits in base64url (43 characters).
func New(prefix string) (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("read random bytes for a secret: %w", err)
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b), nil
}

// Hash is the stored form of a secret: its SHA-256 in hex.
func Hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
