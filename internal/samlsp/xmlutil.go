package samlsp

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/beevik/etree"
	xrv "github.com/mattermost/xml-roundtrip-validator"
)

// parseXML reads one XML document after checking that encoding/xml and
// etree would read it alike: documents built to be read differently by
// different parsers are the classic way around XML signatures. It refuses
// a document that holds a DOCTYPE (or any other <!…> declaration) anywhere:
// SAML has no use for one, and entity declarations are how XML bombs and
// external entities get in. Go's parsers expand neither today, but the
// bytes are read again by other code (crewjam/saml, goxmldsig), and none of
// it should have to be safe against what no IdP needs to send.
func parseXML(data []byte) (*etree.Element, error) {
	if err := xrv.Validate(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("XML does not round-trip: %w", err)
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		return nil, fmt.Errorf("XML: %w", err)
	}
	if hasDirective(&doc.Element) {
		return nil, errors.New("XML holds a <!DOCTYPE> or other declaration")
	}
	if doc.Root() == nil {
		return nil, errors.New("XML has no root element")
	}
	return doc.Root(), nil
}

// hasDirective reports whether a <!…> directive (DOCTYPE, ENTITY) appears
// anywhere in el: encoding/xml returns one wherever it stands, not only in
// the prolog.
func hasDirective(el *etree.Element) bool {
	for _, tok := range el.Child {
		switch t := tok.(type) {
		case *etree.Directive:
			return true
		case *etree.Element:
			if hasDirective(t) {
				return true
			}
		}
	}
	return false
}

// is reports whether el is the element {ns}tag.
func is(el *etree.Element, ns, tag string) bool {
	return el != nil && el.Tag == tag && el.NamespaceURI() == ns
}

// children returns el's child elements named {ns}tag.
func children(el *etree.Element, ns, tag string) []*etree.Element {
	var out []*etree.Element
	for _, c := range el.ChildElements() {
		if is(c, ns, tag) {
			out = append(out, c)
		}
	}
	return out
}

// child returns el's only child element {ns}tag, or nil when there is none
// or more than one.
func child(el *etree.Element, ns, tag string) *etree.Element {
	if c := children(el, ns, tag); len(c) == 1 {
		return c[0]
	}
	return nil
}

// descendants returns every element below el (not el itself) named {ns}tag.
func descendants(el *etree.Element, ns, tag string) []*etree.Element {
	var out []*etree.Element
	for _, c := range el.ChildElements() {
		if is(c, ns, tag) {
			out = append(out, c)
		}
		out = append(out, descendants(c, ns, tag)...)
	}
	return out
}
