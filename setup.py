"""Build hooks for ``pip install .``: the metadata lives in pyproject.toml.

The only custom step: before compiling the cffi extension ``mlmath._native``,
build the Go library with ``go build -buildmode=c-shared`` and ship it inside
the package next to the extension, which finds it through an rpath of $ORIGIN.
"""

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

sys.path.insert(0, str(Path(__file__).resolve().parent / "bindings"))
import build_ffi  # noqa: E402


class BuildGoThenExtension(build_ext):
    def run(self):
        lib = build_ffi.build_go_library(Path(self.build_temp) / "go" / build_ffi.LIB_NAME)
        for ext in self.extensions:
            ext.library_dirs.append(str(lib.parent))
        super().run()
        target = Path(self.get_ext_fullpath(build_ffi.MODULE)).parent / build_ffi.LIB_NAME
        shutil.copy2(lib, target)  # into the build tree (or, for --inplace, next to the extension)


setup(
    ext_modules=[build_ffi.make_ffibuilder().distutils_extension(tmpdir="build/cffi")],
    cmdclass={"build_ext": BuildGoThenExtension},
)
