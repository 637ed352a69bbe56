package views

import "net/url"

// MoederBookingFaultAction is where "Indmeld booking-fejl" posts (seed 002 §3.2); the
// read-only rule refuses it.
const MoederBookingFaultAction = "/borger/planer/moeder/booking-fejl"

// moederStepURL is Trin 4 with the choices made: where "Forlad" leaves the booking-fault
// report for.
func moederStepURL(b MoederBooking) string {
	q := url.Values{"trin": {"4"}, "tilbud": {b.Offer.ID}, "med": {b.Host.ID}, "tid": {b.Slot.ID}}
	return "/borger/planer/moeder?" + q.Encode()
}
