# An RLock, so the locked public methods can share a locked helper that re-acquires it.
from threading import RLock


class BankAccount:
    def __init__(self, balance=0):
        self.lock = RLock()
        self.balance = balance

    def _apply(self, delta):
        with self.lock:
            if self.balance + delta < 0:
                raise ValueError(f"insufficient funds: {self.balance} < {-delta}")
            self.balance += delta
            return self.balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        with self.lock:
            return self._apply(amount)

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        return self._apply(-amount)
