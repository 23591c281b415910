"""End-to-end farm tests on a real, private Slurm (scripts/slurm-local), doc/FARM.md.

Three shots render side by side on one node, each on 1 CPU, while the tests interfere:
  preempt    4 frames in one task; USR1 to its batch shell mid-frame (scancel --signal=USR1
             --batch), as Slurm's preemption warning: checkpoint, exit 4, requeue, resume.
             Also the status during and after, and the review movie.
  timelimit  2 frames in one task with a 1-minute limit: Slurm's own warning before the
             limit does the same.
  cancel     2 frames; `render-farm cancel` mid-frame: checkpoint (USR1), no requeue.
  deadline   1 frame with --deadline 2h: Slurm's --deadline and -sequence_deadline.
  killed     2 frames; the renderer is killed with SIGKILL mid-frame and the task's scratch
             folder deleted: the task requeues and resumes from the archive.
Every frame must end bit-identical (idiff, every channel) to an uninterrupted render made
by renderer_cmd directly. A cluster that does not start fails the tests with the reason.

Requeued jobs wait ~120 s before Slurm starts them again (it holds their begin time); the
tests release them after 5 s with `scontrol update JobId=N StartTime=now`.

Environment: RENDERER_CMD (renderer_cmd to test), RT_SOURCE_DIR (the checkout).
"""
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest

SOURCE = os.environ.get("RT_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
RENDERER = os.environ.get("RENDERER_CMD", os.path.join(SOURCE, "build", "cmd", "renderer_cmd",
                                                       "renderer_cmd"))
FARM = os.path.join(SOURCE, "scripts", "render-farm")
SLURM_LOCAL = os.path.join(SOURCE, "scripts", "slurm-local")
SCENE = os.path.join(SOURCE, "rdl_scenes", "animated_shot.rdla")

sys.path.insert(0, os.path.join(SOURCE, "scripts"))
from renderfarm.layout import read_json, read_json_lines as read_lines, read_text  # noqa: E402

# What each shot renders: small images, many samples, so that a frame takes seconds. The
# time-limit shot starts at once (it needs a minute, and nothing from the test); the others
# are submitted held and released by their test, which then interferes at the right moment.
SHOTS = {
    "preempt": {"frames": "1-4", "size": ("64", "36"), "pixel_samples": "40", "time": "10",
                "warning": "60", "review_every": "10s", "hold": True},
    # Long enough (about a minute of sampling on one busy core) that Slurm's warning, which
    # comes 20-40 s into a 1-minute limit, always finds it rendering.
    "timelimit": {"frames": "5-7", "size": ("128", "72"), "pixel_samples": "56", "time": "1",
                  "warning": "20", "review_every": "10m", "hold": False},
    "killed": {"frames": "7-8", "size": ("64", "36"), "pixel_samples": "48", "time": "10",
               "warning": "60", "review_every": "10m", "hold": True},
    "cancel": {"frames": "9-10", "size": ("64", "36"), "pixel_samples": "48", "time": "10",
               "warning": "60", "review_every": "10m", "hold": True},
    "deadline": {"frames": "1", "size": ("16", "9"), "pixel_samples": "2", "time": "10",
                 "warning": "60", "review_every": "10m", "hold": False, "deadline": "2h"},
}


def render_options(shot):
    s = SHOTS[shot]
    return ["-size", *s["size"], "-scene_var", "pixel_samples", s["pixel_samples"]]


def wait_until(what, predicate, timeout, poll=0.5):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(poll)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Cluster:
    """scripts/slurm-local in a scratch folder, and a thread that releases requeued tasks."""

    def __init__(self, root):
        self.dir = os.path.join(root, "slurm")
        self.env = dict(os.environ, SLURM_CONF=os.path.join(self.dir, "slurm.conf"),
                        RT_SLURM_PORT=str(20000 + os.getpid() % 20000), RT_SLURM_CPUS="4")
        self._stop = threading.Event()
        self._releaser = threading.Thread(target=self._release_loop, daemon=True)

    def up(self):
        done = subprocess.run([SLURM_LOCAL, "up", self.dir], env=self.env, capture_output=True,
                              text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError("the private Slurm cluster did not start (scripts/slurm-local up):\n"
                               + done.stdout + done.stderr)
        self._releaser.start()

    def down(self):
        self._stop.set()
        subprocess.run([SLURM_LOCAL, "down", self.dir], env=self.env, capture_output=True, timeout=120)

    def run(self, *args, check=True):
        done = subprocess.run(list(args), env=self.env, capture_output=True, text=True, timeout=60)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(args)}: exit {done.returncode}\n{done.stdout}{done.stderr}")
        return done

    # Released at once, a requeued task can be started before its previous run is cleaned
    # up, and Slurm then kills it ("Killing non-startable batch job: Job credential
    # revoked", seen on 22.05 with a 0.5 s release): wait a few seconds first.
    RELEASE_AFTER_SECONDS = 5.0

    def _release_loop(self):
        pending_since = {}
        while not self._stop.wait(1.0):
            done = subprocess.run(["squeue", "-h", "-t", "PD", "-o", "%i|%j|%r"], env=self.env,
                                  capture_output=True, text=True)
            waiting = set()
            for line in done.stdout.splitlines():
                job, name, reason = (line.split("|") + ["", "", ""])[:3]
                if reason != "BeginTime" or name.endswith("-review"):
                    continue
                waiting.add(job)
                since = pending_since.setdefault(job, time.time())
                if time.time() - since >= self.RELEASE_AFTER_SECONDS:
                    subprocess.run(["scontrol", "update", f"JobId={job}", "StartTime=now"],
                                   env=self.env, capture_output=True)
            pending_since = {job: t for job, t in pending_since.items() if job in waiting}


class FarmTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.root = tempfile.mkdtemp(prefix="rt-farm-")
        cls.cluster = Cluster(cls.root)
        try:
            cls.cluster.up()
        except Exception:
            cls.cluster.down()
            raise
        cls.archives = {shot: os.path.join(cls.root, "archive", shot) for shot in SHOTS}
        for archive in cls.archives.values():
            os.makedirs(archive)
        cls.references = {}
        cls.jobs = {}
        for shot, s in SHOTS.items():
            out_dir = os.path.join(cls.root, shot)
            os.makedirs(out_dir)
            submitted = cls.cluster.run(
                FARM, "submit", SCENE, "-frames", s["frames"], "-out",
                os.path.join(out_dir, "shot.####.exr"), "--name", shot, "--frames-per-task", "4",
                "--time", s["time"], "--warning", s["warning"], "--cpus-per-task", "1",
                "--archive", cls.archives[shot], "--scratch", os.path.join(cls.root, "scratch"),
                "--review-every", s["review_every"], "--renderer", RENDERER,
                *(["--hold"] if s["hold"] else []),
                *(["--deadline", s["deadline"]] if "deadline" in s else []),
                "--", *render_options(shot), "-checkpoint", "1")
            cls.jobs[shot] = submitted.stdout.strip().splitlines()[0]
        # The uninterrupted references, rendered by renderer_cmd directly meanwhile.
        for shot, s in SHOTS.items():
            ref_dir = os.path.join(cls.root, "reference", shot)
            os.makedirs(ref_dir)
            cls.references[shot] = subprocess.Popen(
                [RENDERER, "-in", SCENE, "-frames", s["frames"], "-out", "ref.####.exr",
                 "-threads", "1", *render_options(shot)],
                cwd=ref_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    @classmethod
    def tearDownClass(cls):
        for process in cls.references.values():
            if process.poll() is None:
                process.kill()
        cls.cluster.down()
        if not os.environ.get("RT_KEEP_FARM_TEST"):
            shutil.rmtree(cls.root, ignore_errors=True)

    # --- helpers -----------------------------------------------------------------------
    def farm_dir(self, shot):
        return os.path.join(self.root, shot, shot + ".farm")

    def report(self, shot):
        frames = (read_json(os.path.join(self.farm_dir(shot), "reports", "task_0.json"), {}) or {})
        return {f["frame"]: f for f in frames.get("frames", [])}

    def runs(self, shot):
        return read_lines(os.path.join(self.farm_dir(shot), "runs", "task_0.jsonl"))

    def status(self, shot):
        done = self.cluster.run(FARM, "status", self.jobs[shot], "--json")
        return json.loads(done.stdout)

    def release(self, shot):
        self.cluster.run("scontrol", "release", self.jobs[shot])

    def wait_done(self, shot, timeout):
        wait_until(f"shot {shot} to finish",
                   lambda: any(r["event"] == "done" for r in self.runs(shot)), timeout)

    def assert_identical_to_reference(self, shot):
        code = self.references[shot].wait(timeout=300)
        self.assertEqual(code, 0, f"the reference render of {shot} failed")
        frames = self.report(shot)
        for frame in frames:
            farm = os.path.join(self.root, shot, f"shot.{frame:04d}.exr")
            ref = os.path.join(self.root, "reference", shot, f"ref.{frame:04d}.exr")
            done = subprocess.run(["idiff", "-fail", "0", "-warn", "0", farm, ref],
                                  capture_output=True, text=True)
            self.assertEqual(done.returncode, 0, f"{shot} frame {frame} differs from the "
                             f"uninterrupted render:\n{done.stdout}")

    def task_log(self, shot):
        with open(os.path.join(self.farm_dir(shot), "logs", "task_0.log")) as f:
            return f.read()

    # --- the tests ---------------------------------------------------------------------
    def test_preempted_task_requeues_resumes_identically_with_status_and_review(self):
        shot = "preempt"
        self.release(shot)
        # Mid-frame: frame 2 is rendering and has a checkpoint on disk.
        wait_until("frame 2 of the preempt shot to render",
                   lambda: self.report(shot).get(2, {}).get("state") == "rendering" and
                   glob.glob(os.path.join(self.archives[shot], "frame.0002", "serial.*[0-9]")), 120)
        task_job = self.runs(shot)[-1]["job"]
        self.cluster.run("scancel", "--signal=USR1", "--batch", task_job)
        requeued = wait_until("the preempted task to requeue itself",
                              lambda: [r for r in self.runs(shot) if r["event"] == "requeue-warning"], 60)
        self.assertEqual(requeued[0]["exit"], 4, "the renderer should checkpoint and exit 4")
        # Frames before the one stopped are final; the stopped one holds its samples (it is
        # frame 2 unless frame 2 ended between the check above and the signal).
        during = self.status(shot)["frames"]
        stopped = next(i for i, f in enumerate(during) if f["state"] != "final")
        self.assertGreaterEqual(stopped, 1, during)
        self.assertIn(during[stopped]["state"], ("interrupted", "requeued", "rendering"), during)
        self.assertGreater(during[stopped]["spp"], 0)
        self.assertTrue(all(f["state"] in ("pending", "requeued", "queued", "starting")
                            for f in during[stopped + 1:]), during)

        self.wait_done(shot, 180)
        self.assert_identical_to_reference(shot)
        starts = [r for r in self.runs(shot) if r["event"] == "start"]
        self.assertEqual([r["restart"] for r in starts], [0, 1])
        self.assertIn("Resuming render", self.task_log(shot))

        after = self.status(shot)
        self.assertEqual([f["state"] for f in after["frames"]], ["final"] * 4)
        self.assertEqual([f["restarts"] for f in after["frames"]], [1] * 4)
        self.assertTrue(all(f["node"] for f in after["frames"]))
        self.assertEqual(after["eta_seconds"], 0.0)
        table = self.cluster.run(FARM, "status", self.farm_dir(shot)).stdout
        self.assertEqual(table.count(" final "), 4, table)
        self.assertIn("shot ETA 0s", table)

        # The review job's last build, after the array left the queue: one movie frame
        # per shot frame, each labelled final.
        movie = os.path.join(self.farm_dir(shot), "review", "preempt.mp4")
        labels = os.path.join(self.farm_dir(shot), "review", "labelled")

        def final_movie():
            stamps = glob.glob(os.path.join(labels, "*.label"))
            texts = [read_text(p) for p in stamps]
            return os.path.exists(movie) and len(texts) == 4 and all("final" in t for t in texts) \
                and os.path.getmtime(movie) >= max(os.path.getmtime(p) for p in stamps)
        wait_until("the review movie of the final frames", final_movie, 90)
        probe = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                                "-show_entries", "stream=nb_read_frames,codec_name", "-of", "json", movie],
                               capture_output=True, text=True)
        stream = json.loads(probe.stdout)["streams"][0]
        self.assertEqual(stream["codec_name"], "h264")
        self.assertEqual(int(stream["nb_read_frames"]), 4)
        self.assertTrue(os.path.getsize(os.path.join(self.farm_dir(shot), "review",
                                                     "preempt.contact.jpg")) > 0)

    def test_time_limit_warning_requeues_and_resumes_identically(self):
        shot = "timelimit"
        self.wait_done(shot, 240)
        events = [r["event"] for r in self.runs(shot)]
        self.assertIn("requeue-warning", events, "Slurm's warning before the 1-minute limit "
                      f"should have requeued the task: {events}")
        self.assertAlmostEqual(len([e for e in events if e == "start"]), 1 + events.count("requeue-warning"))
        self.assert_identical_to_reference(shot)

    def test_killed_task_with_lost_scratch_resumes_from_the_archive(self):
        shot = "killed"
        self.release(shot)
        wait_until("frame 8 of the killed shot to render with an archived set",
                   lambda: self.report(shot).get(8, {}).get("state") == "rendering" and
                   glob.glob(os.path.join(self.archives[shot], "frame.0008", "serial.*[0-9]")), 150)
        pids = subprocess.run(["pgrep", "-f", f"{self.root}/killed/shot.####.exr"],
                              capture_output=True, text=True).stdout.split()
        renderer = [p for p in pids if os.path.basename(os.readlink(f"/proc/{p}/exe")) == "renderer_cmd"]
        self.assertEqual(len(renderer), 1, f"one renderer of the killed shot: {pids}")
        os.kill(int(renderer[0]), signal.SIGKILL)
        shutil.rmtree(os.path.join(self.root, "scratch", shot))
        crash = wait_until("the killed task to requeue",
                           lambda: [r for r in self.runs(shot) if r["event"] == "requeue-crash"], 60)
        self.assertEqual(crash[0]["exit"], 137)
        self.wait_done(shot, 180)
        log = self.task_log(shot)
        self.assertRegex(log, r"restore: frame 0008: restored serial \d+ from")
        self.assertRegex(log, r"Resuming render \w+ from 'animated_shot_checkpoint.0008.exr'")
        self.assert_identical_to_reference(shot)


    def test_cancel_checkpoints_the_running_task_and_does_not_requeue(self):
        shot = "cancel"
        self.release(shot)
        wait_until("frame 9 of the cancel shot to render with a checkpoint",
                   lambda: self.report(shot).get(9, {}).get("state") == "rendering" and
                   glob.glob(os.path.join(self.archives[shot], "frame.0009", "serial.*[0-9]")), 150)
        self.cluster.run(FARM, "cancel", self.jobs[shot], "--wait", "60")
        events = [(r["event"], r["exit"]) for r in self.runs(shot)]
        self.assertEqual(events[-1], ("cancelled", 4), events)
        self.assertFalse(any(e.startswith("requeue") for e, _ in events), events)
        self.assertEqual(self.report(shot)[9]["state"], "interrupted")
        self.assertEqual(self.report(shot)[10]["state"], "pending")
        wait_until("the cancelled job to leave the queue", lambda: not self.cluster.run(
            "squeue", "-h", "-j", self.jobs[shot], check=False).stdout.strip(), 30)
        table = self.cluster.run(FARM, "status", self.farm_dir(shot)).stdout
        self.assertIn("cancelled", table)

    def test_deadline_reaches_slurm_and_the_renderer(self):
        shot = "deadline"
        details = self.cluster.run("scontrol", "show", "job", self.jobs[shot]).stdout
        self.assertRegex(details, r"Deadline=\d{4}-\d\d-\d\dT\d\d:\d\d")
        self.wait_done(shot, 120)
        self.assertRegex(self.task_log(shot), r"Deadline in \d+ s")


if __name__ == "__main__":
    unittest.main()
