package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// moederStore is what Møder needs of the store.
type moederStore interface {
	MeetingsPage(ctx context.Context, cw jobnet.Caseworker, citizenID, hostID int64, now time.Time) (jobnet.MeetingsPage, error)
}

// Texts of the booking flow. TextMoederCannotBook is ours: seed 002 §3.3
// says that citizens without a kontaktgruppe can no longer book, not what
// Jobnet tells them.
const (
	TextMoederCannotBook = "Du kan ikke booke møder her på Jobnet, fordi du ikke er tilknyttet en kontaktgruppe i jobcentret. Kontakt dit jobcenter, hvis du skal have et møde."
	TextMoederNoOffers   = "Dit jobcenter har ingen møder, som du kan booke lige nu."
	TextMoederNoSlots    = "Der er ingen ledige mødetidspunkter lige nu. Du kan prøve at booke igen senere. Du kan også kontakte dit jobcenter."
	TextMoederBadStep    = "Trinnet findes ikke. Start forfra med trin 1."
	TextMoederBadOffer   = "Mødet findes ikke. Vælg et af møderne på listen."
	TextMoederBadHost    = "Vælg en af sagsbehandlerne eller et af teamene på listen."
	TextMoederBadSlot    = "Mødetidspunktet er ikke ledigt længere. Start forfra, og vælg et nyt tidspunkt."
	TextMoederNoOffer    = "Vælg, hvad du vil have et møde om."
	TextMoederNoHost     = "Vælg, hvem du vil have mødet med."
	TextMoederNoSlot     = "Vælg dato, tidspunkt og mødeform."
	TextMoederAkasseNote = "Mødet er aftalt med din a-kasse. Kontakt a-kassen, hvis du ikke kan komme."
)

// moederPage is the citizen's Møder (SPEC §5.3, seed 001 §5.2): the booking
// flow, readable step by step, and the planned meetings, with the offers and
// meetings the caseworker may see (access.MeetingsPage). Booking, cancelling
// and rebooking are forms that post, and the read-only middleware refuses
// them. Bad step parameters give a message, status 400 and step 1.
func (s *Server) moederPage(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	now := s.now()
	q := parseMoederQuery(r.URL.Query())
	p, err := s.pageData.MeetingsPage(r.Context(), v.cw, v.citizen.Citizen.ID, q.Host, now)
	if err != nil {
		return err
	}
	view := views.MoederView{Meetings: moederMeetings(p.Meetings)}
	status := http.StatusOK
	if jobnet.MaySelfBook(v.citizen, jobnet.Day(now)) {
		view.Booking = moederBooking(q, p)
		if view.Booking.Error != "" {
			status = http.StatusBadRequest
		}
	} else {
		view.Booking = views.MoederBooking{CannotBook: TextMoederCannotBook}
	}
	c := s.pageChrome(r, pages.Moeder)
	s.renderPage(w, r, status, views.MoederPage(c, view))
	return nil
}

// moederQuery is the booking flow's query string: each id is 0 when absent;
// Bad names the first malformed parameter's message.
type moederQuery struct {
	Step              int // 0: not given
	Offer, Host, Slot int64
	Bad               string
}

func parseMoederQuery(q url.Values) moederQuery {
	var out moederQuery
	bad := func(text string) {
		if out.Bad == "" {
			out.Bad = text
		}
	}
	if t := strings.TrimSpace(q.Get("trin")); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil || n < 1 || n > 4 {
			bad(TextMoederBadStep)
		} else {
			out.Step = n
		}
	}
	for _, p := range []struct {
		name string
		id   *int64
		text string
	}{{"tilbud", &out.Offer, TextMoederBadOffer}, {"med", &out.Host, TextMoederBadHost}, {"tid", &out.Slot, TextMoederBadSlot}} {
		v := strings.TrimSpace(q.Get(p.name))
		if v == "" {
			continue
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			bad(p.text)
			continue
		}
		*p.id = id
	}
	return out
}

// moederBooking works out which step is open. The choices are checked
// against what the store found for the citizen; a choice that is not there
// (malformed, another citizen's offer, a time taken meanwhile) starts the
// flow again at step 1 with a message. A step asked for before its earlier
// choices are made opens the first step still to be made, with a message.
func moederBooking(q moederQuery, p jobnet.MeetingsPage) views.MoederBooking {
	b := views.MoederBooking{NoSlots: TextMoederNoSlots}
	if len(p.Offers) == 0 {
		b.NoOffers = TextMoederNoOffers
		return b
	}
	var offer jobnet.MeetingOffer
	var host jobnet.MeetingHost
	var slot jobnet.MeetingSlot
	reached := 1
	bad := q.Bad
	if q.Offer != 0 {
		if o, ok := moederOffer(p.Offers, q.Offer); ok {
			offer, reached = o, 2
		} else if bad == "" {
			bad = TextMoederBadOffer
		}
	}
	if q.Host != 0 && bad == "" {
		if h, ok := offer.Host(q.Host); ok && reached == 2 {
			host, reached = h, 3
		} else {
			bad = TextMoederBadHost
		}
	}
	if q.Slot != 0 && bad == "" {
		if sl, ok := moederSlot(p.Slots, q.Slot); ok && reached == 3 {
			slot, reached = sl, 4
		} else {
			bad = TextMoederBadSlot
		}
	}

	b.Step = reached
	switch {
	case bad != "":
		b.Step, b.Error = 1, bad
		host, slot = jobnet.MeetingHost{}, jobnet.MeetingSlot{}
	case q.Step > reached:
		b.Error = []string{TextMoederNoOffer, TextMoederNoHost, TextMoederNoSlot}[reached-1]
	case q.Step != 0:
		b.Step = q.Step
	}

	// Until a choice is made, the first is marked, as in billede 16.
	for i, o := range p.Offers {
		mo := moederOfferView(o)
		mo.Selected = o.ID == offer.ID || (offer.ID == 0 && i == 0)
		b.Offers = append(b.Offers, mo)
	}
	if b.Step == 1 {
		return b
	}
	b.Offer = moederOfferView(offer)
	b.Change[0] = moederURL(1, offer.ID, host.ID, slot.ID)
	for i, h := range offer.Hosts {
		b.Hosts = append(b.Hosts, views.MoederChoice{ID: moederID(h.ID), Label: h.Name, Selected: h.ID == host.ID || (host.ID == 0 && i == 0)})
	}
	if b.Step == 2 {
		return b
	}
	b.Host = views.MoederChoice{ID: moederID(host.ID), Label: host.Name}
	b.Change[1] = moederURL(2, offer.ID, host.ID, slot.ID)
	b.ManyForms = len(offer.Forms) > 1
	for _, sl := range p.Slots {
		b.Slots = append(b.Slots, views.MoederChoice{ID: moederID(sl.ID), Label: moederSlotLabel(sl), Selected: sl.ID == slot.ID})
	}
	if b.Step == 3 {
		return b
	}
	b.Slot = views.MoederChoice{ID: moederID(slot.ID), Label: moederWhen(slot.StartsAt), Detail: string(slot.Form) + ", " + slot.Caseworker}
	b.Change[2] = moederURL(3, offer.ID, host.ID, slot.ID)
	return b
}

func moederOffer(offers []jobnet.MeetingOffer, id int64) (jobnet.MeetingOffer, bool) {
	for _, o := range offers {
		if o.ID == id {
			return o, true
		}
	}
	return jobnet.MeetingOffer{}, false
}

func moederSlot(slots []jobnet.MeetingSlot, id int64) (jobnet.MeetingSlot, bool) {
	for _, s := range slots {
		if s.ID == id {
			return s, true
		}
	}
	return jobnet.MeetingSlot{}, false
}

func moederID(n int64) string { return strconv.FormatInt(n, 10) }

// moederURL opens step with the choices kept.
func moederURL(step int, offer, host, slot int64) string {
	v := url.Values{"trin": {strconv.Itoa(step)}}
	for name, n := range map[string]int64{"tilbud": offer, "med": host, "tid": slot} {
		if n != 0 {
			v.Set(name, moederID(n))
		}
	}
	return pages.Moeder.Path + "?" + v.Encode()
}

func moederOfferView(o jobnet.MeetingOffer) views.MoederOffer {
	forms := make([]string, len(o.Forms))
	for i, f := range o.Forms {
		forms[i] = string(f)
	}
	return views.MoederOffer{
		ID: moederID(o.ID), Title: o.Title, Description: o.Description,
		Duration:  strconv.Itoa(int(o.Duration.Minutes())) + " minutter",
		Forms:     strings.Join(forms, ", "),
		Attention: o.AttentionText, Questions: o.QuestionsText,
	}
}

// moederSlotLabel is a time as the list of instant bookings shows it: "19.
// nov. 2022 kl. 13.00 – Christian – Personligt fremmøde" (seed 002 §3.1).
func moederSlotLabel(s jobnet.MeetingSlot) string {
	t := s.StartsAt.In(jobnet.Copenhagen)
	return views.ShortDate(t) + " kl. " + t.Format("15.04") + " – " + s.Caseworker + " – " + string(s.Form)
}

// moederWhen is "fredag den 22. maj 2020 kl. 11.00" (seed 001 billede 17).
func moederWhen(t time.Time) string {
	t = t.In(jobnet.Copenhagen)
	return views.LongDate(t) + " kl. " + t.Format("15.04")
}

// moederMeetings are the planned meetings. The citizen can cancel or rebook
// a jobcenter's meeting on Jobnet; an a-kasse's meeting is arranged with the
// a-kasse.
func moederMeetings(ms []jobnet.Meeting) []views.MoederMeeting {
	var out []views.MoederMeeting
	for _, m := range ms {
		mm := views.MoederMeeting{
			Title: m.Title, When: moederWhen(m.StartsAt), Form: string(m.Form), Place: m.Place,
			WithWhom: m.WithWhom, Organisation: m.OrgName,
		}
		if m.OrgKind == jobnet.OrgJobcenter {
			mm.Cancel = pages.Moeder.Path + "/" + moederID(m.ID) + "/afbud"
			mm.Rebook = pages.Moeder.Path + "/" + moederID(m.ID) + "/ombook"
		} else {
			mm.Note = TextMoederAkasseNote
		}
		out = append(out, mm)
	}
	return out
}
