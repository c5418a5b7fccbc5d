// Package apperr is Tollgate's error vocabulary. Every error a person may see
// carries a code and a message they can act on ("line 4512: duration 'abc'
// is not a number"); the GraphQL layer maps the code to extensions.code.
package apperr

import (
	"errors"
	"fmt"

	"github.com/tollgate/tollgate/ent"
)

// Code classifies an error for API consumers.
type Code string

const (
	Invalid         Code = "INVALID"         // the input is wrong
	Conflict        Code = "CONFLICT"        // it clashes with existing data
	NotFound        Code = "NOT_FOUND"       // nothing the viewer can see has that id
	Unauthenticated Code = "UNAUTHENTICATED" // who are you?
	Forbidden       Code = "FORBIDDEN"       // you may not
	Internal        Code = "INTERNAL"        // our fault
)

// Error is an error with a code, an optional input field and a message for
// people.
type Error struct {
	Code    Code
	Field   string // the input field at fault, e.g. "reference"
	Message string
	Err     error // the cause, for logs only
	// Details are extra machine-readable facts for API consumers, shown in
	// extensions (e.g. "problems": every bad line of a rejected file).
	Details map[string]any
}

func (e *Error) Error() string { return e.Message }
func (e *Error) Unwrap() error { return e.Err }

// New returns an error with code and message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Field returns an INVALID or CONFLICT error about one input field.
func Field(code Code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// As returns the *Error in err's chain, if any.
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	return nil, false
}

// CodeOf returns err's code, or Internal.
func CodeOf(err error) Code {
	if e, ok := As(err); ok {
		return e.Code
	}
	return Internal
}

// NotFoundAs turns Ent's "not found" into a NOT_FOUND error naming what is
// missing ("tariff 12 does not exist"); other errors pass through.
func NotFoundAs(err error, what string, id int) error {
	var nf *ent.NotFoundError
	if errors.As(err, &nf) {
		return &Error{Code: NotFound, Message: fmt.Sprintf("%s %d does not exist", what, id), Err: err}
	}
	return err
}
