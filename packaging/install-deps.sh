#!/usr/bin/env bash
# Installs the Debian 12 packages Scoville needs to build, test and package, if any are missing
# (desktop-file-utils and appstream validate the desktop file and metainfo; dpkg-dev and file
# let CPack find the .deb's library dependencies; fonts-droid-fallback has the Chinese glyphs the
# zh_CN tests and screenshots draw, qt6-translations-l10n Qt's own dialogs in Chinese; poppler-utils
# reads the report PDFs in the tests).
# Idempotent: prints nothing to install when everything is present.
#   packaging/install-deps.sh          build + test + package dependencies
#   packaging/install-deps.sh --fuzz      also clang and its fuzzer runtime
#   packaging/install-deps.sh --cluster   also Slurm (controller, node daemon, client) and MUNGE
set -euo pipefail

packages=(
  g++ cmake ninja-build make pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libqcustomplot-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libbenchmark-dev libsqlite3-dev sqlite3
  fonts-dejavu-core fonts-droid-fallback qt6-translations-l10n
  desktop-file-utils appstream dpkg-dev file
  poppler-utils
)
if [[ "${1:-}" == "--fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi
if [[ "${1:-}" == "--cluster" ]]; then
  packages+=(slurm-wlm slurmctld slurmd slurm-client munge)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "Scoville: missing Debian packages: ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo_cmd=(sudo)
else
  echo "Scoville: cannot install them without root. Run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Scoville: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
echo "Scoville: installed ${missing[*]}"
