NAME = "geometry"
