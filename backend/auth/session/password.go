package session

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/tollgate/tollgate/backend/apperr"
)

// Argon2id parameters: the second recommended option of RFC 9106 (3
// passes over 64 MiB, 4 lanes), a 16-byte salt and a 32-byte key. A
// sign-in costs some 100 ms of one core, which is what slows a guesser.
const (
	argonTime    = 3
	argonMemory  = 64 * 1024 // KiB
	argonThreads = 4
	argonKeyLen  = 32
	saltLen      = 16
)

// Password length limits: long enough to resist guessing, short enough
// that hashing a pasted novel cannot tie up the server.
const (
	MinPasswordChars = 10
	MaxPasswordChars = 256
)

// CheckPassword says what is wrong with a new password, in words for the
// person choosing it.
func CheckPassword(pw string) error {
	n := utf8.RuneCountInString(pw)
	switch {
	case n < MinPasswordChars:
		return apperr.Field(apperr.Invalid, "password", "choose a password of at least %d characters (this one has %d); a few unrelated words make a good one", MinPasswordChars, n)
	case n > MaxPasswordChars:
		return apperr.Field(apperr.Invalid, "password", "a password may be at most %d characters", MaxPasswordChars)
	case strings.TrimSpace(pw) == "":
		return apperr.Field(apperr.Invalid, "password", "a password cannot be only spaces")
	}
	return nil
}

// HashPassword returns the password's argon2id hash in the PHC string
// form ($argon2id$v=19$m=…,t=…,p=…$salt$key), which carries its own
// parameters so that they can be raised later without breaking old hashes.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("read random bytes for a salt: %w", err)
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// VerifyPassword reports whether pw matches an encoded hash. A hash it
// cannot read matches nothing.
func VerifyPassword(encoded, pw string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false
	}
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil || m == 0 || t == 0 || p == 0 || m > 1<<21 || t > 16 {
		return false
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(want) == 0 || len(want) > 64 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash is verified against when no user has the email tried, so a
// sign-in takes as long whether or not the account exists.
var dummyHash = sync.OnceValue(func() string {
	h, err := HashPassword("no account has this password")
	if err != nil {
		panic(err)
	}
	return h
})
