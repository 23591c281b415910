"""Frame lists in renderer_cmd's -frames syntax, and their split into array tasks."""


class FrameSpecError(ValueError):
    pass


def parse_frames(spec):
    """'1-48x4,50' -> [1, 5, ..., 45, 50], in the order given (doc/SEQUENCES.md)."""
    frames = []
    if not spec.strip():
        raise FrameSpecError("the frame list is empty")
    for part in spec.split(","):
        part = part.strip()
        step = 1
        body = part
        if "x" in part:
            body, _, step_text = part.partition("x")
            if not step_text.isdigit() or int(step_text) < 1:
                raise FrameSpecError(f"'{part}': the step after 'x' must be a whole number >= 1")
            step = int(step_text)
        first, dash, last = body.partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            raise FrameSpecError(f"'{part}' is not N, N-M or N-MxS with whole numbers >= 0")
        start, end = int(first), int(last) if dash else int(first)
        if end < start:
            raise FrameSpecError(f"'{part}': the range ends before it starts")
        frames.extend(range(start, end + 1, step))
    seen = set()
    for frame in frames:
        if frame in seen:
            raise FrameSpecError(f"frame {frame} is listed twice")
        seen.add(frame)
    return frames


def format_frames(frames):
    """[1, 2, 3, 7] -> '1-3,7': the shortest -frames list for these frames, same order."""
    parts = []
    i = 0
    while i < len(frames):
        j = i
        while j + 1 < len(frames) and frames[j + 1] == frames[j] + 1:
            j += 1
        parts.append(str(frames[i]) if i == j else f"{frames[i]}-{frames[j]}")
        i = j + 1
    return ",".join(parts)


def split_into_tasks(frames, frames_per_task):
    """Consecutive groups of `frames_per_task` frames (the last may be shorter)."""
    if frames_per_task < 1:
        raise FrameSpecError("--frames-per-task must be >= 1")
    return [frames[i:i + frames_per_task] for i in range(0, len(frames), frames_per_task)]
