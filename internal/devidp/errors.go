package devidp

import (
	"errors"
	"net/http"
)

// pageError is an error that the user sees as a Danish page. Detail is the
// technical reason, shown too: this is a developer's tool.
type pageError struct {
	Status  int
	Title   string
	Message string
	Err     error
}

func (e *pageError) Error() string {
	if e.Err == nil {
		return e.Title
	}
	return e.Title + ": " + e.Err.Error()
}

func (e *pageError) Unwrap() error { return e.Err }

func refuse(status int, title, message string, err error) error {
	return &pageError{Status: status, Title: title, Message: message, Err: err}
}

// handle adapts a handler that returns an error: a pageError becomes its
// page, anything else a 500 page. Only 5xx are logged at error level.
func (p *IdP) handle(h func(http.ResponseWriter, *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var pe *pageError
		if !errors.As(err, &pe) {
			pe = &pageError{
				Status:  http.StatusInternalServerError,
				Title:   "Der opstod en fejl i test-IdP'en",
				Message: "Prøv igen. Hvis fejlen bliver ved, så se i test-IdP'ens log.",
				Err:     err,
			}
		}
		if pe.Status >= 500 {
			p.log.Error("devidp: request failed", "path", r.URL.Path, "status", pe.Status, "err", err)
		} else {
			p.log.Warn("devidp: request refused", "path", r.URL.Path, "status", pe.Status, "err", err)
		}
		v := messageView{Title: pe.Title, Message: pe.Message}
		if pe.Err != nil {
			v.Detail = pe.Err.Error()
		}
		p.render(w, pe.Status, messagePage, v)
	})
}
