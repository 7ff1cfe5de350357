"""Draw docs/assets/images/preview.png, the 1200 x 630 picture shown when a page's link is shared.

Material's social plugin would draw one per page, but it downloads fonts at build time; this
script uses the font bundled with Pillow, so it runs offline and gives the same picture anywhere.
Run it again after changing the site's name: `.venv/bin/python -m site_tools.make_preview_image`.
"""

from __future__ import annotations

import sys

from PIL import Image, ImageDraw, ImageFont

from site_tools.site_files import ROOT, load_config

OUTPUT = ROOT / "docs" / "assets" / "images" / "preview.png"
SIZE = (1200, 630)  # what Facebook, WhatsApp, Teams and X crop to without losing the text
NHS_BLUE = "#005eb8"
WHITE = "#ffffff"
PALE_BLUE = "#e8f1f8"
HEADLINE = load_config()["site_name"]
TAGLINE = ("What the injections are, where they go,", "side effects, and what to expect.")
FOOTER = "Patient information from your headache clinic"


def draw_preview() -> Image.Image:
    image = Image.new("RGB", SIZE, NHS_BLUE)
    draw = ImageDraw.Draw(image)
    margin = 80
    # A white band at the foot, the calm two-colour look of an NHS leaflet.
    draw.rectangle((0, SIZE[1] - 120, SIZE[0], SIZE[1]), fill=WHITE)
    draw.rectangle((margin, 110, margin + 120, 122), fill=WHITE)  # a short rule above the title
    draw.text((margin, 160), HEADLINE, font=ImageFont.load_default(size=84), fill=WHITE)
    tagline_font = ImageFont.load_default(size=44)
    for number, line in enumerate(TAGLINE):
        draw.text((margin, 300 + number * 62), line, font=tagline_font, fill=PALE_BLUE)
    draw.text((margin, SIZE[1] - 82), FOOTER, font=ImageFont.load_default(size=40), fill=NHS_BLUE)
    return image


def main() -> int:
    # 32 colours are plenty for two flat colours and anti-aliased text, at a third of the bytes.
    draw_preview().quantize(colors=32).save(OUTPUT, optimize=True)
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
