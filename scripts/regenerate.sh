#!/usr/bin/env bash
# Regenerates every file derived from the command declarations: completion scripts, the man
# page, docs/COMMANDS.md and the README's command section. GeneratedFilesTests fails when any
# of them is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build >/dev/null
desk=.build/debug/desk
for s in bash zsh fish; do "$desk" completions "$s" > "completions/desk.$s"; done
"$desk" help --man > docs/desk.1
"$desk" help --markdown > docs/COMMANDS.md
python3 - "$desk" <<'PY'
import re, subprocess, sys
brief = subprocess.run([sys.argv[1], "help", "--readme"], capture_output=True, text=True, check=True).stdout
text = open("README.md", encoding="utf-8").read()
begin, end = "<!-- commands:begin -->\n", "<!-- commands:end -->"
i, j = text.index(begin) + len(begin), text.index(end)
open("README.md", "w", encoding="utf-8").write(text[:i] + brief + text[j:])
PY
echo "regenerated completions/, docs/desk.1, docs/COMMANDS.md, README.md commands"
