"""Small reproducible wheels and zip edits for the lab's Pyodide: stub packages, our sitecustomize."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


def normal(name: str) -> str:
    """A package name in one spelling (lower case, hyphens), to compare names."""
    return name.lower().replace("_", "-")


def _wheel(folder: Path, name: str, version: str, files: dict[str, str]) -> Path:
    """Write a small pure-Python wheel (reproducible: fixed dates, sorted members)."""
    folder.mkdir(parents=True, exist_ok=True)
    dist = f"{name}-{version}.dist-info"
    files = {**files,
             f"{dist}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
             f"{dist}/WHEEL": ("Wheel-Version: 1.0\nGenerator: reflective-supervision\nRoot-Is-Purelib: true\n"
                               "Tag: py3-none-any\n")}
    files[f"{dist}/RECORD"] = "".join(f"{path},,\n" for path in files) + f"{dist}/RECORD,,\n"
    path = folder / f"{name}-{version}-py3-none-any.whl"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in sorted(files):
            archive.writestr(_entry(member), files[member])
    path.write_bytes(buffer.getvalue())
    return path


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip member with a fixed date (reproducible builds), compressed."""
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def add_to_zip(archive_path: Path, *files: Path) -> None:
    """Add files at the top of a zip archive (Pyodide's standard library), keeping what is there."""
    with zipfile.ZipFile(archive_path, "a", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.writestr(_entry(path.name), path.read_bytes())


def stub_wheel(folder: Path, name: str) -> Path:
    """An empty wheel for a package the kernel asks for but the lab leaves out: importing it fails cleanly."""
    return _wheel(folder, name, "0.0.0+offline.stub",
                  {f"{name}/__init__.py":
                   f'raise ImportError("{name} is left out of this offline lab to start faster")\n'})
