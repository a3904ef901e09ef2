"""OCR of scanned pages: page images in, the PDF reader's page layout out.

`engine` wraps the offline recognizer (models shipped in the `ocr` extra), `prep` cleans a
page image (seal removed, turned upright, deskewed), `marks` finds ruling lines and check
boxes in the pixels, `page` puts it together into a `PageLayout` the PDF assembly reads.
Everything here imports numpy, Pillow and the recognizer lazily; nothing is fetched.
"""
