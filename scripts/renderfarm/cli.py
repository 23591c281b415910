"""render-farm's subcommands (doc/FARM.md):

  submit   turn a sequence render into a Slurm job array (and its review job)
  status   one line per frame, and the shot's ETA (--json for tools)
  cancel   checkpoint the running tasks (USR1), then cancel the job
  review   rebuild the review movie and contact sheet (run by the review job)
  restore  copy archived checkpoint sets back to scratch (run by the array tasks)

Exit codes: 0 done; 1 Slurm or a tool failed (the message names the command); 2 bad
usage (the message names the option).
"""
import argparse
import datetime
import json
import os
import re
import shutil
import sys
import time

from . import batch_script, exr_header, review, slurm, status
from .frames import FrameSpecError, parse_frames, split_into_tasks
from .layout import Layout, read_text, write_atomically
from .restore import restore_frames
from .timespec import TimeSpecError, parse_deadline, parse_duration, slurm_time_seconds, slurm_timestamp

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PROGRAM = os.path.join(REPO, "scripts", "render-farm")
MOVIE_SCRIPT = os.path.join(REPO, "scripts", "playblast-movie")

# Options the farm sets itself; given after `--` they would contradict the job.
RESERVED = {"-in": "give the scene files before --", "-out": "use render-farm's -out",
            "-frames": "use render-farm's -frames", "-sequence_report": "the farm writes one per task",
            "-sequence_deadline": "use --deadline", "-threads": "use --cpus-per-task",
            "-resume_render": "every task resumes already"}
FRAME_TOKEN = re.compile(r"#+|%0?\d*d")


class UsageError(Exception):
    pass


def _default_renderer():
    for candidate in (os.environ.get("RT_RENDERER_CMD"),
                      os.path.join(REPO, "build", "cmd", "renderer_cmd", "renderer_cmd"),
                      shutil.which("renderer_cmd")):
        if candidate and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    return ""


def _submit_parser(sub):
    p = sub.add_parser("submit", help="submit a sequence as a Slurm job array")
    p.add_argument("scene", nargs="+", help="scene files (.rdla), in order")
    p.add_argument("-frames", required=True, help="frames, renderer_cmd's syntax: 1-48, 1-48x4, 1,5,10-20")
    p.add_argument("-out", required=True, help="output with a frame token: /shared/shot.####.exr")
    p.add_argument("--frames-per-task", type=int, default=4, help="frames per array task (default 4)")
    p.add_argument("--time", default="1:00:00", help="each task's Slurm time limit (default 1:00:00)")
    p.add_argument("--warning", type=int, default=120,
                   help="seconds of warning (USR1) before the limit (default 120; Slurm may send it up to a minute earlier)")
    p.add_argument("--cpus-per-task", type=int, default=4, help="CPUs per task, also the render threads (default 4)")
    p.add_argument("--partition", default="", help="Slurm partition")
    p.add_argument("--deadline", default="", help="HH:MM (next occurrence) or a duration (8h): Slurm's --deadline and the renderer's -sequence_deadline")
    p.add_argument("--archive", default="", help="shared folder: every complete checkpoint set is copied there; restarts restore from it")
    p.add_argument("--scratch", default="/tmp/render-farm", help="node-local folder for checkpoints (default /tmp/render-farm)")
    p.add_argument("--name", default="", help="shot name (default: the first scene file's name)")
    p.add_argument("--renderer", default="", help="renderer_cmd to run (default: $RT_RENDERER_CMD, this checkout's build, PATH)")
    p.add_argument("--max-crash-restarts", type=int, default=3, help="requeues after the renderer died of a signal (default 3)")
    p.add_argument("--review-every", default="10m", help="rebuild the review movie at most this often (default 10m)")
    p.add_argument("--no-review", action="store_true", help="no review job")
    p.add_argument("--hold", action="store_true", help="submit held: `scontrol release JOBID` starts it")
    p.add_argument("--dry-run", action="store_true", help="write the scripts, submit nothing")
    return p


def _check_render_options(options):
    for option in options:
        if option in RESERVED:
            raise UsageError(f"'{option}' after --: {RESERVED[option]}")
    return options


def cmd_submit(args):
    try:
        frames = parse_frames(args.frames)
        tasks = split_into_tasks(frames, args.frames_per_task)
    except FrameSpecError as error:
        raise UsageError(f"option '-frames' / '--frames-per-task': {error}")
    if len(frames) > 1 and not FRAME_TOKEN.search(os.path.basename(args.out)):
        raise UsageError(f"option '-out': '{args.out}' has no frame token (#### or %04d)")
    try:
        limit_seconds = slurm_time_seconds(args.time)
        review_every = parse_duration(args.review_every)
    except TimeSpecError as error:
        raise UsageError(f"option '--time' / '--review-every': {error}")
    if 2 * args.warning > limit_seconds:
        # Slurm may warn up to a minute early: a warning near the limit would arrive at
        # every start, and the task would requeue forever without rendering.
        raise UsageError(f"option '--warning': {args.warning} s is more than half of the time "
                         f"limit ({limit_seconds} s)")
    if args.warning < 1 or args.cpus_per_task < 1 or args.max_crash_restarts < 0:
        raise UsageError("options '--warning' and '--cpus-per-task' must be >= 1, "
                         "'--max-crash-restarts' >= 0")
    scenes = [os.path.abspath(s) for s in args.scene]
    for scene in scenes:
        if not os.path.isfile(scene):
            raise UsageError(f"scene file '{scene}' does not exist")
    renderer = os.path.abspath(args.renderer) if args.renderer else _default_renderer()
    if not renderer or not os.access(renderer, os.X_OK):
        raise UsageError("option '--renderer': no renderer_cmd found (build it with make build, "
                         "or give --renderer PATH)")
    if args.archive and not os.path.isdir(args.archive):
        raise UsageError(f"option '--archive': '{args.archive}' is not a folder")
    options = _check_render_options(args.render_options)
    shot = args.name or os.path.splitext(os.path.basename(scenes[0]))[0]
    if not re.match(r"^[\w.-]+$", shot):
        raise UsageError(f"option '--name': '{shot}' must be letters, digits, '.', '_' or '-'")

    deadline_epoch, slurm_deadline = 0, ""
    if args.deadline:
        try:
            at = parse_deadline(args.deadline, datetime.datetime.now().astimezone())
        except TimeSpecError as error:
            raise UsageError(f"option '--deadline': {error}")
        deadline_epoch, slurm_deadline = int(at.timestamp()), slurm_timestamp(at)

    out = os.path.abspath(args.out)
    layout = Layout.for_shot(out, shot)
    layout.create()
    if os.path.exists(layout.cancel_marker):
        os.remove(layout.cancel_marker)  # a new submission of a cancelled shot runs
    spec = batch_script.JobSpec(
        shot=shot, scene=scenes, out=out, tasks=tasks, time_limit=args.time,
        warning_seconds=args.warning, cpus_per_task=args.cpus_per_task, farm_dir=layout.root,
        scratch_root=os.path.join(args.scratch, shot), renderer=renderer, render_farm=PROGRAM,
        lua_dir=os.path.join(REPO, "lua"), archive=os.path.abspath(args.archive) if args.archive else "",
        partition=args.partition, deadline_epoch=deadline_epoch, slurm_deadline=slurm_deadline,
        max_crash_restarts=args.max_crash_restarts, render_options=options)
    write_atomically(layout.job_script, batch_script.job_script(spec), 0o755)
    write_atomically(layout.review_script, batch_script.review_script(spec, int(review_every)), 0o755)
    job = {"shot": shot, "scene": scenes, "out": out, "frames": frames, "tasks": tasks,
           "archive": spec.archive, "scratch": spec.scratch_root, "deadline": slurm_deadline,
           "review_every_seconds": int(review_every), "review": not args.no_review,
           "submitted": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
           "job_id": None}
    if args.dry_run:
        layout.save_job(job)
        print(f"dry run: wrote {layout.job_script}")
        return 0
    job["job_id"] = slurm.submit(layout.job_script, ["--hold"] if args.hold else [])
    layout.save_job(job)
    if not args.no_review:
        submit_review(layout, int(review_every))
    print(job["job_id"])
    print(f"render-farm: shot {shot}: {len(frames)} frames in {len(tasks)} tasks, job {job['job_id']}; "
          f"batch script {layout.job_script}", file=sys.stderr)
    return 0


def submit_review(layout, every):
    review_id = slurm.submit(layout.review_script, [f"--begin=now+{every}"])
    write_atomically(layout.path("review", "job_id"), review_id + "\n")
    return review_id


def _layout_of(target):
    """A farm folder, or a job id whose batch script (job.sh) is in one."""
    if os.path.isdir(target):
        layout = Layout(target)
    else:
        if not target.isdigit():
            raise UsageError(f"'{target}' is neither a farm folder nor a job id")
        records = slurm.job_details(target)
        command = next((r.get("Command") for r in records if r.get("Command")), "")
        if not command:
            raise UsageError(f"Slurm does not know job {target} any more: give its farm folder "
                             "(<output folder>/<shot>.farm)")
        layout = Layout(os.path.dirname(command))
    if not os.path.isfile(layout.job_json):
        raise UsageError(f"'{layout.root}' holds no job.json: not a render-farm folder")
    return layout


def cmd_status(args):
    layout = _layout_of(args.target)
    shot = status.collect(layout)
    print(json.dumps(shot, indent=2) if args.json else status.format_table(shot))
    return 0


def cmd_cancel(args):
    layout = _layout_of(args.target)
    job = layout.load_job()
    write_atomically(layout.cancel_marker, "cancelled at " + time.strftime("%Y-%m-%dT%H:%M:%S") + "\n")
    if not job.get("job_id"):
        return 0
    slurm.signal_batch(job["job_id"], "USR1")  # running tasks checkpoint their frame
    deadline = time.time() + args.wait
    while time.time() < deadline:
        if not any(t["state"] in ("RUNNING", "COMPLETING") for t in slurm.tasks(job["job_id"]).values()):
            break
        time.sleep(1)
    slurm.cancel(job["job_id"])
    review_id = read_text(layout.path("review", "job_id"), "").strip()
    if review_id:
        slurm.cancel(review_id)
    print(f"render-farm: cancelled job {job['job_id']}; running tasks checkpointed first", file=sys.stderr)
    return 0


def cmd_review(args):
    layout = _layout_of(args.target)
    job = layout.load_job()
    in_queue = bool(job.get("job_id") and slurm.tasks(job["job_id"]))
    try:
        review.build(layout, MOVIE_SCRIPT, force=args.force)
    finally:
        # A failed build (ffmpeg, the file server) must not end the night's reviews.
        if args.resubmit and in_queue and not os.path.exists(layout.cancel_marker):
            submit_review(layout, job.get("review_every_seconds", 600))
        elif args.resubmit and not in_queue:
            print("review: the shot's job has left the queue: this was the last build")
    return 0


def cmd_restore(args):
    try:
        frames = parse_frames(args.frames)
    except FrameSpecError as error:
        raise UsageError(f"option '--frames': {error}")
    restore_frames(os.path.abspath(args.archive), frames)
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(prog="render-farm", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    _submit_parser(sub)
    p = sub.add_parser("status", help="one line per frame, and the shot's ETA")
    p.add_argument("target", help="job id or farm folder")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("cancel", help="checkpoint running tasks, then cancel")
    p.add_argument("target", help="job id or farm folder")
    p.add_argument("--wait", type=float, default=120, help="seconds to wait for the checkpoints (default 120)")
    p = sub.add_parser("review", help="rebuild the review movie and contact sheet")
    p.add_argument("target", help="job id or farm folder")
    p.add_argument("--force", action="store_true", help="rebuild even if nothing refined")
    p.add_argument("--resubmit", action="store_true", help="as the review job: submit the next run while the shot renders")
    p = sub.add_parser("restore", help="copy archived checkpoint sets back (array tasks run this)")
    p.add_argument("--archive", required=True)
    p.add_argument("--frames", required=True)
    argv = list(sys.argv[1:] if argv is None else argv)
    # Everything after the first `--` is renderer_cmd's (its options start with '-').
    render_options = []
    if "--" in argv:
        render_options = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    args = parser.parse_args(argv)
    args.render_options = render_options
    if render_options and args.command != "submit":
        parser.error("only submit takes renderer_cmd options after --")
    commands = {"submit": cmd_submit, "status": cmd_status, "cancel": cmd_cancel,
                "review": cmd_review, "restore": cmd_restore}
    try:
        return commands[args.command](args)
    except UsageError as error:
        print(f"render-farm {args.command}: {error}", file=sys.stderr)
        return 2
    except (slurm.SlurmError, review.ReviewError, exr_header.HeaderError, OSError, ValueError) as error:
        print(f"render-farm {args.command}: {error}", file=sys.stderr)
        return 1
