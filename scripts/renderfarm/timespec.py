"""Times on the command line: Slurm's --time, the shot's --deadline, the review period."""
import datetime
import re


class TimeSpecError(ValueError):
    pass


_SLURM_TIME = re.compile(r"^(\d+-)?\d+(:\d{1,2}){0,2}$")


def check_slurm_time(text):
    """Slurm's --time forms (minutes, MM:SS, HH:MM:SS, D-HH[:MM[:SS]]): passed on as given."""
    if not _SLURM_TIME.match(text):
        raise TimeSpecError(f"'{text}' is not a Slurm time limit (30, 30:00, 2:00:00, 1-12)")
    return text


def slurm_time_seconds(text):
    """Seconds of a Slurm time limit (minutes; MM:SS; HH:MM:SS; D-HH[:MM[:SS]])."""
    check_slurm_time(text)
    days = 0
    if "-" in text:
        day_text, text = text.split("-", 1)
        days = int(day_text)
        fields = [int(f) for f in text.split(":")]
        fields += [0] * (3 - len(fields))  # D-HH, D-HH:MM
        return days * 86400 + fields[0] * 3600 + fields[1] * 60 + fields[2]
    fields = [int(f) for f in text.split(":")]
    if len(fields) == 1:
        return fields[0] * 60
    if len(fields) == 2:
        return fields[0] * 60 + fields[1]
    return fields[0] * 3600 + fields[1] * 60 + fields[2]


_DURATION = re.compile(r"^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s?)?$")


def parse_duration(text):
    """'90' (seconds), '10m', '1h30m', '45s' -> seconds (float > 0)."""
    match = _DURATION.match(text.strip()) if text.strip() else None
    if not match or not any(match.groups()):
        raise TimeSpecError(f"'{text}' is not a duration (600, 10m, 1h30m)")
    hours, minutes, seconds = (float(g) if g else 0.0 for g in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    if total <= 0:
        raise TimeSpecError(f"'{text}' is not a positive duration")
    return total


def parse_deadline(text, now):
    """A deadline as an aware datetime: 'HH:MM' is its next occurrence (local time, as
    renderer_cmd's -sequence_deadline), anything else a duration from `now`."""
    clock = re.match(r"^(\d{1,2}):(\d{2})$", text.strip())
    if clock:
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 23 or minute > 59:
            raise TimeSpecError(f"'{text}' is not a time of day (00:00 to 23:59)")
        local_now = now.astimezone()
        at = local_now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if at <= local_now:
            at += datetime.timedelta(days=1)
        return at
    return now + datetime.timedelta(seconds=parse_duration(text))


def slurm_timestamp(moment):
    """Slurm's absolute form for --deadline and --begin: local YYYY-MM-DDTHH:MM:SS."""
    return moment.astimezone().strftime("%Y-%m-%dT%H:%M:%S")
