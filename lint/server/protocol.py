"""Malformed client messages get JSON-RPC errors, and the server keeps running.

pygls logs a request whose params do not fit the method's type, or a body that is not
JSON, and answers nothing: the client would wait for ever. Here a request that cannot
be read is answered with InvalidParams (or InternalError) under its own id, and a body
that is not JSON with ParseError (id null), as JSON-RPC 2.0 specifies.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Generator
from typing import Any

from lsprotocol import types
from lsprotocol.types import ResponseError, ResponseErrorMessage
from pygls.exceptions import JsonRpcException
from pygls.protocol import LanguageServerProtocol
from pygls.protocol.language_server import lsp_method
from pygls.workspace.position_codec import PositionCodec

logger = logging.getLogger(__name__)
PARSE_ERROR = -32700


class Answered(Exception):
    """A malformed message that has been answered with an error already."""


class FzlintProtocol(LanguageServerProtocol):
    forced_encoding: str | None = None  # the positionEncoding option, set by the initialize handler

    @lsp_method(types.INITIALIZE)
    def lsp_initialize(self, params: types.InitializeParams) -> Generator[Any, Any, types.InitializeResult]:
        result = yield from super().lsp_initialize(params)
        if self.forced_encoding:  # say what positions will really count
            result.capabilities.position_encoding = self.forced_encoding
        return result

    def force_encoding(self, encoding: str) -> None:
        """Count positions in ``encoding`` (changes the client sends included)."""
        self.forced_encoding = encoding
        self.workspace._position_encoding = encoding  # pygls keeps no public setter
        self.workspace._position_codec = PositionCodec(encoding=encoding)

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if "method" not in data or not isinstance(data.get("id"), int | str):
                raise  # a notification or a response: there is no one to answer
            message = f"{data['method']}：无法读取请求参数（{error.message or type(error).__name__}）"
            self.send_error(data["id"], error.code, message)
            raise Answered(message) from error

    def send_error(self, msg_id: int | str | None, code: int, message: str) -> None:
        response = ResponseErrorMessage(id=msg_id, error=ResponseError(code=code, message=message))
        self._send_data(response)


def report_error(protocol: FzlintProtocol, error: Exception) -> None:
    """The server's error hook for a message its read loop could not handle."""
    if isinstance(error, Answered):
        return
    if isinstance(error, json.JSONDecodeError | UnicodeDecodeError):
        protocol.send_error(None, PARSE_ERROR, f"消息不是合法的 JSON：{error}")
        return
    logger.error("fzlint server: %s: %s", type(error).__name__, error)
