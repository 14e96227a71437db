# Wrong: creates a new Lock in every call, so no two threads ever contend for the same lock.
import threading


class BankAccount:
    def __init__(self, balance=0):
        self.balance = balance

    def _checked(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        return amount

    def deposit(self, amount):
        with threading.Lock():
            new_balance = self.balance + self._checked(amount)
            self.balance = new_balance
            return new_balance

    def withdraw(self, amount):
        with threading.Lock():
            amount = self._checked(amount)
            if amount > self.balance:
                raise ValueError("insufficient funds")
            self.balance -= amount
            return self.balance
