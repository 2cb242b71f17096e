"""The dashboard under test, in a private tmux server: its pane, its process, its snapshot and its alert log."""

import json
import re
import shlex
import subprocess
import time


class Dashboard:
    def __init__(self, binary, simulator, workdir, env, columns=180, rows=50):
        self.binary = binary
        self.env = env
        self.socket = str(workdir / "tmux.sock")
        self.alert_log = workdir / "state" / "ibdash" / "alerts.log"
        self.kept_statement = workdir / "cache" / "ibdash" / f"flex-{simulator.flex_query}.statement"
        command = " ".join(shlex.quote(part) for part in [
            "exec", str(binary), "--gateway", simulator.gateway, "--flex-endpoint", simulator.flex_endpoint,
            "--flex-query", simulator.flex_query])
        # The token reaches the pane through the new tmux server's environment, never through an argument.
        self.tmux("new-session", "-d", "-s", "soak", "-x", str(columns), "-y", str(rows), command)
        self.tmux("set-option", "-t", "soak", "remain-on-exit", "on")
        self.pid = int(self.tmux("display-message", "-p", "-t", "soak", "#{pane_pid}").strip())

    def tmux(self, *arguments):
        result = subprocess.run(["tmux", "-S", self.socket, *arguments], env=self.env, capture_output=True,
                                text=True, timeout=20)
        if result.returncode != 0:
            raise RuntimeError(f"tmux {arguments[0]} failed: {result.stderr.strip()}")
        return result.stdout

    def alive(self):
        """The pane's process is still the dashboard and has not exited."""
        try:
            dead = self.tmux("display-message", "-p", "-t", "soak", "#{pane_dead}").strip()
        except RuntimeError:
            return False
        if dead != "0":
            return False
        try:
            with open(f"/proc/{self.pid}/status") as status:
                return "State:\tZ" not in status.read()
        except OSError:
            return False

    def exit_status(self):
        try:
            return self.tmux("display-message", "-p", "-t", "soak", "#{pane_dead_status}").strip()
        except RuntimeError:
            return "unknown"

    def capture(self):
        return self.tmux("capture-pane", "-p", "-t", "soak")

    def resident_kib(self):
        try:
            with open(f"/proc/{self.pid}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def snapshot(self):
        """`ibdash snapshot --json` from the running dashboard's socket; None when it cannot be read."""
        try:
            result = subprocess.run([str(self.binary), "snapshot", "--json"], env=self.env, capture_output=True,
                                    text=True, timeout=20)
        except subprocess.TimeoutExpired:
            return None
        try:
            document = json.loads(result.stdout)
        except json.JSONDecodeError:
            return None
        return document if document.get("source") == "dashboard" else None

    def alert_lines(self):
        try:
            return self.alert_log.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []

    def statement_fetched_at(self):
        """When the dashboard fetched the statement it keeps: it keeps one only once it has read it, so this is
        when its history was last live from a fresh statement. None before the first."""
        try:
            with open(self.kept_statement, "rb") as kept:
                header = kept.readline(256).decode("ascii", errors="replace")
        except FileNotFoundError:
            return None
        match = re.search(r" fetched=([0-9.]+) ", header)
        return float(match.group(1)) if match else None

    def stop(self):
        if self.alive():
            self.tmux("send-keys", "-t", "soak", "q")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.alive():
                time.sleep(0.2)
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], env=self.env, capture_output=True, timeout=20)
