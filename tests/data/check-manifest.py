#!/usr/bin/env python3
# Lints flatpak/io.github.rigwise.Rigwise.json the way Flathub reviews it
# (TAP output): file name = app id, the GNOME runtime at a supported version,
# exactly the permissions Rigwise needs, headers and static libraries cleaned
# up, Rigwise built with meson from this tree. `flatpak-builder
# --show-manifest` must parse it (offline) when flatpak-builder is installed.
#
#   check-manifest.py MANIFEST
import json
import os
import shutil
import subprocess
import sys

path = sys.argv[1]
results = []


def check(ok, name, detail=None):
    results.append((bool(ok), name, detail))


with open(path) as f:
    m = json.load(f)

app_id = 'io.github.rigwise.Rigwise'
check(os.path.basename(path) == app_id + '.json' and m.get('id') == app_id,
      'file name is the app id', m.get('id'))
check(m.get('runtime') == 'org.gnome.Platform' and m.get('sdk') == 'org.gnome.Sdk',
      'runtime org.gnome.Platform, sdk org.gnome.Sdk', (m.get('runtime'), m.get('sdk')))
# GNOME keeps the last two releases supported; 48 and 49 as of November 2026.
version = m.get('runtime-version', '')
check(version.isdigit() and int(version) >= 48, 'a supported GNOME runtime version', version)
check(m.get('command') == 'rigwise', 'command is rigwise', m.get('command'))
expected_args = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland',
                 '--device=dri', '--share=network']
args = m.get('finish-args', [])
check(sorted(args) == sorted(expected_args) and len(args) == len(set(args)),
      'finish-args are exactly ' + ' '.join(expected_args), args)
check(not any(a.startswith(('--filesystem', '--socket=x11', '--device=all', '--talk-name',
                            '--socket=session-bus', '--socket=system-bus')) for a in args),
      'no filesystem, bus or device-wide access (saving goes through the portal)')
cleanup = m.get('cleanup', [])
check('/include' in cleanup and '*.a' in cleanup and '*.la' in cleanup and '/lib/pkgconfig' in cleanup,
      'cleanup removes headers, static and libtool libraries, pkg-config files', cleanup)
modules = m.get('modules', [])
last = modules[-1] if modules else {}
check(last.get('name') == 'rigwise' and last.get('buildsystem') == 'meson',
      'the last module builds rigwise with meson', last.get('name'))
sources = last.get('sources', [])
check(len(sources) == 1 and sources[0].get('type') == 'dir' and sources[0].get('path') == '..',
      'rigwise is built from this source tree (type dir, path ..)', sources)
# json-glib, libcurl and libadwaita come from the GNOME runtime.
names = [mod.get('name', '') if isinstance(mod, dict) else mod for mod in modules]
check(not any(n in ('json-glib', 'curl', 'libcurl', 'libadwaita', 'gtk', 'gtk4') for n in names),
      'json-glib, libcurl, GTK and libadwaita come from the runtime', names)

builder = shutil.which('flatpak-builder')
if builder:
    r = subprocess.run([builder, '--show-manifest', path], capture_output=True, text=True)
    check(r.returncode == 0 and json.loads(r.stdout).get('id') == app_id,
          'flatpak-builder --show-manifest parses it', r.stderr.strip() or None)

for i, (ok, name, detail) in enumerate(results, 1):
    print(f'{"ok" if ok else "not ok"} {i} - {name}')
    if not ok and detail is not None:
        print(f'# {detail}')
print(f'1..{len(results)}')
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
