#!/usr/bin/python3
"""Builds the kiosk's bundled fonts from Debian's Noto fonts (fonts-noto-core, fonts-noto-cjk).

Run from the repository root with Debian's python3 and python3-fonttools + python3-brotli:
    /usr/bin/python3 src/renderer/assets/fonts/subset.py
Each script gets only what its locales need, as woff2; the CSS loads them with unicode-range,
so a page in English never downloads the Arabic or Chinese file.
"""
import glob, json, re
from fontTools import subset
from fontTools.ttLib import TTCollection

OUT = 'src/renderer/assets/fonts'
NOTO = '/usr/share/fonts/truetype/noto'
CJK = '/usr/share/fonts/opentype/noto'

# Latin incl. Vietnamese, Cyrillic, punctuation, arrows and the symbols the UI uses.
LATIN = 'U+0000-024F,U+0259,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0300-036F,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+20AC,U+2190-21FF,U+2212,U+2300-23FF,U+2420,U+FEFF,U+FFFD'
ARABIC = 'U+0020-0040,U+00A0,U+0600-06FF,U+0750-077F,U+08A0-08FF,U+200C-200F,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FEFF'


def text_of_zh() -> str:
    chars = set()
    for f in glob.glob('locales/zh-Hans/*.json'):
        chars |= set(open(f, encoding='utf8').read())
    # Demo catalogue names in Chinese.
    for m in re.finditer(r"'zh-Hans': '([^']*)'", open('src/core/demo/catalogue.ts', encoding='utf8').read()):
        chars |= set(m.group(1))
    # Common characters: GB2312 level 1 (3,755 hanzi, the set everyday Chinese text is written in).
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode('gb2312'))
            except UnicodeDecodeError:
                pass
    # CJK punctuation and full-width forms.
    chars |= {chr(c) for c in range(0x3000, 0x3040)} | {chr(c) for c in range(0xFF00, 0xFFF0)}
    return ''.join(sorted(c for c in chars if ord(c) >= 0x2E80))


def run(src: str, out: str, unicodes: str = '', text: str = '') -> None:
    args = [src, f'--output-file={OUT}/{out}', '--flavor=woff2', '--layout-features=*', '--no-hinting', '--desubroutinize']
    args.append(f'--unicodes={unicodes}' if unicodes else f'--text={text}')
    subset.main(args)


for weight in ('Regular', 'Bold'):
    run(f'{NOTO}/NotoSans-{weight}.ttf', f'NotoSans-{weight}.woff2', unicodes=LATIN)
    run(f'{NOTO}/NotoSansArabic-{weight}.ttf', f'NotoSansArabic-{weight}.woff2', unicodes=ARABIC)
    # The CJK collection holds JP, KR, SC, TC, HK faces: take Simplified Chinese.
    ttc = TTCollection(f'{CJK}/NotoSansCJK-{weight}.ttc')
    sc = next(i for i, f in enumerate(ttc.fonts) if 'SC' in f['name'].getDebugName(1))
    tmp = f'/tmp/NotoSansSC-{weight}.otf'
    ttc.fonts[sc].save(tmp)
    # Both weights: a synthesised bold smears hanzi strokes together at kiosk sizes.
    run(tmp, f'NotoSansSC-{weight}.woff2', text=text_of_zh())
