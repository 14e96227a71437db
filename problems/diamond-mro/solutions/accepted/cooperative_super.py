# Reference: every __init__ and describe() calls super() exactly once and forwards **kwargs, so
# each class runs once along whatever MRO it ends up in.
class Vehicle:
    def __init__(self, *, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name
        self.log = ["Vehicle"]

    def describe(self):
        return [f"vehicle {self.name}"]


class LandVehicle(Vehicle):
    def __init__(self, *, wheels=4, **kwargs):
        super().__init__(**kwargs)
        self.wheels = wheels
        self.log.append("LandVehicle")

    def describe(self):
        return super().describe() + [f"{self.wheels} wheels"]


class WaterVehicle(Vehicle):
    def __init__(self, *, draft=1.0, **kwargs):
        super().__init__(**kwargs)
        self.draft = draft
        self.log.append("WaterVehicle")

    def describe(self):
        return super().describe() + [f"draft {self.draft} m"]


class AmphibiousVehicle(LandVehicle, WaterVehicle):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.log.append("AmphibiousVehicle")

    def describe(self):
        return super().describe() + ["amphibious"]


class Electric:
    def __init__(self, *, battery_kwh=50, **kwargs):
        super().__init__(**kwargs)
        self.battery_kwh = battery_kwh
        self.log.append("Electric")

    def describe(self):
        return super().describe() + [f"battery {self.battery_kwh} kWh"]


class ElectricAmphibian(Electric, AmphibiousVehicle):
    pass
