"""The soak's verdict: one figure per check, and the Markdown report that shows them."""

import statistics
from dataclasses import dataclass
from datetime import datetime, timezone

import alerts

RSS_GROWTH_LIMIT = 0.10
# Data and session alerts are the ones a retry could repeat; risk and trading alerts follow the simulated market.
EPISODE_CATEGORIES = ("data", "session")


@dataclass
class Results:
    plan: object
    duration: float
    warm_up_end: float
    faults_end: float
    deaths: list
    samples: list
    screen_problems: list
    stale_views: list
    episodes: list
    alerts: list
    unreadable_alerts: list
    recovered: list
    stats: dict
    started: float
    snapshots: int
    errors: list


@dataclass
class Check:
    name: str
    passed: bool
    figure: str


def episode_rows(results):
    """Per episode: the alerts of its class, and any alert raised twice within it (retries that alerted again)."""
    rows = []
    for episode in results.episodes:
        end = episode.get("settled", episode["stopped"])
        matched = alerts.episode_alerts(results.alerts, episode["start"], end, episode["pattern"])
        # Flex faults run beside the gateway's: each episode answers for the alerts of its own service.
        flex = episode["kind"] == "flex"
        window = [alert for alert in results.alerts
                  if episode["start"] - 1 < alert.time <= end and alert.category in EPISODE_CATEGORIES
                  and ("Flex" in alert.text) == flex]
        rows.append({"episode": episode, "matched": matched, "repeated": alerts.repeats(window),
                     "in_window": len(window)})
    return rows


def memory(results):
    """Resident memory after the warm-up against the end of the run (medians of 30 s windows), in KiB."""
    samples = [(at, kib) for at, kib in results.samples if kib]
    after = [kib for at, kib in samples if results.warm_up_end <= at <= results.warm_up_end + 30]
    end = samples[-1][0] if samples else 0
    last = [kib for at, kib in samples if at >= end - 30]
    if not after or not last:
        return None
    baseline, final = statistics.median(after), statistics.median(last)
    return {"baseline": baseline, "final": final, "peak": max(kib for _, kib in samples),
            "growth": (final - baseline) / baseline, "samples": len(samples)}


def checks(results):
    found = [Check("the soak ran every step", not results.errors, "; ".join(results.errors) or "yes")]
    captures = len(results.samples)
    found.append(Check(
        "process stays up", not results.deaths and captures > 0,
        f"{captures} samples over {results.duration / 60:.1f} min; "
        + ("exited: " + ", ".join(f"at {at:.0f}s status {status}" for at, status in results.deaths)
           if results.deaths else "never exited")))
    found.append(Check(
        "screen intact (frame, status line, no garbage)", captures > 0 and not results.screen_problems,
        f"{captures - len(results.screen_problems)}/{captures} captures intact"
        + (f"; first problem at {results.screen_problems[0][0]:.0f}s: {results.screen_problems[0][1][0]}"
           if results.screen_problems else "")))
    gateway_violations = results.stats.get("totalPacingViolations", -1)
    flex_violations = results.stats.get("flexPacingViolations", -1)
    found.append(Check(
        "zero pacing violations (gateway, Flex)", gateway_violations == 0 and flex_violations == 0,
        f"gateway {gateway_violations} of {results.stats.get('totalRequests', 0)} requests; "
        f"Flex {flex_violations} of {sum(results.stats.get('flex', {}).get('requests', {}).values())} requests"))
    rows = episode_rows(results)
    shown = sum(1 for row in rows if row["matched"])
    repeated = [row for row in rows if row["repeated"]]
    classes = sorted({row["episode"]["name"] for row in rows})
    missing = sorted({row["episode"]["name"] for row in rows if not row["matched"]})
    expected = {phase.name for phase in results.plan.gateway_phases + results.plan.flex_phases}
    unexercised = sorted(expected - set(classes))
    found.append(Check(
        "every fault class in the alert log", bool(rows) and not missing and not unexercised,
        f"{shown}/{len(rows)} episodes of {len(classes)} classes alerted"
        + (f"; without an alert: {', '.join(missing)}" if missing else "")
        + (f"; never injected: {', '.join(unexercised)}" if unexercised else "")))
    found.append(Check(
        "one alert per episode (no alert per retry)", bool(rows) and not repeated,
        f"{sum(len(row['matched']) for row in rows)} alert lines of the fault classes over {len(rows)} episodes; "
        f"{len(repeated)} episodes with a repeated alert"))
    stale = results.stale_views
    found.append(Check(
        "last good data stays on screen, marked stale", bool(stale) and all(view["passed"] for view in stale),
        f"{sum(view['passed'] for view in stale)}/{len(stale)} captures during faults show the numbers "
        + "and ○ stale/× error"))
    recoveries = [dict(row, after=episode["name"]) for episode in results.episodes
                  for row in episode.get("recovery", [])]
    recoveries += [dict(row, after="the end") for row in results.recovered]
    late = [row for row in recoveries if row["live_after"] is None or row["live_after"] > 2 * row["cadence"]]
    slowest = max((row for row in recoveries if row["live_after"] is not None and row["cadence"]),
                  key=lambda row: row["live_after"] / row["cadence"], default=None)
    found.append(Check(
        "every dataset live within two cadences after each fault", bool(results.recovered) and not late,
        f"{len(recoveries) - len(late)}/{len(recoveries)} account datasets over "
        f"{sum(1 for e in results.episodes if e.get('recovery'))} faults and the end"
        + (f"; slowest {slowest['live_after'] / slowest['cadence']:.2f} cadences "
           f"({describe(slowest)} after {slowest['after']})" if slowest else "")
        + (f"; late: {', '.join(describe(row) + ' after ' + row['after'] for row in late[:6])}" if late else "")))
    history = history_rows(results)
    slow = [row for row in history if row["back_after"] is None or row["back_after"] > row["limit"]]
    found.append(Check(
        "Flex history fetched again after each Flex fault", bool(history) and not slow,
        "; ".join(f"{row['name']}: " + ("never" if row["back_after"] is None else f"{row['back_after']:.0f}s")
                  + f" (limit {row['limit']:.0f}s)" for row in history)))
    rss = memory(results)
    found.append(Check(
        "resident memory grows < 10 % after warm-up", rss is not None and rss["growth"] < RSS_GROWTH_LIMIT,
        "no samples" if rss is None else
        f"{rss['baseline'] / 1024:.1f} MiB after warm-up → {rss['final'] / 1024:.1f} MiB at the end "
        f"({rss['growth'] * 100:+.1f} %), peak {rss['peak'] / 1024:.1f} MiB"))
    return found, rows


def history_rows(results):
    """After each Flex fault, how long until a statement came through and the dashboard had read it: within two
    history cadences, plus the token's pause (up to 72 s) after a 1018."""
    cadence = results.plan.history_cadence
    return [{"name": episode["name"], "back_after": episode.get("history_back_after"),
             "limit": 2 * cadence + (72 if "1018" in episode["name"] else 0)}
            for episode in results.episodes if episode["kind"] == "flex"]


def describe(row):
    after = "never" if row["live_after"] is None else f"{row['live_after']:.0f}s"
    return f"{row['account']} {row['dataset']} {after} (cadence {row['cadence']}s)"


def clock(epoch):
    return datetime.fromtimestamp(epoch, timezone.utc).strftime("%H:%M:%S")


def render(results, workdir):
    found, rows = checks(results)
    passed = all(check.passed for check in found)
    plan = results.plan
    lines = [
        "# ibdash fault soak",
        "",
        f"{'PASS' if passed else 'FAIL'} — {results.duration / 60:.1f} min run ({plan.minutes:g} min asked), "
        f"started {datetime.fromtimestamp(results.started, timezone.utc):%Y-%m-%d %H:%M:%S} UTC; "
        f"warm-up {plan.warm_up:.0f}s, faults until {results.faults_end:.0f}s; 3 accounts on `ibdash sim --tls`; "
        f"Flex history every {plan.history_cadence}s, max wait {plan.flex_max_wait}s.",
        "",
        "| Check | Result | Figures |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {check.name} | {'pass' if check.passed else '**FAIL**'} | {check.figure} |" for check in found]
    lines += ["", "## Episodes", "",
              "| Fault | Started | Ended | Alerts of its class | Data/session alerts in its window | Repeated |",
              "| --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        episode = row["episode"]
        repeated = "; ".join(f"{count}× {key[2][:60]}" for key, count in row["repeated"]) or "none"
        lines.append(
            f"| {episode['name']} | {clock(episode['start'])} | {clock(episode['stopped'])} | "
            f"{len(row['matched'])} | {row['in_window']} | {repeated} |")
    lines += ["", "## Recovery after each fault (slowest dataset)", "",
              "| Fault | Account | Dataset | Cadence | Live again after |", "| --- | --- | --- | --- | --- |"]
    for episode in results.episodes:
        rows = [row for row in episode.get("recovery", []) if row["cadence"]]
        if rows:
            row = max(rows, key=lambda r: float("inf") if r["live_after"] is None else r["live_after"] / r["cadence"])
            lines.append(f"| {episode['name']} | {row['account']} | {row['dataset']} | {row['cadence']}s | "
                         f"{'never' if row['live_after'] is None else '%.0fs' % row['live_after']} |")
    lines += ["", "## At the end, once the last fault's datasets were live again", "",
              "| Account | Dataset | Cadence | Live again after |", "| --- | --- | --- | --- |"]
    lines += [f"| {row['account']} | {row['dataset']} | {row['cadence']}s | "
              f"{'never' if row['live_after'] is None else '%.0fs' % row['live_after']} |"
              for row in results.recovered]
    lines += ["", "## Simulator counts", "",
              f"- gateway requests {results.stats.get('totalRequests')}, pacing violations "
              f"{results.stats.get('totalPacingViolations')}, faults injected {results.stats.get('faults')}",
              f"- Flex requests {results.stats.get('flex', {}).get('requests')}, answers "
              f"{results.stats.get('flex', {}).get('answers')}, pacing violations "
              f"{results.stats.get('flexPacingViolations')}",
              f"- alert log: {len(results.alerts)} lines, {len(results.unreadable_alerts)} unreadable; "
              f"{results.snapshots} snapshots read"]
    if results.screen_problems:
        at, problems, text = results.screen_problems[0]
        lines += ["", f"## First damaged screen ({at:.0f}s)", "", "\n".join(f"- {p}" for p in problems), "",
                  "```", text.rstrip(), "```"]
    failed_views = [view for view in results.stale_views if not view["passed"]]
    if failed_views:
        view = failed_views[0]
        lines += ["", f"## Screen during '{view['phase']}' without stale data ({view['details']})", "",
                  "```", view["screen"].rstrip(), "```"]
    lines += ["", f"Work files (logs, alert log, simulator output): `{workdir}`", ""]
    return "\n".join(lines), passed
