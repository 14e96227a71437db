# Alternative: amounts checked with numbers.Real; transfer validates both sides before moving money.
import numbers


class BankError(Exception):
    pass


class InvalidAmount(BankError, ValueError):
    def __init__(self, amount):
        self.amount = amount
        super().__init__("invalid amount: " + repr(amount))


class InsufficientFunds(BankError):
    def __init__(self, balance, requested):
        self.balance, self.requested = balance, requested
        self.shortfall = requested - balance
        super().__init__(f"cannot withdraw {requested}: balance is {balance}")


class AccountFrozen(BankError):
    def __init__(self, owner):
        self.owner = owner
        super().__init__(f"account of {owner} is frozen")


class Account:
    def __init__(self, owner, balance=0):
        if not isinstance(balance, numbers.Real) or balance < 0:
            raise InvalidAmount(balance)
        self.owner, self.balance, self.frozen = owner, balance, False

    def _validate(self, amount, withdrawing):
        if not isinstance(amount, numbers.Real) or not amount > 0:
            raise InvalidAmount(amount)
        if self.frozen:
            raise AccountFrozen(self.owner)
        if withdrawing and amount > self.balance:
            raise InsufficientFunds(self.balance, amount)

    def deposit(self, amount):
        self._validate(amount, withdrawing=False)
        self.balance += amount
        return self.balance

    def withdraw(self, amount):
        self._validate(amount, withdrawing=True)
        self.balance -= amount
        return self.balance

    def freeze(self):
        self.frozen = True

    def unfreeze(self):
        self.frozen = False

    def transfer(self, to, amount):
        self._validate(amount, withdrawing=True)
        to._validate(amount, withdrawing=False)
        self.balance -= amount
        to.balance += amount
