package samlsp

import (
	"errors"
	"fmt"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// ErrRefused marks every SAML message this package refuses. Such errors also
// match jobnet.ErrForbidden, so the web layer answers them like any other
// refusal; their text says why in English, for the log, and never carries an
// attribute value beyond message and assertion IDs.
var ErrRefused = errors.New("samlsp: SAML message refused")

type refusal struct {
	reason string
	err    error // an underlying cause such as ErrReplayed or a StatusError, may be nil
}

func (e *refusal) Error() string {
	if e.err != nil {
		return "samlsp: refused: " + e.reason + ": " + e.err.Error()
	}
	return "samlsp: refused: " + e.reason
}

func (e *refusal) Is(target error) bool {
	return target == ErrRefused || target == jobnet.ErrForbidden
}

func (e *refusal) Unwrap() error { return e.err }

// refuse makes a refusal; its arguments are formatted like fmt.Sprintf.
func refuse(format string, args ...any) error {
	return &refusal{reason: fmt.Sprintf(format, args...)}
}

// refuseWith makes a refusal that wraps cause.
func refuseWith(cause error, format string, args ...any) error {
	return &refusal{reason: fmt.Sprintf(format, args...), err: cause}
}

// StatusError is the non-success status an IdP answered with. The server can
// tell a caseworker who cancelled at the IdP (SubCode ending in AuthnFailed
// or RequestDenied) from a broken response with errors.As.
type StatusError struct {
	Code    string // top-level status code, e.g. urn:oasis:names:tc:SAML:2.0:status:Responder
	SubCode string // second-level status code, may be empty
}

func (e *StatusError) Error() string {
	if e.SubCode != "" {
		return "IdP answered status " + e.Code + " / " + e.SubCode
	}
	return "IdP answered status " + e.Code
}
