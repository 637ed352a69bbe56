# Vendoring of Det Fælles Designsystem (DKFDS, npm "dkfds") into web/static/dkfds.
#
# Include this file from the top-level Makefile (`include web/vendor.mk`) and run
# `make vendor-dkfds` to refresh the vendored files, e.g. after raising DKFDS_VERSION.
# The only network access is `npm pack` from the npm registry, into a temporary folder.
#
# Only what the pages use is copied: the neutral theme's minified CSS, the IBM Plex Sans
# faces that CSS declares (woff2; web/static/app.css makes the regular face woff2-only too),
# the SVG icon sprite, the single icons the CSS draws (checkboxes, chevrons …) and the licences. No DKFDS JavaScript: every page works without it.

DKFDS_VERSION ?= 11.2.0

# The folder of this file, whatever the directory make runs in.
WEB_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
DKFDS_DIR := $(WEB_DIR)/static/dkfds
DKFDS_FACES := Regular Italic Medium MediumItalic SemiBold SemiBoldItalic Bold BoldItalic

.PHONY: vendor-dkfds
vendor-dkfds:
	@set -eu; \
	tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	( cd "$$tmp" && npm pack --silent "dkfds@$(DKFDS_VERSION)" >/dev/null && tar -xzf "dkfds-$(DKFDS_VERSION).tgz" ); \
	src="$$tmp/package/dist"; \
	rm -rf "$(DKFDS_DIR)"; \
	mkdir -p "$(DKFDS_DIR)/css" "$(DKFDS_DIR)/img" "$(DKFDS_DIR)/fonts/IBMPlexSans/complete/woff2"; \
	sed -e 's|/\*# sourceMappingURL=[^*]*\*/||' "$$src/css/dkfds.min.css" > "$(DKFDS_DIR)/css/dkfds.min.css"; \
	for f in $(DKFDS_FACES); do \
		cp "$$src/fonts/IBMPlexSans/complete/woff2/IBMPlexSans-$$f.woff2" "$(DKFDS_DIR)/fonts/IBMPlexSans/complete/woff2/"; \
	done; \
	cp "$$src/fonts/IBMPlexSans/complete/woff2/license.txt" "$(DKFDS_DIR)/fonts/IBMPlexSans/"; \
	cp "$$src/img/all-svg-icons.svg" "$(DKFDS_DIR)/img/"; \
	mkdir -p "$(DKFDS_DIR)/img/svg-icons"; \
	for f in $$(grep -o 'svg-icons/[A-Za-z0-9_-]*\.svg' "$(DKFDS_DIR)/css/dkfds.min.css" | sort -u); do \
		cp "$$src/img/$$f" "$(DKFDS_DIR)/img/$$f"; \
	done; \
	cp "$$tmp/package/LICENSE.md" "$(DKFDS_DIR)/LICENSE.md"; \
	echo "$(DKFDS_VERSION)" > "$(DKFDS_DIR)/VERSION"; \
	echo "vendored dkfds $(DKFDS_VERSION) into $(DKFDS_DIR)"
