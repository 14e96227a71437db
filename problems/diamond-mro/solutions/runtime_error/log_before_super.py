# Crashes: the subclasses append to self.log before calling super().__init__, which is what
# creates the log (AttributeError).
class Vehicle:
    def __init__(self, *, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name
        self.log = ["Vehicle"]

    def describe(self):
        return [f"vehicle {self.name}"]


class LandVehicle(Vehicle):
    def __init__(self, *, wheels=4, **kwargs):
        self.log.append("LandVehicle")
        self.wheels = wheels
        super().__init__(**kwargs)

    def describe(self):
        return super().describe() + [f"{self.wheels} wheels"]


class WaterVehicle(Vehicle):
    def __init__(self, *, draft=1.0, **kwargs):
        self.log.append("WaterVehicle")
        self.draft = draft
        super().__init__(**kwargs)

    def describe(self):
        return super().describe() + [f"draft {self.draft} m"]


class AmphibiousVehicle(LandVehicle, WaterVehicle):
    def __init__(self, **kwargs):
        self.log.append("AmphibiousVehicle")
        super().__init__(**kwargs)

    def describe(self):
        return super().describe() + ["amphibious"]


class Electric:
    def __init__(self, *, battery_kwh=50, **kwargs):
        self.log.append("Electric")
        self.battery_kwh = battery_kwh
        super().__init__(**kwargs)

    def describe(self):
        return super().describe() + [f"battery {self.battery_kwh} kWh"]


class ElectricAmphibian(Electric, AmphibiousVehicle):
    pass
