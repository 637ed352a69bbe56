package views

import (
	"net/url"

	"github.com/star-dk/sagsbehandleradgang/internal/pages"
)

// MoederBookingFaultAction is where "Indmeld booking-fejl" posts (seed 002 §3.2); the
// read-only rule refuses it.
var MoederBookingFaultAction = pages.Moeder.Below("booking-fejl")

// moederBookAction is where "Book" posts; the read-only rule refuses it.
var moederBookAction = pages.Moeder.Below("book")

// moederStepURL is Trin 4 with the choices made: where "Forlad" leaves the booking-fault
// report for.
func moederStepURL(b MoederBooking) string {
	q := url.Values{"trin": {"4"}, "tilbud": {b.Offer.ID}, "med": {b.Host.ID}, "tid": {b.Slot.ID}}
	return pages.Moeder.Path + "?" + q.Encode()
}
