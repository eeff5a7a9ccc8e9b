"""Reads a printout PDF back: its text (pypdfium2) and its KOD I QR code (zxing-cpp)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import zxingcpp
from PySide6.QtGui import QImage

SHOTS = os.environ.get("KSEF_SHOTS")  # a folder: screenshots for a person to look at
RENDER_SCALE = 3.0  # 216 dpi: the QR's modules are several pixels wide


def pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def page_pixels(path: Path, index: int = 0) -> np.ndarray:
    """The page as an RGB array."""
    pdf = pdfium.PdfDocument(path)
    try:
        bitmap = pdf[index].render(scale=RENDER_SCALE, rev_byteorder=True)
        return np.array(bitmap.to_numpy()[:, :, :3], copy=True)
    finally:
        pdf.close()


def qr_texts(path: Path) -> list[str]:
    """Every QR code found on the PDF's pages, decoded."""
    pdf = pdfium.PdfDocument(path)
    try:
        count = len(pdf)
    finally:
        pdf.close()
    found: list[str] = []
    for index in range(count):
        pixels = page_pixels(path, index)
        found += [
            code.text
            for code in zxingcpp.read_barcodes(pixels)
            if code.format == zxingcpp.BarcodeFormat.QRCode
        ]
    return found


def save_png(path: Path, target: Path) -> None:
    """The first page as a PNG, for a person to look at."""
    pixels = np.ascontiguousarray(page_pixels(path))
    height, width, _ = pixels.shape
    image = QImage(pixels.data, width, height, width * 3, QImage.Format.Format_RGB888)
    image.copy().save(str(target))


def keep_png(path: Path, name: str) -> None:
    """The first page saved as ``name`` in the $KSEF_SHOTS folder, when that is set."""
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        save_png(path, Path(SHOTS) / name)
