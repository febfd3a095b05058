#!/usr/bin/env python3
# Checks po/POTFILES.in against the source tree (TAP output):
#  - every file under src/, ui/ or data/ that has translatable strings is listed;
#  - every listed file exists;
#  - the list is sorted and has no duplicates.
# A file has translatable strings when it is C code calling a gettext macro
# (_(), N_(), C_(), NC_(), Q_(), ngettext, g_dngettext, g_dpgettext2), a
# GtkBuilder file with translatable="yes", a GSettings schema with a summary or
# description, or a desktop/AppStream template (*.desktop.in, *.metainfo.xml.in).
#
#   check-potfiles.py SOURCE_ROOT
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
results = []


def check(ok, name, details=()):
    results.append((ok, name, list(details)))


C_CALL = re.compile(r'(?<![\w.>])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?)\s*\(')
C_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)


def has_strings(path):
    text = path.read_text(encoding='utf-8', errors='replace')
    name = path.name
    if name.endswith(('.c', '.h')):
        return C_CALL.search(C_COMMENT.sub('', text)) is not None
    if name.endswith('.ui'):
        return re.search(r'translatable\s*=\s*"(?:yes|true)"', text) is not None
    if name.endswith('.gschema.xml'):
        return re.search(r'<(?:summary|description)>', text) is not None
    if name.endswith(('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')):
        return True
    return False


listed = []
for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
    line = line.strip()
    if line and not line.startswith('#'):
        listed.append(line)

check(listed == sorted(listed), 'POTFILES.in is sorted',
      ['expected order:'] + sorted(listed) if listed != sorted(listed) else [])
dups = sorted({f for f in listed if listed.count(f) > 1})
check(not dups, 'POTFILES.in has no duplicates', dups)
missing = [f for f in listed if not (root / f).is_file()]
check(not missing, 'every file in POTFILES.in exists', missing)

needed = []
for top in ('src', 'ui', 'data'):
    base = root / top
    if not base.is_dir():
        continue
    for path in sorted(base.rglob('*')):
        if path.is_file() and has_strings(path):
            needed.append(path.relative_to(root).as_posix())
unlisted = [f for f in needed if f not in listed]
check(not unlisted, 'every source file with translatable strings is in POTFILES.in '
      f'({len(needed)} found)', ['add to po/POTFILES.in: ' + f for f in unlisted])

# The scanner must see the files we know carry strings, or it checks nothing.
for known in ('data/io.github.rigwise.Rigwise.desktop.in',
              'data/io.github.rigwise.Rigwise.gschema.xml',
              'data/io.github.rigwise.Rigwise.metainfo.xml.in'):
    check(known in needed, f'scanner finds the strings in {known}')

for i, (ok, name, details) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    for d in details:
        print(f'# {d}')
print(f'1..{len(results)}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
