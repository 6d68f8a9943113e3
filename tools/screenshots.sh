#!/usr/bin/env bash
# Headless-Chromium screenshots of the built site for the README (docs/img/site/): the landing page,
# progress.html, and one page of each notebook, in English and in Chinese.
#   tools/screenshots.sh [SITE_DIR]      (default: reports/, as `make reports` builds it)
# Each PNG is the top 1280×1600 of the page, as a reader first sees it.
set -euo pipefail
site="$(cd "${1:-reports}" && pwd)"
dest="$(dirname "$0")/../docs/img/site"
mkdir -p "$dest"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "screenshots: no chromium on PATH (Debian: apt-get install chromium)" >&2
  exit 2
fi
pages=(index progress glossary data-wanted attainment-guiyang_2022 attainment-ordos_2022 trajectories-nanchang_2021
       compare audit)
for lang in en zh; do
  for page in "${pages[@]}"; do
    src="$site/$page.html"
    [ "$lang" = zh ] && src="$site/zh/$page.html"
    if [ ! -f "$src" ]; then
      echo "screenshots: $src is missing (build the site first: make reports)" >&2
      exit 1
    fi
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1600 \
      --screenshot="$dest/$page-$lang.png" "file://$src" >/dev/null 2>&1
    echo "$dest/$page-$lang.png"
  done
done
