#!/bin/sh
# Install what kia-press needs on a fresh machine, and nothing when it is already there:
# npm packages (without the browser downloads that fail here) and Debian's Chromium,
# ChromeDriver, poppler-utils (pdftotext), qpdf (encrypted PDFs for the audit tests) and
# ExifTool (removing the metadata of published photos), and LibreOffice Writer without its
# desktop parts (a second PDF producer for the import tests: tagged and untagged PDFs).
set -eu
cd "$(dirname "$0")/../.."

# pagedjs-cli bundles puppeteer and @axe-core/cli bundles chromedriver; both try to download
# a browser on install, which fails on this machine. We use Debian's /usr/bin/chromium.
export PUPPETEER_SKIP_DOWNLOAD=1
export CHROMEDRIVER_SKIP_DOWNLOAD=true

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "kia-press: installing npm packages (npm ci)…" >&2
  npm ci --no-audit --no-fund >&2
fi

missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/chromedriver ] || missing="$missing chromium-driver"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v qpdf >/dev/null 2>&1 || missing="$missing qpdf"
command -v exiftool >/dev/null 2>&1 || missing="$missing libimage-exiftool-perl"
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ]; then
    echo "kia-press: installing Debian packages:$missing…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2
  else
    echo "kia-press: missing Debian packages:$missing" >&2
    echo "Install them with: sudo apt-get install -y$missing" >&2
    exit 1
  fi
fi
