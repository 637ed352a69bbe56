package server

import (
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"sort"
	"strings"

	"github.com/go-chi/chi/v5"
)

// CitizenRoutes are the GET route patterns of the citizen's Jobnet (every
// route under /borger) as the router has them, e.g.
// "/borger/planer/beskeder/{id}". The leak test in cmd/sagsbehandleradgang
// crawls the citizen's pages by following links and forms, and fails if it
// reaches fewer of these than there are: a page nothing links to is a page
// it cannot check.
func CitizenRoutes() []string {
	s := &Server{sp: noService{}, metrics: newMetrics()}
	r, ok := s.routes().(chi.Routes)
	if !ok {
		panic("server: the route table is not a chi router")
	}
	var out []string
	_ = chi.Walk(r, func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		if method == http.MethodGet && strings.HasPrefix(route, pages.Root+"/") {
			out = append(out, route)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// noService stands in for the SAML SP when the routes are only listed:
// routes takes ServeMetadata as a method value, which needs a non-nil
// receiver; no other method is ever called.
type noService struct{ ServiceProvider }

func (noService) ServeMetadata(http.ResponseWriter, *http.Request) {}
