"""Raw bytes → clean article text: decoding, HTML chrome, pinyin garble, page noise.

The cleaned text keeps the page's own script (evidence is quoted as written); `folded` is the
same text in simplified Chinese, character for character, so offsets agree between the two.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import charset_normalizer
import opencc

from extract import headline
from extract.errors import BadInputError, EmptyDocumentError
from extract.resources import cached, lexicon

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_HINT = re.compile(rb"<(html|body|p|div|article|head|meta|title|br)\b", re.I)  # HTML has no space after <
# Tags a copy of a page kept as words, spaced out (< / P > < p >): no text of the article.
_TAG_WORDS = re.compile(r"<\s*/?\s*(?:p|br|div|span|strong|b|i|em|li|ul|h[1-6])\s*/?\s*>", re.I)
_CJK = re.compile(r"[\u3400-\u9fff]")


def has_cjk(text: str) -> bool:
    """True when the text holds a Chinese character (simplified or traditional)."""
    return bool(_CJK.search(text))
# A Chinese character followed by a parenthesised pinyin gloss: 計(jì) → 計, 园区(yuánqū) → 园区
# (some pages print the gloss twice: 信(xin)(xin)息)
_GLOSS = r"\(([a-zA-Z\u00c0-\u024f\u0300-\u036f\u1e00-\u1eff ]{1,30})\)"
_PINYIN_AFTER_HAN = re.compile(r"(?<=[\u3400-\u9fff])(?:" + _GLOSS + r")+")


@dataclass(frozen=True)
class Cleaned:
    """An article ready for reading: original-script text, its simplified twin, and metadata."""

    text: str
    folded: str
    title: str | None
    published: date | None


def decode(raw: bytes, *, path: str | None = None) -> str:
    """Decode bytes in UTF-8, GB18030/GBK or Big5 (or whatever charset-normalizer finds).

    Raises:
        BadInputError: the bytes are binary or in no text encoding.
    """
    if not raw.strip():
        return ""
    if b"\x00" in raw[:4096] and not raw.startswith(_BOMS):
        raise BadInputError("binary file, not text", path=path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if (japanese := _shift_jis(raw)) is not None:
        return japanese
    for encoding in ("gb18030", "big5"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            best = charset_normalizer.from_bytes(raw).best()
            if best is not None and best.encoding in ("big5", "big5hkscs", "cp950") and encoding == "gb18030":
                return raw.decode("big5", errors="replace")
            return text
    best = charset_normalizer.from_bytes(raw).best()
    if best is None or not _looks_like_text(str(best)):
        raise BadInputError("not text in any known encoding", path=path)
    return str(best)


_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ff]")


def _shift_jis(raw: bytes) -> str | None:
    """Japanese text in Shift-JIS, which GB18030 also decodes (into nonsense Chinese).

    Kana settle it: Japanese prose is full of them and Chinese has none, while Shift-JIS bytes read as
    GB18030 yield no kana at all. Chinese bytes that happen to decode as Shift-JIS yield no kana either.
    """
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for ch in text if ch.isalpha())
    return text if letters and len(_KANA.findall(text)) >= max(3, letters // 10) and _looks_like_text(text) else None


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls <= max(2, len(text) // 200)


def is_html(raw: bytes) -> bool:
    """True when the bytes look like an HTML page rather than plain text."""
    return bool(_HTML_HINT.search(raw[:4096]))


def html_to_text(html: str) -> tuple[str, str | None]:
    """Return the article text of an HTML page (one block per line) and its title."""
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    tree = HTMLParser(html)
    og = tree.css_first('meta[property="og:title"]')
    h1 = tree.css_first("article h1") or tree.css_first("h1")
    title_node = tree.css_first("title")
    title = headline.from_html(og.attributes.get("content") if og else None, h1.text(strip=True) if h1 else None,
                               title_node.text(strip=True) if title_node else None)
    for node in tree.css("script, style, noscript, nav, header, footer, aside, form, iframe, svg, button"):
        node.decompose()
    for node in tree.css('[class*="share"], [class*="comment"], [class*="nav"], [class*="footer"], [id*="comment"]'):
        node.decompose()
    root = tree.css_first("article") or tree.body or tree.root
    if root is None:
        return "", title
    blocks: list[str] = []
    for node in root.traverse(include_text=False):
        if node.tag in ("p", "h1", "h2", "h3", "h4", "li", "td", "time", "span", "div") and not any(
            child.tag in ("p", "div", "li", "h1", "h2", "h3", "table", "ul") for child in node.iter()
        ):
            text = node.text(separator="", strip=True)
            if text and (not blocks or blocks[-1] != text):
                blocks.append(text)
    return "\n".join(blocks), title


@cache
def _pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable pypinyin knows; kept in the cache (0.4 s to build from its 40,000 readings)."""
    import pypinyin.pinyin_dict as module

    def build() -> frozenset[str]:
        return frozenset(_strip_tones(reading) for readings in module.pinyin_dict.values()
                         for reading in readings.split(","))

    return cached("pinyin-syllables", ["syllables/1", Path(module.__file__ or "").read_bytes()], build)


def _strip_tones(s: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch)).replace("ü", "v")


def _is_pinyin(word: str, syllables: frozenset[str]) -> bool:
    """True when the word is one to four pinyin syllables run together (ji, yuanqu, shujuzhongxin)."""
    reach = {0: 0}  # end of a prefix made of syllables → how many syllables it took
    for i in range(len(word)):
        if i in reach and reach[i] < 4:
            for j in range(i + 1, min(len(word), i + 6) + 1):
                if word[i:j] in syllables:
                    reach[j] = min(reach.get(j, 5), reach[i] + 1)
    return len(word) in reach


def remove_pinyin_garble(text: str) -> str:
    """Drop pinyin glosses that some pages put after each character: 計(jì)算 → 計算."""
    syllables = _pinyin_syllables()

    def keep_or_drop(match: re.Match[str]) -> str:
        glosses = [g.replace(" ", "") for g in re.findall(_GLOSS, match.group(0))]
        pinyin = all(g.islower() and _is_pinyin(_strip_tones(g).lower(), syllables) for g in glosses)
        return "" if pinyin else match.group(0)

    return _PINYIN_AFTER_HAN.sub(keep_or_drop, text)


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _s2tw() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")


def to_traditional(text: str) -> str:
    """Traditional-Chinese form of a simplified label (Taiwan character standard: 集群, not 集羣)."""
    return _s2tw().convert(text)


@cache
def _regional_words() -> tuple[re.Pattern[str], dict[str, str]]:
    words = {k: v for k, v in lexicon()["regional_words"].items() if len(k) == len(v)}
    guards = lexicon()["regional_words_not_before"]
    parts = [re.escape(w) + (f"(?![{''.join(guards[w])}])" if w in guards else "") for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(parts)), words


def fold(text: str) -> str:
    """Simplified-Chinese twin of `text`, same length (so offsets carry over): 資料中心 → 数据中心."""
    converted = _t2s().convert(text)
    if len(converted) != len(text):
        converted = "".join(_t2s().convert(ch) if len(_t2s().convert(ch)) == 1 else ch for ch in text)
    pattern, words = _regional_words()
    return pattern.sub(lambda m: words[m.group(0)], converted)


@cache
def _noise_patterns() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in lexicon()["noise"]["line_patterns"]]


def is_noise(line: str) -> bool:
    """True for page chrome, widgets, copyright lines and keyword-stuffed spam lines."""
    stripped = fold(line.strip(" \t|│•·●▪-"))
    if not stripped:
        return True
    if any(p.search(stripped) for p in _noise_patterns()):
        return True
    noise = lexicon()["noise"]
    segments = [s for s in re.split(r"[|｜,，]", stripped) if s.strip()]
    if len(segments) > noise["spam_min_separators"] and "。" not in stripped and ". " not in stripped:
        return all(len(s.strip()) <= noise["spam_max_segment"] for s in segments)
    # Chinese is written without spaces: a run of space-separated Chinese keywords is a tag cloud or menu.
    words = stripped.split()
    chinese_words = [w for w in words if has_cjk(w)]
    if len(chinese_words) >= noise["spam_min_words"] and not re.search(r"[。，；！？]", stripped):
        return len(chinese_words) * 2 >= len(words)
    return False


def _published(lines: list[str]) -> date | None:
    head = "\n".join(lines[:20])
    if m := re.search(r"(20\d{2}|19\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})", head):
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    if m := re.search(r"(?:时间|時間|time|date|发布|發布)[^0-9]{0,6}(1[0-9]{9})\b", head, re.I):
        return datetime.fromtimestamp(int(m.group(1)), tz=UTC).date()
    return None


def clean(raw: bytes | str, *, path: str | None = None) -> Cleaned:
    """Turn a raw page (bytes or text, plain or HTML) into clean article text.

    Raises:
        BadInputError: the input is binary or undecodable.
        EmptyDocumentError: nothing readable is left.
    """
    if isinstance(raw, bytes):
        html = is_html(raw)
        text = decode(raw, path=path)
    else:
        text, html = raw, is_html(raw[:4096].encode("utf-8", "ignore"))
    title = None
    if html:
        text, title = html_to_text(text)
    text = _TAG_WORDS.sub("\n", text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = remove_pinyin_garble(text)
    lines = text.split("\n")
    published = _published(lines)
    kept: list[str] = []
    seen: set[str] = set()
    for line in lines:
        line = line.strip().strip("|•·●▪").strip()
        if is_noise(line):
            continue
        key = re.sub(r"\s+", "", line)
        if len(key) > 40 and key in seen:  # pages that print the article twice
            continue
        seen.add(key)
        kept.append(line)
    body = "\n".join(kept).strip()
    if not body:
        raise EmptyDocumentError("no readable text", path=path)
    if title is None:
        title = headline.from_lines(kept)
    return Cleaned(text=body, folded=fold(body), title=title, published=published)


_SENTENCE_END = re.compile(r"[。！？!?；;]+[”\"」』]?|\n+|(?<=[a-z0-9\]\)\"”’%])\.(?=\s+[A-Z“\"(\[‘\-–]|\s*$)")


MAX_SENTENCE = 600  # characters; no news sentence is longer, and reading one costs its length times its figures
_CLAUSE_END = re.compile(r"[,，;；、]")


def split_sentences(folded: str) -> list[tuple[int, int]]:
    """Sentence spans of a folded text (Chinese and English punctuation, line breaks).

    A run longer than MAX_SENTENCE (a page with no full stop, a hostile single line) is cut at the last comma
    or semicolon before the limit, else at the limit, so reading stays linear in the length of the text.
    """
    spans, start = [], 0
    ends = [m.end() for m in _SENTENCE_END.finditer(folded)]
    if not ends or ends[-1] < len(folded):
        ends.append(len(folded))
    for end in ends:
        while end - start > MAX_SENTENCE:
            cut = max((m.end() for m in _CLAUSE_END.finditer(folded, start + MAX_SENTENCE // 2, start + MAX_SENTENCE)),
                      default=start + MAX_SENTENCE)
            if folded[start:cut].strip():
                spans.append((start, cut))
            start = cut
        if folded[start:end].strip():
            spans.append((start, end))
        start = end
    return spans
