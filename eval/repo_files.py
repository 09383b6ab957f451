"""Reads the files of a public repository the held-out checks are built from: a checkout, or a
bare git directory of it (as `fetch` brings one), read at HEAD."""
import os
import subprocess
import sys


def repo_reader(src, marker):
    """A function giving the bytes of a file of the repository (None when it has no such file), and
    the commit read (None for a checkout). `marker`: a file a checkout of it has."""
    if os.path.isfile(os.path.join(src, marker)):
        def read(path):
            try:
                with open(os.path.join(src, path), 'rb') as f:
                    return f.read()
            except FileNotFoundError:
                return None
        return read, None

    def git(*args):
        return subprocess.run(['git', '--git-dir', src, *args], check=True, capture_output=True).stdout

    try:
        commit = git('rev-parse', 'HEAD').decode().strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        sys.exit(f'{src}: neither a checkout with {marker} nor a git directory')
    # Asked for a path it does not have, `git show` may print nothing and succeed (a name with
    # brackets, in trafilatura's tests), so what HEAD holds is listed first.
    held = set(git('ls-tree', '-r', '-z', '--name-only', 'HEAD').decode('utf-8').split('\0'))

    def read(path):
        return git('show', f'HEAD:{path}') if path in held else None
    return read, commit
