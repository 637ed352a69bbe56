package views

import "strconv"

// moederStepNames are the names of the booking flow's steps (seed 001 billede 16–17).
var moederStepNames = [...]string{"Jeg vil gerne have et møde om", "Jeg vil gerne have et møde med", "Jeg ønsker et mødetidspunkt", "Rettigheder og pligter"}

// moederStepTitle is the step's part of the title, "Trin 2 af 4: Jeg vil gerne have et møde
// med", once the caseworker has gone on from the first step; "" before.
func moederStepTitle(b MoederBooking) string {
	if b.CannotBook != "" || b.NoOffers != "" || b.Step < 2 || b.Step > len(moederStepNames) {
		return ""
	}
	return "Trin " + strconv.Itoa(b.Step) + " af " + strconv.Itoa(len(moederStepNames)) + ": " + moederStepNames[b.Step-1]
}
