package server

import (
	"time"

	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// What the pages that show job postings (Forside, Find Job, Jobannonce,
// Gemte job) write about a posting.

// jobsDeadline is a posting's Ansøgningsfrist: a date, or "Snarest".
func jobsDeadline(d time.Time) string {
	if d.IsZero() {
		return "Snarest"
	}
	return views.ShortDate(d)
}
