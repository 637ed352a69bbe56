package samlsp

import (
	"fmt"

	"github.com/beevik/etree"
	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"
)

// redirectURL sends msg to dest with the HTTP-Redirect binding as parameter
// param, with relayState when it is not empty, signed with RSA-SHA256 by the
// SP key. The message itself carries no XML signature: in this binding the
// query signature replaces it.
func (sp *SP) redirectURL(dest, param string, msg *etree.Element, relayState string) (string, error) {
	doc := etree.NewDocument()
	doc.SetRoot(msg)
	xmlBytes, err := doc.WriteToBytes()
	if err != nil {
		return "", fmt.Errorf("samlsp: write %s: %w", param, err)
	}
	return samlredirect.URL(dest, param, xmlBytes, relayState, sp.cfg.Key)
}
