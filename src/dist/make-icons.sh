#!/bin/sh
# Makes the installers' icons from the app's 256x256 PNG (src/main/resources/lab/backprop/ui/icon.png):
#   src/dist/icon.ico   Windows: 16, 24, 32, 48, 64, 128 and 256 px in one file
#   src/dist/icon.icns  macOS: 16, 32, 48, 128 and 256 px
# Linux uses the PNG itself. Only downscaled: the source is 256 px, so there is no 512 or 1024 px size
# (it could only be an enlarged 256, no sharper than the one macOS enlarges itself).
# Needs ImageMagick (convert) and, for the .icns, png2icns (Debian/Ubuntu: apt install imagemagick icnsutils).
# Run from anywhere: sh src/dist/make-icons.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/../main/resources/lab/backprop/ui/icon.png"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for s in 16 24 32 48 64 128 256; do
    # 8 bits per channel with alpha (the source has 16; .ico and .icns take 8); Lanczos when shrinking
    if [ "$s" = 256 ]; then
        convert "$src" -depth 8 -strip "PNG32:$tmp/$s.png"
    else
        convert "$src" -filter Lanczos -resize "${s}x${s}" -depth 8 -strip "PNG32:$tmp/$s.png"
    fi
done

convert "$tmp/16.png" "$tmp/24.png" "$tmp/32.png" "$tmp/48.png" "$tmp/64.png" "$tmp/128.png" "$tmp/256.png" "$here/icon.ico"
png2icns "$here/icon.icns" "$tmp/16.png" "$tmp/32.png" "$tmp/48.png" "$tmp/128.png" "$tmp/256.png" >/dev/null
echo "wrote $here/icon.ico and $here/icon.icns"
