"""Print a free TCP port on 127.0.0.1 (used by the run and test scripts)."""

import socket

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
