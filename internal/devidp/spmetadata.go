package devidp

import (
	"context"
	"crypto/x509"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/crewjam/saml"
)

// metadataMaxAge is how long fetched SP metadata is trusted before the next
// request fetches it again. A failed signature check or an unknown entity ID
// refetches at once, so an SP that restarts with a new key is picked up.
const metadataMaxAge = time.Minute

// spRegistry holds the metadata of the service providers the IdP serves,
// read from URLs or files. URLs are fetched lazily: the SP may start after
// the IdP. It implements saml.ServiceProviderProvider.
type spRegistry struct {
	sources []string
	client  *http.Client
	log     *slog.Logger

	mu       sync.Mutex
	bySource map[string][]*saml.EntityDescriptor // last good read of each source
	loaded   time.Time
}

func newSPRegistry(sources []string, client *http.Client, log *slog.Logger) *spRegistry {
	return &spRegistry{sources: sources, client: client, log: log, bySource: map[string][]*saml.EntityDescriptor{}}
}

// errUnknownSP means no configured metadata describes the SP.
var errUnknownSP = errors.New("no configured SP metadata has this entity ID")

// GetServiceProvider implements saml.ServiceProviderProvider, which wants
// exactly os.ErrNotExist for an unknown SP.
func (s *spRegistry) GetServiceProvider(r *http.Request, entityID string) (*saml.EntityDescriptor, error) {
	ed, err := s.lookup(r.Context(), entityID, false)
	if errors.Is(err, errUnknownSP) {
		return nil, os.ErrNotExist
	}
	return ed, err
}

// lookup finds the SP with entityID, reading the sources again when the
// cache is old, does not know the SP, or refresh is set. It returns
// errUnknownSP for an SP that no configured source describes.
func (s *spRegistry) lookup(ctx context.Context, entityID string, refresh bool) (*saml.EntityDescriptor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !refresh && time.Since(s.loaded) < metadataMaxAge {
		if ed := s.find(entityID); ed != nil {
			return ed, nil
		}
	}
	loadErr := s.load(ctx)
	if ed := s.find(entityID); ed != nil {
		return ed, nil
	}
	if loadErr != nil {
		return nil, fmt.Errorf("%w; reading SP metadata failed: %v", errUnknownSP, loadErr)
	}
	return nil, errUnknownSP
}

func (s *spRegistry) find(entityID string) *saml.EntityDescriptor {
	for _, src := range s.sources {
		for _, ed := range s.bySource[src] {
			if ed.EntityID == entityID {
				return ed
			}
		}
	}
	return nil
}

// load reads every source. A source that fails keeps its last good
// metadata; the errors are joined and returned.
func (s *spRegistry) load(ctx context.Context) error {
	var errs []error
	for _, src := range s.sources {
		data, err := s.read(ctx, src)
		if err == nil {
			var eds []*saml.EntityDescriptor
			eds, err = parseMetadata(data)
			if err == nil {
				s.bySource[src] = eds
				continue
			}
		}
		s.log.Warn("devidp: cannot read SP metadata", "source", src, "err", err)
		errs = append(errs, fmt.Errorf("%s: %w", src, err))
	}
	s.loaded = time.Now()
	return errors.Join(errs...)
}

func (s *spRegistry) read(ctx context.Context, src string) ([]byte, error) {
	if !strings.HasPrefix(src, "http://") && !strings.HasPrefix(src, "https://") {
		return os.ReadFile(src)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

// parseMetadata reads an EntityDescriptor or an EntitiesDescriptor.
func parseMetadata(data []byte) ([]*saml.EntityDescriptor, error) {
	var one saml.EntityDescriptor
	if err := xml.Unmarshal(data, &one); err == nil {
		return []*saml.EntityDescriptor{&one}, nil
	}
	var many saml.EntitiesDescriptor
	if err := xml.Unmarshal(data, &many); err != nil {
		return nil, fmt.Errorf("parse SP metadata: %w", err)
	}
	var eds []*saml.EntityDescriptor
	var walk func(saml.EntitiesDescriptor)
	walk = func(d saml.EntitiesDescriptor) {
		for i := range d.EntityDescriptors {
			eds = append(eds, &d.EntityDescriptors[i])
		}
		for _, sub := range d.EntitiesDescriptors {
			walk(sub)
		}
	}
	walk(many)
	return eds, nil
}

// spCertificates returns the SP's certificates for a use ("signing" or
// "encryption"); a KeyDescriptor without use serves both.
func spCertificates(ed *saml.EntityDescriptor, use string) []*x509.Certificate {
	var certs []*x509.Certificate
	for _, sp := range ed.SPSSODescriptors {
		for _, kd := range sp.KeyDescriptors {
			if kd.Use != use && kd.Use != "" {
				continue
			}
			for _, xc := range kd.KeyInfo.X509Data.X509Certificates {
				der, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(xc.Data), ""))
				if err != nil {
					continue
				}
				// crewjam/saml appends intermediates to the same element.
				parsed, err := x509.ParseCertificates(der)
				if err != nil || len(parsed) == 0 {
					continue
				}
				certs = append(certs, parsed[0])
			}
		}
	}
	return certs
}

// spLogoutLocation is where the SP takes a LogoutResponse with the
// HTTP-Redirect binding, or "" when it has no such endpoint.
func spLogoutLocation(ed *saml.EntityDescriptor) string {
	ep, ok := spLogoutEndpoint(ed, saml.HTTPRedirectBinding)
	switch {
	case !ok:
		return ""
	case ep.ResponseLocation != "":
		return ep.ResponseLocation
	default:
		return ep.Location
	}
}

// spLogoutService is where the SP takes a LogoutRequest: its
// SingleLogoutService with the HTTP-POST binding if post is set, else with
// HTTP-Redirect, or with the other one when it lacks that.
func spLogoutService(ed *saml.EntityDescriptor, post bool) (saml.Endpoint, bool) {
	bindings := []string{saml.HTTPRedirectBinding, saml.HTTPPostBinding}
	if post {
		bindings[0], bindings[1] = bindings[1], bindings[0]
	}
	for _, b := range bindings {
		if ep, ok := spLogoutEndpoint(ed, b); ok {
			return ep, true
		}
	}
	return saml.Endpoint{}, false
}

func spLogoutEndpoint(ed *saml.EntityDescriptor, binding string) (saml.Endpoint, bool) {
	for _, sp := range ed.SPSSODescriptors {
		for _, ep := range sp.SingleLogoutServices {
			if ep.Binding == binding {
				return ep, true
			}
		}
	}
	return saml.Endpoint{}, false
}
