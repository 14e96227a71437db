# Wrong: calls the base classes by name instead of super(), so in the diamond Vehicle runs twice
# (resetting the log) and describe() repeats "vehicle <name>".
class Vehicle:
    def __init__(self, name, **kwargs):
        self.name = name
        self.log = ["Vehicle"]

    def describe(self):
        return [f"vehicle {self.name}"]


class LandVehicle(Vehicle):
    def __init__(self, name, wheels=4, **kwargs):
        Vehicle.__init__(self, name)
        self.wheels = wheels
        self.log.append("LandVehicle")

    def describe(self):
        return Vehicle.describe(self) + [f"{self.wheels} wheels"]


class WaterVehicle(Vehicle):
    def __init__(self, name, draft=1.0, **kwargs):
        Vehicle.__init__(self, name)
        self.draft = draft
        self.log.append("WaterVehicle")

    def describe(self):
        return Vehicle.describe(self) + [f"draft {self.draft} m"]


class AmphibiousVehicle(LandVehicle, WaterVehicle):
    def __init__(self, name, wheels=4, draft=1.0, **kwargs):
        LandVehicle.__init__(self, name, wheels)
        WaterVehicle.__init__(self, name, draft)
        self.log.append("AmphibiousVehicle")

    def describe(self):
        return LandVehicle.describe(self) + WaterVehicle.describe(self) + ["amphibious"]


class Electric:
    def __init__(self, battery_kwh=50, **kwargs):
        self.battery_kwh = battery_kwh
        self.log.append("Electric")

    def describe(self):
        return [f"battery {self.battery_kwh} kWh"]


class ElectricAmphibian(Electric, AmphibiousVehicle):
    def __init__(self, battery_kwh=50, **kwargs):
        AmphibiousVehicle.__init__(self, **kwargs)
        Electric.__init__(self, battery_kwh)

    def describe(self):
        return AmphibiousVehicle.describe(self) + Electric.describe(self)
