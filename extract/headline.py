"""A page's headline, not its chrome: what a source is called on pages, in answers and in dumps.

Saved news pages open with menus, app banners and section names ("Business", "下载APP"); the
headline is the first line shaped like one (a phrase of 4–30 English words or 8–60 Chinese
characters, or a mix, no sentence punctuation at its end, no menu separators) and is usually followed by a
byline or a date. In HTML, the page says it itself: og:title, then the article's h1, then <title>
without the site name.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_BYLINE = re.compile(r"^(?:by\s|source|来源|來源|作者|记者|記者|发布|發布|编辑|編輯|责任编辑|updated|published|©)|"
                     r"\d{4}[-/.年]\s?\d{1,2}[-/.月]\s?\d{1,2}|\b\d{1,2}:\d{2}\b", re.IGNORECASE)
_CHROME = re.compile(r"当前位置|當前位置|您的位置|热搜|熱搜|手机版|手機版|电脑版|電腦版|下载APP|下載APP|^\(?资料图片"
                     r"|记者.{0,12}(?:报道|摄)|>|上一主题|下一主题|\[Photo|Photo/|。")
_SITE_SUFFIX = re.compile(r"\s*(?:[-|_–—]|·)\s*[^-|_–—·]{1,30}$")
_EDGES = "|[]【】 \t"


def _tidy(line: str) -> str:
    return re.sub(r"\[\s*\]|【\s*】", "", line).strip(_EDGES)


def _looks_like_headline(line: str) -> bool:
    cjk = len(_CJK.findall(line))
    words = len(_WORD.findall(line))
    if line.count("/") >= 2 or line.count("|") >= 2 or "http" in line or "©" in line:
        return False
    if _CHROME.search(line) or _BYLINE.match(line) or line.count(",") + line.count("，") >= 2:
        return False  # breadcrumbs, app banners, bylines, and a clause of a sentence cut at the line's end
    if line.endswith(("。", ".", ";", "；", ":", "：", ",", "，")):
        return False
    size = cjk + 2 * words  # a Chinese character or half an English word; mixed headlines mix both
    return 8 <= size <= 60 and len(line) <= 160


def from_lines(lines: list[str]) -> str | None:
    """The headline among a plain page's first lines: the one followed by a byline or a date, else the first
    headline-shaped line before the article's first paragraph."""
    head: list[str] = []
    for line in lines[:30]:
        if len(line) > 160:  # the first paragraph: a headline comes before it
            break
        head.append(_tidy(line))
    shaped = [i for i, line in enumerate(head) if _looks_like_headline(line)]
    for i in shaped:
        following = next((nxt for nxt in head[i + 1 :] if nxt), "")
        if _BYLINE.search(following):
            return head[i]
    return head[shaped[0]] if shaped else None


def from_html(og_title: str | None, h1: str | None, title: str | None) -> str | None:
    """The headline an HTML page states: og:title, the article's h1, or <title> without its site name."""
    for found in (og_title, h1):
        if found and found.strip():
            return _tidy(found)
    if title and title.strip():
        stripped = _SITE_SUFFIX.sub("", title.strip())
        return _tidy(stripped if len(stripped) >= 6 else title)
    return None
