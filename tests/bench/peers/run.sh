#!/usr/bin/env bash
# Side-by-side build benchmark: this project against Hugo + Pagefind (the floor for a static site with
# full-text search) and Starlight (the closest peer, same stack), on the same notes folder, alternating.
# usage: tests/bench/peers/run.sh NOTES_DIR [ROUNDS=2]    (from the project's root, Node >= 22.12 on PATH)
# Needs: hugo (apt-get install -y hugo), GNU time (apt-get install -y time). Works in $WORK (default /tmp/notes-peers).
# Prints one line per build (tool, wall s, peak RSS MiB), then each tool's best and the project's ratio to it.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd); project=$(pwd)
[ -d "${1:-}" ] || { echo "usage: run.sh NOTES_DIR [ROUNDS]  (NOTES_DIR: a folder of notes)" >&2; exit 2; }
notes=$(cd "$1" && pwd); rounds=${2:-2}
WORK=${WORK:-/tmp/notes-peers}; mkdir -p "$WORK"
export ASTRO_TELEMETRY_DISABLED=1
command -v hugo >/dev/null || { echo "hugo missing: apt-get install -y hugo"; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install -y time"; exit 2; }
pagefind=$(find "$project/node_modules/@pagefind" -path '*/bin/*' -type f -perm -u+x ! -name '*.tar.gz*' 2>/dev/null | head -1)
[ -n "$pagefind" ] || { echo "no Pagefind binary under node_modules/@pagefind (run npm ci)"; exit 2; }
# Starlight: its own install, once
sl=$WORK/starlight
if [ ! -d "$sl/node_modules" ]; then rm -rf "$sl" && cp -r "$here/starlight" "$sl" && chmod -R u+w "$sl" && (cd "$sl" && npm ci --no-audit --no-fund >/dev/null 2>&1) || { echo "Starlight install failed"; exit 2; }; fi
(cd "$sl" && node prepare.mjs "$notes" >/dev/null)
# Hugo: minimal layouts, the note as content, Pagefind over its output
hu=$WORK/hugo; rm -rf "$hu" && mkdir -p "$hu/content/notes" "$hu/layouts/_default"
node -e '
const fs = require("fs"), path = require("path"); const [notes, out] = process.argv.slice(1);
(function walk(d, rel) { for (const e of fs.readdirSync(d, { withFileTypes: true })) {
  const p = path.join(d, e.name); if (e.isDirectory()) { walk(p, path.join(rel, e.name)); continue; }
  if (!/\.mdx?$/.test(e.name)) continue; const body = fs.readFileSync(p, "utf8");
  const title = (body.match(/^# (.+)$/m) || [, path.basename(e.name, path.extname(e.name))])[1];
  fs.mkdirSync(path.join(out, rel), { recursive: true });
  fs.writeFileSync(path.join(out, rel, e.name.replace(/\.mdx$/, ".md")), "---\ntitle: " + JSON.stringify(title) + "\n---\n" + body);
} })(notes, "");' "$notes" "$hu/content/notes"
printf "baseURL = 'http://127.0.0.1/'\ntitle = 'Notes'\ndisableKinds = ['taxonomy', 'term', 'RSS']\n[markup.goldmark.renderer]\nunsafe = true\n" >"$hu/hugo.toml"
echo '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main data-pagefind-body>{{ block "main" . }}{{ end }}</main></body></html>' >"$hu/layouts/_default/baseof.html"
echo '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}{{ end }}' >"$hu/layouts/_default/single.html"
echo '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}' >"$hu/layouts/_default/list.html"
tf=$(mktemp); log=$WORK/build.log; : >"$log"; raw=$WORK/raw.txt; : >"$raw"
t() { local name=$1; shift; if /usr/bin/time -o "$tf" -f '%e %M' "$@" >>"$log" 2>&1; then read -r w m <"$tf"; echo "$name $w $((m / 1024))" | tee -a "$raw"; else echo "$name FAILED (see $log)"; fi; }
for r in $(seq 1 "$rounds"); do
  (cd "$project" && rm -rf dist node_modules/.astro && t project env NOTES_DIR="$notes" node node_modules/astro/bin/astro.mjs build)
  (cd "$hu" && rm -rf public && t hugo+pagefind sh -c "hugo --quiet && '$pagefind' --site public >/dev/null")
  (cd "$sl" && rm -rf dist .astro node_modules/.astro && t starlight node node_modules/astro/bin/astro.mjs build)
done
echo "--- best wall time per tool, and the project's time divided by it"
awk '{ if (!($1 in m) || $2 < m[$1]) { m[$1] = $2; r[$1] = $3 } } END { for (k in m) printf "%-14s %7.2f s  %6d MiB  project/this %.2f\n", k, m[k], r[k], m["project"] / m[k] }' "$raw" | sort -k2 -n
