"""The shot's farm folder, next to its outputs: what every part of render-farm reads and
writes, in one place.

    <out dir>/<shot>.farm/
        job.sh               the array job's batch script (plain bash, read it)
        review.sh            the review job's batch script
        job.json             the submission: frames, tasks, paths, job ids
        reports/task_N.json  renderer_cmd -sequence_report of array task N
        runs/task_N.jsonl    one line per start and end of task N (host, restart, exit)
        logs/                Slurm's output of every task and of the review job
        playblast/           a JPEG per frame, kept up to date by lua/playblast.lua
        review/              <shot>.mp4 and <shot>.contact.jpg, rebuilt by the review job
        cancel               present once `render-farm cancel` ran: nothing requeues
"""
import json
import os


class Layout:
    def __init__(self, farm_dir):
        self.root = os.path.abspath(farm_dir)

    @staticmethod
    def for_shot(out_pattern, shot):
        return Layout(os.path.join(os.path.dirname(os.path.abspath(out_pattern)), shot + ".farm"))

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    @property
    def job_script(self):
        return self.path("job.sh")

    @property
    def review_script(self):
        return self.path("review.sh")

    @property
    def job_json(self):
        return self.path("job.json")

    @property
    def cancel_marker(self):
        return self.path("cancel")

    @property
    def playblast_dir(self):
        return self.path("playblast")

    @property
    def review_dir(self):
        return self.path("review")

    def report(self, task):
        return self.path("reports", f"task_{task}.json")

    def runs(self, task):
        return self.path("runs", f"task_{task}.jsonl")

    def create(self):
        for sub in ("reports", "runs", "logs", "playblast", "review"):
            os.makedirs(self.path(sub), exist_ok=True)

    def load_job(self):
        with open(self.job_json) as f:
            return json.load(f)

    def save_job(self, job):
        write_atomically(self.job_json, json.dumps(job, indent=2) + "\n")


def write_atomically(path, text, mode=None):
    """Writes through <path>.part, fsync and rename: readers never see half a file."""
    temp = path + ".part"
    with open(temp, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    if mode is not None:
        os.chmod(temp, mode)
    os.replace(temp, path)


def read_text(path, default=None):
    """The text in `path`, or `default` when it cannot be read."""
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return default


def read_json(path, default=None):
    """The JSON in `path`, or `default` when it is missing or not (yet) valid."""
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return default


def read_json_lines(path):
    records = []
    try:
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line:
                    try:
                        records.append(json.loads(line))
                    except ValueError:
                        pass  # a line cut by a node's crash
    except OSError:
        pass
    return records
