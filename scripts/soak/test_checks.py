"""The soak's own checks, on made-up screens and alert logs: `python3 -m unittest discover scripts/soak`."""

import threading
import time
import unittest

import alerts
import screen
from listener import SharedListener

FRAME = "\n".join(
    ["┌─ Summary ● 4s ─────────────┐┌─ P&L ● 2s ──────────┐"]
    + ["│ AAPL   100   187.25  18,725.00 ││ 1,234.56           │"] * 12
    + ["└────────────────────────────┘└─────────────────────┘",
       " 127.0.0.1:5000 ● authenticated  ● 4s  every 15s  12:34:56   q quit"])


class ScreenTests(unittest.TestCase):
    def test_an_intact_frame_passes(self):
        self.assertEqual(screen.problems(FRAME, "127.0.0.1:5000"), [])

    def test_a_missing_status_line_is_found(self):
        damaged = FRAME.rsplit("\n", 1)[0] + "\n"
        self.assertTrue(any("status line" in p for p in screen.problems(damaged, "127.0.0.1:5000")))

    def test_escape_sequence_leftovers_are_found(self):
        damaged = FRAME.replace("AAPL", "[0mAAPL", 1)
        self.assertTrue(any("garbage" in p for p in screen.problems(damaged, "127.0.0.1:5000")))

    def test_a_screen_without_frame_is_found(self):
        bare = "\n".join(line.strip("│┌┐└┘") for line in FRAME.split("\n"))
        self.assertTrue(any("frame" in p for p in screen.problems(bare, "127.0.0.1:5000")))

    def test_stale_numbers_are_recognised(self):
        stale = FRAME.replace("● 4s", "○ stale 2m")
        self.assertTrue(screen.shows_stale_data(stale, {"AAPL"})[0])
        self.assertFalse(screen.shows_stale_data(FRAME, {"AAPL"})[0])
        self.assertFalse(screen.shows_stale_data(stale, {"MSFT"})[0])


LOG = [
    "2026-11-21T23:00:01Z\twarning\tdata\tU1\tU1 summary: /portfolio/U1/summary: HTTP 503",
    "2026-11-21T23:00:02Z\twarning\tdata\tU2\tU2 summary: /portfolio/U2/summary: HTTP 503",
    "2026-11-21T23:00:20Z\twarning\tdata\tU1\tU1 summary: /portfolio/U1/summary: HTTP 503",
    "not an alert",
]


class AlertTests(unittest.TestCase):
    def test_lines_are_read_and_bad_ones_kept_apart(self):
        good, bad = alerts.parse(LOG)
        self.assertEqual(len(good), 3)
        self.assertEqual(len(bad), 1)

    def test_an_alert_per_retry_is_a_repeat(self):
        good, _ = alerts.parse(LOG)
        self.assertEqual(len(alerts.repeats(good)), 1)
        self.assertEqual(alerts.repeats(good[:2]), [])

    def test_episodes_take_their_window_and_class(self):
        good, _ = alerts.parse(LOG)
        start = good[0].time
        self.assertEqual(len(alerts.episode_alerts(good, start, start + 5, r"\b503\b")), 2)
        self.assertEqual(alerts.episode_alerts(good, start, start + 5, r"Rate limited"), [])


class ListenerTests(unittest.TestCase):
    def test_a_waiting_gateway_outage_goes_before_the_next_flex_episode(self):
        listener = SharedListener(threading.Event())
        self.assertTrue(listener.acquire("flex"))
        order = []

        def take(by):
            if listener.acquire(by):
                order.append(by)
                listener.release()

        gateway = threading.Thread(target=take, args=("gateway",))
        gateway.start()
        while not listener.gateway_waiting:
            time.sleep(0.01)
        flex = threading.Thread(target=take, args=("flex",))
        flex.start()
        time.sleep(0.1)
        self.assertEqual(order, [], "nobody takes the listener while a Flex episode holds it")
        listener.release()
        gateway.join(5)
        flex.join(5)
        self.assertEqual(order, ["gateway", "flex"])

    def test_a_stopping_run_gives_up_waiting(self):
        stopping = threading.Event()
        listener = SharedListener(stopping)
        self.assertTrue(listener.acquire("gateway"))
        stopping.set()
        self.assertFalse(listener.acquire("flex"))


if __name__ == "__main__":
    unittest.main()
