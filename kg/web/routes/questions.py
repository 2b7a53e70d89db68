"""/ask: a question in Chinese or English answered from the summary graph (kg.qa.ask), as JSON.

Errors are JSON too ({"error": …}), so the budget is charged in the handlers rather than by a dependency.
"""

from __future__ import annotations

import json
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from kg.qa.ask import ask as answer
from kg.web.protocol import ProtocolError
from kg.web.service import Service, State
from kg.web.transport import read_body

router = APIRouter()
MAX_QUESTION_BODY = 64 * 1024  # a question is at most 10,000 characters; its JSON or form wrapping fits in this


@router.get("/ask")
async def ask_get(request: Request, state: State, q: Annotated[str, Query(max_length=10000)] = "") -> Response:
    return await ask_question(request, state, q)


@router.post("/ask")
async def ask_post(request: Request, state: State) -> Response:
    """A question as JSON {"q": …} or a form field `q`; the budget is charged and the size checked before reading."""
    try:
        state.check_budget(request)
        body = await read_body(request, MAX_QUESTION_BODY, state.limits.body_timeout)
        question = read_question(body, request.headers.get("content-type"))
    except ProtocolError as exc:
        return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)
    return await ask_question(request, state, question, charged=True)


async def ask_question(request: Request, state: Service, question: str, *, charged: bool = False) -> Response:
    """The answer as JSON, read while no write runs; 400 for an empty question."""
    try:
        if not charged:
            state.check_budget(request)
        if not question.strip():
            raise ProtocolError(400, "ask a question: ?q=… or a JSON body {\"q\": \"…\"}")
    except ProtocolError as exc:
        return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)
    return JSONResponse(await state.read(answer, question, store=state.db))


def read_question(body: bytes, content_type: str | None) -> str:
    """The question in a POST /ask body (JSON {"q": …} or a form), at most 10,000 characters; 400 with one line otherwise."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request body is not UTF-8 (byte {exc.start})") from None
    if (content_type or "").split(";")[0].strip().lower() == "application/json":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            raise ProtocolError(400, "the body is not JSON; send an object {\"q\": \"…\"}") from None
        if not isinstance(data, dict) or not isinstance(data.get("q", ""), str):
            raise ProtocolError(400, "the body must be a JSON object whose 'q' is a string")
        question = data.get("q", "")
    else:
        question = (parse_qs(text).get("q") or [""])[0]
    try:
        question.encode("utf-8")
    except UnicodeEncodeError:
        raise ProtocolError(400, "the question holds a lone surrogate, which is not a character") from None
    return question[:10000]
