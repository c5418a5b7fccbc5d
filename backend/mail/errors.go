package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"

	gomail "github.com/wneessen/go-mail"
)

// DeliveryError is why a message was not delivered. The outbox retries a
// temporary one with back-off and shows a permanent one to a clerk, who
// corrects the address or the settings and resends.
type DeliveryError struct {
	// Permanent: trying the same message again cannot succeed.
	Permanent bool
	// Code is the SMTP reply code (550, 421), 0 when the server gave none.
	Code int
	// Message is a sentence for the clerk saying what happened and what to do.
	Message string
	// Detail is the server's or the network's own words, for the outbox's
	// detail view and the logs; it may be empty.
	Detail string
	Err    error
}

func (e *DeliveryError) Error() string { return e.Message }
func (e *DeliveryError) Unwrap() error { return e.Err }

func permanent(msg string, code int, err error) *DeliveryError {
	return &DeliveryError{Permanent: true, Code: code, Message: msg, Err: err, Detail: detail(err)}
}

func temporary(msg string, code int, err error) *DeliveryError {
	return &DeliveryError{Code: code, Message: msg, Err: err, Detail: detail(err)}
}

func detail(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// IsPermanent reports whether err says retrying cannot help.
func IsPermanent(err error) bool {
	var d *DeliveryError
	return errors.As(err, &d) && d.Permanent
}

// IsTemporary reports whether err is worth retrying later: a temporary
// DeliveryError, or any other failure we could not classify (an email lost
// to a wrong guess is worse than one retried until the outbox gives up).
func IsTemporary(err error) bool {
	return err != nil && !IsPermanent(err)
}

// classify turns what go-mail returned into a DeliveryError. SMTP's own
// rule decides where the server answered: 4xx is temporary, 5xx permanent.
// Without an answer, the network failing is temporary and the two ends not
// agreeing on TLS or sign-in is permanent, since only SMTP_URL can fix it.
func classify(err error, server string) *DeliveryError {
	var d *DeliveryError
	if errors.As(err, &d) {
		return d
	}
	if errors.Is(err, context.Canceled) {
		return temporary("Sending was interrupted; the message will be tried again.", 0, err)
	}
	var se *gomail.SendError
	if errors.As(err, &se) {
		return classifySend(se, err, server)
	}
	var tp *textproto.Error
	if errors.As(err, &tp) {
		switch {
		case tp.Code >= 400 && tp.Code < 500:
			return temporary(fmt.Sprintf("The mail server at %s is busy or unavailable (%d); the message will be tried again.", server, tp.Code), tp.Code, err)
		case tp.Code == 535 || tp.Code == 534 || tp.Code == 530:
			return permanent(fmt.Sprintf("The mail server at %s refused the user name or password (%d); correct them in SMTP_URL.", server, tp.Code), tp.Code, err)
		default:
			return permanent(fmt.Sprintf("The mail server at %s refused the session (%d); check SMTP_URL.", server, tp.Code), tp.Code, err)
		}
	}
	var cv *tls.CertificateVerificationError
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	if errors.As(err, &cv) || errors.As(err, &ua) || errors.As(err, &he) || errors.As(err, &ci) {
		return permanent(fmt.Sprintf("The mail server at %s showed a certificate this machine does not trust; fix the server's certificate or the host name in SMTP_URL.", server), 0, err)
	}
	var rh tls.RecordHeaderError
	if errors.As(err, &rh) {
		return permanent(fmt.Sprintf("The mail server at %s does not speak TLS on this port; use smtp:// (STARTTLS) or the server's TLS port in SMTP_URL.", server), 0, err)
	}
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return permanent(fmt.Sprintf("The mail server host in SMTP_URL (%s) does not exist; correct SMTP_URL.", server), 0, err)
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, net.ErrClosed) {
		return temporary(fmt.Sprintf("The mail server at %s could not be reached or stopped answering; the message will be tried again.", server), 0, err)
	}
	return permanent(fmt.Sprintf("The mail server at %s and SMTP_URL do not agree on TLS or sign-in; check SMTP_URL.", server), 0, err)
}

func classifySend(se *gomail.SendError, err error, server string) *DeliveryError {
	code := se.ErrorCode()
	switch {
	case code >= 400 && code < 500:
		return temporary(fmt.Sprintf("The mail server at %s could not take the message now (%d); it will be tried again.", server, code), code, err)
	case code >= 500:
		switch se.Reason {
		case gomail.ErrSMTPRcptTo:
			return permanent(fmt.Sprintf("The mail server refused the recipient address (%d); check the customer's email address and resend.", code), code, err)
		case gomail.ErrSMTPMailFrom:
			return permanent(fmt.Sprintf("The mail server refused the sender address (%d); check the sender in the company settings.", code), code, err)
		default:
			return permanent(fmt.Sprintf("The mail server refused the message (%d); its reason is in the details.", code), code, err)
		}
	}
	switch se.Reason {
	case gomail.ErrGetSender, gomail.ErrGetRcpts, gomail.ErrNoUnencoded:
		return permanent("The message could not be addressed; check the sender and the recipient addresses.", 0, err)
	}
	// No reply code in mid-transaction: the connection broke.
	return temporary(fmt.Sprintf("The connection to the mail server at %s broke while sending; the message will be tried again.", server), 0, err)
}
