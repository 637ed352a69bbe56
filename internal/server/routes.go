package server

import (
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"io/fs"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/web"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// routes is the table of contents of the application.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, s.logRequests, s.metrics.instrument, s.recoverPanics, s.deadline, s.securityHeaders, s.crossOriginProtection)
	// HEAD is answered wherever GET is, by the GET handler (net/http drops
	// the body).
	r.Use(middleware.GetHead)
	r.NotFound(s.handle(s.notFound))
	r.MethodNotAllowed(s.handle(s.notFound))

	static, _ := fs.Sub(web.Static, "static")
	r.Handle("/static/*", http.StripPrefix("/static/", s.staticFiles(static)))
	r.Get("/healthz", s.healthz)
	r.Get("/readyz", s.readyz)

	// SAML: metadata, the assertion consumer service and single logout.
	r.Get("/saml/metadata", s.sp.ServeMetadata)
	r.Post("/saml/acs", s.handle(s.acs))
	r.Get("/saml/slo", s.handle(s.slo))
	r.Post("/saml/slo", s.handle(s.slo))
	r.Get("/logget-ud", s.handle(s.loggedOut))

	r.Get("/", http.RedirectHandler("/sagsbehandleradgang", http.StatusSeeOther).ServeHTTP)

	// A citizen signed in as themself: their own Historik → Login, nothing
	// else (person.go). Outside /borger, where a caseworker acts for one.
	r.Get(views.PersonEntryPath, s.handle(s.personEntry))
	r.Get(views.PersonLoginPath, s.handle(s.personLogin))
	r.Group(func(r chi.Router) {
		r.Use(s.signedInPerson)
		r.Get(views.PersonHistoryPath, s.handle(s.ownHistoryPage))
		r.Post(views.PersonLogoutPath, s.handle(s.personLogout))
	})

	// Launch from a case system (launch.go): the token is checked and used
	// first; then the caseworker signs in, unless signed in already.
	r.With(s.launchToken, s.signInForLaunch, s.signedIn).Post(launchPath, s.handle(s.launch))

	// Signed-in caseworkers.
	r.Group(func(r chi.Router) {
		r.Use(s.signedIn)
		r.Post("/logout", s.handle(s.logout))
		// "Forlæng" touches the session only: not a citizen-data action.
		r.Post("/sagsbehandleradgang/forlaeng", s.handle(s.extendSession))
		r.Get("/sagsbehandleradgang/organisation", s.handle(s.organisationPage))
		r.Post("/sagsbehandleradgang/organisation", s.handle(s.chooseOrganisation))
		// The organisation's look-ups, for its LBA: no citizen's Jobnet.
		r.Get(pathLoginActivity, s.handle(s.loginActivityPage))
		r.Get(pathLoginActivityCSV, s.handle(s.loginActivityCSV))

		r.Group(func(r chi.Router) {
			r.Use(s.withOrganisation)
			r.Get("/sagsbehandleradgang", s.handle(s.cprPage))
			r.Post("/sagsbehandleradgang", s.handle(s.lookUp))

			// The citizen's Jobnet, read-only: the access rule is checked
			// again on every request, and nothing may be changed. Its pages
			// are the table in internal/pages (law_test.go finds the page
			// handlers by r.Route(pages.Root, …)).
			r.Route(pages.Root, func(r chi.Router) {
				r.Use(s.actingForCitizen, s.readOnly)
				r.NotFound(s.handle(s.notFound))
				r.Get("/", http.RedirectHandler(pages.Forside.Path, http.StatusSeeOther).ServeHTTP)
				r.Get(pages.Forside.Route(), s.handle(s.forsidePage))
				// Planer og aftaler (SPEC §5.3).
				r.Get(pages.Planer.Route(), s.handle(s.planerPage))
				// planer:min-plan — Min plan, Kalender
				r.Get(pages.MinPlan.Route(), s.handle(s.minPlanPage))
				r.Get(pages.Kalender.Route(), s.handle(s.kalenderPage))
				// planer:moeder — Møder, Min beskedbakke
				r.Get(pages.Moeder.Route(), s.handle(s.moederPage))
				r.Get(pages.Beskeder.Route(), s.handle(s.beskederPage))
				r.Get(pages.Beskeder.Route()+"/{id}", s.handle(s.beskedPage))
				// planer:fravaer — Aktuelt fravær, Meld ferie, Meld syg/rask, Til- og afmelding, Historik
				r.Get(pages.Fravaer.Route(), s.handle(s.fravaerPage))
				r.Get(pages.MeldFerie.Route(), s.handle(s.meldFeriePage))
				r.Get(pages.MeldSygRask.Route(), s.handle(s.meldSygRaskPage))
				r.Get(pages.TilOgAfmelding.Route(), s.handle(s.tilOgAfmeldingPage))
				r.With(s.blockedUnless(access.MaySeeHistory, s.historikBlocked)).Get(pages.Historik.Route(), s.handle(s.historikPage))
				// planer:dagpenge — Dagpengetællere, Tællere for supplerende dagpenge
				r.Get(pages.Dagpenge.Route(), s.handle(s.dagpengePage))
				r.Get(pages.Supplementary.Route(), s.handle(s.supplementaryPage))

				// Jobsøgning (SPEC §5.2).
				r.Get(pages.Jobsoegning.Route(), s.handle(s.jobsoegningPage))
				// jobsoegning:find-job — Forside cards, Find Job, Jeg søger job som
				r.Get(pages.FindJob.Route(), s.handle(s.findJobPage))
				r.Get(pages.Jobannonce.Route()+"/{id}", s.handle(s.jobannoncePage))
				r.Get(pages.JobGoals.Route(), s.handle(s.jobGoalsPage))
				// jobsoegning:cv — Mit CV, Præsentations-CV, Job i Europa, Forberedelsesskema
				r.Get(pages.CV.Route(), s.handle(s.cvPage))
				r.Get(pages.CVPrint.Route(), s.handle(s.cvPrintPage))
				r.With(s.blockedUnless(access.MaySeePresentationCV, s.presentationCVBlocked)).Get(pages.PresentationCV.Route(), s.handle(s.presentationCVPage))
				r.Get(pages.Europe.Route(), s.handle(s.europePage))
				r.Get(pages.Preparation.Route(), s.handle(s.preparationPage))
				// jobsoegning:joblog — Joblog
				r.Get(pages.Joblog.Route(), s.handle(s.joblogPage))
				r.Get(pages.GemteJob.Route(), s.handle(s.gemteJobPage))
				r.Get(pages.JoblogKort.Route(), s.handle(s.joblogKortPage))
			})
		})
	})
	return r
}

// crossOriginProtection refuses cross-origin POSTs to every form (SPEC §8),
// from the browser's Sec-Fetch-Site and Origin headers, so no token is
// needed. The ACS and the SLO endpoint are exempt: the IdP's messages
// arrive as cross-site POSTs, and they are authenticated by their
// signatures (and, at the ACS, InResponseTo) instead. So is the launch from
// a case system, a cross-site form authenticated by its signed token.
func (s *Server) crossOriginProtection(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.AddInsecureBypassPattern("POST /saml/acs")
	cop.AddInsecureBypassPattern("POST /saml/slo")
	cop.AddInsecureBypassPattern("POST " + launchPath)
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path)
		s.renderError(w, r, http.StatusForbidden)
	}))
	return cop.Handler(h)
}
