"""The fault soak: ibdash in tmux against `ibdash sim --tls`, faults cycling, every check measured and reported.

Usage: soak.py --binary PATH --minutes M --report FILE
Exit status 0 when every check passes, 1 when one fails, 2 when the soak could not run.
"""

import argparse
import os
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import alerts  # noqa: E402
import plan as schedule  # noqa: E402
import report  # noqa: E402
import screen  # noqa: E402
from dashboard import Dashboard  # noqa: E402
from listener import SharedListener  # noqa: E402
from simulator import Simulator  # noqa: E402

DATASETS = ("summary", "ledger", "pnl", "positions", "orders")
SAMPLE_EVERY = 3.0


class Soak:
    def __init__(self, binary, minutes, workdir):
        self.binary = binary
        self.plan = schedule.make(minutes)
        self.workdir = workdir
        self.started = time.time()
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.listener = SharedListener(self.stopping)
        self.flex_injected = threading.Event()
        self.episodes = []
        self.samples = []
        self.screen_problems = []
        self.stale_views = []
        self.snapshots = []
        self.deaths = []
        self.errors = []
        self.last_good = None
        self.log = open(workdir / "soak.log", "w", buffering=1)

    # Logging and time

    def elapsed(self):
        return time.time() - self.started

    def note(self, text):
        line = f"[{self.elapsed():6.1f}s] {text}"
        print(line, flush=True)
        self.log.write(line + "\n")

    def sleep(self, seconds):
        self.stopping.wait(max(0.0, seconds))

    # Setting up

    def environment(self):
        private = {name: self.workdir / name for name in ("config", "state", "cache", "runtime")}
        for directory in private.values():
            directory.mkdir(mode=0o700, exist_ok=True)
        environment = {key: value for key, value in os.environ.items()
                       if not key.startswith(("XDG_", "IBDASH_", "TMUX", "NO_COLOR"))}
        environment.update(
            XDG_CONFIG_HOME=str(private["config"]), XDG_STATE_HOME=str(private["state"]),
            XDG_CACHE_HOME=str(private["cache"]), XDG_RUNTIME_DIR=str(private["runtime"]),
            LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color")
        configuration = private["config"] / "ibdash"
        configuration.mkdir(mode=0o700, exist_ok=True)
        (configuration / "config.toml").write_text(
            "[cadence]\n"
            f'history = "{self.plan.history_cadence}s"\n'
            "[flex]\n"
            f'max_wait = "{self.plan.flex_max_wait}s"\n')
        return environment

    def start(self):
        environment = self.environment()
        self.simulator = Simulator(self.binary, self.workdir, environment)
        self.simulator.wait_ready()
        self.note(f"simulator at {self.simulator.api}, accounts {', '.join(self.simulator.accounts)}")
        dashboard_environment = dict(environment, IBDASH_FLEX_TOKEN=self.simulator.flex_token)
        self.dashboard = Dashboard(self.binary, self.simulator, self.workdir, dashboard_environment)
        self.gateway_address = self.simulator.gateway.split("://", 1)[1]
        self.note(f"dashboard pid {self.dashboard.pid} in tmux at {self.dashboard.socket}")
        # The screen is judged from the first frame on; before it, the terminal is still blank.
        deadline = time.monotonic() + 30
        while screen.problems(self.dashboard.capture(), self.gateway_address):
            if time.monotonic() > deadline or not self.dashboard.alive():
                raise RuntimeError("the dashboard drew no intact frame within 30 s:\n" + self.dashboard.capture())
            time.sleep(0.5)
        self.note("first frame drawn")

    # Watching

    def monitor(self):
        next_snapshot = 0.0
        while not self.stopping.is_set():
            now = self.elapsed()
            if not self.dashboard.alive():
                with self.lock:
                    self.deaths.append((now, self.dashboard.exit_status()))
                self.note(f"the dashboard is gone (exit status {self.dashboard.exit_status()})")
                self.stopping.set()
                return
            text = self.dashboard.capture()
            found = screen.problems(text, self.gateway_address)
            rss = self.dashboard.resident_kib()
            with self.lock:
                self.samples.append((now, rss))
                if found:
                    self.screen_problems.append((now, found, text))
            if found:
                self.note(f"screen: {found[0]}")
            if now >= next_snapshot:
                document = self.dashboard.snapshot()
                if document:
                    self.remember(now, document)
                next_snapshot = now + 6.0
            self.sleep(SAMPLE_EVERY)

    def remember(self, now, document):
        with self.lock:
            self.snapshots.append((now, freshness_table(document)))
            if all(row["freshness"] == "live" for row in freshness_table(document).values()) and any(
                    account["positions"] for account in document["accounts"]):
                self.last_good = document

    # Faults

    def run_phase(self, phase, kind):
        start = time.time()
        self.note(f"{phase.name}: start")
        for command in phase.start:
            self.simulator.command(**command)
        episode = {"name": phase.name, "kind": kind, "pattern": phase.alert, "start": start}
        seen = self.wait_for_alert(phase, start, phase.hold)
        if phase.check_stale_screen:
            self.check_stale_screen(phase)
        if not seen:
            # Give the dashboard the time its slowest cadence needs to try once more.
            seen = self.wait_for_alert(phase, start, 45)
        for command in phase.stop:
            self.simulator.command(**command)
        episode["stopped"] = time.time()
        self.note(f"{phase.name}: stopped ({'alert seen' if seen else 'no alert yet'})")
        return episode

    def wait_for_alert(self, phase, since, hold):
        """Waits `hold` seconds, or until the alert shows when `hold` is 0 (then at most 3 history cadences)."""
        deadline = time.time() + (hold if hold > 0 else 3 * self.plan.history_cadence + self.plan.flex_max_wait)
        seen = False
        while time.time() < deadline and not self.stopping.is_set():
            seen = seen or self.alert_seen(phase.alert, since)
            if seen and hold == 0:
                return True
            self.sleep(1.0)
        return seen or self.alert_seen(phase.alert, since)

    def alert_seen(self, pattern, since):
        parsed, _ = alerts.parse(self.dashboard.alert_lines())
        return bool(alerts.episode_alerts(parsed, since, time.time() + 1, pattern))

    def check_stale_screen(self, phase):
        with self.lock:
            good = self.last_good
        symbols = {position["symbol"] for account in (good or {"accounts": []})["accounts"]
                   for position in account["positions"]}
        text = self.dashboard.capture()
        passed, details = screen.shows_stale_data(text, symbols)
        with self.lock:
            self.stale_views.append({"phase": phase.name, "at": self.elapsed(), "passed": passed,
                                     "details": details, "screen": text})
        self.note(f"{phase.name}: last good data on screen, marked stale: {passed} {details}")

    def settle(self, episode, touches, limit=150):
        """Waits until every dataset the fault touched is live again, and keeps how long each took from the
        moment the fault stopped, beside its cadence; so the next fault starts a new episode."""
        stopped = episode["stopped"]
        first_live, cadences = {}, {}
        deadline = time.time() + limit
        while time.time() < deadline and not self.stopping.is_set():
            document = self.dashboard.snapshot()
            if document:
                for key, row in freshness_table(document).items():
                    if key[1] not in touches:
                        continue
                    cadences[key] = max(cadences.get(key, 0), row["cadence"])
                    if row["freshness"] == "live" and key not in first_live:
                        first_live[key] = time.time() - stopped
                if cadences and len(first_live) == len(cadences):
                    break
            self.sleep(2.0)
        episode["recovery"] = [{"account": account, "dataset": dataset, "cadence": cadences[(account, dataset)],
                                "live_after": first_live.get((account, dataset))}
                               for account, dataset in sorted(cadences)]

    def gateway_faults(self):
        end = self.plan.seconds - self.plan.recovery_reserve
        cycle = 0
        while not self.stopping.is_set():
            cycle += 1
            for phase in self.plan.gateway_phases:
                if cycle > 1 and self.elapsed() + phase.hold + 20 > end:
                    return
                if phase.blocks_flex and not self.listener.acquire("gateway"):
                    return
                try:
                    episode = self.run_phase(phase, "gateway")
                finally:
                    if phase.blocks_flex:
                        self.listener.release()
                with self.lock:
                    self.episodes.append(episode)
                self.settle(episode, phase.touches)
                episode["settled"] = time.time()
                if self.stopping.is_set():
                    return
            if self.elapsed() > end:
                return

    def flex_faults(self):
        """Each Flex fault in turn, each holding the listener until a statement has come through, which ends
        the episode. After the last one, the wait goes on beside the recovery: a 1018 pauses the token for a
        minute."""
        for phase in self.plan.flex_phases:
            if not self.listener.acquire("flex"):
                break
            try:
                self.flex_episode(phase)
            finally:
                self.listener.release()
        self.flex_injected.set()

    def flex_episode(self, phase):
        episode = self.run_phase(phase, "flex")
        with self.lock:
            self.episodes.append(episode)
        if phase is self.plan.flex_phases[-1]:
            self.flex_injected.set()
        # A 1018 pauses the token for 60–72 s before the next try.
        deadline = time.time() + 2 * self.plan.history_cadence + 90
        while True:
            back = self.history_back(episode["stopped"])
            if back or time.time() >= deadline or self.stopping.is_set():
                break
            self.sleep(2.0)
        episode["settled"] = time.time()
        if back:
            episode["history_back_after"] = episode["settled"] - episode["stopped"]
        self.note(f"{phase.name}: history " + (f"back after {episode['settled'] - episode['stopped']:.0f}s"
                                                if back else "not back"))

    def history_back(self, since):
        """The dashboard has read and kept a statement fetched since then: its history is live again."""
        fetched = self.dashboard.statement_fetched_at()
        return fetched is not None and fetched > since

    def guarded(self, work):
        """Runs a fault sequence; if the soak itself fails (the simulator refuses a command, a tool cannot run),
        the run ends and says so instead of passing on what it did not do."""
        try:
            work()
        except (RuntimeError, OSError) as error:
            with self.lock:
                self.errors.append(f"{work.__name__}: {error}")
            self.note(f"the soak failed: {error}")
            self.flex_injected.set()
            self.stopping.set()

    # Recovery

    def recovery(self):
        """Every dataset of every account: how long after the last fault it was live again, against its cadence."""
        # Each fault's own recovery is measured from its stop (settle); this is the state once all of them are over.
        faults_stopped = time.time()
        self.simulator.command(command="clearFaults")
        self.note("faults stopped; waiting for every dataset to be live")
        first_live = {}
        cadences = {}
        limit = None
        while not self.stopping.is_set():
            document = self.dashboard.snapshot()
            now = time.time()
            if document:
                self.remember(self.elapsed(), document)
                for key, row in freshness_table(document).items():
                    cadences[key] = max(cadences.get(key, 0), row["cadence"])
                    if row["freshness"] == "live" and key not in first_live:
                        first_live[key] = now - faults_stopped
                if cadences and len(first_live) == len(cadences):
                    break
                limit = 2 * max(cadences.values()) + 30
            if limit is not None and now - faults_stopped > limit:
                break
            self.sleep(2.0)
        return [{"account": account, "dataset": dataset, "cadence": cadences[(account, dataset)],
                 "live_after": first_live.get((account, dataset))}
                for account, dataset in sorted(cadences)]

    # The whole run

    def run(self):
        self.start()
        watcher = threading.Thread(target=self.monitor, daemon=True)
        watcher.start()
        self.note(f"warm-up {self.plan.warm_up:.0f}s")
        self.sleep(self.plan.warm_up)
        warm_up_end = self.elapsed()
        flex = threading.Thread(target=self.guarded, args=(self.flex_faults,), daemon=True)
        gateway = threading.Thread(target=self.guarded, args=(self.gateway_faults,), daemon=True)
        flex.start()
        gateway.start()
        gateway.join()
        self.flex_injected.wait()
        faults_end = self.elapsed()
        recovered = self.recovery() if not self.stopping.is_set() else []
        flex.join(timeout=max(0.0, 2 * self.plan.history_cadence + 120))
        remaining = self.plan.seconds - self.elapsed()
        if remaining > 0 and not self.stopping.is_set():
            self.note(f"quiet until the end: {remaining:.0f}s")
            self.sleep(remaining)
        self.sleep(SAMPLE_EVERY * 2)
        self.stopping.set()
        watcher.join(timeout=30)
        stats = self.simulator.stats()
        parsed, unreadable = alerts.parse(self.dashboard.alert_lines())
        return report.Results(
            plan=self.plan, duration=self.elapsed(), warm_up_end=warm_up_end, faults_end=faults_end,
            deaths=self.deaths, samples=self.samples, screen_problems=self.screen_problems,
            stale_views=self.stale_views, episodes=self.episodes, alerts=parsed, unreadable_alerts=unreadable,
            recovered=recovered, stats=stats, started=self.started, snapshots=len(self.snapshots),
            errors=self.errors)

    def close(self):
        self.stopping.set()
        for part in ("dashboard", "simulator"):
            if hasattr(self, part):
                getattr(self, part).stop()
        self.log.close()


def freshness_table(document):
    return {(account["id"], name): {"freshness": account["datasets"][name]["freshness"],
                                    "cadence": account["datasets"][name]["cadenceSeconds"]}
            for account in document["accounts"] for name in DATASETS}


def interrupted(signum, frame):
    raise KeyboardInterrupt


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, type=Path)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--report", required=True, type=Path)
    arguments = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="ibdash-soak-"))
    os.chmod(workdir, 0o700)
    soak = Soak(arguments.binary, arguments.minutes, workdir)
    # SIGTERM ends the run like Ctrl-C: the simulator and the private tmux server go with it.
    signal.signal(signal.SIGTERM, interrupted)
    try:
        results = soak.run()
    except (RuntimeError, OSError, KeyboardInterrupt) as error:
        print(f"soak: {error or 'interrupted'}", file=sys.stderr)
        return 2
    finally:
        soak.close()
    text, passed = report.render(results, workdir)
    arguments.report.write_text(text)
    print(text)
    print(f"report: {arguments.report}; work files: {workdir}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
