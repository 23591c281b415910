"""Unit tests of scripts/renderfarm without Slurm: frame lists and tasks, times, the
generated batch scripts (and job.sh run as plain bash, as another manager would), the
archive restore rules, status and its ETA, review labels. doc/FARM.md, doc/TESTING.md."""
import datetime
import json
import os
import subprocess
import sys
import tempfile
import unittest

SOURCE = os.environ.get("RT_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
sys.path.insert(0, os.path.join(SOURCE, "scripts"))
RENDERER = os.environ.get("RENDERER_CMD", os.path.join(SOURCE, "build", "cmd", "renderer_cmd",
                                                       "renderer_cmd"))
FARM = os.path.join(SOURCE, "scripts", "render-farm")

from renderfarm import batch_script, frames, restore, review, status, timespec  # noqa: E402
from renderfarm.layout import Layout  # noqa: E402


def text_of(path):
    with open(path) as f:
        return f.read()


class FramesTest(unittest.TestCase):
    def test_lists_like_renderer_cmd(self):
        self.assertEqual(frames.parse_frames("12"), [12])
        self.assertEqual(frames.parse_frames("1-5"), [1, 2, 3, 4, 5])
        self.assertEqual(frames.parse_frames("1-10x4"), [1, 5, 9])
        self.assertEqual(frames.parse_frames("1,5,10-12"), [1, 5, 10, 11, 12])
        for bad in ("", "5-1", "1-", "x", "1-10x0", "1,1", "a"):
            with self.assertRaises(frames.FrameSpecError, msg=bad):
                frames.parse_frames(bad)

    def test_tasks_and_their_spec(self):
        tasks = frames.split_into_tasks(list(range(1, 11)), 4)
        self.assertEqual(tasks, [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10]])
        self.assertEqual(frames.format_frames([1, 2, 3, 7, 9, 10]), "1-3,7,9-10")
        self.assertEqual(frames.parse_frames(frames.format_frames([4, 2, 3])), [4, 2, 3])
        with self.assertRaises(frames.FrameSpecError):
            frames.split_into_tasks([1], 0)


class TimeSpecTest(unittest.TestCase):
    def test_slurm_limits(self):
        self.assertEqual(timespec.slurm_time_seconds("30"), 1800)
        self.assertEqual(timespec.slurm_time_seconds("30:00"), 1800)
        self.assertEqual(timespec.slurm_time_seconds("2:00:00"), 7200)
        self.assertEqual(timespec.slurm_time_seconds("1-12"), 129600)
        with self.assertRaises(timespec.TimeSpecError):
            timespec.slurm_time_seconds("half an hour")

    def test_durations_and_deadlines(self):
        self.assertEqual(timespec.parse_duration("90"), 90)
        self.assertEqual(timespec.parse_duration("1h30m"), 5400)
        self.assertEqual(timespec.parse_duration("10s"), 10)
        for bad in ("", "0", "m", "-5"):
            with self.assertRaises(timespec.TimeSpecError, msg=bad):
                timespec.parse_duration(bad)
        now = datetime.datetime(2026, 12, 7, 20, 0, tzinfo=datetime.timezone.utc).astimezone()
        morning = timespec.parse_deadline("07:30", now)
        self.assertEqual((morning.hour, morning.minute), (7, 30))
        self.assertTrue(now < morning <= now + datetime.timedelta(days=1))
        self.assertEqual(timespec.parse_deadline("8h", now) - now, datetime.timedelta(hours=8))
        with self.assertRaises(timespec.TimeSpecError):
            timespec.parse_deadline("25:00", now)


def spec(tmp, **overrides):
    values = dict(shot="shot", scene=[os.path.join(SOURCE, "rdl_scenes", "animated_shot.rdla")],
                  out=os.path.join(tmp, "shot.####.exr"), tasks=[[1, 2], [3]], time_limit="30:00",
                  warning_seconds=120, cpus_per_task=2, farm_dir=os.path.join(tmp, "shot.farm"),
                  scratch_root=os.path.join(tmp, "scratch"), renderer=RENDERER, render_farm=FARM,
                  lua_dir=os.path.join(SOURCE, "lua"), render_options=["-size", "32", "18"])
    values.update(overrides)
    return batch_script.JobSpec(**values)


class BatchScriptTest(unittest.TestCase):
    def test_asks_slurm_for_the_warning_and_requeue_and_is_valid_bash(self):
        with tempfile.TemporaryDirectory() as tmp:
            text = batch_script.job_script(spec(tmp, partition="night",
                                                slurm_deadline="2026-12-08T07:30:00"))
            for line in ("#SBATCH --array=0-1", "#SBATCH --time=30:00", "#SBATCH --signal=B:USR1@120",
                         "#SBATCH --requeue", "#SBATCH --cpus-per-task=2", "#SBATCH --partition=night",
                         "#SBATCH --deadline=2026-12-08T07:30:00", "TASK_FRAMES=(1-2 3)",
                         "-resume_render", "scontrol requeue"):
                self.assertIn(line, text)
            path = os.path.join(tmp, "job.sh")
            with open(path, "w") as f:
                f.write(text)
            self.assertEqual(subprocess.run(["bash", "-n", path]).returncode, 0)
            review_text = batch_script.review_script(spec(tmp), 600)
            self.assertIn("--job-name=shot-review", review_text)
            self.assertIn("review", review_text.splitlines()[-1])

    def run_job(self, tmp, **overrides):
        """job.sh run as plain bash (no Slurm): task 0 of the shot."""
        job_spec = spec(tmp, **overrides)
        layout = Layout(job_spec.farm_dir)
        layout.create()
        path = layout.job_script
        with open(path, "w") as f:
            f.write(batch_script.job_script(job_spec))
        env = {k: v for k, v in os.environ.items() if not k.startswith("SLURM_")}
        done = subprocess.run(["bash", path], env=env, capture_output=True, text=True, timeout=120)
        runs = [json.loads(line) for line in text_of(layout.runs(0)).splitlines()]
        return done, runs, layout

    def test_runs_without_slurm_and_records_its_runs(self):
        with tempfile.TemporaryDirectory() as tmp:
            done, runs, layout = self.run_job(tmp, render_options=["-size", "16", "9", "-scene_var",
                                                                   "pixel_samples", "1"])
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual([r["event"] for r in runs], ["start", "done"])
            self.assertTrue(os.path.exists(os.path.join(tmp, "shot.0001.exr")))
            self.assertTrue(os.path.exists(os.path.join(tmp, "shot.0002.exr")))
            report = json.loads(text_of(layout.report(0)))
            self.assertEqual([f["state"] for f in report["frames"]], ["final", "final"])
            self.assertTrue(os.path.exists(os.path.join(layout.playblast_dir, "shot.0001.jpg")))

    def test_a_deadline_passed_renders_nothing_and_a_near_one_reaches_the_renderer(self):
        with tempfile.TemporaryDirectory() as tmp:
            done, runs, _ = self.run_job(tmp, deadline_epoch=1000)
            self.assertEqual(done.returncode, 0)
            self.assertEqual([r["event"] for r in runs], ["start", "deadline"])
            self.assertFalse(os.path.exists(os.path.join(tmp, "shot.0001.exr")))
        with tempfile.TemporaryDirectory() as tmp:
            import time
            done, runs, _ = self.run_job(tmp, deadline_epoch=int(time.time()) + 30,
                                         render_options=["-size", "16", "9", "-scene_var",
                                                         "pixel_samples", "1"])
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertRegex(done.stderr, r"[Dd]eadline")
            self.assertEqual(runs[-1]["event"], "done")

    def test_a_scene_error_is_not_requeued(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = os.path.join(tmp, "bad.rdla")
            with open(bad, "w") as f:
                f.write("SceneVariables { [\"image_width\"] = 'wide' }\n")
            done, runs, _ = self.run_job(tmp, scene=[bad])
            self.assertEqual(done.returncode, 2)
            self.assertEqual([r["event"] for r in runs], ["start", "failed"])


class RestoreTest(unittest.TestCase):
    def archive_set(self, archive, frame, serial, render_id="r1", complete=True):
        folder = os.path.join(restore.frame_folder(archive, frame), f"serial.{serial:06d}")
        os.makedirs(folder)
        with open(os.path.join(folder, "cp.exr"), "w") as f:
            f.write(f"{render_id}:{serial}")
        if complete:
            with open(os.path.join(folder, "manifest.txt"), "w") as f:
                f.write(f"render_id = {render_id}\nserial = {serial}\nfile = cp.exr\nsource = local/cp.exr\n")

    @staticmethod
    def identity(path):
        render_id, _, serial = text_of(path).partition(":")
        return render_id, int(serial)

    def test_restores_the_newest_complete_set_when_local_is_missing_older_or_mixed(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.addCleanup(os.chdir, os.getcwd())
            os.chdir(tmp)
            archive = os.path.join(tmp, "archive")
            self.archive_set(archive, 12, 3)
            self.archive_set(archive, 12, 5)
            self.archive_set(archive, 12, 6, complete=False)  # being copied: never used
            log = []
            self.assertEqual(restore.restore_frames(archive, [12, 13], log.append, self.identity), [12])
            self.assertEqual(text_of("local/cp.exr"), "r1:5")
            self.assertIn("frame 0013: nothing archived", log[1])
            self.assertIn("restored serial 5", log[0])
            self.assertIn("missing", log[0])
            # Now current: left alone. Newer local (the archive lags): left alone.
            self.assertEqual(restore.restore_frames(archive, [12], log.append, self.identity), [])
            with open("local/cp.exr", "w") as f:
                f.write("r1:9")
            self.assertEqual(restore.restore_frames(archive, [12], log.append, self.identity), [])
            # Older local, or of another render: the archive's copy.
            with open("local/cp.exr", "w") as f:
                f.write("r1:2")
            self.assertEqual(restore.restore_frames(archive, [12], log.append, self.identity), [12])
            self.assertIn("serial 2, the archive's 5", log[-1])
            with open("local/cp.exr", "w") as f:
                f.write("r0:9")
            archived = os.path.join(restore.frame_folder(archive, 12), "serial.000005", "manifest.txt")
            os.utime("local/cp.exr", (1000, 1000))  # written before the archived set
            self.assertEqual(restore.restore_frames(archive, [12], log.append, self.identity), [12])
            self.assertEqual(os.listdir("local"), ["cp.exr"])  # no .part left
            # Another render written after the archived set (the frame started afresh): kept.
            with open("local/cp.exr", "w") as f:
                f.write("r2:1")
            os.utime(archived, (1000, 1000))
            self.assertEqual(restore.restore_frames(archive, [12], log.append, self.identity), [])
            self.assertEqual(text_of("local/cp.exr"), "r2:1")

    def test_a_set_with_a_file_missing_is_not_complete(self):
        with tempfile.TemporaryDirectory() as tmp:
            archive = os.path.join(tmp, "archive")
            self.archive_set(archive, 1, 4)
            self.archive_set(archive, 1, 7)
            os.remove(os.path.join(restore.frame_folder(archive, 1), "serial.000007", "cp.exr"))
            folder, manifest = restore.newest_complete_set(archive, 1)
            self.assertEqual(manifest["serial"], "4")


class CheckpointIdentityTest(unittest.TestCase):
    def test_state_file_header_as_documented(self):
        # doc/RESUME.md "The state file", written here by hand.
        import struct
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "cp.resume")
            with open(path, "wb") as f:
                f.write(struct.pack("<8sIIIIIiI", b"RTRESUME", 2, 64, 32, 64, 1, 7, 5) + b"r-abc")
            self.assertEqual(restore.checkpoint_identity(path), ("r-abc", 7))
            with open(path, "wb") as f:  # version 3: AOV doubles and signature length
                f.write(struct.pack("<8sIIIIIiIII", b"RTRESUME", 3, 64, 32, 64, 1, 8, 5, 3, 4)
                        + b"r-abcP x3")
            self.assertEqual(restore.checkpoint_identity(path), ("r-abc", 8))
            with open(path, "wb") as f:
                f.write(b"RTRESUMX" + bytes(40))
            self.assertIsNone(restore.checkpoint_identity(path))
            self.assertIsNone(restore.checkpoint_identity(os.path.join(tmp, "missing.resume")))

    def test_a_real_checkpoint_and_its_state_file_have_one_identity(self):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([RENDERER, "-in", os.path.join(SOURCE, "rdl_scenes", "cornell_box.rdla"),
                            "-size", "16", "12", "-scene_var", "pixel_samples", "4", "-out",
                            "out.exr", "-checkpoint_sample_cap", "2"], cwd=tmp, check=True,
                           capture_output=True)
            exr = restore.checkpoint_identity(os.path.join(tmp, "checkpoint.exr"))
            state = restore.checkpoint_identity(os.path.join(tmp, "checkpoint.resume"))
            self.assertIsNotNone(exr)
            self.assertEqual(exr, state)


class StatusTest(unittest.TestCase):
    def test_eta_is_the_slowest_task_at_the_mean_final_frame_time(self):
        def frame(task, state, seconds):
            return {"task": task, "state": state, "seconds": seconds}
        self.assertIsNone(status.shot_eta([frame(0, "rendering", 3.0)]))
        frames_ = [frame(0, "final", 10.0), frame(0, "final", 20.0), frame(0, "rendering", 5.0),
                   frame(1, "pending", None), frame(1, "pending", None), frame(2, "failed", 1.0)]
        self.assertEqual(status.shot_eta(frames_), 30.0)  # task 1: two frames of 15 s
        self.assertEqual(status.shot_eta([frame(0, "final", 4.0)]), 0.0)

    def test_frame_states_combine_the_report_and_the_queue(self):
        runs = {"restarts": 1, "last_event": "requeue-warning"}
        fresh = {"restarts": 0, "last_event": ""}
        self.assertEqual(status._frame_state(None, "PENDING", fresh), "queued")
        self.assertEqual(status._frame_state(None, "", fresh), "pending")
        self.assertEqual(status._frame_state({"state": "interrupted"}, "PENDING", runs), "requeued")
        self.assertEqual(status._frame_state({"state": "final"}, "PENDING", runs), "final")
        self.assertEqual(status._frame_state({"state": "rendering"}, "", fresh), "stopped")
        self.assertEqual(status._frame_state({"state": "rendering"}, "RUNNING", fresh), "rendering")

    def test_review_labels_say_draft_or_final(self):
        self.assertEqual(review.label({"frame": 12, "state": "final", "spp": 64.0}), "frame 12  final 64 spp")
        self.assertEqual(review.label({"frame": 3, "state": "interrupted", "spp": 16.0}),
                         "frame 3  draft (interrupted) 16 spp")


class SubmitUsageTest(unittest.TestCase):
    def submit(self, *args):
        return subprocess.run([FARM, "submit", *args], capture_output=True, text=True)

    def test_bad_options_exit_2_naming_the_option(self):
        scene = os.path.join(SOURCE, "rdl_scenes", "animated_shot.rdla")
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "shot.####.exr")
            cases = [
                (["-frames", "5-1", "-out", out], "-frames"),
                (["-frames", "1-4", "-out", os.path.join(tmp, "shot.exr")], "-out"),
                (["-frames", "1-4", "-out", out, "--time", "soon"], "--time"),
                (["-frames", "1-4", "-out", out, "--time", "2", "--warning", "90"], "--warning"),
                (["-frames", "1-4", "-out", out, "--deadline", "25:00"], "--deadline"),
                (["-frames", "1-4", "-out", out, "--", "-frames", "2"], "-frames"),
                (["-frames", "1-4", "-out", out, "--archive", os.path.join(tmp, "none")], "--archive"),
            ]
            for args, option in cases:
                done = self.submit(scene, *args, "--dry-run")
                self.assertEqual(done.returncode, 2, f"{args}: {done.stderr}")
                self.assertIn(option, done.stderr, args)
            done = self.submit(scene, "-frames", "1-4", "-out", out, "--dry-run", "--deadline", "07:30",
                               "--", "-checkpoint", "1m")
            self.assertEqual(done.returncode, 0, done.stderr)
            text = text_of(os.path.join(tmp, "animated_shot.farm", "job.sh"))
            self.assertRegex(text, r"#SBATCH --deadline=\d{4}-\d\d-\d\dT07:30:00")
            self.assertRegex(text, r"DEADLINE_EPOCH=\d{10}")
            self.assertIn("RENDER_OPTIONS=(-checkpoint 1m)", text)


if __name__ == "__main__":
    unittest.main()
