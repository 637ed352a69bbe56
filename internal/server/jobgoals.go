package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"strconv"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// jobGoalsStore is what "Jeg søger job som" needs of the store.
type jobGoalsStore interface {
	JobGoals(ctx context.Context, citizenID int64) (jobnet.JobGoals, error)
}

// jobGoalsPage is "Jeg søger job som" (SPEC §5.2, seed 001 billede 7). It
// only reads: opening it for a citizen without a CV or job goals shows what
// there is and creates nothing (seed 002 §2.3 was exactly that bug).
func (s *Server) jobGoalsPage(w http.ResponseWriter, r *http.Request) error {
	g, err := s.pageData.JobGoals(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID)
	if err != nil {
		return err
	}
	v := views.JobGoalsView{WeeklyHours: g.Conditions.WeeklyHours, Starts: g.Conditions.Starts}
	for _, goal := range g.Goals {
		item := views.JobGoalItem{ID: goal.ID, Title: goal.Title, Educated: "Nej", Experience: jobnet.Experience(goal.ExperienceMonths)}
		if goal.Educated {
			item.Educated = "Ja"
		}
		if goal.LastWorkedYear != 0 {
			item.LastWorked = strconv.Itoa(goal.LastWorkedYear)
		}
		v.Goals = append(v.Goals, item)
	}
	c := s.pageChrome(r, pages.JobGoals)
	s.renderPage(w, r, http.StatusOK, views.JobGoalsPage(c, v))
	return nil
}
