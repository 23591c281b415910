"""render-farm: Slurm job arrays for renderer_cmd sequences (doc/FARM.md).

One module per concept: frames (frame lists and their split into tasks), timespec
(--time, --deadline, --every), layout (the shot's farm folder), batch_script (the job
script Slurm runs), slurm (the only module that runs Slurm's commands), exr_header (the
one that reads EXR headers, through OpenImageIO's iinfo), restore (archive -> scratch),
status, review, and cli (the subcommands).
"""
