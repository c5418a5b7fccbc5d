package rules

import "fmt"

// Error is input a run cannot bill, with the input field at fault and a
// sentence a clerk can act on; the services above turn it into their
// INVALID error.
type Error struct {
	Field   string // e.g. "issueDate", "unitPrice"
	Message string
}

func (e *Error) Error() string { return e.Message }

func invalid(field, format string, args ...any) *Error {
	return &Error{Field: field, Message: fmt.Sprintf(format, args...)}
}
