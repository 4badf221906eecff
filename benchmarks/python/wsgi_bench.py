"""The plain WSGI application that Gunicorn and uWSGI serve in benchmarks/run.sh.

It answers exactly what the Java candidates answer (benchmarks/src/main/java/.../server/Payloads.java), written as a
WSGI author would: a list of one bytes object for small bodies, a generator and wsgi.file_wrapper for large ones.
"""
import os
import time

HELLO = b"Hello, World!"
CHUNK = 64 * 1024
TEXT = [("Content-Type", "text/plain")]


def _answer(start_response, body):
    start_response("200 OK", TEXT + [("Content-Length", str(len(body)))])
    return [body]


def _size(query):
    for pair in query.split("&"):
        if pair.startswith("size="):
            return int(pair[len("size="):])
    raise ValueError("the download needs size=N in its query, not %r" % query)


def _generate(size):
    full = b"\0" * CHUNK
    while size >= CHUNK:
        size -= CHUNK
        yield full
    if size:
        yield b"\0" * size


def application(environ, start_response):
    path = environ.get("PATH_INFO", "")
    if path == "/hello":
        return _answer(start_response, HELLO)
    if path == "/echo":
        return _answer(start_response, environ.get("QUERY_STRING", "").encode("latin-1"))
    if path == "/sleep":
        time.sleep(0.05)
        return _answer(start_response, HELLO)
    if path == "/upload":
        stream, total = environ["wsgi.input"], 0
        chunk = stream.read(CHUNK)
        while chunk:
            total += len(chunk)
            chunk = stream.read(CHUNK)
        return _answer(start_response, str(total).encode("ascii"))
    if path == "/download":
        size = _size(environ.get("QUERY_STRING", ""))
        start_response("200 OK", [("Content-Type", "application/octet-stream"), ("Content-Length", str(size))])
        return _generate(size)
    if path == "/file":
        name = os.environ["BENCH_FILE"]
        start_response("200 OK", [("Content-Type", "application/octet-stream"),
                                  ("Content-Length", str(os.path.getsize(name)))])
        return environ["wsgi.file_wrapper"](open(name, "rb"), CHUNK)
    start_response("404 Not Found", TEXT + [("Content-Length", "10")])
    return [b"Not Found\n"]
