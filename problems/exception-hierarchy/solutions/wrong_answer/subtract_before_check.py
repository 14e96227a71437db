# Wrong: withdraw subtracts first and only then checks for a negative balance, so a failed
# withdrawal still changes the balance.
class BankError(Exception):
    """Base class of every error raised by Account."""


class InvalidAmount(BankError, ValueError):
    def __init__(self, amount):
        super().__init__(f"invalid amount: {amount!r}")
        self.amount = amount


class InsufficientFunds(BankError):
    def __init__(self, balance, requested):
        super().__init__(f"cannot withdraw {requested}: balance is {balance}")
        self.balance = balance
        self.requested = requested

    @property
    def shortfall(self):
        return self.requested - self.balance


class AccountFrozen(BankError):
    def __init__(self, owner):
        super().__init__(f"account of {owner} is frozen")
        self.owner = owner


def _is_number(value):
    return isinstance(value, (int, float))


class Account:
    def __init__(self, owner, balance=0):
        if not _is_number(balance) or balance < 0:
            raise InvalidAmount(balance)
        self.owner = owner
        self.balance = balance
        self.frozen = False

    def _check(self, amount):
        if not _is_number(amount) or amount <= 0:
            raise InvalidAmount(amount)
        if self.frozen:
            raise AccountFrozen(self.owner)

    def deposit(self, amount):
        self._check(amount)
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        self._check(amount)
        self.balance -= amount
        if self.balance < 0:
            raise InsufficientFunds(self.balance + amount, amount)
        return self.balance

    def freeze(self):
        self.frozen = True

    def unfreeze(self):
        self.frozen = False

    def transfer(self, to, amount):
        self.withdraw(amount)
        try:
            to.deposit(amount)
        except BankError:
            self.balance += amount  # undo the withdrawal, then let the error go on
            raise
