package views

import (
	"strconv"
	"strings"

	"github.com/star-dk/sagsbehandleradgang/internal/pages"
)

// onlyCitizenID is the id of the "Kun borgeren kan …" note of a form, made from the form's
// action, which is unique on its page: /borger/planer/moeder/12/afbud →
// "kun-borgeren-planer-moeder-12-afbud".
func onlyCitizenID(action string) string {
	return "kun-borgeren-" + strings.ReplaceAll(strings.Trim(strings.TrimPrefix(action, pages.Root+"/"), "/"), "/", "-")
}

// joblogActionPath is where one of the citizen's buttons on a log posts.
func joblogActionPath(id int64, action string) string {
	return pages.Joblog.Below(strconv.FormatInt(id, 10), action)
}
