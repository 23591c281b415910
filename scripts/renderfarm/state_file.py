"""Reads the identity in the header of a renderer's resume state file (`checkpoint.resume`,
doc/RESUME.md "The state file"): little-endian "RTRESUME", u32 format version, u32 width,
u32 height, u32 chunk size, u32 chunk count, i32 checkpoint serial, u32 n, from version 3
u32 AOV doubles and u32 m, then n bytes render id, ... Only the identity is read; the
renderer itself checks the rest on resume."""
import struct

MAGIC = b"RTRESUME"
_FIXED = struct.Struct("<8sIIIIIiI")
_AOV_FIELDS = 8  # version 3: u32 AOV doubles per pixel, u32 AOV signature length


def checkpoint_identity(path):
    """(renderId, checkpointSerial) of a state file, or None when it is missing,
    unreadable or not a state file."""
    try:
        with open(path, "rb") as f:
            fixed = f.read(_FIXED.size)
            if len(fixed) < _FIXED.size:
                return None
            magic, version, _w, _h, _chunk, _count, serial, id_bytes = _FIXED.unpack(fixed)
            if magic != MAGIC:
                return None
            if version >= 3 and len(f.read(_AOV_FIELDS)) != _AOV_FIELDS:
                return None
            render_id = f.read(id_bytes)
            if len(render_id) != id_bytes:
                return None
            return render_id.decode("utf-8", "replace"), serial
    except OSError:
        return None
