"""The simulated gateway (`ibdash sim --tls`) as a child process: its addresses, its control endpoint, its counts."""

import json
import re
import subprocess
import time
import urllib.request


class Simulator:
    def __init__(self, binary, workdir, env):
        self.output_path = workdir / "sim.out"
        self._output = open(self.output_path, "w")
        self.process = subprocess.Popen(
            [str(binary), "sim", "--port", "0", "--control-port", "0", "--tls", "--accounts", "3",
             "--no-daily-reset", "--market-hours", "alwaysOpen"],
            stdout=self._output, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        self.api = self.control = self.stats_url = self.flex_endpoint = None
        self.flex_token = self.flex_query = None
        self.accounts = []

    def wait_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.output_path.read_text()
            if "Press Ctrl-C" in text:
                self._read_addresses(text)
                return
            if self.process.poll() is not None:
                raise RuntimeError(f"ibdash sim exited with {self.process.returncode}:\n{text}")
            time.sleep(0.2)
        raise RuntimeError("ibdash sim did not start within %d s" % timeout)

    def _read_addresses(self, text):
        def field(name):
            match = re.search(r"^%s:\s*(?:POST |GET )?(\S+)" % name, text, re.M)
            if not match:
                raise RuntimeError(f"no '{name}:' line in the simulator's output")
            return match.group(1)
        self.api = field("API")
        self.control = field("Control")
        self.stats_url = field("Stats")
        self.flex_endpoint = field("Flex")
        self.accounts = [a.strip() for a in field_line(text, "Accounts").split(",") if a.strip()]
        token = re.search(r"^\s+token\s+(\d+) \(valid\)", text, re.M)
        query = re.search(r"^\s+query\s+(\d+) ", text, re.M)
        if not token or not query:
            raise RuntimeError("the simulator lists no valid Flex token or no query")
        self.flex_token, self.flex_query = token.group(1), query.group(1)

    @property
    def gateway(self):
        """`https://127.0.0.1:PORT`: ibdash adds /v1/api itself."""
        return self.api.split("/v1/api")[0]

    def command(self, **body):
        data = json.dumps(body).encode()
        request = urllib.request.Request(self.control, data=data, method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as answer:
            reply = json.load(answer)
        if not reply.get("ok"):
            raise RuntimeError(f"the simulator refused {body}: {reply}")
        return reply

    def stats(self):
        with urllib.request.urlopen(self.stats_url, timeout=10) as answer:
            return json.load(answer)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._output.close()


def field_line(text, name):
    match = re.search(r"^%s:\s*(.*)$" % name, text, re.M)
    return match.group(1) if match else ""
