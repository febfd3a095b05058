#!/usr/bin/env python3
# The metainfo's screenshots are real, committed PNGs (TAP output): every
# <image> is a raw GitHub URL of a file under data/screenshots/ that exists,
# is a PNG of the width and height the metainfo states, is not blank, and
# every screenshot has a caption. tests/screenshots.sh makes the files.
#
#   check-screenshots.py METAINFO.xml.in SOURCE_ROOT
import pathlib
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

metainfo, root = sys.argv[1], pathlib.Path(sys.argv[2])
prefix = 'https://raw.githubusercontent.com/rigwise/rigwise/main/'
results = []


def check(ok, name, detail=None):
    results.append((bool(ok), name, detail))


shots = ET.parse(metainfo).getroot().findall('./screenshots/screenshot')
check(len(shots) >= 1, f'the metainfo has screenshots ({len(shots)})')
check(sum(1 for s in shots if s.get('type') == 'default') == 1, 'exactly one default screenshot')
for shot in shots:
    image = shot.find('image')
    url = image.text.strip() if image is not None and image.text else ''
    name = url.rsplit('/', 1)[-1]
    caption = shot.find('caption')
    check(caption is not None and caption.text and caption.text.strip(), f'{name} has a caption')
    rel = url[len(prefix):] if url.startswith(prefix) else None
    check(rel is not None and rel.startswith('data/screenshots/'),
          f'{name} is a raw URL of data/screenshots/', url)
    path = root / rel if rel else None
    if path is None or not path.is_file():
        check(False, f'{name} is committed', str(path))
        continue
    data = path.read_bytes()
    is_png = data[:8] == b'\x89PNG\r\n\x1a\n' and data[12:16] == b'IHDR'
    w, h = struct.unpack('>II', data[16:24]) if is_png else (0, 0)
    check(is_png and (str(w), str(h)) == (image.get('width'), image.get('height')),
          f'{name} is a {image.get("width")}×{image.get("height")} PNG', f'{w}×{h}')
    # A real window has text, widgets and charts: hundreds of colours.
    colours = subprocess.run(['identify', '-format', '%k', str(path)],
                             capture_output=True, text=True).stdout.strip()
    check(colours.isdigit() and int(colours) >= 200, f'{name} is not blank ({colours} colours)')

for i, (ok, name, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok and detail:
        print(f'# {detail}')
print(f'1..{len(results)}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
