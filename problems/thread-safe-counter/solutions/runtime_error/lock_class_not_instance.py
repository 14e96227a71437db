# Crashes: stores threading.Lock itself (no parentheses), so `with self.lock:` raises TypeError.
import threading


class BankAccount:
    def __init__(self, balance=0):
        self.lock = threading.Lock
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        with self.lock:
            self.balance += amount
            return self.balance

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("withdrawal must be positive")
        with self.lock:
            if amount > self.balance:
                raise ValueError("insufficient funds")
            self.balance -= amount
            return self.balance
