"""The alert log, read back: which lines belong to which fault episode, and whether any repeats itself."""

import re
from datetime import datetime


class AlertLine:
    def __init__(self, raw):
        parts = raw.split("\t")
        if len(parts) != 5:
            raise ValueError(f"not an alert line (5 tab-separated fields): {raw[:100]!r}")
        self.raw = raw
        self.time = datetime.fromisoformat(parts[0].replace("Z", "+00:00")).timestamp()
        self.severity, self.category, self.account, self.text = parts[1:]

    @property
    def key(self):
        """What makes two alerts the same alert: category, account and text with its figures left out."""
        return (self.category, self.account, re.sub(r"\d+(\.\d+)?", "#", self.text))


def parse(lines):
    good, bad = [], []
    for raw in lines:
        try:
            good.append(AlertLine(raw))
        except ValueError as error:
            bad.append(str(error))
    return good, bad


def episode_alerts(alerts, start, end, pattern):
    """Lines of the episode's class raised between its start and the end of its aftermath. The log keeps whole
    seconds, so a line stamped in the second the episode began counts."""
    expression = re.compile(pattern)
    return [alert for alert in alerts if start - 1 < alert.time <= end and expression.search(alert.text)]


def repeats(alerts):
    """Alerts raised more than once: (key, count)."""
    counts = {}
    for alert in alerts:
        counts[alert.key] = counts.get(alert.key, 0) + 1
    return [(key, count) for key, count in counts.items() if count > 1]
