"""The simulator's one listener, shared by the gateway and the Flex service, taken in turns by the fault threads."""

import threading


class SharedListener:
    """A gateway fault that takes the listener away and a Flex episode must not overlap: during the outage no
    statement can come through, so the Flex episode's recovery would be the outage's. A Flex episode holds the
    listener from its fault until its statement has come through; a gateway outage from its start until the
    gateway is back. When both wait, the gateway goes first: its phases keep the run's schedule."""

    def __init__(self, stopping):
        self.stopping = stopping
        self.condition = threading.Condition()
        self.holder = None
        self.gateway_waiting = 0

    def acquire(self, by):
        """Waits for the listener; False when the run is stopping first."""
        with self.condition:
            if by == "gateway":
                self.gateway_waiting += 1
            try:
                while self.holder is not None or (by == "flex" and self.gateway_waiting):
                    if self.stopping.is_set():
                        return False
                    self.condition.wait(1.0)
                self.holder = by
                return True
            finally:
                if by == "gateway":
                    self.gateway_waiting -= 1

    def release(self):
        with self.condition:
            self.holder = None
            self.condition.notify_all()
