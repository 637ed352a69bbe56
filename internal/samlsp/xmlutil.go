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
// different parsers are the classic way around XML signatures.
func parseXML(data []byte) (*etree.Element, error) {
	if err := xrv.Validate(bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("XML does not round-trip: %w", err)
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		return nil, fmt.Errorf("XML: %w", err)
	}
	if doc.Root() == nil {
		return nil, errors.New("XML has no root element")
	}
	return doc.Root(), nil
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
