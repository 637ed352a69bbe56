package server

import "github.com/star-dk/sagsbehandleradgang/internal/access"

// Danish texts shown to caseworkers, in the seeds' wording where the seeds
// have one (seed 000 and 001).
const (
	TextMalformedCPR   = "Indtast et gyldigt CPR-nummer (10 cifre)"
	TextActionRefused  = "Du har ikke rettigheder til at foretage denne handling"
	TextAccessLogDown  = "Dit opslag kunne ikke skrives i borgerens historik, og derfor vises borgerens Jobnet ikke. Prøv igen om lidt. Fortsætter fejlen, så kontakt supporten."
	TextTooManyLookUps = "Du har slået mange borgere op på kort tid. Af sikkerhedshensyn kan du først slå en ny borger op om lidt."
	TextSAMLFailed     = "Dit login kunne ikke gennemføres, fordi svaret fra login-tjenesten ikke kunne godkendes. Prøv at logge ind igen. Fortsætter fejlen, så kontakt supporten."
	// TextLogoutRequestRefused answers a log-out request from the login
	// service that could not be verified: nothing was ended.
	TextLogoutRequestRefused = "Anmodningen om at logge dig ud kom ikke fra login-tjenesten i en form, der kunne godkendes, og derfor er intet ændret. Du kan logge ud med linket \"Log ud\" i Sagsbehandleradgang til Jobnet."
)

// userDenied gives the heading and text for a user who may not use the
// product at all (SPEC §2.2).
func userDenied(reason access.Reason) (heading, message string) {
	const heading0 = "Du har ikke adgang til Sagsbehandleradgang til Jobnet"
	const lba = " Kontakt den lokale brugeransvarlige (LBA) i din organisation."
	switch reason {
	case access.ReasonUnknownUser:
		return heading0, "Din medarbejdersignatur er ikke oprettet som bruger i Arbejdsmarkedsportalens brugeradministration." + lba
	case access.ReasonInactive:
		return heading0, "Din bruger er deaktiveret i Arbejdsmarkedsportalens brugeradministration." + lba
	case access.ReasonAndenAktor:
		return heading0, "Medarbejdere hos anden aktør har ikke adgang, fordi adgangen ikke kan afgrænses til de borgere, som anden aktør har ansvaret for."
	default:
		return heading0, "Du har ikke rollen 'Sagsbehandler' eller 'LBA' i en a-kasse eller et jobcenter i Arbejdsmarkedsportalens brugeradministration." + lba
	}
}
