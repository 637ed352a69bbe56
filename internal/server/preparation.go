package server

import (
	"fmt"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"

	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// preparationPage is "Forberedelsesskema": the receipt of the newest
// preparation form the caseworker may see (access.PreparationForm: less
// than 3 months old; the a-kasse only the dagpenge variant; SPEC §5.2, seed
// 001 billede 11), or the message that there is none. A form the law hides
// is answered exactly like no form at all.
func (s *Server) preparationPage(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	today := jobnet.Day(s.now())
	form, answers, found, err := s.pageData.PreparationReceipt(r.Context(), v.cw, v.citizen.Citizen.ID, today)
	if err != nil {
		return err
	}
	var p views.PreparationView
	if found {
		n, err := cpr.Parse(v.citizen.Citizen.CPR)
		if err != nil {
			return fmt.Errorf("preparation form: the citizen's CPR number: %w", err)
		}
		p = views.PreparationView{Shown: true, Submitted: jobnet.Day(form.Submitted), Name: v.citizen.Citizen.Name, MaskedCPR: n.Masked()}
		for _, a := range answers {
			p.Answers = append(p.Answers, views.PreparationAnswerView{Number: a.Number, Question: a.Question, Answers: a.Answers})
		}
	}
	c := s.pageChrome(r, pages.Preparation)
	s.renderPage(w, r, http.StatusOK, views.PreparationPage(c, p))
	return nil
}
