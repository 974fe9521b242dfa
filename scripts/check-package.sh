#!/usr/bin/env bash
# Packs keyguard and uses the tarball the way a user's project would: installed into a fresh folder
# (no .gitignore, so node_modules is scanned too), imported both ways, scanned, and guarding commits
# through the hook `keyguard init` installs. Run from anywhere: scripts/check-package.sh
# Needs: node, npm, git, tar, and the npm registry (husky is installed by the hook step).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/keyguard-package-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
# The machine's git config (signing, hooks, templates) must not decide what this check sees.
export GIT_CONFIG_GLOBAL="$WORK/gitconfig" GIT_CONFIG_NOSYSTEM=1
git config --global user.name "keyguard check"
git config --global user.email "check@keyguard.invalid"
git config --global init.defaultBranch main

step() { printf '\ncheck-package: %s\n' "$*"; }
fail() { printf 'check-package: FAILED: %s\n' "$*" >&2; exit 1; }

step "npm pack (prepack builds dist/)"
TARBALL="$WORK/$(cd "$ROOT" && npm pack --silent --pack-destination "$WORK" | tail -n 1)"
[ -f "$TARBALL" ] || fail "npm pack made no tarball"
CONTENTS="$(tar -tzf "$TARBALL")"
echo "$CONTENTS" | wc -l | xargs echo "  files in the package:"
for needed in package/LICENSE package/bin/keyguard.js package/dist/index.js package/dist/index.d.ts \
  package/bin/package.json package/dist/bundle/keyguard.cjs package/dist/bundle/worker.js package/dist/bundle/index.cjs package/dist/rules.json package/docs/json-report.schema.json; do
  echo "$CONTENTS" | grep -qx "$needed" || fail "the package lacks $needed"
done
if echo "$CONTENTS" | grep -E '^package/(src|test|bench|rules|fixtures|scripts|\.ci)/'; then
  fail "the package carries sources, tests, bench or rule sources (listed above)"
fi

step "install the tarball into a fresh project (no .gitignore, no dev dependencies)"
APP="$WORK/app"
mkdir "$APP"
cd "$APP"
git init -q
printf '{\n  "name": "keyguard-package-check",\n  "version": "1.0.0",\n  "private": true\n}\n' > package.json
npm install --no-audit --no-fund "$TARBALL" > "$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "npm install of the tarball"; }
cat "$WORK/install.log"
if grep -qi 'install-scripts\|install script' "$WORK/install.log"; then fail "npm warned about install scripts"; fi
# Every dev dependency of keyguard that is not also a runtime one (read from its package.json).
for dev in $(node -e 'const p = require(process.argv[1]); const run = new Set(Object.keys(p.dependencies ?? {})); console.log(Object.keys(p.devDependencies ?? {}).filter((name) => !run.has(name)).join(" "))' "$ROOT/package.json"); do
  [ ! -e "node_modules/$dev" ] || fail "a dev dependency of keyguard was installed: $dev"
done

step "import('keyguard') and require('keyguard')"
node --input-type=module -e "
  const { scan, formatReport } = await import('keyguard');
  const result = await scan({ paths: ['package.json'] });
  if (typeof formatReport(result, 'json', { color: false, verbose: false }) !== 'string') throw new Error('no report');
  console.log('  import: scan() ran, ' + result.summary.findings + ' findings');"
node -e "
  const { scan, KeyguardError } = require('keyguard');
  if (typeof KeyguardError !== 'function') throw new Error('KeyguardError missing');
  const schema = require('keyguard/json-report.schema.json');
  if (!schema.\$id) throw new Error('the JSON report schema has no \$id');
  scan({ paths: ['package.json'] }).then((result) => console.log('  require: scan() ran, ' + result.summary.findings + ' findings; schema ' + schema.\$id));"

step "npx keyguard rules"
RULES="$(npx --no-install keyguard rules)"
echo "$RULES" | head -n 3
[ "$(echo "$RULES" | grep -c 'critical')" -gt 0 ] || fail "keyguard rules listed no rules"

step "npx keyguard init, then commits through the hook"
npx --no-install keyguard init
npm install --no-audit --no-fund > "$WORK/husky.log" 2>&1 || { cat "$WORK/husky.log"; fail "npm install after keyguard init"; }
# A fake OpenAI project key, built now from random characters: no key-shaped literal in this script.
FAKE_KEY="$(node -e "
  const { randomInt } = require('node:crypto');
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const random = (n) => Array.from({ length: n }, () => chars[randomInt(chars.length)]).join('');
  console.log('sk-' + 'proj-' + random(74) + 'T3Blbk' + 'FJ' + random(74));")"
printf 'export const client = { apiKey: "%s" };\n' "$FAKE_KEY" > leaky.js
git add leaky.js
if git commit -q -m "add a leaked key" > "$WORK/commit.log" 2>&1; then
  cat "$WORK/commit.log"; fail "the hook let a commit with a key through"
fi
grep -q 'openai-project-key' "$WORK/commit.log" || { cat "$WORK/commit.log"; fail "the refused commit did not name the rule"; }
echo "  commit with a key: refused"
git rm -q -f leaky.js   # unstaged and deleted: the scan below must not see it
printf 'export const client = { apiKey: process.env.OPENAI_API_KEY };\n' > clean.js
git add clean.js package.json .husky/pre-commit
git commit -q -m "a clean commit" || fail "the hook refused a clean commit"
echo "  clean commit: went through ($(git rev-parse --short HEAD))"
# The hook's scans leave V8's compiled code next to the bundle (bin/keyguard.js), for the next commit.
[ -s node_modules/keyguard/dist/bundle/keyguard.cjs.cache ] || fail "the hook's scans left no code cache in the installed package"
echo "  code cache: written by the hook's scan ($(wc -c < node_modules/keyguard/dist/bundle/keyguard.cjs.cache) bytes)"

# Last, so that the checks above run even when this one fails. The hook's commit added no key, so the
# project holds only its own files and the keyguard package.
step "npx keyguard scan node_modules/keyguard (the package as installed: exit 0 expected)"
npx --no-install keyguard scan node_modules/keyguard || fail "keyguard scan found something in the installed keyguard package"

# The whole project, dependencies included (no .gitignore): keyguard's own files must stay clean
# and nothing may rank medium or higher. Third-party documentation can hold sample credentials
# (node-forge's README has a sample password, ranked low as documentation); they are printed, not
# failed on, since they are not keyguard's to fix.
step "npx keyguard scan (the whole project, dependencies included)"
npx --no-install keyguard scan --format json --fail-on none > "$WORK/project.json" || fail "keyguard scan of the project"
node -e '
  const report = require(process.argv[1]);
  const own = report.findings.filter((finding) => finding.file.startsWith("node_modules/keyguard/") || !finding.file.startsWith("node_modules/"));
  const serious = report.findings.filter((finding) => ["medium", "high", "critical"].includes(finding.severity));
  for (const finding of report.findings) console.log(`  ${finding.file}:${finding.line} ${finding.severity} ${finding.ruleId}`);
  if (own.length > 0 || serious.length > 0) process.exit(1);
' "$WORK/project.json" || fail "keyguard scan found something of its own, or something medium or higher, in a project holding only the keyguard package"

step "all package checks passed"
