"""`render-farm status`: one line per frame from the tasks' sequence reports, their run
records and Slurm's queue (squeue; sacct where accounting is on), plus the shot's ETA."""
import os

from . import slurm
from .layout import read_json, read_json_lines


def _frame_reports(layout, task):
    report = read_json(layout.report(task), {}) or {}
    return {entry.get("frame"): entry for entry in report.get("frames", [])}


def _task_runs(layout, task):
    runs = read_json_lines(layout.runs(task))
    starts = [r for r in runs if r.get("event") == "start"]
    last = runs[-1] if runs else {}
    return {
        "host": (starts[-1].get("host") if starts else "") or "",
        "restarts": max((r.get("restart", 0) for r in runs), default=0),
        "last_event": last.get("event", ""),
        "last_exit": last.get("exit"),
    }


def _frame_state(entry, queue_state, runs):
    """The frame's state for people: the report's, refined by what Slurm says of its task."""
    if entry is None:
        return "queued" if queue_state == "PENDING" else ("starting" if queue_state else "pending")
    state = entry.get("state", "pending")
    if state in ("final", "failed"):
        return state
    if queue_state == "PENDING":
        return "requeued" if runs["restarts"] > 0 or runs["last_event"].startswith("requeue") \
            else "queued"
    if state == "rendering" and queue_state != "RUNNING":
        return "stopped"  # the task ended in this frame without writing its report (kill -9)
    return state


def shot_eta(frames):
    """Seconds until every frame is final, assuming each frame not final needs the mean
    sampling time of the final ones and that tasks run side by side; None before the
    first frame is final."""
    finals = [f["seconds"] for f in frames if f["state"] == "final" and f["seconds"]]
    if not finals:
        return None if any(f["state"] != "final" for f in frames) else 0.0
    per_frame = sum(finals) / len(finals)
    per_task = {}
    for f in frames:
        if f["state"] in ("final", "failed"):
            continue
        per_task[f["task"]] = per_task.get(f["task"], 0.0) + max(0.0, per_frame - (f["seconds"] or 0.0))
    return max(per_task.values(), default=0.0)


def collect(layout):
    job = layout.load_job()
    queue = slurm.tasks(job["job_id"]) if job.get("job_id") else {}
    accounting = slurm.accounting(job["job_id"]) if job.get("job_id") and not queue else {}
    frames = []
    for task, task_frames in enumerate(job["tasks"]):
        reports = _frame_reports(layout, task)
        runs = _task_runs(layout, task)
        queued = queue.get(task, {})
        queue_state = queued.get("state", "")
        node = queued.get("node") or runs["host"] or accounting.get(task, {}).get("node", "")
        for frame in task_frames:
            entry = reports.get(frame)
            frames.append({
                "frame": frame,
                "task": task,
                "state": _frame_state(entry, queue_state, runs),
                "spp": entry.get("spp_mean") if entry else None,
                "error": entry.get("mean_error") if entry else None,
                "seconds": entry.get("sample_seconds") if entry else None,
                "node": node,
                "restarts": runs["restarts"],
                "slurm_state": queue_state or accounting.get(task, {}).get("state", "") or
                (runs["last_event"] and f"ended ({runs['last_event']})") or "",
                "image": entry.get("image", "") if entry else "",
            })
    counts = {}
    for f in frames:
        counts[f["state"]] = counts.get(f["state"], 0) + 1
    return {
        "shot": job["shot"],
        "job_id": job.get("job_id"),
        "farm_dir": layout.root,
        "frames": frames,
        "counts": counts,
        "eta_seconds": shot_eta(frames),
        "in_queue": bool(queue),
        "cancelled": os.path.exists(layout.cancel_marker),
    }


def _duration(seconds):
    if seconds is None:
        return "--"
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else (f"{minutes}m{secs:02d}s" if minutes else f"{secs}s")


def format_table(status):
    lines = [f"shot {status['shot']}  job {status['job_id']}  {status['farm_dir']}"]
    for f in status["frames"]:
        spp = f"{f['spp']:7.1f} spp" if f["spp"] is not None else "     -- spp"
        error = f"error {f['error']:.4g}" if f["error"] is not None else "error --"
        seconds = f"{f['seconds']:7.1f} s" if f["seconds"] is not None else "     -- s"
        lines.append(f"  frame {f['frame']:04d}  {f['state']:<11} {spp}  {error:<14} {seconds}  "
                     f"node {f['node'] or '--':<10} restarts {f['restarts']}  "
                     f"task {f['task']} {f['slurm_state']}".rstrip())
    counts = ", ".join(f"{n} {state}" for state, n in sorted(status["counts"].items()))
    queue = "in the queue" if status["in_queue"] else "not in the queue"
    cancelled = ", cancelled" if status["cancelled"] else ""
    lines.append(f"  {counts}; job {queue}{cancelled}; shot ETA {_duration(status['eta_seconds'])}")
    return "\n".join(lines)
