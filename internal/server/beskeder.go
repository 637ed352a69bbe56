package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// beskederStore is what Min beskedbakke needs of the store.
type beskederStore interface {
	Messages(ctx context.Context, cw jobnet.Caseworker, citizenID int64) ([]jobnet.Message, error)
	Message(ctx context.Context, cw jobnet.Caseworker, citizenID, messageID int64) (jobnet.Message, error)
}

// TextBrevhemmelighed is what a caseworker sees instead of a message their
// organisation is not a party to (seed 001 billede 21).
const TextBrevhemmelighed = "Du må ikke få adgang til indholdet af denne besked. Det skyldes reglerne om brevhemmelighed i Straffeloven."

// beskederPage is Min beskedbakke (SPEC §5.3, seed 001 §5.4): every
// message with its sender, title, date and whether it is read — never its
// content, which the list does not even load. The title of a message the
// caseworker's organisation is not a party to is "Besked fra <afsender>"
// (access.MessageAsSeen).
func (s *Server) beskederPage(w http.ResponseWriter, r *http.Request) error {
	visit := visitFrom(r.Context())
	ms, err := s.pageData.Messages(r.Context(), visit.cw, visit.citizen.Citizen.ID)
	if err != nil {
		return err
	}
	var v views.BeskederView
	for i, m := range ms {
		item := views.BeskedItem{
			Href: pages.Beskeder.Path + "/" + strconv.FormatInt(m.ID, 10), Title: m.Title, From: m.From, FromOrg: m.FromOrg,
			Date: views.ShortDate(m.SentAt.In(jobnet.Copenhagen)), Unread: m.ReadAt.IsZero(),
		}
		if i < jobnet.RecentMessages {
			v.Recent = append(v.Recent, item)
		} else {
			v.Older = append(v.Older, item)
		}
	}
	c := s.pageChrome(r, pages.Beskeder)
	s.renderPage(w, r, http.StatusOK, views.BeskederPage(c, v))
	return nil
}

// beskedPage is one message (seed 001 billede 21). Its subject and content
// are shown only where the store gives them (access.MessageAsSeen);
// otherwise the page says why, with status 200: the message itself may be listed and opened, only its content
// is withheld. A message of another citizen, or an id that is not one, is
// the normal 404, so that nothing tells whether it exists. Opening a
// message does not mark it as read: a GET writes nothing.
func (s *Server) beskedPage(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	messageID, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || messageID <= 0 {
		return jobnet.ErrNotFound
	}
	m, err := s.pageData.Message(r.Context(), v.cw, v.citizen.Citizen.ID, messageID)
	if err != nil {
		return err
	}
	view := views.BeskedView{
		FromOrg: m.FromOrg, From: m.From, Title: m.Title,
		Date: views.LongDate(m.SentAt.In(jobnet.Copenhagen)),
	}
	if m.Withheld {
		view.Withheld = TextBrevhemmelighed
	} else {
		view.Paragraphs = beskedParagraphs(m.Body)
	}
	c := s.belowPageChrome(r, "Besked fra "+m.FromOrg, pages.Beskeder, m.Title)
	s.renderPage(w, r, http.StatusOK, views.BeskedPage(c, view))
	return nil
}

// beskedParagraphs splits a message's text at its blank lines.
func beskedParagraphs(body string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
