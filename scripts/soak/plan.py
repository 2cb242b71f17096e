"""The fault schedule, scaled to the run's length: which faults, in what order, for how long."""

from dataclasses import dataclass, field


@dataclass
class Phase:
    name: str
    # What the alert log must show for it (a regular expression on the alert's text).
    alert: str
    # Control commands: to start the fault, and to end it.
    start: list
    stop: list = field(default_factory=list)
    hold: float = 10.0
    # Snapshot datasets the fault touches: the phase waits for them to be fresh again before the next one.
    touches: tuple = ("summary", "ledger", "positions", "pnl", "orders")
    # The screen is checked for the last good numbers, marked stale, before the fault ends.
    check_stale_screen: bool = False
    # The fault takes the listener the Flex service shares with the gateway away.
    blocks_flex: bool = False


@dataclass
class Plan:
    minutes: float
    warm_up: float
    recovery_reserve: float
    history_cadence: int
    flex_max_wait: int
    gateway_phases: list
    flex_phases: list

    @property
    def seconds(self):
        return self.minutes * 60


def make(minutes):
    total = minutes * 60
    warm_up = min(90.0, max(30.0, 0.15 * total))
    recovery_reserve = 75.0
    history_cadence = 20 if total < 600 else 30
    flex_max_wait = history_cadence * 2 // 3

    def scaled(share, least):
        return max(least, share * total)

    data = ("summary", "ledger", "positions")
    brokerage = ("pnl", "orders")
    gateway = [
        Phase("5xx", r"\b503\b",
              [dict(command="fault", kind="status", status=503, pathPrefix="/portfolio",
                    durationSeconds=scaled(0.025, 15))],
              hold=scaled(0.025, 15), touches=data, check_stale_screen=True),
        # Two 429s on one endpoint, the second after its backoff. Three backoffs (any endpoints) within a minute
        # are IBKR's penalty box to the dashboard, which then pauses every request for 15 min, by design.
        Phase("429 burst", r"^Rate limited",
              [dict(command="fault", kind="rateLimit", count=2, pathPrefix="/iserver/account/orders")],
              hold=scaled(0.04, 20), touches=("orders",)),
        Phase("latency 15 s", r"did not answer within",
              [dict(command="fault", kind="latency", seconds=15, pathPrefix="/portfolio",
                    durationSeconds=scaled(0.03, 18))],
              hold=scaled(0.03, 18) + 12, touches=data),
        Phase("truncated JSON", r"^Unreadable answer",
              [dict(command="fault", kind="truncated", pathPrefix="/iserver/account",
                    durationSeconds=scaled(0.02, 12))],
              hold=scaled(0.02, 12), touches=brokerage),
        Phase("malformed JSON", r"^Unreadable answer",
              [dict(command="fault", kind="malformed", pathPrefix="/portfolio",
                    durationSeconds=scaled(0.025, 15))],
              hold=scaled(0.025, 15), touches=data),
        Phase("auth lost", r"^Session lost|^Not logged in",
              [dict(command="session", state="noSession")], [dict(command="session", state="brokerage")],
              hold=scaled(0.03, 18)),
        Phase("competing login", r"^Competing login",
              [dict(command="session", state="competing")], [dict(command="session", state="brokerage")],
              hold=scaled(0.03, 18), touches=brokerage),
        Phase("gateway down", r"unreachable",
              [dict(command="gatewayDown")], [dict(command="gatewayUp")],
              hold=scaled(0.1, 25), check_stale_screen=True, blocks_flex=True),
    ]
    minimum_1019 = history_cadence + flex_max_wait + 15
    flex = [
        Phase("Flex 1012 token expired", r"Flex error 1012",
              [dict(command="flexToken", status="expired")], [dict(command="flexToken", status="valid")],
              hold=0, touches=()),
        Phase("Flex 1019 for long", r"still being generated",
              [dict(command="flexDelay", seconds=100000)], [dict(command="flexDelay", seconds=5)],
              hold=max(minimum_1019, min(total / 2, total - 300)), touches=()),
        Phase("Flex 1018", r"Flex error 1018",
              [dict(command="flexScript", endpoint="SendRequest", steps="1018,OK")], [],
              hold=0, touches=()),
    ]
    return Plan(minutes, warm_up, recovery_reserve, history_cadence, flex_max_wait, gateway, flex)
