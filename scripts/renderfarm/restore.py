"""Lost scratch: before a task renders, each of its frames whose local checkpoint set is
missing, incomplete, mixed or older than the newest complete set in the archive gets that
set copied back (doc/FARM.md, "Lost nodes and scratch").

The archive is lua/archive.lua's sequence layout:

    <archive>/frame.0012/serial.000007/   the set with checkpoint serial 7, complete once
        checkpoint.0012.exr ...           its manifest.txt exists (written last, and the
        manifest.txt                      folder renamed from serial.000007.part after)

A manifest names each file and where the renderer wrote it (`source`, relative to the
task's working folder or absolute). Only a complete set is ever copied, each file through
<name>.part and a rename; a restore cut short leaves a mixed local set, which the next
start restores again (and which the renderer refuses in any case).
"""
import os
import re
import shutil

from . import exr_header, state_file

_SET_DIR = re.compile(r"^serial\.(\d+)$")


def checkpoint_identity(path):
    """(renderId, checkpointSerial) of a file of a checkpoint set: an EXR file or its
    resume state file (`.resume`); None when it is neither."""
    if path.endswith(".resume"):
        return state_file.checkpoint_identity(path)
    return exr_header.checkpoint_identity(path)


def frame_folder(archive, frame):
    return os.path.join(archive, f"frame.{frame:04d}")


def read_manifest(path):
    """manifest.txt -> {key: value, 'files': [(name, source), ...]}, None when missing."""
    try:
        with open(path) as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    manifest = {"files": []}
    names, sources = [], []
    for line in lines:
        if line.startswith("#") or "=" not in line:
            continue
        key, _, value = (part.strip() for part in line.partition("="))
        if key == "file":
            names.append(value)
        elif key == "source":
            sources.append(value)
        else:
            manifest[key] = value
    if not names or len(sources) not in (0, len(names)):
        return None
    manifest["files"] = list(zip(names, sources or names))
    return manifest


def newest_complete_set(archive, frame):
    """(folder, manifest) of the frame's archived set with the highest serial whose
    manifest exists and names files that are all there; None when there is none."""
    root = frame_folder(archive, frame)
    try:
        entries = os.listdir(root)
    except OSError:
        return None
    candidates = sorted(((int(m.group(1)), name) for name in entries
                         if (m := _SET_DIR.match(name))), reverse=True)
    for _, name in candidates:
        folder = os.path.join(root, name)
        manifest = read_manifest(os.path.join(folder, "manifest.txt"))
        if manifest and all(os.path.isfile(os.path.join(folder, n)) for n, _ in manifest["files"]):
            return folder, manifest
    return None


def local_state(manifest, read_identity=checkpoint_identity, archived_at=None):
    """Why the local files of this set need the archive's copy, or None when they are at
    least as new: every file present, all of one render and serial, and that serial >= the
    archive's (same render) or the files written after the archived set (`archived_at`,
    its manifest's time: another render, e.g. the frame started afresh since)."""
    identities = set()
    for _, source in manifest["files"]:
        identity = read_identity(source) if os.path.isfile(source) else None
        if identity is None:
            return f"'{source}' is missing or not a checkpoint"
        identities.add(identity)
    if len(identities) != 1:
        return "the local files are of different sets"
    render_id, serial = identities.pop()
    if render_id != manifest.get("render_id"):
        local_time = min(os.path.getmtime(source) for _, source in manifest["files"])
        if archived_at is not None and local_time > archived_at:
            return None
        return f"the local set is of render {render_id}, the archive's of {manifest.get('render_id')}"
    if serial < int(manifest.get("serial", "0")):
        return f"the local set is serial {serial}, the archive's {manifest.get('serial')}"
    return None


def copy_back(folder, manifest):
    for name, source in manifest["files"]:
        target_dir = os.path.dirname(source)
        if target_dir:
            os.makedirs(target_dir, exist_ok=True)
        temp = source + ".part"
        shutil.copyfile(os.path.join(folder, name), temp)
        with open(temp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(temp, source)


def restore_frames(archive, frames, log=print, read_identity=checkpoint_identity):
    """Restores what needs it; returns the frames restored."""
    restored = []
    for frame in frames:
        found = newest_complete_set(archive, frame)
        if found is None:
            log(f"restore: frame {frame:04d}: nothing archived")
            continue
        folder, manifest = found
        archived_at = os.path.getmtime(os.path.join(folder, "manifest.txt"))
        reason = local_state(manifest, read_identity, archived_at)
        if reason is None:
            log(f"restore: frame {frame:04d}: local checkpoint is current "
                f"(archive serial {manifest.get('serial')})")
            continue
        copy_back(folder, manifest)
        restored.append(frame)
        log(f"restore: frame {frame:04d}: restored serial {manifest.get('serial')} from "
            f"'{folder}' ({reason})")
    return restored
