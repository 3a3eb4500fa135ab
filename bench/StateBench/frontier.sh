#!/bin/bash
# Peak RSS of a crawl whose frontier grows to 1,000,000 URLs, in memory and with a state directory.
# The site runs in its own process; each crawl runs until its frontier stops growing, 20 s more, then stops.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dotnet build "$here/StateBench.csproj" -c Release -o "$here/bin/out" >/dev/null
port=${PORT:-5391}
dotnet "$here/bin/out/StateBench.dll" site "$port" 1000 1000 & site=$!
trap 'kill $site' EXIT
sleep 2
work=$(mktemp -d)
for mode in state memory; do
  if [ $mode = state ]; then dir="$work/state"; else dir=""; fi
  DOTNET_gcServer=0 dotnet "$here/bin/out/StateBench.dll" crawl "http://127.0.0.1:$port/" $dir 20
  [ -n "$dir" ] && du -sh "$dir" >&2
done
rm -rf "$work"
