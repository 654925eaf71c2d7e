"""Content images (publish/images.py): lazy-loaded, with their real size so that the page
does not jump as they arrive. The images are made by Chromium's own encoders (canvas and
screenshots), as an editor or a camera would make them, not written by hand."""

from __future__ import annotations

import base64
import struct

import pytest

from retex.publish.images import image_size, lazy_images

CANVAS = """([type, width, height, quality]) => {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  context.fillStyle = "#1a6";
  context.fillRect(0, 0, width, height);
  context.fillStyle = "#fd3";
  context.fillRect(width / 4, height / 4, width / 2, height / 2);
  return canvas.toDataURL(type, quality);
}"""


@pytest.fixture(scope="module")
def encode(browser):
    """Encode a drawing of the given size with Chromium: ``encode(type, w, h) -> bytes``."""
    page = browser.new_page()

    def run(kind: str, width: int, height: int, quality: float = 0.9) -> bytes:
        url = page.evaluate(CANVAS, [kind, width, height, quality])
        assert url.startswith(f"data:{kind};base64,"), f"{kind} non pris en charge"
        return base64.b64decode(url.split(",", 1)[1])

    yield run
    page.close()


@pytest.mark.parametrize(
    ("kind", "name"),
    [("image/jpeg", "photo.jpg"), ("image/png", "plan.png"), ("image/webp", "carte.webp")],
)
@pytest.mark.parametrize(("width", "height"), [(640, 427), (1, 1), (3000, 17)])
def test_the_size_is_read_from_the_file(tmp_path, encode, kind, name, width, height):
    path = tmp_path / name
    path.write_bytes(encode(kind, width, height))
    assert image_size(path) == (width, height)


def test_a_lossless_webp_and_a_jpeg_with_metadata_first(tmp_path, encode):
    lossless = tmp_path / "sans-perte.webp"
    lossless.write_bytes(encode("image/webp", 321, 123, 1.0))
    assert image_size(lossless) == (321, 123)
    # A camera's JPEG starts with an Exif segment (here 20 kB) before its frame header.
    jpeg = encode("image/jpeg", 800, 600)
    exif = b"Exif\0\0" + b"\0" * 20_000
    with_exif = jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif + jpeg[2:]
    path = tmp_path / "appareil.jpg"
    path.write_bytes(with_exif)
    assert image_size(path) == (800, 600)


def test_a_gif_screenshot_and_what_is_not_an_image(tmp_path, browser):
    page = browser.new_page(viewport={"width": 200, "height": 120})
    page.set_content("<body style='margin:0;background:#1a6'></body>")
    shot = tmp_path / "capture.jpg"
    shot.write_bytes(page.screenshot(type="jpeg", quality=80))
    page.close()
    assert image_size(shot) == (200, 120)
    gif = tmp_path / "anim.gif"
    gif.write_bytes(b"GIF89a" + struct.pack("<HH", 48, 32) + b"\0" * 20)
    assert image_size(gif) == (48, 32)
    for name, data in (("faux.jpg", b"<svg/>"), ("vide.png", b""), ("coupe.jpg", b"\xff\xd8")):
        (tmp_path / name).write_bytes(data)
        assert image_size(tmp_path / name) is None, name
    assert image_size(tmp_path / "absent.png") is None


def test_images_are_lazy_sized_and_keep_what_the_page_says(tmp_path, encode):
    (tmp_path / "photo.jpg").write_bytes(encode("image/jpeg", 640, 427))
    found = {"images/photo.jpg": tmp_path / "photo.jpg"}
    html = (
        '<p><img alt="Atelier" src="images/photo.jpg"></p>'
        '<p><img alt="Plan" src="images/absent.png" /></p>'
        '<p><img alt="Logo" src="images/photo.jpg" width="50" loading="eager"></p>'
    )
    out = lazy_images(html, found.get)
    assert out == (
        '<p><img alt="Atelier" src="images/photo.jpg" loading="lazy" decoding="async"'
        ' width="640" height="427"></p>'
        '<p><img alt="Plan" src="images/absent.png" loading="lazy" decoding="async"></p>'
        '<p><img alt="Logo" src="images/photo.jpg" width="50" loading="eager"'
        ' decoding="async"></p>'
    )


def test_the_built_page_gives_a_content_image_its_size(project, tmp_path, encode):
    project.write("cases/images/atelier.jpg", encode("image/jpeg", 480, 320))
    path = "cases/pau-lean-startup-directeurs.md"
    image = "![Les directeurs en atelier](images/atelier.jpg)"
    project.edit(path, "## Contexte\n", f"## Contexte\n\n{image}\n")
    result = project.build(tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site/cas/pau-lean-startup-directeurs/index.html").read_text("utf-8")
    assert 'width="480" height="320"' in page and 'loading="lazy"' in page
    assert (tmp_path / "site/cas/images/atelier.jpg").read_bytes()[:3] == b"\xff\xd8\xff"
