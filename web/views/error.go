package views

import "net/http"

// DefaultError is the Danish heading and text of the error page for status.
func DefaultError(status int) ErrorInfo {
	e := ErrorInfo{Status: status}
	switch status {
	case http.StatusBadRequest:
		e.Heading, e.Message = "Ugyldig forespørgsel", "Siden kunne ikke vises, fordi forespørgslen ikke var gyldig. Gå tilbage, og prøv igen."
	case http.StatusForbidden:
		e.Heading, e.Message = "Ingen adgang", "Du har ikke rettigheder til at foretage denne handling"
	case http.StatusNotFound:
		e.Heading, e.Message = "Siden findes ikke", "Siden, du leder efter, findes ikke. Tjek adressen, eller gå tilbage til forsiden."
	case http.StatusTooManyRequests:
		e.Heading, e.Message = "For mange forsøg", "Du har foretaget for mange opslag på kort tid. Vent et øjeblik, og prøv igen."
	case http.StatusServiceUnavailable:
		e.Heading, e.Message = "Siden er midlertidigt utilgængelig", "Sagsbehandleradgang til Jobnet kan ikke bruges lige nu. Prøv igen om lidt."
	default:
		e.Heading, e.Message = "Der er opstået en fejl", "Der er sket en uventet fejl. Prøv igen om lidt."
	}
	return e
}

// withDefaults fills an empty heading or text with the default for e.Status.
func withDefaults(e ErrorInfo) ErrorInfo {
	d := DefaultError(e.Status)
	if e.Heading == "" {
		e.Heading = d.Heading
	}
	if e.Message == "" {
		e.Message = d.Message
	}
	return e
}
