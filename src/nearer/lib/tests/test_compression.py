from __future__ import annotations

import gzip

from django.http import FileResponse, HttpRequest, HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from nearer.lib.compression import TextGZipMiddleware

WORDS = "a calm paragraph of a page, long enough to be worth compressing. " * 20


def _request() -> HttpRequest:
    return RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")


def _through(
    response: HttpResponse | StreamingHttpResponse,
) -> HttpResponse | StreamingHttpResponse:
    middleware = TextGZipMiddleware(lambda request: response)
    result = middleware(_request())
    assert isinstance(result, HttpResponse | StreamingHttpResponse)
    return result


def test_a_page_is_gzipped_with_a_random_length_and_unchanged_words() -> None:
    lengths = set()
    for _ in range(12):
        response = _through(HttpResponse(WORDS, content_type="text/html; charset=utf-8"))
        assert isinstance(response, HttpResponse)
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content).decode() == WORDS
        lengths.add(len(response.content))
    # Django's BREACH mitigation: up to 100 random bytes in the gzip header.
    assert len(lengths) > 1


def test_the_manifest_and_json_are_gzipped_too() -> None:
    for kind in ("application/manifest+json", "application/json", "text/javascript"):
        response = _through(HttpResponse(WORDS, content_type=kind))
        assert response["Content-Encoding"] == "gzip", kind


def test_a_stream_is_left_to_stream() -> None:
    response = _through(StreamingHttpResponse(iter([WORDS.encode()] * 3), content_type="text/csv"))
    assert not response.has_header("Content-Encoding")
    assert isinstance(response, StreamingHttpResponse)
    assert b"".join(response.streaming_content) == WORDS.encode() * 3  # type: ignore[arg-type]


def test_bytes_already_compressed_are_not_squeezed_again() -> None:
    response = _through(HttpResponse(b"PK\x03\x04" + b"\x00" * 400, content_type="application/zip"))
    assert not response.has_header("Content-Encoding")
    file = _through(FileResponse(iter([b"x" * 400]), content_type="text/plain"))
    assert not file.has_header("Content-Encoding")
