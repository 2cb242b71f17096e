"""What a captured screen must look like: the frame drawn, the status line there, nothing that is not meant to be."""

import re

CORNERS_LEFT = "┌╭├└╰+"
CORNERS_RIGHT = "┐╮┤┘╯+"
# Leftovers of escape sequences that reached the screen as text: CSI/OSC fragments, ESC itself, replacement chars.
GARBAGE = re.compile(r"\x1b|\ufffd|\[(?:\?[0-9;]+|[0-9][0-9;]*)[HJKmlhr]|\][0-9];|[\x00-\x08\x0b-\x1f\x7f]")
CLOCK = re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b")
NUMBER = re.compile(r"(?<![\w.])[-−+]?\d{1,3}(?:[,\u202f ]\d{3})*\.\d{2}\b")
STALE_MARKS = ("○ stale", "× error", "✕ error")


def problems(text, gateway_address):
    """Every reason the capture does not show an intact dashboard; empty when it does."""
    found = []
    lines = text.rstrip("\n").split("\n")
    if len(lines) < 10:
        found.append(f"only {len(lines)} lines on screen")
        return found
    framed = [line for line in lines if line.strip()[:1] in CORNERS_LEFT and line.rstrip()[-1:] in CORNERS_RIGHT]
    if len(framed) < 2:
        found.append("no pane frame (fewer than two framed border lines)")
    status = lines[-1]
    if gateway_address not in status or not CLOCK.search(status):
        found.append(f"status line missing or damaged: {status.strip()[:120]!r}")
    for number, line in enumerate(lines, 1):
        match = GARBAGE.search(line)
        if match:
            found.append(f"garbage on line {number}: {match.group(0)!r} in {line.strip()[:80]!r}")
            break
    return found


def shows_stale_data(text, symbols):
    """The last good numbers are still on screen, marked stale or failed."""
    marked = any(mark in text for mark in STALE_MARKS)
    numbers = len(NUMBER.findall(text))
    visible = sorted(symbol for symbol in symbols if re.search(r"\b%s\b" % re.escape(symbol), text))
    return marked and numbers >= 5 and bool(visible), {"marked": marked, "numbers": numbers, "symbols": visible[:5]}
