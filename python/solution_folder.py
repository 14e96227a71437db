# A solution folder's modules, served from memory: importable as if the folder were on sys.path
# (first, as a script's own folder is), with nothing read from or written to a filesystem. The
# box runs install() once, before any candidate code, with the judge's copy of the files.
import sys
from importlib.machinery import ModuleSpec
from importlib.util import decode_source


def install(root, files):
    """root: the folder's name as tracebacks show it; files: {"pkg/mod.py": bytes}."""

    class Loader:
        def __init__(self, rel):
            self.rel = rel
            self.path = root + "/" + rel

        def create_module(self, spec):
            return None

        def exec_module(self, module):
            exec(compile(files[self.rel], self.path, "exec", dont_inherit=True), module.__dict__)

        def is_package(self, fullname):
            return self.rel.endswith("/__init__.py")

        def get_source(self, fullname):
            return decode_source(files[self.rel])

        def get_filename(self, fullname):
            return self.path

    folders = {f.rsplit("/", 1)[0] for f in files if "/" in f}
    for f in list(folders):
        while "/" in f:
            f = f.rsplit("/", 1)[0]
            folders.add(f)

    class Finder:
        def __init__(self, prefix):
            self.prefix = prefix  # "" or "pkg/"

        def find_spec(self, fullname, target=None):
            base = self.prefix + fullname.rpartition(".")[2]
            if base + "/__init__.py" in files:
                rel = base + "/__init__.py"
                spec = ModuleSpec(fullname, Loader(rel), origin=root + "/" + rel, is_package=True)
                spec.submodule_search_locations = [root + "/" + base]
            elif base + ".py" in files:
                rel = base + ".py"
                spec = ModuleSpec(fullname, Loader(rel), origin=root + "/" + rel)
            elif base in folders:  # a namespace package, as a folder without __init__.py is
                spec = ModuleSpec(fullname, None, is_package=True)
                spec.submodule_search_locations = [root + "/" + base]
                return spec
            else:
                return None
            spec.has_location = True
            return spec

        def invalidate_caches(self):
            pass

    def hook(path):
        if path == root:
            return Finder("")
        if path.startswith(root + "/") and path[len(root) + 1:] in folders:
            return Finder(path[len(root) + 1:] + "/")
        raise ImportError("not the solution folder")

    sys.path_hooks.insert(0, hook)
    sys.path.insert(0, root)
    sys.path_importer_cache.pop(root, None)
