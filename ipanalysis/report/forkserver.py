"""Report kernels forked from a process that has already imported what every report imports.

A report kernel spends most of its start-up importing (ipykernel and IPython, pandas, pandera, matplotlib,
the package): about a CPU-second per report, paid by every report on a busy machine.  The build starts one
**fork server** (``python -m ipanalysis.report.forkserver SOCKET``) beside its worker pool: a process that
imports those modules once, executes nothing else, and then waits.  A worker asks it for a kernel (the
connection file, working directory, environment, and its own stdout/stderr, over a Unix socket); the
server forks, and the child becomes an ordinary ipykernel (``IPKernelApp`` with ``-f <connection file>``,
what ``python -m ipykernel_launcher`` runs) in its own session.

Isolation is that of a fresh kernel: each report gets a new process, copied from one that has imported
modules and loaded the data tables (:func:`_preload_data`) but run no report code, and each kernel still
runs one report only.  The fork server is the
kernel's parent (``JPY_PARENT_PID``): when the build ends it is stopped, and a kernel left over exits
with it.  Random generators are re-seeded in each child.  When the server is not there (not started,
failed), the worker launches the kernel as jupyter_client does (:class:`ForkProvisioner` falls back).
Linux and macOS only (``os.fork``, ``SOCK_SEQPACKET``); elsewhere the build does not start it.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from jupyter_client.provisioning import LocalProvisioner

__all__ = ["ENV_VAR", "available", "start_server", "stop_server", "ForkProvisioner", "ForkKernelManager", "serve"]

#: The environment variable that gives workers the fork server's socket.
ENV_VAR = "IPANALYSIS_KERNEL_FORK"
#: What the server imports before it forks (ipykernel's application and what every report imports).
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "ipykernel.zmqshell", "ipanalysis", "ipanalysis.data",
           "ipanalysis.present.charts", "ipanalysis.present.display", "ipanalysis.analysis.attainment",
           "ipanalysis.analysis.audit", "ipanalysis.analysis.compare", "ipanalysis.analysis.trajectory",
           "matplotlib.pyplot", "seaborn", "pandera")
#: The data tables the server loads once (cached in the data layer) for every kernel it forks.
DATA = ("documents", "indicators", "targets", "baselines", "exclusions", "indicator_relations", "stated_reasons")
_WAIT_FOR_SOCKET = 10.0


def available() -> bool:
    """Whether kernels can be forked here (POSIX), and are not turned off (``IPANALYSIS_KERNEL_FORK=off``:
    every kernel launched as jupyter_client does, for comparison)."""
    return (hasattr(os, "fork") and hasattr(socket, "SOCK_SEQPACKET") and hasattr(socket, "send_fds")
            and os.environ.get(ENV_VAR, "").lower() not in ("off", "0", "no"))


def start_server(folder: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str] | None:
    """Start the fork server with a socket in ``folder`` and the kernels' environment ``env``
    (hash seed, Matplotlib backend); returns the process and the socket path, or None."""
    if not available():
        return None
    path = str(Path(folder) / "kernels.sock")
    proc = subprocess.Popen([sys.executable, "-m", "ipanalysis.report.forkserver", path], env={**os.environ, **env},
                            stdin=subprocess.DEVNULL, start_new_session=True)
    return proc, path


def stop_server(server: tuple[subprocess.Popen, str] | None) -> None:
    if server is None:
        return
    proc, path = server
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:  # pragma: no cover
        proc.kill()
    Path(path).unlink(missing_ok=True)


def request_kernel(path: str, connection_file: str, cwd: str, env: dict[str, str]) -> int | None:
    """Ask the server at ``path`` to fork a kernel; its pid, or None if there is no server."""
    deadline = time.monotonic() + _WAIT_FOR_SOCKET
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            return None
        time.sleep(0.02)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET) as s:
            s.connect(path)
            payload = json.dumps({"connection_file": connection_file, "cwd": cwd, "env": env}).encode()
            socket.send_fds(s, [payload], [1, 2])
            s.settimeout(120)  # the server answers once its imports are done
            reply = s.recv(4096)
        return int(json.loads(reply)["pid"]) if reply else None
    except (OSError, ValueError, KeyError):
        return None


class _Forked:
    """The parts of :class:`subprocess.Popen` that jupyter_client uses, for a kernel that is not our
    child (the server reaps it): poll by signal 0."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0  # (its status went to the server)
            except PermissionError:  # pragma: no cover - the pid was reused
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        end = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if end is not None and time.monotonic() > end:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.02)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkProvisioner(LocalProvisioner):
    """:class:`~jupyter_client.provisioning.LocalProvisioner` whose kernel comes from the fork server
    (``socket_path``); without one, the kernel is launched as usual."""

    socket_path: str | None = None

    async def launch_kernel(self, cmd: list[str], **kwargs: Any):
        pid = None
        if self.socket_path and "-f" in cmd:
            env = {k: str(v) for k, v in (kwargs.get("env") or os.environ).items()}
            pid = request_kernel(self.socket_path, cmd[cmd.index("-f") + 1], str(kwargs.get("cwd") or os.getcwd()), env)
        if pid is None:
            return await super().launch_kernel(cmd, **kwargs)
        self.process = _Forked(pid)
        self.pid = self.pgid = pid  # a session leader: the process group is the kernel's
        self.cwd = kwargs.get("cwd")
        return self.connection_info


class ForkKernelManager(AsyncKernelManager):
    """An AsyncKernelManager whose provisioner is a :class:`ForkProvisioner` on ``$IPANALYSIS_KERNEL_FORK``."""

    async def _async_pre_start_kernel(self, **kw: Any):
        if self.provisioner is None:
            import uuid

            self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
            self.provisioner = ForkProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec, parent=self)
            self.provisioner.socket_path = (os.environ.get(ENV_VAR) or None) if available() else None
        return await super()._async_pre_start_kernel(**kw)


# ---- the server ------------------------------------------------------------------------------------------

def _child(request: dict, fds: list[int]) -> None:
    """In the forked child: become the kernel (never returns)."""
    code = 1
    try:
        os.setsid()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for target, fd in zip((1, 2), fds):
            os.dup2(fd, target)
        for fd in (null, *fds):
            os.close(fd)
        os.chdir(request["cwd"])
        env = dict(request["env"], JPY_PARENT_PID=str(os.getppid()))
        os.environ.clear()
        os.environ.update(env)
        if "numpy" in sys.modules:  # (the random module re-seeds itself after a fork)
            sys.modules["numpy"].random.seed()
        from ipykernel import kernelapp

        argv = ["-f", request["connection_file"], f"--IPKernelApp.parent_handle={os.getppid()}"]  # (its default
        sys.argv = [kernelapp.__file__, *argv]                   # was read from the server's environment)
        kernelapp.IPKernelApp.launch_instance(argv=argv)
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            import atexit

            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def _preload_data() -> None:
    """Fill the data layer's caches (validated tables, raw texts).  They are keyed by the data folder and
    the files' modification times, so a kernel reads exactly what it would read itself, and one whose data
    differ (another ``$IPANALYSIS_DATA``, a file changed since) loads its own; a table that fails to
    load is not cached, and fails in the kernel as it would."""
    from ipanalysis.data import loaders

    for name in DATA:
        try:
            getattr(loaders, name)()
        except Exception:  # noqa: BLE001 - the report's own call raises it again
            pass


def serve(path: str) -> None:
    """Listen on ``path`` at once (a worker's request waits in the backlog), import :data:`PRELOAD`, then
    fork a kernel for each request until terminated or the parent goes."""
    parent = os.getppid()
    if sys.path and Path(sys.path[0] or ".").resolve() == Path.cwd().resolve():
        del sys.path[0]  # as ipykernel_launcher does
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    srv.bind(path)
    srv.listen(64)
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except Exception:  # pragma: no cover - the kernel imports it (or fails) itself
            pass
    _preload_data()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped at once
    srv.settimeout(1.0)
    while os.getppid() == parent:
        try:
            conn, _ = srv.accept()
        except socket.timeout:
            continue
        with conn:
            try:
                conn.settimeout(10)
                msg, fds, _, _ = socket.recv_fds(conn, 1 << 20, 2)
                request = json.loads(msg)
            except (OSError, ValueError):
                continue
            pid = os.fork()
            if pid == 0:
                srv.close()
                conn.detach()
                _child(request, fds)
            for fd in fds:
                os.close(fd)
            try:
                conn.sendall(json.dumps({"pid": pid}).encode())
            except OSError:  # the worker went: its kernel is not wanted
                os.kill(pid, signal.SIGKILL)


if __name__ == "__main__":
    serve(sys.argv[1])
