#!/usr/bin/env python3
"""Render a `tmux capture-pane -e -p -N` dump (text + SGR colour codes) to a PNG.

usage: ansi2png.py CAPTURE.ansi OUT.png [--cols N] [--rows N] [--font-size 16] [--light]
needs: pip install pillow (wcwidth optional); Debian fonts-dejavu-core (+ fonts-droid-fallback for CJK)
Box-drawing lines and block elements are drawn as rectangles so they join seamlessly.
"""
import argparse, re, unicodedata
from PIL import Image, ImageDraw, ImageFont

try:
    from wcwidth import wcwidth as _wcw
    def width(ch):
        w = _wcw(ch)
        return 1 if w < 0 else w
except ImportError:
    def width(ch):
        if unicodedata.combining(ch): return 0
        return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1

FONT_DIR = "/usr/share/fonts/truetype/"
FONTS = {False: FONT_DIR + "dejavu/DejaVuSansMono.ttf", True: FONT_DIR + "dejavu/DejaVuSansMono-Bold.ttf"}
FALLBACK = FONT_DIR + "droid/DroidSansFallbackFull.ttf"
DEFAULT_FG, DEFAULT_BG = (208, 208, 208), (24, 24, 27)
# A light terminal's own colours, for themes (like ibdash's "light") that leave the background to the terminal.
LIGHT_FG, LIGHT_BG = (38, 38, 38), (250, 250, 247)
BASE16 = [(0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
          (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255)]

def xterm256(n):
    if n < 16: return BASE16[n]
    if n < 232:
        n -= 16
        lv = [0, 95, 135, 175, 215, 255]
        return (lv[n // 36], lv[n // 6 % 6], lv[n % 6])
    g = 8 + 10 * (n - 232)
    return (g, g, g)

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
OTHER_ESC = re.compile(r"\x1b\[[0-9;?]*[A-Za-ln-z]|\x1b[()][0-9A-B]|\x1b[=>]")  # everything but SGR

class Attr:
    __slots__ = ("fg", "bg", "bold", "dim", "ul", "rev", "italic")
    def __init__(self): self.reset()
    def reset(self):
        self.fg = self.bg = None; self.bold = self.dim = self.ul = self.rev = self.italic = False
    def copy(self):
        a = Attr(); [setattr(a, k, getattr(self, k)) for k in Attr.__slots__]; return a

def apply_sgr(a, params):
    ps = [int(p) if p else 0 for p in re.split("[;:]", params)] if params else [0]
    i = 0
    while i < len(ps):
        p = ps[i]
        if p == 0: a.reset()
        elif p == 1: a.bold = True
        elif p == 2: a.dim = True
        elif p == 3: a.italic = True
        elif p == 4: a.ul = True
        elif p == 7: a.rev = True
        elif p == 22: a.bold = a.dim = False
        elif p == 23: a.italic = False
        elif p == 24: a.ul = False
        elif p == 27: a.rev = False
        elif 30 <= p <= 37: a.fg = xterm256(p - 30)
        elif 90 <= p <= 97: a.fg = xterm256(p - 90 + 8)
        elif 40 <= p <= 47: a.bg = xterm256(p - 40)
        elif 100 <= p <= 107: a.bg = xterm256(p - 100 + 8)
        elif p == 39: a.fg = None
        elif p == 49: a.bg = None
        elif p in (38, 48) and i + 1 < len(ps):
            if ps[i + 1] == 5 and i + 2 < len(ps):
                c = xterm256(ps[i + 2]); i += 2
            elif ps[i + 1] == 2 and i + 4 < len(ps):
                c = tuple(ps[i + 2:i + 5]); i += 4
            else:
                c = None
            if p == 38: a.fg = c
            else: a.bg = c
        i += 1

def parse(text, cols, rows):
    grid = [[(" ", Attr()) for _ in range(cols)] for _ in range(rows)]
    a = Attr()  # tmux emits SGR changes relative to the previous cell, across line ends too
    for y, line in enumerate(text.split("\n")[:rows]):
        x = 0; pos = 0
        line = OTHER_ESC.sub("", line)
        for m in list(SGR.finditer(line)) + [None]:
            chunk = line[pos:m.start() if m else len(line)]
            for ch in chunk:
                w = width(ch)
                if w == 0 and x > 0:
                    c, at = grid[y][x - 1]; grid[y][x - 1] = (c + ch, at); continue
                if x + w > cols: break
                grid[y][x] = (ch, a.copy())
                if w == 2: grid[y][x + 1] = ("", a.copy())
                x += w
            if m:
                apply_sgr(a, m.group(1)); pos = m.end()
    return grid

def colors(at):
    fg = at.fg or DEFAULT_FG; bg = at.bg or DEFAULT_BG
    if at.rev: fg, bg = (at.bg or DEFAULT_BG), (at.fg or DEFAULT_FG)
    if at.dim: fg = tuple((f + b) // 2 for f, b in zip(fg, bg))
    return fg, bg

# Box drawing: (up, down, left, right) for the light set.
BOX = {"─": (0, 0, 1, 1), "│": (1, 1, 0, 0), "┌": (0, 1, 0, 1), "┐": (0, 1, 1, 0), "└": (1, 0, 0, 1), "┘": (1, 0, 1, 0),
       "├": (1, 1, 0, 1), "┤": (1, 1, 1, 0), "┬": (0, 1, 1, 1), "┴": (1, 0, 1, 1), "┼": (1, 1, 1, 1),
       "╭": (0, 1, 0, 1), "╮": (0, 1, 1, 0), "╰": (1, 0, 0, 1), "╯": (1, 0, 1, 0)}

def draw_special(d, ch, x0, y0, cw, chh, fg):
    if ch in BOX:
        u, dn, l, r = BOX[ch]; cx = x0 + cw // 2; cy = y0 + chh // 2; t = max(1, cw // 9)
        if l: d.rectangle([x0, cy, cx, cy + t - 1], fill=fg)
        if r: d.rectangle([cx, cy, x0 + cw - 1, cy + t - 1], fill=fg)
        if u: d.rectangle([cx, y0, cx + t - 1, cy], fill=fg)
        if dn: d.rectangle([cx, cy, cx + t - 1, y0 + chh - 1], fill=fg)
        return True
    o = ord(ch)
    if 0x2581 <= o <= 0x2588:  # lower one-eighth .. full block
        h = round(chh * (o - 0x2580) / 8)
        d.rectangle([x0, y0 + chh - h, x0 + cw - 1, y0 + chh - 1], fill=fg); return True
    if o == 0x2580:
        d.rectangle([x0, y0, x0 + cw - 1, y0 + chh // 2 - 1], fill=fg); return True
    return False

_missing = {}
def missing(font, c):
    """True when the font has no glyph for c (it would draw the same box as for a private-use code point)."""
    key = (id(font), c)
    if key not in _missing:
        _missing[key] = bytes(font.getmask(c)) == bytes(font.getmask("\U000FFFFD"))
    return _missing[key]

def render(grid, out, size):
    fonts = {b: ImageFont.truetype(FONTS[b], size) for b in (False, True)}
    try: fallback = ImageFont.truetype(FALLBACK, size)
    except OSError: fallback = fonts[False]
    asc, desc = fonts[False].getmetrics()
    cw = round(fonts[False].getlength("M")); chh = asc + desc + 2
    pad = 12
    rows, cols = len(grid), len(grid[0])
    img = Image.new("RGB", (cols * cw + 2 * pad, rows * chh + 2 * pad), DEFAULT_BG)
    d = ImageDraw.Draw(img)
    for y, row in enumerate(grid):
        for x, (ch, at) in enumerate(row):
            if ch == "": continue
            fg, bg = colors(at)
            w = 2 if x + 1 < cols and row[x + 1][0] == "" else 1
            x0, y0 = pad + x * cw, pad + y * chh
            d.rectangle([x0, y0, x0 + w * cw - 1, y0 + chh - 1], fill=bg)
            if ch != " " and not draw_special(d, ch, x0, y0, cw, chh, fg):
                f = fonts[at.bold]
                if any(missing(f, c) for c in ch if not unicodedata.combining(c)): f = fallback
                d.text((x0, y0 + 1), ch, font=f, fill=fg)
            if at.ul: d.line([x0, y0 + chh - 2, x0 + w * cw - 1, y0 + chh - 2], fill=fg)
    img.save(out)

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("capture"); ap.add_argument("png")
    ap.add_argument("--cols", type=int, default=0); ap.add_argument("--rows", type=int, default=0)
    ap.add_argument("--font-size", type=int, default=16)
    ap.add_argument("--light", action="store_true", help="render as a terminal with a light background")
    o = ap.parse_args()
    if o.light:
        DEFAULT_FG, DEFAULT_BG = LIGHT_FG, LIGHT_BG
    text = open(o.capture, encoding="utf-8").read().rstrip("\n")
    lines = text.split("\n")
    cols = o.cols or max(sum(width(c) for c in SGR.sub("", l)) for l in lines)
    rows = o.rows or len(lines)
    render(parse(text, cols, rows), o.png, o.font_size)
