# Reference: one Lock per account; every read-check-write of the balance happens under `with`.
import threading


class BankAccount:
    def __init__(self, balance=0):
        self._lock = threading.Lock()
        self._balance = balance

    @property
    def balance(self):
        with self._lock:
            return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        with self._lock:
            self._balance += amount
            return self._balance

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("withdrawal must be positive")
        with self._lock:
            if amount > self._balance:
                raise ValueError("insufficient funds")
            self._balance -= amount
            return self._balance
