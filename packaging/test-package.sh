#!/usr/bin/env bash
# make test-package: checks a built scoville .deb the way a user meets it. Reads its control data
# and file list, installs it with apt-get, validates the installed desktop file and AppStream
# metainfo, checks every icon's size, runs the installed command line and GUI (offscreen), and
# removes the package again (also when a check fails).
#   packaging/test-package.sh build/package/scoville_VERSION_ARCH.deb
# Needs root or password-less sudo: it installs and removes the package `scoville` system-wide
# (one installed before is removed first, and not put back).
set -euo pipefail

if [[ $# -ne 1 || ! -f "$1" ]]; then
  echo "usage: $0 PATH/scoville_VERSION_ARCH.deb (one built package; 'make package' makes it)" >&2
  exit 2
fi
deb=$(realpath "$1")

fail() {
  echo "test-package: FAIL: $*" >&2
  exit 1
}
step() { echo "test-package: $*"; }

if [[ $(id -u) -eq 0 ]]; then
  sudo_cmd=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo_cmd=(sudo)
else
  echo "test-package: installing the package needs root or password-less sudo" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive

# --- The package as built -------------------------------------------------------------------
field() { dpkg-deb --field "$deb" "$1"; }
[[ $(field Package) == scoville ]] || fail "package name is '$(field Package)', not scoville"
version=$(field Version)
arch=$(dpkg --print-architecture)
[[ $(field Architecture) == "$arch" ]] || fail "architecture is '$(field Architecture)', not $arch"
[[ $(basename "$deb") == "scoville_${version}_${arch}.deb" ]] ||
  fail "file name $(basename "$deb") is not scoville_${version}_${arch}.deb"
depends=$(field Depends)
# dpkg-shlibdeps found the linked libraries; the SQLite driver plugin is declared by hand.
for lib in libc6 libstdc++6 libgomp1 libqt6core6 libqt6widgets6 libqt6svg6 libqt6sql6 libqt6sql6-sqlite; do
  sed 's/ *([^)]*)//g; s/, */\n/g' <<<"$depends" | grep -qxF "$lib" || fail "Depends lacks $lib: $depends"
done
[[ -n $(field Description) && -n $(field Maintainer) && -n $(field Section) ]] ||
  fail "Description, Maintainer or Section is empty"
step "control data: scoville $version $arch, Depends: $depends"

contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}')
has() { grep -qx "\./$1" <<<"$contents" || fail "the package does not contain /$1"; }
has usr/bin/scoville
has usr/libexec/scoville/scoville-gui
desktop_files=$(grep -E '^\./usr/share/applications/[^/]+\.desktop$' <<<"$contents" || true)
[[ $(wc -l <<<"$desktop_files") -eq 1 && -n $desktop_files ]] ||
  fail "expected one desktop file in usr/share/applications, found: ${desktop_files:-none}"
app_id=$(basename "$desktop_files" .desktop)
has "usr/share/metainfo/$app_id.metainfo.xml"
has "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
has usr/share/doc/scoville/copyright
sizes=(16 24 32 48 64 128 256)
for s in "${sizes[@]}"; do has "usr/share/icons/hicolor/${s}x${s}/apps/$app_id.png"; done
step "contents: executables, copyright, $app_id desktop file, metainfo and icon (scalable and ${sizes[*]} px)"

# --- Installed ------------------------------------------------------------------------------
if dpkg-query -W -f='${Status}' scoville 2>/dev/null | grep -q "install ok installed"; then
  step "removing the scoville package installed before this test"
  "${sudo_cmd[@]}" apt-get remove -y -qq scoville >/dev/null
fi
installed=0
cleanup() {
  if [[ $installed -eq 1 ]]; then
    "${sudo_cmd[@]}" apt-get remove -y -qq scoville >/dev/null || echo "test-package: could not remove scoville" >&2
  fi
  rm -rf "${tmp:-}"
}
tmp=$(mktemp -d)
trap cleanup EXIT
# apt-get takes a local package by a path with a slash; $deb is absolute.
"${sudo_cmd[@]}" apt-get install -y -qq "$deb" >"$tmp/apt.log" 2>&1 || { cat "$tmp/apt.log" >&2; fail "apt-get install $deb"; }
installed=1
step "installed with apt-get install $deb"

for s in "${sizes[@]}"; do dpkg -L scoville | grep -qx "/usr/share/icons/hicolor/${s}x${s}/apps/$app_id.png" ||
  fail "dpkg -L scoville does not list the ${s}x${s} icon"; done
# A PNG's width and height are the big-endian 32-bit numbers at bytes 16 and 20 (its IHDR chunk).
for s in "${sizes[@]}"; do
  png=/usr/share/icons/hicolor/${s}x${s}/apps/$app_id.png
  read -r w h < <(od -An -tu1 -j16 -N8 "$png" |
                  awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  [[ $w -eq $s && $h -eq $s ]] || fail "$png is ${w}x${h}, not ${s}x${s}"
done
step "icons: dpkg -L lists every size; each PNG has its folder's size"

desktop-file-validate "/usr/share/applications/$app_id.desktop" >"$tmp/dfv.log" 2>&1 || true
[[ ! -s $tmp/dfv.log ]] || { cat "$tmp/dfv.log" >&2; fail "desktop-file-validate /usr/share/applications/$app_id.desktop"; }
appstreamcli validate --no-net --strict "/usr/share/metainfo/$app_id.metainfo.xml" >"$tmp/as.log" 2>&1 ||
  { cat "$tmp/as.log" >&2; fail "appstreamcli validate /usr/share/metainfo/$app_id.metainfo.xml"; }
grep -q "^Icon=$app_id$" "/usr/share/applications/$app_id.desktop" || fail "the desktop file's Icon is not $app_id"
step "desktop file and metainfo validate"

# The installed programs, away from the user's own settings and sessions.
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/.local/share XDG_CONFIG_HOME=$tmp/home/.config
mkdir -p "$HOME"
cd "$tmp"
out=$(/usr/bin/scoville --version) || fail "/usr/bin/scoville --version exits $?"
[[ $out == "scoville $version" ]] || fail "/usr/bin/scoville --version prints '$out', not 'scoville $version'"
/usr/bin/scoville eval --chip h100-sxm --model llama-3.1-8b --chips 1 --precision fp8 --format json >eval.json ||
  fail "/usr/bin/scoville eval exits $?"
grep -q '"throughput_tokens_per_s_per_chip"' eval.json || fail "scoville eval printed no throughput: $(head -c 300 eval.json)"
# A session file goes through Qt Sql's SQLite driver, a plugin the package depends on by name.
/usr/bin/scoville session save work.scoville --name test --chip h100-sxm >/dev/null ||
  fail "/usr/bin/scoville session save exits $?"
/usr/bin/scoville session list work.scoville | grep -q test || fail "scoville session list does not list the saved design"
step "/usr/bin/scoville: --version, eval and a session file work"
# The GUI: /usr/bin/scoville becomes /usr/libexec/scoville/scoville-gui and drives a slider offscreen.
QT_QPA_PLATFORM=offscreen /usr/bin/scoville --benchmark-ui --steps 5 >gui.log 2>&1 ||
  { cat gui.log >&2; fail "/usr/bin/scoville --benchmark-ui exits non-zero"; }
step "/usr/bin/scoville starts the installed GUI (offscreen)"

"${sudo_cmd[@]}" apt-get remove -y -qq scoville >/dev/null || fail "apt-get remove scoville"
installed=0
[[ ! -e /usr/bin/scoville && ! -e /usr/libexec/scoville/scoville-gui ]] || fail "apt-get remove left the executables"
step "removed; PASS"
