"""The array job's batch script: plain bash that a farm engineer can read, written next to
the outputs by `render-farm submit`. Only the #SBATCH lines and the two scontrol calls are
Slurm's; the rest runs under any manager that sets a task index (doc/FARM.md).
"""
import shlex
from dataclasses import dataclass, field

from .frames import format_frames


@dataclass
class JobSpec:
    shot: str
    scene: list                # scene files (absolute)
    out: str                   # -out pattern with a frame token (absolute)
    tasks: list                # frames of each array task
    time_limit: str            # Slurm --time
    warning_seconds: int       # --signal=B:USR1@N
    cpus_per_task: int
    farm_dir: str
    scratch_root: str          # node-local folder; a task works in <scratch_root>/task_N
    renderer: str              # renderer_cmd (absolute)
    render_farm: str           # this program (absolute), for `restore`
    lua_dir: str               # the shipped hooks (archive.lua, playblast.lua, chain.lua)
    archive: str = ""          # shared folder for checkpoint sets; empty = none
    partition: str = ""
    deadline_epoch: int = 0    # 0 = no deadline
    slurm_deadline: str = ""   # the same deadline in Slurm's --deadline form
    max_crash_restarts: int = 3
    render_options: list = field(default_factory=list)


def _q(value):
    return shlex.quote(str(value))


def _bash_array(values):
    return "(" + " ".join(_q(v) for v in values) + ")"


def job_script(spec):
    header = [
        "#!/bin/bash",
        f"# Render-farm job for shot '{spec.shot}': {sum(len(t) for t in spec.tasks)} frames in "
        f"{len(spec.tasks)} array tasks.",
        "# Written by scripts/render-farm submit (doc/FARM.md). Every start of a task renders",
        "# its frames with -resume_render, so a restart continues where the last run stopped.",
        f"#SBATCH --job-name={spec.shot}",
        f"#SBATCH --array=0-{len(spec.tasks) - 1}",
        f"#SBATCH --time={spec.time_limit}",
        "# The warning before the time limit or a preemption reaches this shell (B:), which",
        "# passes it to the renderer: checkpoint the frame in progress, exit 4, requeue.",
        f"#SBATCH --signal=B:USR1@{spec.warning_seconds}",
        "#SBATCH --requeue",
        f"#SBATCH --cpus-per-task={spec.cpus_per_task}",
        "#SBATCH --open-mode=append",
        f"#SBATCH --output={spec.farm_dir}/logs/task_%a.log",
    ]
    if spec.partition:
        header.append(f"#SBATCH --partition={spec.partition}")
    if spec.slurm_deadline:
        header.append(f"#SBATCH --deadline={spec.slurm_deadline}")

    task_frames = [format_frames(frames) for frames in spec.tasks]
    settings = f"""
set -u

SHOT={_q(spec.shot)}
FARM_DIR={_q(spec.farm_dir)}
RENDERER={_q(spec.renderer)}
RENDER_FARM={_q(spec.render_farm)}
LUA_DIR={_q(spec.lua_dir)}
SCENE_FILES={_bash_array(spec.scene)}
OUT={_q(spec.out)}
SCRATCH_ROOT={_q(spec.scratch_root)}   # node-local: checkpoints are written here
ARCHIVE={_q(spec.archive)}   # shared: a copy of every complete checkpoint set ('' = none)
DEADLINE_EPOCH={spec.deadline_epoch}   # seconds since 1970; 0 = no deadline
MAX_CRASH_RESTARTS={spec.max_crash_restarts}   # requeues after the renderer died of a signal (in all)
TASK_FRAMES={_bash_array(task_frames)}
RENDER_OPTIONS={_bash_array(spec.render_options)}
"""
    body = r"""
task=${SLURM_ARRAY_TASK_ID:-0}
frames=${TASK_FRAMES[$task]}
restart=${SLURM_RESTART_COUNT:-0}
job=${SLURM_JOB_ID:-none}
scratch=$SCRATCH_ROOT/task_$task

# One JSON line per start and end, for `render-farm status`.
record() {  # event exit-code
  printf '{"task": %d, "job": "%s", "array_job": "%s", "host": "%s", "restart": %d, "event": "%s", "exit": %s, "time": %d}\n' \
    "$task" "$job" "${SLURM_ARRAY_JOB_ID:-$job}" "$(hostname -s)" "$restart" "$1" "$2" "$(date +%s)" \
    >>"$FARM_DIR/runs/task_$task.jsonl"
}
record start null

# Stop signals are taken from here on: passed to the renderer once it runs, and before
# that remembered (the task then requeues without rendering).
stop_signal=""
renderer_pid=""
forward() { stop_signal=$1; [ -z "$renderer_pid" ] || kill -s "$1" "$renderer_pid" 2>/dev/null; }
trap 'forward USR1' USR1
trap 'forward TERM' TERM

mkdir -p "$scratch" && cd "$scratch" || { record failed 1; exit 1; }

# 1. Lost or stale scratch: copy the newest complete archived set of each frame back.
if [ -n "$ARCHIVE" ]; then
  "$RENDER_FARM" restore --archive "$ARCHIVE" --frames "$frames" || { record failed 1; exit 1; }
fi

deadline=()
if [ "$DEADLINE_EPOCH" -gt 0 ]; then
  left=$((DEADLINE_EPOCH - $(date +%s)))
  if [ "$left" -le 0 ]; then record deadline 0; exit 0; fi
  deadline=(-sequence_deadline "$left")
fi
in_files=()
for f in "${SCENE_FILES[@]}"; do in_files+=(-in "$f"); done

# 2. Render, resume on. On a stop signal the renderer checkpoints the frame in progress
#    and exits 4.
hooks=$LUA_DIR/playblast.lua
[ -z "$ARCHIVE" ] || hooks=$LUA_DIR/archive.lua:$hooks
RT_ARCHIVE_DIR=$ARCHIVE RT_ARCHIVE_LAYOUT=frame RT_PLAYBLAST_DIR=$FARM_DIR/playblast \
rc=5  # stopped before rendering: nothing new on disk
if [ -z "$stop_signal" ]; then
  # ${a[@]+"${a[@]}"}: an empty array under set -u, also in bash before 4.4.
  RT_ARCHIVE_DIR=$ARCHIVE RT_ARCHIVE_LAYOUT=frame RT_PLAYBLAST_DIR=$FARM_DIR/playblast \
  RT_PLAYBLAST_NAME=$SHOT RT_HOOK_CHAIN=$hooks \
    "$RENDERER" "${in_files[@]}" -frames "$frames" -out "$OUT" -resume_render \
    -sequence_report "$FARM_DIR/reports/task_$task.json" \
    -scene_var checkpoint_post_script "$LUA_DIR/chain.lua" \
    ${SLURM_CPUS_PER_TASK:+-threads "$SLURM_CPUS_PER_TASK"} \
    ${deadline[@]+"${deadline[@]}"} ${RENDER_OPTIONS[@]+"${RENDER_OPTIONS[@]}"} &
  renderer_pid=$!
  while :; do  # `wait` returns early when a trapped signal arrives
    wait "$renderer_pid"
    rc=$?
    kill -0 "$renderer_pid" 2>/dev/null || break
  done
  if [ "$rc" -gt 128 ] && [ -n "$stop_signal" ]; then
    # The renderer may have ended between the interrupted wait and the check: its status.
    wait "$renderer_pid"
    last=$?
    [ "$last" -eq 127 ] || rc=$last
  fi
fi

# 3. What next: done, requeue (warning signal, crash), or end with the renderer's code.
requeue() {
  record "requeue-$1" "$rc"
  scontrol requeue "$job"  # ends this script at once; the task starts again later
  exit "$rc"
}
if [ "$rc" -eq 0 ]; then record done 0; exit 0; fi
if [ -e "$FARM_DIR/cancel" ]; then record cancelled "$rc"; exit "$rc"; fi
case $rc in 2 | 3) record failed "$rc"; exit "$rc" ;; esac
if [ "$stop_signal" = USR1 ]; then requeue warning; fi
# Crashes are counted apart from the warning's requeues, which a long shot has many of.
crashes=$(grep -c '"event": "requeue-crash"' "$FARM_DIR/runs/task_$task.jsonl" 2>/dev/null)
if [ -z "$stop_signal" ] && [ "$rc" -gt 128 ] && [ "${crashes:-0}" -lt "$MAX_CRASH_RESTARTS" ]; then
  requeue crash
fi
record "${stop_signal:+stopped-}${stop_signal:-failed}" "$rc"
exit "$rc"
"""
    return "\n".join(header) + "\n" + settings + body


def review_script(spec, every_seconds):
    """The review job: rebuilds the movie and contact sheet, then submits its next run
    (--begin=now+every) while the shot's array is still in the queue."""
    return f"""#!/bin/bash
# Review job for shot '{spec.shot}', written by scripts/render-farm submit (doc/FARM.md):
# rebuilds {spec.farm_dir}/review/{spec.shot}.mp4 and {spec.shot}.contact.jpg from the newest
# playblast JPEGs, then runs again in {every_seconds} s while the shot renders.
#SBATCH --job-name={spec.shot}-review
#SBATCH --time=30:00
#SBATCH --cpus-per-task=1
#SBATCH --open-mode=append
#SBATCH --output={spec.farm_dir}/logs/review.log
{"#SBATCH --partition=" + spec.partition if spec.partition else ""}
exec {_q(spec.render_farm)} review {_q(spec.farm_dir)} --resubmit
"""
