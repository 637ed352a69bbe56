package server

import (
	"io/fs"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/web"
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
			// are the table in pages.go; "/borger" is citizenRoot, spelt out
			// because law_test.go finds the page handlers by it.
			r.Route("/borger", func(r chi.Router) {
				r.Use(s.actingForCitizen, s.readOnly)
				r.NotFound(s.handle(s.notFound))
				r.Get("/", http.RedirectHandler(pageForside.Path, http.StatusSeeOther).ServeHTTP)
				r.Get(pageForside.route(), s.handle(s.forsidePage))
				// Planer og aftaler (SPEC §5.3).
				r.Get(pagePlaner.route(), s.handle(s.planerPage))
				// planer:min-plan — Min plan, Kalender
				r.Get(pageMinPlan.route(), s.handle(s.minPlanPage))
				r.Get(pageKalender.route(), s.handle(s.kalenderPage))
				// planer:moeder — Møder, Min beskedbakke
				r.Get(pageMoeder.route(), s.handle(s.moederPage))
				r.Get(pageBeskeder.route(), s.handle(s.beskederPage))
				r.Get(pageBeskeder.route()+"/{id}", s.handle(s.beskedPage))
				// planer:fravaer — Aktuelt fravær, Meld ferie, Meld syg/rask, Til- og afmelding, Historik
				r.Get(pageFravaer.route(), s.handle(s.fravaerPage))
				r.Get(pageMeldFerie.route(), s.handle(s.meldFeriePage))
				r.Get(pageMeldSygRask.route(), s.handle(s.meldSygRaskPage))
				r.Get(pageTilOgAfmelding.route(), s.handle(s.tilOgAfmeldingPage))
				r.With(s.blockedUnless(access.MaySeeHistory, s.historikBlocked)).Get(pageHistorik.route(), s.handle(s.historikPage))
				// planer:dagpenge — Dagpengetællere, Tællere for supplerende dagpenge
				r.Get(pageDagpenge.route(), s.handle(s.dagpengePage))
				r.Get(pageSupplementary.route(), s.handle(s.supplementaryPage))

				// Jobsøgning (SPEC §5.2).
				r.Get(pageJobsoegning.route(), s.handle(s.jobsoegningPage))
				// jobsoegning:find-job — Forside cards, Find Job, Jeg søger job som
				r.Get(pageFindJob.route(), s.handle(s.findJobPage))
				r.Get(pageJobannonce.route()+"/{id}", s.handle(s.jobannoncePage))
				r.Get(pageJobGoals.route(), s.handle(s.jobGoalsPage))
				// jobsoegning:cv — Mit CV, Præsentations-CV, Job i Europa, Forberedelsesskema
				r.Get(pageCV.route(), s.handle(s.cvPage))
				r.Get(pageCVPrint.route(), s.handle(s.cvPrintPage))
				r.With(s.blockedUnless(access.MaySeePresentationCV, s.presentationCVBlocked)).Get(pagePresentationCV.route(), s.handle(s.presentationCVPage))
				r.Get(pageEurope.route(), s.handle(s.europePage))
				r.Get(pagePreparation.route(), s.handle(s.preparationPage))
				// jobsoegning:joblog — Joblog
				r.Get(pageJoblog.route(), s.handle(s.joblogPage))
				r.Get(pageGemteJob.route(), s.handle(s.gemteJobPage))
				r.Get(pageJoblogKort.route(), s.handle(s.joblogKortPage))
			})
		})
	})
	return r
}

// crossOriginProtection refuses cross-origin POSTs to every form (SPEC §8),
// from the browser's Sec-Fetch-Site and Origin headers, so no token is
// needed. The ACS and the SLO endpoint are exempt: the IdP's messages
// arrive as cross-site POSTs, and they are authenticated by their
// signatures (and, at the ACS, InResponseTo) instead.
func (s *Server) crossOriginProtection(h http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.AddInsecureBypassPattern("POST /saml/acs")
	cop.AddInsecureBypassPattern("POST /saml/slo")
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.log.Warn("cross-origin request refused", "method", r.Method, "path", r.URL.Path)
		s.renderError(w, r, http.StatusForbidden)
	}))
	return cop.Handler(h)
}
