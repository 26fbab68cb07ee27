"""Reading the badge PDFs back in tests: page count, and the QR codes a page shows (rendered
with pdfium, decoded with zxing-cpp, as a phone's camera would read the printed page)."""

import pypdfium2
import zxingcpp


def pages(pdf: bytes) -> int:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def qr_codes(pdf: bytes, page: int = 0, scale: float = 3) -> list[str]:
    """The texts of the QR codes on one page, top to bottom, left to right."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page].render(scale=scale).to_pil()
    finally:
        document.close()
    found = zxingcpp.read_barcodes(image)
    return [
        code.text
        for code in sorted(
            found, key=lambda c: (round(c.position.top_left.y, -2), c.position.top_left.x)
        )
        if code.format == zxingcpp.BarcodeFormat.QRCode
    ]
