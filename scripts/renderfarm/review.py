"""The review job: the shot's movie and contact sheet from the newest playblast JPEGs,
each frame labelled with its state, rebuilt whenever frames refined (doc/FARM.md)."""
import glob
import os
import re
import shutil
import subprocess

from . import status as shot_status
from .layout import read_text

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # fonts-dejavu-core
CONTACT_COLUMNS = 6
CONTACT_TILE_WIDTH = 320


class ReviewError(RuntimeError):
    pass


def label(frame):
    """'frame 12  final 64 spp' or 'frame 12  draft 16 spp': what the corner shows."""
    spp = f"{frame['spp']:g} spp" if frame["spp"] is not None else "-- spp"
    state = frame["state"] if frame["state"] == "final" else f"draft ({frame['state']})"
    return f"frame {frame['frame']}  {state} {spp}"


def _ffmpeg(args):
    if shutil.which("ffmpeg") is None:
        raise ReviewError("ffmpeg is not installed (scripts/install-deps installs it)")
    done = subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", *args],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise ReviewError(f"ffmpeg {' '.join(args[:4])} ...: {done.stderr.strip()}")


def _labelled(source, target, text):
    # drawtext's own escaping: text is built from numbers and fixed words, no ':' or quote.
    draw = (f"drawtext=fontfile={FONT}:text='{text}':x=w-tw-h/40:y=h/40:fontsize=h/24:"
            "fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6")
    temp = _temp_for(target)
    _ffmpeg(["-i", source, "-vf", draw, "-q:v", "3", temp])
    os.replace(temp, target)


def _temp_for(target):
    """A hidden name beside `target`: no glob of the frames (shot.*.jpg) picks it up."""
    folder, name = os.path.split(target)
    return os.path.join(folder, "." + name + ".part.jpg")


def playblast_frames(layout, shot):
    pattern = re.compile(re.escape(shot) + r"\.(\d{4,})\.jpg$")
    found = {}
    for path in glob.glob(os.path.join(layout.playblast_dir, shot + ".*.jpg")):
        match = pattern.search(os.path.basename(path))
        if match:
            found[int(match.group(1))] = path
    return found


def build(layout, movie_script, force=False, log=print):
    """Rebuilds the labelled frames, the movie and the contact sheet when a JPEG or a
    label changed since the last build. Returns True when it rebuilt."""
    status = shot_status.collect(layout)
    shot = status["shot"]
    jpegs = playblast_frames(layout, shot)
    if not jpegs:
        log("review: no playblast JPEGs yet")
        return False
    labelled_dir = os.path.join(layout.review_dir, "labelled")
    os.makedirs(labelled_dir, exist_ok=True)
    by_frame = {f["frame"]: f for f in status["frames"]}
    changed = force
    for frame, source in sorted(jpegs.items()):
        target = os.path.join(labelled_dir, f"{shot}.{frame:04d}.jpg")
        text = label(by_frame[frame]) if frame in by_frame else f"frame {frame}"
        stamp = target + ".label"
        old_text = read_text(stamp)
        if (not os.path.exists(target) or os.path.getmtime(source) > os.path.getmtime(target)
                or old_text != text):
            _labelled(source, target, text)
            with open(stamp, "w") as f:
                f.write(text)
            changed = True
    movie = os.path.join(layout.review_dir, f"{shot}.mp4")
    contact = os.path.join(layout.review_dir, f"{shot}.contact.jpg")
    if not changed and os.path.exists(movie) and os.path.exists(contact):
        log("review: nothing refined since the last build")
        return False
    env = dict(os.environ, RT_PLAYBLAST_NAME=shot)
    done = subprocess.run([movie_script, labelled_dir, movie], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise ReviewError(f"{movie_script}: exit {done.returncode}: {done.stderr.strip()}")
    columns = min(CONTACT_COLUMNS, len(jpegs))
    rows = (len(jpegs) + columns - 1) // columns
    _ffmpeg(["-framerate", "1", "-pattern_type", "glob", "-i", os.path.join(labelled_dir, f"{shot}.*.jpg"),
             "-vf", f"scale={CONTACT_TILE_WIDTH}:-2,tile={columns}x{rows}:padding=4",
             "-frames:v", "1", "-q:v", "3", _temp_for(contact)])
    os.replace(_temp_for(contact), contact)
    log(f"review: {movie} and {contact} ({len(jpegs)} frames)")
    return True
