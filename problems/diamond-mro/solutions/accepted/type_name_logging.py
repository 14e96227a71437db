# Alternative: positional-or-keyword parameters and lists extended in place; each class logs
# its own name via ClassName.__name__ (type(self).__name__ would be the most derived class).
class Vehicle:
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name
        self.log = [Vehicle.__name__]

    def describe(self):
        return ["vehicle " + self.name]


class LandVehicle(Vehicle):
    def __init__(self, wheels=4, **kwargs):
        super().__init__(**kwargs)
        self.wheels = wheels
        self.log.append(LandVehicle.__name__)

    def describe(self):
        parts = super().describe()
        parts.append(f"{self.wheels} wheels")
        return parts


class WaterVehicle(Vehicle):
    def __init__(self, draft=1.0, **kwargs):
        super().__init__(**kwargs)
        self.draft = draft
        self.log.append(WaterVehicle.__name__)

    def describe(self):
        parts = super().describe()
        parts.append(f"draft {self.draft} m")
        return parts


class AmphibiousVehicle(LandVehicle, WaterVehicle):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.log.append(AmphibiousVehicle.__name__)

    def describe(self):
        return [*super().describe(), "amphibious"]


class Electric:
    def __init__(self, battery_kwh=50, **kwargs):
        super().__init__(**kwargs)
        self.battery_kwh = battery_kwh
        self.log.append(Electric.__name__)

    def describe(self):
        return [*super().describe(), f"battery {self.battery_kwh} kWh"]


class ElectricAmphibian(Electric, AmphibiousVehicle):
    pass
