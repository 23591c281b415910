"""Reads the checkpoint attributes of an EXR header through OpenImageIO's `iinfo -v`
(openimageio-tools, already a dependency of the renderer's tests): no EXR parsing here."""
import re
import shutil
import subprocess

_ATTRIBUTE = re.compile(r'^\s*([A-Za-z_][\w/.]*):\s*(.*?)\s*$')


class HeaderError(RuntimeError):
    pass


def read_attributes(path):
    """{name: text} of the header's attributes, strings without their quotes; None when the
    file is missing or not an image iinfo can read."""
    if shutil.which("iinfo") is None:
        raise HeaderError("'iinfo' is not installed (Debian: openimageio-tools)")
    done = subprocess.run(["iinfo", "-v", path], capture_output=True, text=True)
    if done.returncode != 0 or "error" in done.stderr.lower():
        return None
    attributes = {}
    for line in done.stdout.splitlines()[1:]:
        match = _ATTRIBUTE.match(line)
        if match:
            value = match.group(2)
            if len(value) >= 2 and value[0] == value[-1] == '"':
                value = value[1:-1]
            attributes.setdefault(match.group(1), value)
    return attributes


def checkpoint_identity(path):
    """(renderId, checkpointSerial) of a checkpoint file, or None when it is missing,
    unreadable or not one of the renderer's checkpoint files."""
    attributes = read_attributes(path)
    if not attributes or "renderId" not in attributes or "checkpointSerial" not in attributes:
        return None
    try:
        return attributes["renderId"], int(attributes["checkpointSerial"])
    except ValueError:
        return None
