#!/usr/bin/env bash
# Fails when a shipped text (Danish or English) shares a run of 7 or more words with a
# seed document in ../shared/seeds: facts carry over from the seeds, sentences do not
# (issue 14). Uses ../shared/tools/seed-overlap.py; skips with a message when the seeds or
# the tool are not there (a checkout without the shared folder). Runs listed in
# scripts/seed-overlap-allowed.txt (prescribed by domain.md) are allowed.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=../shared/seeds
tool=../shared/tools/seed-overlap.py
if [ ! -d "$seeds" ] || [ ! -f "$tool" ]; then
  echo "skipped: $seeds or $tool not found (the seed-overlap check needs both)"
  exit 0
fi
shopt -s nullglob
files=(public/learn/*.json src/i18n.rs src/i18n/*.rs src/components/*.rs
  core/src/*.rs core/src/*/*.rs index.html public/*.js public/manifest.webmanifest)
# The tool prints "file: [seed] the shared words" per run, then a count line.
out=$(python3 "$tool" "$seeds" "${files[@]}" --n 7 || true)
allowed=scripts/seed-overlap-allowed.txt
runs=$(printf '%s\n' "$out" | grep -E '^[^ ]+: \[' || true)
if [ -n "$runs" ] && [ -f "$allowed" ]; then
  runs=$(printf '%s\n' "$runs" | grep -v -F -f <(grep -v '^#' "$allowed" | grep -v '^$') || true)
fi
if [ -n "$runs" ]; then
  printf '%s\n' "$runs" >&2
  echo "$(printf '%s\n' "$runs" | wc -l) run(s) of 7+ words shared with the seeds: say it in our own words" >&2
  exit 1
fi
echo "0 shared runs of 7+ words in ${#files[@]} files"
