"""The only module that runs Slurm's commands (sbatch, squeue, scontrol, scancel, sacct).
Each call names the command in its error, so a farm engineer sees what failed."""
import shutil
import subprocess


class SlurmError(RuntimeError):
    pass


def _run(args, check=True):
    if shutil.which(args[0]) is None:
        raise SlurmError(f"'{args[0]}' is not installed or not on PATH (Debian: slurm-wlm)")
    done = subprocess.run(args, capture_output=True, text=True)
    if check and done.returncode != 0:
        raise SlurmError(f"{' '.join(args)}: exit {done.returncode}: {done.stderr.strip()}")
    return done


def submit(script, extra=()):
    """sbatch SCRIPT -> the job id (as text)."""
    done = _run(["sbatch", "--parsable", *extra, script])
    return done.stdout.strip().split(";")[0]


def tasks(job_id):
    """The array's tasks Slurm still knows: {task index: {state, node, reason, job}}; an
    empty dict once the whole array has left the queue."""
    done = _run(["squeue", "-h", "-r", "-j", str(job_id), "-o", "%K|%T|%N|%r|%i|%A"], check=False)
    found = {}
    if done.returncode != 0:
        return found  # squeue refuses ids it no longer knows: nothing queued
    for line in done.stdout.splitlines():
        fields = line.strip().split("|")
        if len(fields) != 6:
            continue
        index, state, node, reason, _, job = fields
        key = int(index) if index.isdigit() else 0
        found[key] = {"state": state, "node": node, "reason": reason, "job": job}
    return found


def job_details(job_id):
    """`scontrol show job -o` as {key: value} per job record (array tasks each have one)."""
    done = _run(["scontrol", "show", "job", "-o", str(job_id)], check=False)
    records = []
    if done.returncode != 0:
        return records
    for line in done.stdout.splitlines():
        record = {}
        for item in line.split():
            key, sep, value = item.partition("=")
            if sep:
                record[key] = value
        if record:
            records.append(record)
    return records


def accounting(job_id):
    """sacct's view, {task index: {state, node, elapsed}}, or {} where accounting is off."""
    if shutil.which("sacct") is None:
        return {}
    done = _run(["sacct", "-n", "-P", "-X", "-j", str(job_id), "-o", "JobID,State,NodeList,Elapsed"],
                check=False)
    found = {}
    if done.returncode != 0:
        return found
    for line in done.stdout.splitlines():
        fields = line.split("|")
        if len(fields) != 4 or "_" not in fields[0]:
            continue
        index = fields[0].rsplit("_", 1)[1]
        if index.isdigit():
            found[int(index)] = {"state": fields[1], "node": fields[2], "elapsed": fields[3]}
    return found


def signal_batch(job_id, signal="USR1"):
    """Sends `signal` to the batch shells of the job's running tasks."""
    _run(["scancel", f"--signal={signal}", "--batch", str(job_id)], check=False)


def cancel(job_id):
    _run(["scancel", str(job_id)], check=False)


def cancel_by_name(name):
    _run(["scancel", f"--name={name}"], check=False)
