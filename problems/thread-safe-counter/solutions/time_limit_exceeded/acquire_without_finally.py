# Deadlocks: acquire()/release() without try/finally; a refused withdrawal leaves the lock held.
import threading


class BankAccount:
    def __init__(self, balance=0):
        self.lock = threading.Lock()
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.lock.acquire()
        self.balance += amount
        result = self.balance
        self.lock.release()
        return result

    def withdraw(self, amount):
        if amount <= 0:
            raise ValueError("withdrawal must be positive")
        self.lock.acquire()
        if amount > self.balance:
            raise ValueError("insufficient funds")
        self.balance -= amount
        result = self.balance
        self.lock.release()
        return result
