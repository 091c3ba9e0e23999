"""Executes a notebook with nbclient, as Jupyter would, and prints each code cell's source and
outputs as JSON. Usage: python3 execute.py NOTEBOOK WORKING_DIR [KERNEL] [--write]
(KERNEL: the kernel's name, default 'deno'; --write: save the executed notebook over NOTEBOOK).

nbclient stops listening to a cell at the kernel's "idle" status. On a busy machine the Deno
kernel has been seen to report idle before the cell's result (its outputs were then []), so a
cell that has shown nothing yet is listened to a little longer for late messages of its own.
"""
import json
import queue
import sys

import nbclient
import nbformat
from nbclient.util import ensure_async

LATE = 10  # seconds to wait for a late output of a cell that has shown nothing


class Client(nbclient.NotebookClient):
    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        shows = any(word in cell.source for word in ('display', 'showIn', '$$.'))
        if cell.outputs or not shows:
            return  # it has shown something, or it shows nothing (imports, declarations)
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=LATE))
            except queue.Empty:
                return
            if msg['parent_header'].get('msg_id') == parent_msg_id and msg['msg_type'] != 'status':
                self.process_message(msg, cell, cell_index)
                return


args = [a for a in sys.argv[1:] if a != '--write']
path, cwd = args[0], args[1]
kernel = args[2] if len(args) > 2 else 'deno'
nb = nbformat.read(path, as_version=4)
# A busy machine (the other test files run at the same time) can be slow to send a cell's output:
# wait for it (iopub_timeout) rather than lose it.
Client(
    nb,
    timeout=120,
    iopub_timeout=30,
    startup_timeout=90,
    kernel_name=kernel,
    allow_errors=True,
    resources={'metadata': {'path': cwd}},
).execute()
if '--write' in sys.argv:
    nbformat.validate(nb)
    nbformat.write(nb, path)
print(json.dumps([{'source': c.source, 'outputs': c.outputs} for c in nb.cells if c.cell_type == 'code']))
